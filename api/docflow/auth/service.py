"""Who is calling, and signing in and out.

Credentials: `Authorization: Bearer <API token>` (scripts; no CSRF) or the session cookie set by
`POST /api/auth/login` (the PWA; Origin check, and X-CSRF-Token on unsafe methods). Each is looked
up in the database on every request and every stream handshake, so a revoked token, a signed-out
session or a deactivated user stops working at once.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session
from starlette.requests import HTTPConnection

from docflow.auth.csrf import csrf_token_for, require_csrf_token, require_trusted_origin
from docflow.auth.passwords import hash_password, needs_rehash, verify_password
from docflow.auth.principal import Principal
from docflow.auth.ratelimit import LoginRateLimiter
from docflow.auth.repository import AuthRepository
from docflow.config import Settings, get_settings
from docflow.db import unit_of_work
from docflow.errors import NotFound, Unauthorized
from docflow.events.publisher import publish_access_changed
from docflow.models import ApiToken, AuditEvent, AuthSession, Role, User, Workspace

TOKEN_PREFIX = "dfk_"

log = logging.getLogger(__name__)


class InvalidCredentials(Unauthorized):
    code = "invalid_credentials"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str


@dataclass(frozen=True)
class SignIn:
    """A new session: `secret` goes in the cookie (never stored), `principal` carries the CSRF
    token the client echoes on unsafe requests."""

    principal: Principal
    user: User
    secret: str
    expires_at: datetime


def record_audit(
    session: Session,
    *,
    workspace_id: uuid.UUID,
    actor_id: uuid.UUID | None,
    action: str,
    target_type: str,
    target_id: uuid.UUID | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit row in the caller's transaction."""
    return AuthRepository(session).add_audit(
        AuditEvent(
            workspace_id=workspace_id,
            actor_id=actor_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            data=data or {},
        )
    )


