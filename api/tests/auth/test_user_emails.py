"""E-mail addresses of users: no control or invisible characters, and unique within a workspace
only — an admin adding an address that has an account in another workspace learns nothing of it
(before, 409 `email_taken` said so); each account signs in to its own workspace."""

from __future__ import annotations

from typing import Any

import pytest


def _as(user: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {user.token}"}


@pytest.mark.parametrize(
    "email",
    [
        "a\x00b@example.test",
        "a\x01b@example.test",
        "a\x1b[31m@example.test",
        "a\x7fb@example.test",
        "a\x85b@example.test",
        "admin\u202eb@example.test",  # right-to-left override: shows as another address
        "a\u200bb@example.test",  # zero-width space
        "ab@example.test\u2028",
    ],
)
def test_an_address_with_control_characters_is_refused(
    client: Any, make_user: Any, email: str
) -> None:
    admin = make_user("admin")
    answer = client.post("/api/users", json={"email": email}, headers=_as(admin))
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "validation_error"
    assert any(d["field"] == "body.email" for d in error["details"])


def test_an_admin_learns_nothing_of_an_address_in_another_workspace(
    client: Any, make_user: Any
) -> None:
    elsewhere = make_user("reviewer", password="the original password")
    admin = make_user("admin")  # another workspace
    fresh = client.post("/api/users", json={"email": "fresh@example.test"}, headers=_as(admin))
    taken = client.post(
        "/api/users",
        json={"email": elsewhere.email.upper(), "password": "a password of b's"},
        headers=_as(admin),
    )
    # The same answer as for an address nobody has: a new account in the admin's workspace.
    assert (taken.status_code, fresh.status_code) == (201, 201), taken.text
    assert taken.json()["workspace_id"] == str(admin.workspace_id)
    assert set(taken.json()) == set(fresh.json())
    listed = client.get("/api/users", headers=_as(admin)).json()
    assert {u["email"] for u in listed} >= {elsewhere.email, "fresh@example.test"}
    # Each account signs in to its own workspace, with its own password.
    client.headers.pop("Authorization")
    for password, workspace in (
        ("the original password", elsewhere.workspace_id),
        ("a password of b's", admin.workspace_id),
    ):
        login = client.post(
            "/api/auth/login", json={"email": elsewhere.email, "password": password}
        )
        assert login.status_code == 200, login.text
        assert login.json()["workspace"]["id"] == str(workspace)
    # Within one workspace the address stays unique.
    again = client.post("/api/users", json={"email": elsewhere.email}, headers=_as(admin))
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "email_taken"


def test_an_account_added_later_with_the_same_password_does_not_capture_the_sign_in(
    client: Any, make_user: Any
) -> None:
    original = make_user("reviewer", password="shared password")
    admin = make_user("admin")
    added = client.post(
        "/api/users",
        json={"email": original.email, "password": "shared password"},
        headers=_as(admin),
    )
    assert added.status_code == 201
    client.headers.pop("Authorization")
    login = client.post(
        "/api/auth/login", json={"email": original.email, "password": "shared password"}
    )
    assert login.status_code == 200
    assert login.json()["workspace"]["id"] == str(original.workspace_id)
