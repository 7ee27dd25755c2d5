from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from docflow.errors import Forbidden
from docflow.models import Role

# What each role may do. Reviewers do the work; viewers read and export; admins manage too.
_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.viewer.value: frozenset({"read", "export"}),
    Role.reviewer.value: frozenset({"read", "export", "write"}),
    Role.admin.value: frozenset({"read", "export", "write", "admin"}),
}


def permissions_of(role: str) -> frozenset[str]:
    return _PERMISSIONS.get(role, frozenset())


@dataclass(frozen=True)
class Principal:
    """Who is calling. Built from the database on every request (and every stream handshake), so a
    role change, a revoked credential or a deactivated user takes effect at once."""

    user_id: uuid.UUID
    workspace_id: uuid.UUID
    role: str
    via: str  # "token" | "session"
    session_id: uuid.UUID | None = None  # the auth_sessions row (via="session")
    token_id: uuid.UUID | None = None  # the api_tokens row (via="token")
    csrf_token: str | None = None  # what a cookie client sends back in X-CSRF-Token
    expires_at: datetime | None = None  # when the session ends by itself (streams end then too)

    def can(self, permission: str) -> bool:
        return permission in permissions_of(self.role)

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise Forbidden(f"Your role ({self.role}) may not do this.")
