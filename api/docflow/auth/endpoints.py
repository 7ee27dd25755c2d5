from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from docflow.auth.csrf import require_trusted_origin
from docflow.auth.principal import Principal, permissions_of
from docflow.auth.schemas import (
    LoginRequest,
    MeRead,
    TokenCreate,
    TokenCreated,
    TokenRead,
    UserRead,
    WorkspaceRead,
)
from docflow.auth.service import AuthService
from docflow.config import Settings
from docflow.deps import CurrentPrincipal, SessionDep, SettingsDep
from docflow.openapi import AUTHENTICATED, BODY_LIMITS, error_responses

router = APIRouter(tags=["auth"])

_NO_STORE = {"Cache-Control": "no-store"}


def _me(service: AuthService, principal: Principal) -> MeRead:
    user, workspace = service.current_user(principal)
    return MeRead(
        user=UserRead.model_validate(user),
        workspace=WorkspaceRead.model_validate(workspace),
        via="session" if principal.via == "session" else "token",
        permissions=sorted(permissions_of(principal.role)),
        csrf_token=principal.csrf_token,
    )


def _cookie_secure(request: Request, settings: Settings) -> bool:
    if settings.session_cookie_secure is not None:
        return settings.session_cookie_secure
    return request.url.scheme == "https"


@router.post(
    "/auth/login",
    operation_id="auth-login",
    response_model=MeRead,
    responses={
        200: {"description": "Signed in: the session cookie is set"},
        **error_responses(
            *BODY_LIMITS,
            401,
            403,
            422,
            429,
            503,
            notes={
                401: "Wrong email or password (`invalid_credentials`)",
                403: "Requests from this origin are not allowed (`origin_not_allowed`)",
            },
        ),
    },
)
def login(
    body: LoginRequest, request: Request, session: SessionDep, settings: SettingsDep
) -> JSONResponse:
    """Sign in with email and password: sets the HttpOnly session cookie and returns the CSRF
    token to send in X-CSRF-Token."""
    require_trusted_origin(request, settings)
    service = AuthService(session, settings)
    signed_in = service.login(
        body.email,
        body.password,
        address=request.client.host if request.client else None,
        user_agent=request.headers.get("user-agent"),
    )
    response = JSONResponse(
        _me(service, signed_in.principal).model_dump(mode="json"), headers=_NO_STORE
    )
    response.set_cookie(
        settings.session_cookie_name,
        signed_in.secret,
        max_age=settings.session_max_age_hours * 3600,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_cookie_secure(request, settings),
    )
    return response


@router.post(
    "/auth/logout",
    status_code=204,
    operation_id="auth-logout",
    responses=error_responses(*AUTHENTICATED),
)
def logout(
    request: Request, principal: CurrentPrincipal, session: SessionDep, settings: SettingsDep
) -> Response:
    """End the current session (cookie). Bearer callers revoke tokens: DELETE /api/tokens/{id}."""
    AuthService(session, settings).logout(principal)
    response = Response(status_code=204, headers=_NO_STORE)
    response.delete_cookie(
        settings.session_cookie_name,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_cookie_secure(request, settings),
    )
    return response


@router.get(
    "/auth/me",
    operation_id="auth-me",
    response_model=MeRead,
    responses=error_responses(*AUTHENTICATED),
)
def me(principal: CurrentPrincipal, session: SessionDep) -> JSONResponse:
    body = _me(AuthService(session), principal)
    return JSONResponse(body.model_dump(mode="json"), headers=_NO_STORE)


@router.post(
    "/tokens",
    status_code=201,
    operation_id="auth-create_token",
    responses=error_responses(*AUTHENTICATED, *BODY_LIMITS, 422),
)
def create_token(
    body: TokenCreate, principal: CurrentPrincipal, session: SessionDep
) -> TokenCreated:
    issued = AuthService(session).create_token(principal, body.name)
    return TokenCreated(**TokenRead.model_validate(issued.token).model_dump(), token=issued.secret)


@router.get("/tokens", operation_id="auth-list_tokens", responses=error_responses(*AUTHENTICATED))
def list_tokens(principal: CurrentPrincipal, session: SessionDep) -> list[TokenRead]:
    return [TokenRead.model_validate(t) for t in AuthService(session).list_tokens(principal)]


@router.delete(
    "/tokens/{token_id}",
    operation_id="auth-revoke_token",
    responses=error_responses(*AUTHENTICATED, 404, 422),
)
def revoke_token(
    token_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep
) -> TokenRead:
    return TokenRead.model_validate(AuthService(session).revoke_token(principal, token_id))
