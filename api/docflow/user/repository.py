from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from docflow.models import ApiToken, AuditEvent, Role, User


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def list_users(self, workspace_id: uuid.UUID) -> list[User]:
        return list(
            self.session.scalars(
                select(User)
                .where(User.workspace_id == workspace_id)
                .order_by(User.created_at, User.email)
            )
        )

    def get(
        self, user_id: uuid.UUID, workspace_id: uuid.UUID, *, lock: bool = False
    ) -> User | None:
        query = select(User).where(User.id == user_id, User.workspace_id == workspace_id)
        if lock:
            query = query.with_for_update()
        return self.session.scalar(query)

    def email_taken(self, email: str, workspace_id: uuid.UUID) -> bool:
        """Within the workspace only: whether the address has an account elsewhere is not for
        this workspace's admins to learn."""
        query = select(User.id).where(User.email == email, User.workspace_id == workspace_id)
        return self.session.scalar(query) is not None

    def lock_active_admins(self, workspace_id: uuid.UUID) -> list[uuid.UUID]:
        """The workspace's active admins, row-locked so two demotions cannot both pass the
        last-admin check."""
        return list(
            self.session.scalars(
                select(User.id)
                .where(
                    User.workspace_id == workspace_id,
                    User.role == Role.admin.value,
                    User.is_active.is_(True),
                )
                .order_by(User.id)
                .with_for_update()
            )
        )

    def add(self, user: User) -> User:
        self.session.add(user)
        self.session.flush()
        return user

    def tokens(self, user_id: uuid.UUID) -> list[ApiToken]:
        return list(
            self.session.scalars(
                select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.created_at)
            )
        )

    def audit(self, workspace_id: uuid.UUID, limit: int) -> list[AuditEvent]:
        return list(
            self.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.workspace_id == workspace_id)
                .order_by(AuditEvent.created_at.desc(), AuditEvent.id)
                .limit(limit)
            )
        )
