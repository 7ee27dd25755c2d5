"""Idempotency-Key handling shared by every unsafe endpoint that accepts one.

1. `claim()` records the key as in progress in its own, immediately committed transaction, so a
   concurrent request with the same key sees it (→ 409) instead of running the work twice.
2. The endpoint does its work in the request transaction and calls `complete()` there: the stored
   answer commits atomically with the state change it describes.
3. If the work fails, `release()` drops the claim so the client may try again.
A completed key replays its stored answer; the same key with a different request → 422.
Keys live `idempotency_ttl_days` (30 by default: offline outboxes can be old).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from docflow.config import get_settings
from docflow.db import after_rollback, commit, new_session
from docflow.errors import Conflict, IdempotencyKeyReused, ValidationFailed
from docflow.idempotency.repository import IdempotencyRepository


@dataclass(frozen=True)
class StoredAnswer:
    status_code: int
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass(frozen=True)
class Claim:
    record_id: uuid.UUID
    key: str


def fingerprint_of(*parts: Any) -> str:
    raw = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def validate_key(key: str) -> str:
    key = key.strip()
    if not 1 <= len(key) <= 200 or not key.isprintable():
        raise ValidationFailed(
            "Idempotency-Key must be 1 to 200 printable characters.",
            details=[{"field": "header.Idempotency-Key", "message": "invalid"}],
        )
    return key


class IdempotencyService:
    def __init__(self) -> None:
        settings = get_settings()
        self.lease = timedelta(seconds=settings.idempotency_lease_seconds)
        self.ttl = timedelta(days=settings.idempotency_ttl_days)

    def claim(self, user_id: uuid.UUID, key: str, scope: str) -> Claim | tuple[str, StoredAnswer]:
        """Claim `key` for a new request, or return (fingerprint, answer) of the completed one."""
        key = validate_key(key)
        session = new_session()
        try:
            repo = IdempotencyRepository(session)
            record_id = repo.try_insert(user_id, key, scope, self.lease, self.ttl)
            if record_id is None:
                record = repo.get(user_id, key)
                if record is None:  # expired and purged between the two statements
                    record_id = repo.try_insert(user_id, key, scope, self.lease, self.ttl)
                elif record.state == "completed":
                    if record.scope != scope:
                        raise key_reused()
                    assert record.fingerprint is not None
                    assert record.status_code is not None
                    answer = StoredAnswer(
                        record.status_code,
                        record.response_body or {},
                        dict(record.response_headers or {}),
                    )
                    commit(session)
                    return record.fingerprint, answer
                elif repo.take_over_abandoned(record.id, scope, self.lease):
                    record_id = record.id
                else:
                    raise Conflict(
                        "A request with this Idempotency-Key is still being processed; "
                        "retry shortly.",
                        details={"idempotency_key": key},
                    )
            commit(session)
            assert record_id is not None
            return Claim(record_id=record_id, key=key)
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @staticmethod
    def check_replay(
        stored_fingerprint: str, fingerprint: str, answer: StoredAnswer
    ) -> StoredAnswer:
        if stored_fingerprint != fingerprint:
            raise key_reused()
        return answer

    def complete(
        self,
        session: Session,
        claim: Claim,
        *,
        fingerprint: str,
        status_code: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        after_rollback(session, lambda: self.release(claim))
        IdempotencyRepository(session).complete(
            claim.record_id,
            fingerprint=fingerprint,
            status_code=status_code,
            body=body,
            headers=headers or {},
        )

    def release(self, claim: Claim) -> None:
        session = new_session()
        try:
            IdempotencyRepository(session).release(claim.record_id)
            commit(session)
        finally:
            session.close()


def key_reused() -> IdempotencyKeyReused:
    """The answer to a key sent again with a different request."""
    return IdempotencyKeyReused(
        "This Idempotency-Key was already used for a different request.",
        details=[{"field": "header.Idempotency-Key", "message": "reused with a different request"}],
    )
