from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from docflow.models import IdempotencyRecord


class IdempotencyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def try_insert(
        self, user_id: uuid.UUID, key: str, scope: str, lease: timedelta, ttl: timedelta
    ) -> uuid.UUID | None:
        stmt = (
            insert(IdempotencyRecord)
            .values(
                id=uuid.uuid4(),
                user_id=user_id,
                key=key,
                scope=scope,
                state="in_progress",
                locked_until=func.now() + lease,
                expires_at=func.now() + ttl,
            )
            .on_conflict_do_nothing(constraint="uq_idempotency_user_key")
            .returning(IdempotencyRecord.id)
        )
        return self.session.execute(stmt).scalar_one_or_none()

    def get(self, user_id: uuid.UUID, key: str) -> IdempotencyRecord | None:
        return self.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
            )
        )

    def take_over_abandoned(self, record_id: uuid.UUID, scope: str, lease: timedelta) -> bool:
        """Reclaim an in-progress record whose owner died (its lock expired)."""
        result = self.session.execute(
            update(IdempotencyRecord)
            .where(
                IdempotencyRecord.id == record_id,
                IdempotencyRecord.state == "in_progress",
                IdempotencyRecord.locked_until < func.now(),
            )
            .values(locked_until=func.now() + lease, scope=scope)
            .returning(IdempotencyRecord.id)
        )
        return result.scalar_one_or_none() is not None

    def complete(
        self,
        record_id: uuid.UUID,
        *,
        fingerprint: str,
        status_code: int,
        body: dict[str, Any],
        headers: dict[str, str],
    ) -> None:
        self.session.execute(
            update(IdempotencyRecord)
            .where(IdempotencyRecord.id == record_id)
            .values(
                state="completed",
                fingerprint=fingerprint,
                status_code=status_code,
                response_body=body,
                response_headers=headers,
                locked_until=None,
            )
        )

    def release(self, record_id: uuid.UUID) -> None:
        self.session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.id == record_id, IdempotencyRecord.state == "in_progress"
            )
        )

    def purge_expired(self, limit: int) -> int:
        """Delete up to `limit` expired records (skipping rows another purge holds)."""
        expired = (
            select(IdempotencyRecord.id)
            .where(IdempotencyRecord.expires_at < func.now())
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        result = self.session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.id.in_(expired.scalar_subquery()))
        )
        return int(getattr(result, "rowcount", 0) or 0)
