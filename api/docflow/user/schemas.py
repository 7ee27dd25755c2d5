from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from docflow.auth.passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from docflow.auth.schemas import UserRead
from docflow.schemas import Text

RoleName = Literal["admin", "reviewer", "viewer"]

# Control (NUL, ESC, DEL, C1), format (bidi overrides, zero-width), surrogate, private-use and
# unassigned characters: an address holding one would show as another in lists and audit logs.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _visible_only(value: str) -> str:
    if any(unicodedata.category(ch) in _INVISIBLE for ch in value):
        raise ValueError("must not contain control or invisible characters")
    return value


EmailAddress = Annotated[
    str,
    Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$"),
    AfterValidator(_visible_only),
]


class UserCreate(BaseModel):
    email: EmailAddress
    role: RoleName = "reviewer"
    display_name: Text | None = Field(default=None, max_length=200)
    password: Text | None = Field(
        default=None,
        min_length=MIN_PASSWORD_LENGTH,
        max_length=MAX_PASSWORD_LENGTH,
        description="Leave out to have a temporary password generated (returned once).",
    )


class UserCreated(UserRead):
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    temporary_password: str | None = Field(
        default=None, description="Only when no password was given. Shown once; pass it on now."
    )


class UserUpdate(BaseModel):
    role: RoleName | None = None
    display_name: Text | None = Field(default=None, max_length=200)
    is_active: bool | None = Field(
        default=None,
        description="false deactivates: the user's sessions and API tokens stop working at once.",
    )


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    actor_id: uuid.UUID | None
    action: str
    target_type: str
    target_id: uuid.UUID | None
    data: dict[str, Any]
    created_at: datetime
