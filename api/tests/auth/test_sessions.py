"""Sign-in sessions: the cookie, the CSRF token and Origin checks, sign-out, expiry."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from tests_support.api import minimal_pdf, upload

PASSWORD = "correct horse battery staple"


@pytest.fixture
def app_client(stack: Any) -> Any:
    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        yield c


def _login(client: Any, email: str, password: str = PASSWORD, **headers: str) -> Any:
    return client.post(
        "/api/auth/login", json={"email": email, "password": password}, headers=headers
    )


def test_login_sets_an_httponly_lax_session_cookie_and_returns_the_csrf_token(
    app_client: Any, make_user: Any, db_session: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    answer = _login(app_client, user.email.upper())  # emails are case-insensitive
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["user"]["email"] == user.email
    assert body["user"]["role"] == "reviewer"
    assert body["workspace"]["id"] == str(user.workspace_id)
    assert body["via"] == "session"
    assert body["permissions"] == ["export", "read", "write"]
    assert body["csrf_token"]
    assert PASSWORD not in answer.text
    assert "password" not in answer.text
    assert answer.headers["cache-control"] == "no-store"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("docflow_session=")
    attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"httponly", "path", "max-age"} <= attributes
    assert "samesite=lax" in cookie.lower()
    assert "secure" not in attributes  # plain HTTP: a Secure cookie would never come back
    # Only a hash of the cookie's secret is stored.
    secret = app_client.cookies.get("docflow_session")
    stored = db_session.execute(text("SELECT secret_hash FROM auth_sessions")).scalars().all()
    assert stored == [hashlib.sha256(secret.encode()).hexdigest()]
    assert secret not in stored

    me = app_client.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["user"]["id"] == str(user.user_id)
    assert me.json()["csrf_token"] == body["csrf_token"]
    assert me.json()["user"]["last_login_at"] is not None


def test_cookie_is_secure_and_hsts_is_sent_under_https(stack: Any, make_user: Any) -> None:
    from docflow.main import create_app

    user = make_user("viewer", password=PASSWORD)
    with TestClient(create_app(), base_url="https://testserver") as c:
        answer = _login(c, user.email)
        assert answer.status_code == 200
        assert "secure" in answer.headers["set-cookie"].lower().split("; ")
        assert answer.headers["strict-transport-security"].startswith("max-age=")
        assert c.get("/api/auth/me").status_code == 200
    with TestClient(create_app(), base_url="http://testserver") as c:
        assert "strict-transport-security" not in c.get("/api/health").headers


def test_wrong_email_wrong_password_and_deactivated_account_get_one_answer(
    app_client: Any, make_user: Any, db_session: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    gone = make_user("reviewer", password=PASSWORD)
    db_session.execute(
        text("UPDATE users SET is_active = false WHERE id = :id"), {"id": gone.user_id}
    )
    db_session.commit()
    answers = [
        _login(app_client, "nobody@example.test"),
        _login(app_client, user.email, "wrong password"),
        _login(app_client, gone.email),
    ]
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert len({a.text for a in answers}) == 1
    assert answers[0].json()["error"]["code"] == "invalid_credentials"
    assert "set-cookie" not in answers[0].headers
    # A user without a password (token-only) cannot sign in either.
    tokenless = make_user("reviewer")
    assert _login(app_client, tokenless.email, "").status_code == 422
    assert _login(app_client, tokenless.email, "anything").text == answers[0].text


def test_passwords_are_never_logged_or_echoed(
    app_client: Any, make_user: Any, caplog: pytest.LogCaptureFixture
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    caplog.set_level(logging.DEBUG)
    secret_guess = "hunter2-very-secret-guess"
    wrong = _login(app_client, user.email, secret_guess)
    too_long = _login(app_client, user.email, secret_guess * 100)
    ok = _login(app_client, user.email)
    assert (wrong.status_code, too_long.status_code, ok.status_code) == (401, 422, 200)
    for answer in (wrong, too_long, ok):
        assert secret_guess not in answer.text
        assert PASSWORD not in answer.text
    assert secret_guess not in caplog.text
    assert PASSWORD not in caplog.text


def test_unsafe_cookie_requests_need_the_csrf_header(signed_in: Any) -> None:
    client, _ = signed_in("reviewer")
    csrf = client.headers.pop("X-CSRF-Token")
    missing = upload(client, ("a.pdf", minimal_pdf()))
    assert missing.status_code == 403
    assert missing.json()["error"]["code"] == "csrf_failed"
    wrong = client.post("/api/tokens", json={"name": "x"}, headers={"X-CSRF-Token": "nope"})
    assert wrong.status_code == 403
    assert wrong.json()["error"]["code"] == "csrf_failed"
    # Safe methods need no token; with the token unsafe ones go through.
    assert client.get("/api/tokens").status_code == 200
    ok = upload(client, ("a.pdf", minimal_pdf()), headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 202, ok.text


def test_cookie_requests_from_a_foreign_origin_are_refused(signed_in: Any) -> None:
    client, _ = signed_in("reviewer")
    for origin in ("https://evil.example", "null", "http://testserver.evil.example"):
        unsafe = client.post("/api/tokens", json={"name": "x"}, headers={"Origin": origin})
        assert unsafe.status_code == 403, origin
        assert unsafe.json()["error"]["code"] == "origin_not_allowed"
        read = client.get("/api/documents", headers={"Origin": origin})
        assert read.status_code == 403, origin
    # The API's own origin and the trusted PWA origin (settings) are fine.
    for origin in ("http://testserver", "http://127.0.0.1:3000"):
        assert (
            client.post("/api/tokens", json={"name": "x"}, headers={"Origin": origin}).status_code
            == 201
        )


def test_login_from_a_foreign_origin_is_refused(app_client: Any, make_user: Any) -> None:
    user = make_user("reviewer", password=PASSWORD)
    answer = _login(app_client, user.email, Origin="https://evil.example")
    assert answer.status_code == 403
    assert "set-cookie" not in answer.headers


def test_bearer_requests_need_no_csrf_token_even_with_an_origin(client: Any) -> None:
    assert client.post("/api/tokens", json={"name": "script"}).status_code == 201
    answer = client.post(
        "/api/tokens", json={"name": "script"}, headers={"Origin": "https://elsewhere.example"}
    )
    assert answer.status_code == 201


def test_logout_ends_the_session_at_once(signed_in: Any) -> None:
    client, _ = signed_in("reviewer")
    cookie = client.cookies.get("docflow_session")
    assert client.post("/api/auth/logout").status_code == 204
    assert client.cookies.get("docflow_session") is None  # the cookie is cleared
    client.cookies.set("docflow_session", cookie)  # a copy kept elsewhere is dead too
    assert client.get("/api/auth/me").status_code == 401
    assert client.get("/api/tokens").status_code == 401


def test_logout_needs_the_csrf_token(signed_in: Any) -> None:
    client, _ = signed_in("reviewer")
    client.headers.pop("X-CSRF-Token")
    assert client.post("/api/auth/logout").status_code == 403
    assert client.get("/api/auth/me").status_code == 200


def test_an_expired_session_is_refused(signed_in: Any, db_session: Any) -> None:
    client, _ = signed_in("reviewer")
    db_session.execute(text("UPDATE auth_sessions SET expires_at = now() - interval '1 second'"))
    db_session.commit()
    answer = client.get("/api/auth/me")
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"


def test_bad_credentials_are_401_never_500(app_client: Any, client: Any) -> None:
    for headers in (
        {"Authorization": "Bearer dfk_not-a-token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        {"Authorization": "Bearer "},
        {"Cookie": "docflow_session=forged"},
    ):
        answer = app_client.get("/api/tokens", headers=headers)
        assert answer.status_code == 401, headers
        assert answer.json()["error"]["code"] == "unauthorized"
