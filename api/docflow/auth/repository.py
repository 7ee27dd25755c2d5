from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from docflow.models import ApiToken, AuditEvent, AuthSession, User, Workspace

# Last-use stamps are written at most this often per credential.
TOUCH_INTERVAL = timedelta(seconds=60)


class AuthRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # tokens ------------------------------------------------------------------------------------
    def active_token_with_user(self, token_hash: str) -> tuple[ApiToken, User] | None:
        row = self.session.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(
                ApiToken.token_hash == token_hash,
                ApiToken.revoked_at.is_(None),
                User.is_active.is_(True),
            )
        ).first()
        return (row[0], row[1]) if row else None

    def token_is_active(self, token_id: uuid.UUID) -> bool:
        return (
            self.session.scalar(
                select(ApiToken.id)
                .join(User, User.id == ApiToken.user_id)
                .where(
                    ApiToken.id == token_id,
                    ApiToken.revoked_at.is_(None),
                    User.is_active.is_(True),
                )
            )
            is not None
        )

    def touch_token(self, token_id: uuid.UUID, when: datetime) -> None:
        self.session.execute(
            update(ApiToken)
            .where(
                ApiToken.id == token_id,
                or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < when - TOUCH_INTERVAL),
            )
            .values(last_used_at=when)
        )

    def add_token(self, token: ApiToken) -> ApiToken:
        self.session.add(token)
        self.session.flush()
        return token

    def list_tokens(self, user_id: uuid.UUID) -> list[ApiToken]:
        return list(
            self.session.scalars(
                select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at)
            )
        )

    def get_token(self, token_id: uuid.UUID, user_id: uuid.UUID) -> ApiToken | None:
        return self.session.scalar(
            select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id)
        )

    def revoke_user_tokens(self, user_id: uuid.UUID, when: datetime) -> int:
        result = self.session.execute(
            update(ApiToken)
            .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=when)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    # sessions ----------------------------------------------------------------------------------
    def add_session(self, auth_session: AuthSession) -> AuthSession:
        self.session.add(auth_session)
        self.session.flush()
        return auth_session

    def active_session_with_user(self, secret_hash: str) -> tuple[AuthSession, User] | None:
        row = self.session.execute(
            select(AuthSession, User)
            .join(User, User.id == AuthSession.user_id)
            .where(
                AuthSession.secret_hash == secret_hash,
                AuthSession.revoked_at.is_(None),
                AuthSession.expires_at > func.now(),
                User.is_active.is_(True),
            )
        ).first()
        return (row[0], row[1]) if row else None

    def session_is_active(self, session_id: uuid.UUID) -> bool:
        return (
            self.session.scalar(
                select(AuthSession.id)
                .join(User, User.id == AuthSession.user_id)
                .where(
                    AuthSession.id == session_id,
                    AuthSession.revoked_at.is_(None),
                    AuthSession.expires_at > func.now(),
                    User.is_active.is_(True),
                )
            )
            is not None
        )

    def touch_session(self, session_id: uuid.UUID, when: datetime) -> None:
        self.session.execute(
            update(AuthSession)
            .where(
                AuthSession.id == session_id,
                or_(
                    AuthSession.last_seen_at.is_(None),
                    AuthSession.last_seen_at < when - TOUCH_INTERVAL,
                ),
            )
            .values(last_seen_at=when)
        )

    def revoke_session(self, session_id: uuid.UUID, when: datetime) -> None:
        self.session.execute(
            update(AuthSession)
            .where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
            .values(revoked_at=when)
        )

    def revoke_user_sessions(self, user_id: uuid.UUID, when: datetime) -> int:
        result = self.session.execute(
            update(AuthSession)
            .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
            .values(revoked_at=when)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    # users and workspaces ----------------------------------------------------------------------
    def users_by_email(self, email: str) -> list[User]:
        """Every account with this address (one per workspace at most), oldest first."""
        return list(
            self.session.scalars(
                select(User)
                .where(User.email == email.strip().lower())
                .order_by(User.created_at, User.id)
            )
        )

    def user_by_email(self, email: str) -> User | None:
        """The oldest account with this address."""
        found = self.users_by_email(email)
        return found[0] if found else None

    def get_user(self, user_id: uuid.UUID) -> User | None:
        return self.session.get(User, user_id)

    def get_workspace(self, workspace_id: uuid.UUID) -> Workspace | None:
        return self.session.get(Workspace, workspace_id)

    def count_users(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(User)) or 0)

    def add_workspace(self, workspace: Workspace) -> Workspace:
        self.session.add(workspace)
        self.session.flush()
        return workspace

    def add_user(self, user: User) -> User:
        self.session.add(user)
        self.session.flush()
        return user

    # audit -------------------------------------------------------------------------------------
    def add_audit(self, event: AuditEvent) -> AuditEvent:
        self.session.add(event)
        self.session.flush()
        return event
