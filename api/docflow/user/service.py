"""Workspace user administration (admins only): list, create, change role, deactivate.

Users of another workspace do not exist as far as this service is concerned (404)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from docflow.auth.passwords import hash_password
from docflow.auth.principal import Principal
from docflow.auth.repository import AuthRepository
from docflow.auth.service import AuthService, record_audit
from docflow.errors import Conflict, NotFound
from docflow.events.publisher import publish_access_changed
from docflow.models import ApiToken, AuditEvent, Role, User
from docflow.user.repository import UserRepository
from docflow.user.schemas import UserCreate, UserUpdate


class EmailTaken(Conflict):
    code = "email_taken"


class LastAdmin(Conflict):
    code = "last_admin"


@dataclass(frozen=True)
class CreatedUser:
    user: User
    temporary_password: str | None


class UserService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.repo = UserRepository(session)

    def list_users(self, principal: Principal) -> list[User]:
        principal.require("admin")
        return self.repo.list_users(principal.workspace_id)

    def get(self, principal: Principal, user_id: uuid.UUID) -> User:
        principal.require("admin")
        user = self.repo.get(user_id, principal.workspace_id)
        if user is None:
            raise NotFound("User not found.")
        return user

    def create(self, principal: Principal, body: UserCreate) -> CreatedUser:
        principal.require("admin")
        email = body.email.strip().lower()
        if self.repo.email_taken(email, principal.workspace_id):
            raise EmailTaken("A user with this email already exists in this workspace.")
        temporary = None if body.password else secrets.token_urlsafe(12)
        user = self.repo.add(
            User(
                workspace_id=principal.workspace_id,
                email=email,
                display_name=body.display_name,
                role=body.role,
                password_hash=hash_password(body.password or temporary or ""),
                is_active=True,
            )
        )
        self._audit(principal, "user.created", user, {"email": email, "role": body.role})
        return CreatedUser(user=user, temporary_password=temporary)

    def update(self, principal: Principal, user_id: uuid.UUID, body: UserUpdate) -> User:
        principal.require("admin")
        # Lock the admin set before the target row (always in this order, so two admins demoting
        # each other queue up instead of deadlocking, and the second sees the first's change).
        admins = None
        if body.role is not None or body.is_active is False:
            admins = self.repo.lock_active_admins(principal.workspace_id)
        user = self.repo.get(user_id, principal.workspace_id, lock=True)
        if user is None:
            raise NotFound("User not found.")
        demoting = body.role is not None and body.role != Role.admin and user.role == Role.admin
        deactivating = body.is_active is False and user.is_active
        if (demoting or deactivating) and admins == [user.id]:
            raise LastAdmin("The workspace needs at least one active admin.")
        changes: dict[str, object] = {}
        if body.role is not None and body.role != user.role:
            changes["role"] = {"from": user.role, "to": body.role}
            user.role = body.role
        if body.display_name is not None and body.display_name != user.display_name:
            changes["display_name"] = body.display_name
            user.display_name = body.display_name
        now = datetime.now(UTC)
        if deactivating:
            user.is_active = False
            user.deactivated_at = now
            auth = AuthRepository(self.session)
            changes["sessions_revoked"] = auth.revoke_user_sessions(user.id, now)
            changes["tokens_revoked"] = auth.revoke_user_tokens(user.id, now)
            self._audit(principal, "user.deactivated", user, changes)
        elif body.is_active is True and not user.is_active:
            user.is_active = True
            user.deactivated_at = None
            self._audit(principal, "user.reactivated", user, changes)
        elif changes:
            self._audit(principal, "user.updated", user, changes)
        if deactivating or "role" in changes:
            # Open streams of this user, in every API process, re-check at once (and end when
            # the user was deactivated).
            publish_access_changed(self.session, user.id)
        self.session.flush()
        return user

    def tokens(self, principal: Principal, user_id: uuid.UUID) -> list[ApiToken]:
        return self.repo.tokens(self.get(principal, user_id).id)

    def revoke_token(
        self, principal: Principal, user_id: uuid.UUID, token_id: uuid.UUID
    ) -> ApiToken:
        user = self.get(principal, user_id)  # 404 outside the workspace, 403 for non-admins
        return AuthService(self.session).revoke_token(principal, token_id, owner_id=user.id)

    def audit(self, principal: Principal, limit: int) -> list[AuditEvent]:
        principal.require("admin")
        return self.repo.audit(principal.workspace_id, limit)

    def _audit(
        self, principal: Principal, action: str, user: User, data: dict[str, object]
    ) -> None:
        record_audit(
            self.session,
            workspace_id=principal.workspace_id,
            actor_id=principal.user_id,
            action=action,
            target_type="user",
            target_id=user.id,
            data=data,
        )
