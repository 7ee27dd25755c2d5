from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from starlette.requests import HTTPConnection
from sqlalchemy.orm import Session

from docflow.auth.principal import Principal
from docflow.auth.repository import AuthRepository
from docflow.errors import NotFound, Unauthorized
from docflow.models import ApiToken, Role, User, Workspace

TOKEN_PREFIX = "dfk_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


class AuthService:
    def __init__(self, session: Session) -> None:
        self.repo = AuthRepository(session)

    def authenticate_request(self, request: HTTPConnection) -> Principal:
        """Who is calling: HTTP requests, SSE and WebSocket handshakes alike."""
        header = request.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        if scheme.lower() == "bearer" and credentials:
            return self.authenticate_token(credentials.strip())
        raise Unauthorized("Sign in or send an API token (Authorization: Bearer …).")

    def authenticate_token(self, raw: str) -> Principal:
        found = self.repo.active_token_with_user(hash_token(raw))
        if found is None:
            raise Unauthorized("The API token is invalid or revoked.")
        token, user = found
        return Principal(user_id=user.id, workspace_id=user.workspace_id, role=user.role, via="token")

    def issue_token(self, user_id: uuid.UUID, name: str) -> IssuedToken:
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = self.repo.add_token(
            ApiToken(user_id=user_id, name=name, token_hash=hash_token(secret), prefix=secret[:10])
        )
        return IssuedToken(token=token, secret=secret)

    def list_tokens(self, principal: Principal) -> list[ApiToken]:
        return self.repo.list_tokens(principal.user_id)

    def revoke_token(self, principal: Principal, token_id: uuid.UUID) -> ApiToken:
        token = self.repo.get_token(token_id, principal.user_id)
        if token is None:
            raise NotFound("Token not found.")
        if token.revoked_at is None:
            token.revoked_at = datetime.now(UTC)
        return token

    def create_workspace_with_admin(
        self, workspace_name: str, email: str, password_hash: str | None, role: str = Role.admin
    ) -> User:
        workspace = self.repo.add_workspace(Workspace(name=workspace_name))
        return self.repo.add_user(
            User(
                workspace_id=workspace.id,
                email=email.lower(),
                password_hash=password_hash,
                role=str(role),
            )
        )
