"""A two-workspace world for the authorisation matrix, and the app's routes enumerated so that new
endpoints are covered without editing these tests (unless they take a new kind of path id)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.tests.review.seeding import seed_preview
from tests_support.api import minimal_pdf, upload

# Routes anyone may call. Everything else needs a session cookie or a Bearer token.
PUBLIC = {
    ("GET", "/api/health"),
    ("GET", "/api/ready"),
    ("POST", "/api/auth/login"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/docs"),
    ("GET", "/api/docs/oauth2-redirect"),
    ("GET", "/docs/oauth2-redirect"),
}
# Operator routes: no user credential opens them (not even an admin's); they answer only the
# networks of DOCFLOW_METRICS_ALLOWED_NETWORKS or DOCFLOW_METRICS_TOKEN (403 otherwise).
OPERATOR = {("GET", "/metrics")}
# Unsafe routes every signed-in role may call (about the caller's own credentials).
ANY_ROLE = {
    ("POST", "/api/auth/logout"),
    ("POST", "/api/tokens"),
    ("DELETE", "/api/tokens/{token_id}"),
}
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Streams: asked for without reading them (a live stream never ends by itself).
STREAMS = {("GET", "/api/jobs/{job_id}/stream")}


@dataclass(frozen=True)
class Route:
    method: str
    path: str

    @property
    def params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


def _route_objects(app: Any) -> list[Any]:
    try:  # FastAPI ≥ 0.150 wraps included routers; this walks them
        from fastapi.routing import iter_route_contexts

        return list(iter_route_contexts(app.routes))
    except ImportError:  # pragma: no cover - older FastAPI
        return list(app.routes)


def http_routes(app: Any) -> list[Route]:
    found = set()
    for r in _route_objects(app):
        methods = getattr(r, "methods", None)
        path = getattr(r, "path", None)
        if not methods or not path:
            continue
        for method in methods - {"HEAD", "OPTIONS"}:
            found.add(Route(method, path))
    return sorted(found, key=lambda r: (r.path, r.method))


def websocket_routes(app: Any) -> list[str]:
    paths = []
    for r in _route_objects(app):
        if getattr(r, "methods", None) is None and getattr(r, "path", None):
            kind = type(getattr(r, "original_route", r)).__name__
            if "WebSocket" in kind:
                paths.append(r.path)
    return paths


@dataclass
class World:
    """Workspace A with a document, its job and users; workspace B with its own users."""

    a_reviewer: Any
    a_viewer: Any
    a_admin: Any
    b_reviewer: Any
    b_admin: Any
    document_id: str
    job_id: str
    filename: str
    token_id: str  # one of A's reviewer's API tokens

    def ids(self) -> dict[str, str]:
        return {
            "document_id": self.document_id,
            "job_id": self.job_id,
            "user_id": str(self.a_reviewer.user_id),
            "token_id": self.token_id,
        }

    def url(self, route: Route) -> str:
        ids = self.ids()
        missing = [p for p in route.params if p not in ids]
        assert not missing, (
            f"{route}: the access tests do not know which of workspace A's objects to put in "
            f"{missing}; add it to World.ids() in api/tests/access/conftest.py"
        )
        return route.path.format(**{p: ids[p] for p in route.params})


def request_kwargs(route: Route) -> dict[str, Any]:
    """A well-formed request for the route, so a refusal is about access and never about shape."""
    key = (route.method, route.path)
    if key == ("POST", "/api/documents/upload"):
        return {"files": [("files", ("probe.pdf", minimal_pdf("probe"), "application/pdf"))]}
    if key == ("PUT", "/api/documents/{document_id}/review"):
        return {"json": {"fields": {"vendor_name": "Probe"}}, "headers": {"If-Match": '"1"'}}
    if key == ("POST", "/api/tokens"):
        return {"json": {"name": "probe"}}
    if key == ("POST", "/api/users"):
        return {"json": {"email": f"probe-{uuid.uuid4().hex[:6]}@example.test"}}
    if key == ("PATCH", "/api/users/{user_id}"):
        return {"json": {"display_name": "Probe"}}
    if key == ("POST", "/api/auth/login"):
        return {"json": {"email": "probe@example.test", "password": "probe"}}
    if route.method in {"POST", "PUT", "PATCH"}:
        return {"json": {}}
    return {}


def call(client: TestClient, route: Route, url: str, **extra: Any) -> Any:
    kwargs = request_kwargs(route)
    headers = {**kwargs.pop("headers", {}), **extra.pop("headers", {})}
    return client.request(route.method, url, headers=headers, **kwargs, **extra)


@pytest.fixture
def app_client(stack: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from docflow.config import get_settings
    from docflow.main import create_app

    # A stream that wrongly answered 200 ends by itself instead of hanging the test.
    monkeypatch.setenv("DOCFLOW_SSE_MAX_LIFETIME_SECONDS", "1")
    # WebSocket heartbeats every half second, so a test waiting for a frame never blocks long.
    monkeypatch.setenv("DOCFLOW_EVENT_HEARTBEAT_SECONDS", "0.5")
    get_settings.cache_clear()
    try:
        with TestClient(create_app(), base_url="http://testserver") as c:
            yield c
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


@pytest.fixture
def world(app_client: TestClient, make_user: Any) -> World:
    a_reviewer = make_user("reviewer")
    a_viewer = make_user("viewer", a_reviewer.workspace_id)
    a_admin = make_user("admin", a_reviewer.workspace_id)
    b_reviewer = make_user("reviewer")
    b_admin = make_user("admin", b_reviewer.workspace_id)
    filename = f"secret-acme-{uuid.uuid4().hex[:8]}.pdf"
    answer = upload(
        app_client,
        (filename, minimal_pdf("Invoice SECRET-7 Total 99.00 USD")),
        headers={"Authorization": f"Bearer {a_reviewer.token}"},
    )
    assert answer.status_code == 202, answer.text
    item = answer.json()["items"][0]
    seed_preview(item["document"]["id"])  # as if its first page had been rendered already
    tokens = app_client.get(
        "/api/tokens", headers={"Authorization": f"Bearer {a_reviewer.token}"}
    ).json()
    return World(
        a_reviewer=a_reviewer,
        a_viewer=a_viewer,
        a_admin=a_admin,
        b_reviewer=b_reviewer,
        b_admin=b_admin,
        document_id=item["document"]["id"],
        job_id=item["job"]["id"],
        filename=filename,
        token_id=tokens[0]["id"],
    )


def bearer(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {user.token}"}
