from __future__ import annotations

import uuid

from fastapi import APIRouter

from docflow.auth.schemas import TokenCreate, TokenCreated, TokenRead
from docflow.auth.service import AuthService
from docflow.deps import CurrentPrincipal, SessionDep

router = APIRouter(tags=["auth"])


@router.post("/tokens", status_code=201, operation_id="auth-create_token")
def create_token(body: TokenCreate, principal: CurrentPrincipal, session: SessionDep) -> TokenCreated:
    issued = AuthService(session).issue_token(principal.user_id, body.name)
    return TokenCreated(
        **TokenRead.model_validate(issued.token).model_dump(), token=issued.secret
    )


@router.get("/tokens", operation_id="auth-list_tokens")
def list_tokens(principal: CurrentPrincipal, session: SessionDep) -> list[TokenRead]:
    return [TokenRead.model_validate(t) for t in AuthService(session).list_tokens(principal)]


@router.delete("/tokens/{token_id}", operation_id="auth-revoke_token")
def revoke_token(token_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> TokenRead:
    return TokenRead.model_validate(AuthService(session).revoke_token(principal, token_id))
