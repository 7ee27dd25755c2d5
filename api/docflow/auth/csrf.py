"""Cross-site request protection for cookie sessions: the Origin check and the CSRF token.

A browser attaches the session cookie to any request to the API, including ones a foreign page
starts. Two independent checks stop those: a request that carries an `Origin` must come from the
API's own origin or a trusted one (settings.trusted_origins), and an unsafe method must echo the
session's CSRF token in `X-CSRF-Token` (a header a foreign page cannot set without a CORS
preflight we refuse). WebSocket handshakes cannot carry headers from the browser, so for them the
Origin check is the guard (browsers always send Origin on WebSocket handshakes).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from starlette.requests import HTTPConnection

from docflow.config import Settings, get_settings
from docflow.errors import Forbidden

CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_DEFAULT_PORTS = {"http": "80", "https": "443"}


class OriginNotAllowed(Forbidden):
    code = "origin_not_allowed"


class CsrfFailed(Forbidden):
    code = "csrf_failed"


def csrf_token_for(session_secret: str, settings: Settings | None = None) -> str:
    """The CSRF token of a session: derived from its secret, so nothing more is stored."""
    key = (settings or get_settings()).secret_key.encode()
    digest = hmac.new(key, b"csrf:" + session_secret.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _normalise(origin: str) -> str:
    origin = origin.strip().rstrip("/").lower()
    scheme, sep, rest = origin.partition("://")
    if not sep:
        return origin
    port = _DEFAULT_PORTS.get(scheme)
    if port and rest.endswith(":" + port):
        rest = rest[: -len(port) - 1]
    return f"{scheme}://{rest}"


def own_origin(conn: HTTPConnection) -> str:
    scheme = conn.url.scheme
    scheme = {"ws": "http", "wss": "https"}.get(scheme, scheme)
    host = conn.headers.get("host") or conn.url.netloc
    return _normalise(f"{scheme}://{host}")


def is_trusted_origin(conn: HTTPConnection, settings: Settings | None = None) -> bool:
    """No Origin (a non-browser client), the API's own origin, or one the settings trust."""
    origin = conn.headers.get("origin")
    if origin is None:
        return True
    settings = settings or get_settings()
    normalised = _normalise(origin)
    trusted = {_normalise(o) for o in settings.trusted_origins}
    return normalised == own_origin(conn) or normalised in trusted


def require_trusted_origin(conn: HTTPConnection, settings: Settings | None = None) -> None:
    """Refuse a browser request started by a page of a foreign origin (403 origin_not_allowed)."""
    if not is_trusted_origin(conn, settings):
        raise OriginNotAllowed("Requests from this origin are not allowed.")


def require_csrf_token(conn: HTTPConnection, expected: str) -> None:
    """Unsafe methods with a cookie session must echo the session's CSRF token."""
    if conn.scope.get("type") != "http" or conn.scope.get("method", "GET") in SAFE_METHODS:
        return
    sent = conn.headers.get(CSRF_HEADER, "")
    if not sent or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfFailed(
            "Missing or wrong CSRF token: send the csrf_token from /api/auth/me in X-CSRF-Token."
        )
