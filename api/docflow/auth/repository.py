from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from docflow.models import ApiToken, User, Workspace


class AuthRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

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

    def touch_token(self, token_id: uuid.UUID, when: datetime) -> None:
        self.session.execute(
            update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=when)
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

    def user_by_email(self, email: str) -> User | None:
        return self.session.scalar(select(User).where(User.email == email.lower()))

    def count_users(self) -> int:
        return len(list(self.session.scalars(select(User.id).limit(1))))

    def add_workspace(self, workspace: Workspace) -> Workspace:
        self.session.add(workspace)
        self.session.flush()
        return workspace

    def add_user(self, user: User) -> User:
        self.session.add(user)
        self.session.flush()
        return user
