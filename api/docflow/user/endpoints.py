from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from docflow.auth.schemas import TokenRead, UserRead
from docflow.deps import CurrentPrincipal, SessionDep
from docflow.openapi import AUTHENTICATED, BODY_LIMITS, error_responses
from docflow.user.schemas import AuditEventRead, UserCreate, UserCreated, UserUpdate
from docflow.user.service import UserService

router = APIRouter(tags=["users"])

_ADMIN = {403: "Only admins manage users (`forbidden`), or a cookie request failed its checks"}


@router.get(
    "/users", operation_id="users-list", responses=error_responses(*AUTHENTICATED, notes=_ADMIN)
)
def list_users(principal: CurrentPrincipal, session: SessionDep) -> list[UserRead]:
    return [UserRead.model_validate(u) for u in UserService(session).list_users(principal)]


@router.post(
    "/users",
    status_code=201,
    operation_id="users-create",
    response_model=UserCreated,
    responses=error_responses(
        *AUTHENTICATED,
        *BODY_LIMITS,
        409,
        422,
        notes={**_ADMIN, 409: "A user with this email already exists (`email_taken`)"},
    ),
)
def create_user(body: UserCreate, principal: CurrentPrincipal, session: SessionDep) -> JSONResponse:
    created = UserService(session).create(principal, body)
    out = UserCreated(
        **UserRead.model_validate(created.user).model_dump(),
        temporary_password=created.temporary_password,
    )
    return JSONResponse(
        out.model_dump(mode="json"), status_code=201, headers={"Cache-Control": "no-store"}
    )


@router.get(
    "/users/{user_id}",
    operation_id="users-get",
    responses=error_responses(*AUTHENTICATED, 404, 422, notes=_ADMIN),
)
def get_user(user_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> UserRead:
    return UserRead.model_validate(UserService(session).get(principal, user_id))


@router.patch(
    "/users/{user_id}",
    operation_id="users-update",
    responses=error_responses(
        *AUTHENTICATED,
        *BODY_LIMITS,
        404,
        409,
        422,
        notes={**_ADMIN, 409: "The workspace needs at least one active admin (`last_admin`)"},
    ),
)
def update_user(
    user_id: uuid.UUID, body: UserUpdate, principal: CurrentPrincipal, session: SessionDep
) -> UserRead:
    """Change role or display name, or deactivate (`is_active: false`) / reactivate a user."""
    return UserRead.model_validate(UserService(session).update(principal, user_id, body))


@router.get(
    "/users/{user_id}/tokens",
    operation_id="users-list_tokens",
    responses=error_responses(*AUTHENTICATED, 404, 422, notes=_ADMIN),
)
def list_user_tokens(
    user_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> list[TokenRead]:
    return [TokenRead.model_validate(t) for t in UserService(session).tokens(principal, user_id)]


@router.delete(
    "/users/{user_id}/tokens/{token_id}",
    operation_id="users-revoke_token",
    responses=error_responses(*AUTHENTICATED, 404, 422, notes=_ADMIN),
)
def revoke_user_token(
    user_id: uuid.UUID, token_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> TokenRead:
    token = UserService(session).revoke_token(principal, user_id, token_id)
    return TokenRead.model_validate(token)


@router.get(
    "/audit-events",
    operation_id="users-list_audit_events",
    responses=error_responses(*AUTHENTICATED, 422, notes=_ADMIN),
)
def list_audit_events(
    principal: CurrentPrincipal,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[AuditEventRead]:
    """The workspace's account administration trail, newest first (admins only)."""
    return [AuditEventRead.model_validate(e) for e in UserService(session).audit(principal, limit)]
