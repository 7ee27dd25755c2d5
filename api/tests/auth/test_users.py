"""Workspace user administration: admins list, create, change roles and deactivate — in their own
workspace only; a deactivated user's sessions and tokens stop working at once."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import text

from tests_support.api import minimal_pdf, upload


def _as(client: TestClient, token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_admin_lists_only_the_workspace_users(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    colleague = make_user("viewer", admin.workspace_id)
    make_user("admin")  # another workspace
    answer = client.get("/api/users", headers=_as(client, admin.token))
    assert answer.status_code == 200
    assert {u["email"] for u in answer.json()} == {admin.email, colleague.email}
    assert all("password" not in key for u in answer.json() for key in u)


def test_admin_creates_a_user_who_can_sign_in(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    created = client.post(
        "/api/users",
        json={"email": "New.Person@Example.test", "role": "viewer", "password": "a long password"},
        headers=_as(client, admin.token),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["email"] == "new.person@example.test"
    assert body["role"] == "viewer"
    assert body["workspace_id"] == str(admin.workspace_id)
    assert body["temporary_password"] is None
    assert "a long password" not in created.text
    login = client.post(
        "/api/auth/login",
        json={"email": "new.person@example.test", "password": "a long password"},
        headers={"Authorization": ""},
    )
    assert login.status_code == 200
    assert login.json()["workspace"]["id"] == str(admin.workspace_id)
    duplicate = client.post(
        "/api/users", json={"email": "NEW.person@example.test"}, headers=_as(client, admin.token)
    )
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "email_taken"


def test_without_a_password_a_temporary_one_is_returned_once(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    created = client.post(
        "/api/users", json={"email": "invitee@example.test"}, headers=_as(client, admin.token)
    )
    assert created.status_code == 201
    temporary = created.json()["temporary_password"]
    assert temporary
    assert len(temporary) >= 12
    assert created.json()["role"] == "reviewer"
    assert created.headers["cache-control"] == "no-store"
    listed = client.get("/api/users", headers=_as(client, admin.token)).text
    assert temporary not in listed
    login = client.post(
        "/api/auth/login", json={"email": "invitee@example.test", "password": temporary}
    )
    assert login.status_code == 200


def test_only_admins_manage_users(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    for role in ("reviewer", "viewer"):
        member = make_user(role, admin.workspace_id)
        headers = _as(client, member.token)
        assert client.get("/api/users", headers=headers).status_code == 403
        assert client.get(f"/api/users/{admin.user_id}", headers=headers).status_code == 403
        assert (
            client.post("/api/users", json={"email": "x@example.test"}, headers=headers).status_code
            == 403
        )
        patch = client.patch(
            f"/api/users/{admin.user_id}", json={"role": "viewer"}, headers=headers
        )
        assert patch.status_code == 403
        assert client.get("/api/audit-events", headers=headers).status_code == 403


def test_another_workspaces_users_are_not_found(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    stranger = make_user("reviewer")
    headers = _as(client, admin.token)
    assert client.get(f"/api/users/{stranger.user_id}", headers=headers).status_code == 404
    patch = client.patch(
        f"/api/users/{stranger.user_id}", json={"is_active": False}, headers=headers
    )
    assert patch.status_code == 404
    assert client.get(f"/api/users/{stranger.user_id}/tokens", headers=headers).status_code == 404
    assert client.get("/api/auth/me", headers=_as(client, stranger.token)).status_code == 200


def test_a_role_change_applies_to_the_next_request(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    member = make_user("reviewer", admin.workspace_id)
    pdf = ("a.pdf", minimal_pdf())
    assert upload(client, pdf, headers=_as(client, member.token)).status_code == 202
    changed = client.patch(
        f"/api/users/{member.user_id}", json={"role": "viewer"}, headers=_as(client, admin.token)
    )
    assert changed.status_code == 200
    assert changed.json()["role"] == "viewer"
    assert upload(client, pdf, headers=_as(client, member.token)).status_code == 403
    invalid = client.patch(
        f"/api/users/{member.user_id}", json={"role": "owner"}, headers=_as(client, admin.token)
    )
    assert invalid.status_code == 422


def test_deactivation_stops_sessions_and_tokens_at_once(
    client: Any, signed_in: Any, make_user: Any, db_session: Any
) -> None:
    browser, member = signed_in("reviewer")
    admin = make_user("admin", member.workspace_id)
    assert browser.get("/api/documents").status_code == 200
    deactivated = client.patch(
        f"/api/users/{member.user_id}", json={"is_active": False}, headers=_as(client, admin.token)
    )
    assert deactivated.status_code == 200
    assert deactivated.json()["is_active"] is False
    assert deactivated.json()["deactivated_at"] is not None
    assert browser.get("/api/documents").status_code == 401
    assert client.get("/api/documents", headers=_as(client, member.token)).status_code == 401
    relogin = browser.post(
        "/api/auth/login", json={"email": member.email, "password": member.password}
    )
    assert relogin.status_code == 401
    # Reactivation does not bring the old credentials back.
    back = client.patch(
        f"/api/users/{member.user_id}", json={"is_active": True}, headers=_as(client, admin.token)
    )
    assert back.status_code == 200
    assert back.json()["is_active"] is True
    assert client.get("/api/documents", headers=_as(client, member.token)).status_code == 401
    assert browser.get("/api/documents").status_code == 401
    relogin = browser.post(
        "/api/auth/login", json={"email": member.email, "password": member.password}
    )
    assert relogin.status_code == 200
    actions = db_session.execute(
        text("SELECT action, actor_id FROM audit_events WHERE target_id = :id ORDER BY created_at"),
        {"id": member.user_id},
    ).all()
    assert [(a.action, a.actor_id) for a in actions] == [
        ("user.deactivated", admin.user_id),
        ("user.reactivated", admin.user_id),
    ]


def test_an_active_deactivated_users_account_is_immediately_unusable_mid_session(
    signed_in: Any, make_user: Any, db_session: Any
) -> None:
    """Even a direct database flip (no admin endpoint) takes effect on the next request."""
    browser, member = signed_in("viewer")
    db_session.execute(
        text("UPDATE users SET is_active = false WHERE id = :id"), {"id": member.user_id}
    )
    db_session.commit()
    assert browser.get("/api/auth/me").status_code == 401


def test_the_last_active_admin_cannot_be_demoted_or_deactivated(
    client: Any, make_user: Any
) -> None:
    admin = make_user("admin")
    headers = _as(client, admin.token)
    for change in ({"role": "reviewer"}, {"is_active": False}):
        answer = client.patch(f"/api/users/{admin.user_id}", json=change, headers=headers)
        assert answer.status_code == 409
        assert answer.json()["error"]["code"] == "last_admin"
    second = make_user("admin", admin.workspace_id)
    assert (
        client.patch(
            f"/api/users/{admin.user_id}", json={"role": "reviewer"}, headers=headers
        ).status_code
        == 200
    )
    # admin is now a reviewer: no longer allowed to manage users.
    assert client.get("/api/users", headers=headers).status_code == 403
    last = client.patch(
        f"/api/users/{second.user_id}", json={"is_active": False}, headers=_as(client, second.token)
    )
    assert last.status_code == 409


def test_admin_lists_and_revokes_a_members_tokens(client: Any, make_user: Any) -> None:
    admin = make_user("admin")
    member = make_user("reviewer", admin.workspace_id)
    headers = _as(client, admin.token)
    tokens = client.get(f"/api/users/{member.user_id}/tokens", headers=headers)
    assert tokens.status_code == 200
    (token,) = tokens.json()
    assert "token" not in token
    revoked = client.delete(f"/api/users/{member.user_id}/tokens/{token['id']}", headers=headers)
    assert revoked.status_code == 200
    assert client.get("/api/auth/me", headers=_as(client, member.token)).status_code == 401
    audit = client.get("/api/audit-events", headers=headers).json()
    assert audit[0]["action"] == "token.revoked"
    assert audit[0]["actor_id"] == str(admin.user_id)