class AuthService:
    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.settings = settings or get_settings()
        self.repo = AuthRepository(session)

    # who is calling ----------------------------------------------------------------------------
    def authenticate_request(self, conn: HTTPConnection) -> Principal:
        """Who is calling: HTTP requests, SSE and WebSocket handshakes alike.

        401 without valid credentials; 403 when a cookie request comes from a foreign Origin or an
        unsafe cookie request lacks the CSRF token; a WebSocket handshake from a foreign Origin is
        refused (403) whatever the credentials.
        """
        header = conn.headers.get("authorization")
        if header:
            scheme, _, credentials = header.partition(" ")
            if scheme.lower() != "bearer" or not credentials.strip():
                raise Unauthorized("Use Authorization: Bearer <API token>.")
            principal = self.authenticate_token(credentials.strip())
            if conn.scope.get("type") == "websocket":
                require_trusted_origin(conn, self.settings)
            return principal
        cookie = conn.cookies.get(self.settings.session_cookie_name)
        if cookie:
            principal = self.authenticate_session(cookie)
            require_trusted_origin(conn, self.settings)
            assert principal.csrf_token is not None
            require_csrf_token(conn, principal.csrf_token)
            return principal
        raise Unauthorized("Sign in or send an API token (Authorization: Bearer …).")

    def authenticate_token(self, raw: str) -> Principal:
        found = self.repo.active_token_with_user(hash_token(raw))
        if found is None:
            raise Unauthorized("The API token is invalid or revoked.")
        token, user = found
        if _stale(token.last_used_at):
            _touch(lambda repo, now: repo.touch_token(token.id, now))
        return Principal(
            user_id=user.id,
            workspace_id=user.workspace_id,
            role=user.role,
            via="token",
            token_id=token.id,
        )

    def authenticate_session(self, secret: str) -> Principal:
        found = self.repo.active_session_with_user(hash_token(secret))
        if found is None:
            raise Unauthorized("The session has ended: sign in again.")
        auth_session, user = found
        if _stale(auth_session.last_seen_at):
            _touch(lambda repo, now: repo.touch_session(auth_session.id, now))
        return Principal(
            user_id=user.id,
            workspace_id=user.workspace_id,
            role=user.role,
            via="session",
            session_id=auth_session.id,
            csrf_token=csrf_token_for(secret, self.settings),
            expires_at=auth_session.expires_at,
        )

    def is_still_valid(self, principal: Principal) -> bool:
        """For long-lived streams: is the credential the stream was opened with still good?"""
        if principal.session_id is not None:
            return self.repo.session_is_active(principal.session_id)
        if principal.token_id is not None:
            return self.repo.token_is_active(principal.token_id)
        return False

    # signing in and out ------------------------------------------------------------------------
    def login(
        self,
        email: str,
        password: str,
        *,
        address: str | None,
        user_agent: str | None,
        limiter: LoginRateLimiter | None = None,
    ) -> SignIn:
        """One answer for a wrong email, a wrong password or a deactivated account (401), limited
        per account and per address (429 with Retry-After).

        An address may have accounts in several workspaces (each workspace's admins add theirs
        without learning of the others): the account signed in is the oldest whose password
        matches, so an account added later with a guessed password never captures the sign-in of
        the address's original account."""
        email = email.strip().lower()
        limiter = limiter or LoginRateLimiter(self.settings)
        limiter.reserve(email, address)  # counted before the password is checked
        user: User | None = None
        candidates: list[User | None] = [*self.repo.users_by_email(email)] or [None]
        for candidate in candidates:
            # No account: the same work on a dummy hash. Deactivated or password-less: no.
            stored = candidate.password_hash if candidate and candidate.is_active else None
            if verify_password(stored, password) and candidate is not None:
                user = candidate
                break
        if user is None:
            raise InvalidCredentials("The email or password is incorrect.")
        limiter.succeeded(email, address)
        now = datetime.now(UTC)
        if user.password_hash and needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        user.last_login_at = now
        secret = secrets.token_urlsafe(32)
        expires_at = now + timedelta(hours=self.settings.session_max_age_hours)
        auth_session = self.repo.add_session(
            AuthSession(
                user_id=user.id,
                secret_hash=hash_token(secret),
                last_seen_at=now,
                expires_at=expires_at,
                ip_address=(address or None) and address[:64],
                user_agent=(user_agent or None) and user_agent[:300],
            )
        )
        record_audit(
            self.session,
            workspace_id=user.workspace_id,
            actor_id=user.id,
            action="user.signed_in",
            target_type="auth_session",
            target_id=auth_session.id,
            data={"address": address},
        )
        principal = Principal(
            user_id=user.id,
            workspace_id=user.workspace_id,
            role=user.role,
            via="session",
            session_id=auth_session.id,
            csrf_token=csrf_token_for(secret, self.settings),
        )
        return SignIn(principal=principal, user=user, secret=secret, expires_at=expires_at)

    def logout(self, principal: Principal) -> None:
        """End the calling session (a Bearer caller has no session: revoke the token instead)."""
        if principal.session_id is not None:
            self.repo.revoke_session(principal.session_id, datetime.now(UTC))
            publish_access_changed(self.session, principal.user_id)
            record_audit(
                self.session,
                workspace_id=principal.workspace_id,
                actor_id=principal.user_id,
                action="user.signed_out",
                target_type="auth_session",
                target_id=principal.session_id,
            )

    def current_user(self, principal: Principal) -> tuple[User, Workspace]:
        user = self.repo.get_user(principal.user_id)
        workspace = self.repo.get_workspace(principal.workspace_id)
        if user is None or workspace is None:
            raise Unauthorized("The account no longer exists.")
        return user, workspace

    # API tokens --------------------------------------------------------------------------------
    def issue_token(self, user_id: uuid.UUID, name: str) -> IssuedToken:
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = self.repo.add_token(
            ApiToken(user_id=user_id, name=name, token_hash=hash_token(secret), prefix=secret[:10])
        )
        return IssuedToken(token=token, secret=secret)

    def create_token(self, principal: Principal, name: str) -> IssuedToken:
        issued = self.issue_token(principal.user_id, name)
        record_audit(
            self.session,
            workspace_id=principal.workspace_id,
            actor_id=principal.user_id,
            action="token.created",
            target_type="api_token",
            target_id=issued.token.id,
            data={"name": name, "prefix": issued.token.prefix},
        )
        return issued

    def list_tokens(self, principal: Principal) -> list[ApiToken]:
        return self.repo.list_tokens(principal.user_id)

    def revoke_token(
        self,
        principal: Principal,
        token_id: uuid.UUID,
        owner_id: uuid.UUID | None = None,
    ) -> ApiToken:
        """Revoke one of `owner_id`'s tokens (the caller's own by default); audited once."""
        owner = owner_id or principal.user_id
        token = self.repo.get_token(token_id, owner)
        if token is None:
            raise NotFound("Token not found.")
        if token.revoked_at is None:
            token.revoked_at = datetime.now(UTC)
            publish_access_changed(self.session, owner)
            record_audit(
                self.session,
                workspace_id=principal.workspace_id,
                actor_id=principal.user_id,
                action="token.revoked",
                target_type="api_token",
                target_id=token.id,
                data={"user_id": str(owner)} if owner_id is not None else None,
            )
        return token

    # set-up ------------------------------------------------------------------------------------
    def create_workspace_with_admin(
        self, workspace_name: str, email: str, password_hash: str | None, role: str = Role.admin
    ) -> User:
        workspace = self.repo.add_workspace(Workspace(name=workspace_name))
        return self.repo.add_user(
            User(
                workspace_id=workspace.id,
                email=email.strip().lower(),
                password_hash=password_hash,
                role=str(role),
            )
        )


def _stale(stamp: datetime | None) -> bool:
    return stamp is None or stamp < datetime.now(UTC) - timedelta(seconds=60)


def _touch(write: Callable[[AuthRepository, datetime], None]) -> None:
    """Stamp last use in a short transaction of its own: a long-lived stream that holds its
    request session open must never keep the credential's row locked."""
    try:
        with unit_of_work() as session:
            write(AuthRepository(session), datetime.now(UTC))
    except Exception:  # a missed stamp is harmless; a failed request because of it is not
        log.warning("could not record credential use", exc_info=True)
