from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from docflow.auth.passwords import MAX_PASSWORD_LENGTH
from docflow.schemas import Text


class TokenCreate(BaseModel):
    name: Text = Field(min_length=1, max_length=200)


class TokenRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenRead):
    token: str = Field(description="The secret. Shown once; store it now.")


class LoginRequest(BaseModel):
    email: Text = Field(min_length=3, max_length=320)
    password: Text = Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    workspace_id: uuid.UUID
    email: str
    display_name: str | None
    role: Literal["admin", "reviewer", "viewer"]
    is_active: bool
    created_at: datetime
    last_login_at: datetime | None
    deactivated_at: datetime | None


class WorkspaceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str


class MeRead(BaseModel):
    """The signed-in caller. `csrf_token` (cookie sessions only) goes in `X-CSRF-Token` on every
    POST/PUT/PATCH/DELETE."""

    user: UserRead
    workspace: WorkspaceRead
    via: Literal["session", "token"]
    permissions: list[str]
    csrf_token: str | None
