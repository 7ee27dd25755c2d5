from __future__ import annotations

import uuid
from dataclasses import dataclass

from docflow.errors import Forbidden
from docflow.models import Role

# What each role may do. Reviewers do the work; viewers read and export; admins manage too.
_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.viewer.value: frozenset({"read", "export"}),
    Role.reviewer.value: frozenset({"read", "export", "write"}),
    Role.admin.value: frozenset({"read", "export", "write", "admin"}),
}


@dataclass(frozen=True)
class Principal:
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    role: str
    via: str  # "token" | "session"
    session_id: str | None = None

    def can(self, permission: str) -> bool:
        return permission in _PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise Forbidden(f"Your role ({self.role}) may not do this.")
