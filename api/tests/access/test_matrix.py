"""Every HTTP route, enumerated from the app: no credentials → 401; workspace B on workspace A's
objects → 404; a viewer changing anything → 403; a cookie request without the CSRF header or from
a foreign Origin → 403. A new endpoint is covered as soon as it is registered."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from .conftest import (
    ANY_ROLE,
    OPERATOR,
    PUBLIC,
    UNSAFE,
    Route,
    World,
    bearer,
    call,
    http_routes,
)


def _routes(client: TestClient) -> list[Route]:
    routes: list[Route] = http_routes(client.app)
    assert len(routes) >= 20, routes  # the enumeration itself works
    return routes


def _protected(client: TestClient) -> list[Route]:
    return [r for r in _routes(client) if (r.method, r.path) not in PUBLIC | OPERATOR]


def test_operator_routes_open_to_no_user_credential(
    app_client: TestClient, world: World, signed_in: Any
) -> None:
    """The in-process client's address ("testclient") is in no allowed network and no metrics
    token is set: every caller, an admin with a session or a token included, is refused."""
    browser, _ = signed_in("admin", world.a_reviewer.workspace_id)
    routes = [r for r in _routes(app_client) if (r.method, r.path) in OPERATOR]
    assert {(r.method, r.path) for r in routes} == OPERATOR  # the enumeration finds them
    failures = []
    for route in routes:
        for who, client, headers in (
            ("nobody", app_client, {}),
            ("A's viewer", app_client, bearer(world.a_viewer)),
            ("B's admin", app_client, bearer(world.b_admin)),
            ("A's admin (cookie)", browser, {}),
        ):
            answer = call(client, route, world.url(route), headers=headers)
            if answer.status_code != 403 or answer.json()["error"]["code"] != "forbidden":
                failures.append(f"{route} as {who}: {answer.status_code} {answer.text[:120]}")
    assert failures == []


def test_public_routes_answer_without_credentials(app_client: TestClient) -> None:
    for route in _routes(app_client):
        if (route.method, route.path) in PUBLIC and "{" not in route.path:
            answer = call(app_client, route, route.path)
            assert answer.status_code < 500, route
            if answer.status_code == 401:  # sign-in with a wrong password, not "sign in first"
                assert answer.json()["error"]["code"] == "invalid_credentials", route


def test_every_route_refuses_a_caller_without_valid_credentials(
    app_client: TestClient, world: World, make_user: Any, db_session: Any
) -> None:
    revoked = make_user("admin", world.a_reviewer.workspace_id)
    deactivated = make_user("admin", world.a_reviewer.workspace_id)
    db_session.execute(
        text("UPDATE api_tokens SET revoked_at = now() WHERE user_id = :u"), {"u": revoked.user_id}
    )
    db_session.execute(
        text("UPDATE users SET is_active = false WHERE id = :u"), {"u": deactivated.user_id}
    )
    db_session.commit()
    callers: dict[str, dict[str, str]] = {
        "nobody": {},
        "revoked token": bearer(revoked),
        "deactivated user": bearer(deactivated),
        "forged token": {"Authorization": "Bearer dfk_forged"},
        "forged cookie": {"Cookie": "docflow_session=forged", "X-CSRF-Token": "forged"},
    }
    failures = []
    for route in _protected(app_client):
        for who, headers in callers.items():
            answer = call(app_client, route, world.url(route), headers=headers)
            if answer.status_code != 401 or answer.json()["error"]["code"] != "unauthorized":
                failures.append(f"{route} as {who}: {answer.status_code} {answer.text[:120]}")
    assert failures == []


def test_another_workspace_gets_404_for_every_object_of_workspace_a(
    app_client: TestClient, world: World
) -> None:
    """B's admin may do everything in B, so a refusal can only come from the workspace."""
    object_routes = [r for r in _protected(app_client) if r.params]
    assert {p for r in object_routes for p in r.params} >= {"document_id", "job_id"}
    failures = []
    for route in object_routes:
        for caller in (world.b_admin, world.b_reviewer):
            answer = call(app_client, route, world.url(route), headers=bearer(caller))
            expected = (
                404 if caller is world.b_admin or not route.path.startswith("/api/users") else 403
            )
            if answer.status_code != expected:
                failures.append(
                    f"{route} as B {caller.role}: {answer.status_code} {answer.text[:160]}"
                )
    assert failures == []
    # Nothing of A's changed on the way.
    a = bearer(world.a_reviewer)
    document = app_client.get(f"/api/documents/{world.document_id}", headers=a)
    assert document.status_code == 200
    assert document.json()["current_status"] == "queued"
    assert app_client.get("/api/auth/me", headers=a).status_code == 200


def test_b_never_sees_workspace_a_in_any_list_count_or_export(
    app_client: TestClient, world: World
) -> None:
    """Every parameterless GET (lists, counts, events, exports …) answered to B contains nothing of
    A's: not the document, the job, the file name or the users."""
    secrets = [world.document_id, world.job_id, world.filename, world.a_reviewer.email]
    probes = [r for r in _protected(app_client) if r.method == "GET" and not r.params]
    assert any(r.path == "/api/documents" for r in probes)
    queries = {"/api/documents": {"q": "secret-acme"}, "/api/events": {"after": 0}}
    failures = []
    for route in probes:
        for caller in (world.b_admin, world.b_reviewer):
            for params in ({}, queries.get(route.path, {})):
                answer = app_client.get(route.path, params=params, headers=bearer(caller))
                if answer.status_code >= 500:
                    failures.append(f"{route}: {answer.status_code}")
                leaked = [s for s in secrets if s in answer.text]
                if leaked:
                    failures.append(f"{route} {params} as B {caller.role} leaks {leaked}")
    assert failures == []
    listed = app_client.get("/api/documents", headers=bearer(world.b_admin)).json()
    assert listed["items"] == []
    assert not any(listed["counts"].values())
    # The control: A does see its own document in the same list.
    own = app_client.get("/api/documents", headers=bearer(world.a_viewer)).json()
    assert [d["id"] for d in own["items"]] == [world.document_id]


def test_a_viewer_may_read_but_never_change_anything(app_client: TestClient, world: World) -> None:
    failures = []
    for route in _protected(app_client):
        if route.method in UNSAFE and (route.method, route.path) not in ANY_ROLE:
            answer = call(app_client, route, world.url(route), headers=bearer(world.a_viewer))
            if answer.status_code != 403 or answer.json()["error"]["code"] != "forbidden":
                failures.append(f"{route}: {answer.status_code} {answer.text[:160]}")
    assert failures == []
    reads = [
        r
        for r in _protected(app_client)
        if r.method == "GET"
        and not r.path.startswith(("/api/users", "/api/audit"))
        and "/stream" not in r.path
    ]
    for route in reads:
        answer = call(app_client, route, world.url(route), headers=bearer(world.a_viewer))
        # 409: exporting a document that is not finalized yet — allowed, just not ready.
        assert answer.status_code in {200, 409}, f"{route}: {answer.status_code} {answer.text}"
    document = app_client.get(f"/api/documents/{world.document_id}", headers=bearer(world.a_viewer))
    assert document.json()["current_status"] == "queued"


def test_cookie_requests_need_the_csrf_header_and_a_trusted_origin(
    app_client: TestClient, world: World, signed_in: Any
) -> None:
    """For every unsafe route: a signed-in admin of workspace A (who could do it) is refused when
    the CSRF header is missing or wrong, or the request comes from a foreign page."""
    browser, _ = signed_in("admin", world.a_reviewer.workspace_id)
    csrf = browser.headers.pop("X-CSRF-Token")
    failures = []
    for route in _protected(browser):
        if route.method not in UNSAFE:
            continue
        url = world.url(route)
        cases = {
            "no CSRF header": ({}, "csrf_failed"),
            "wrong CSRF header": ({"X-CSRF-Token": csrf[:-2] + "xx"}, "csrf_failed"),
            "foreign Origin": (
                {"X-CSRF-Token": csrf, "Origin": "https://evil.example"},
                "origin_not_allowed",
            ),
        }
        for case, (headers, code) in cases.items():
            answer = call(browser, route, url, headers=headers)
            if answer.status_code != 403 or answer.json()["error"]["code"] != code:
                failures.append(f"{route} with {case}: {answer.status_code} {answer.text[:120]}")
    assert failures == []
    assert browser.get("/api/auth/me").status_code == 200  # the session survived all that
    document = browser.get(f"/api/documents/{world.document_id}")
    assert document.json()["current_status"] == "queued"


def test_every_response_carries_the_security_headers(app_client: TestClient, world: World) -> None:
    for route in _routes(app_client):
        if route.method != "GET" or "/stream" in route.path:
            continue
        callers: list[dict[str, str]] = [{}, bearer(world.a_reviewer), bearer(world.b_reviewer)]
        for headers in callers:
            answer = call(app_client, route, world.url(route), headers=headers)
            assert answer.headers.get("x-content-type-options") == "nosniff", route
            assert answer.headers.get("referrer-policy"), route
            assert "frame-ancestors 'none'" in answer.headers.get(
                "content-security-policy", ""
            ) or "sandbox" in answer.headers.get("content-security-policy", ""), route
