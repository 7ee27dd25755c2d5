"""API tokens: shown once, stored hashed, bound to their user; revocation works at once."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import text


def test_a_token_is_shown_once_stored_hashed_and_works_as_bearer(
    client: Any, db_session: Any
) -> None:
    created = client.post("/api/tokens", json={"name": "ci"})
    assert created.status_code == 201
    secret = created.json()["token"]
    assert secret.startswith("dfk_")
    assert created.json()["prefix"] == secret[:10]
    listed = client.get("/api/tokens").json()
    assert secret not in str(listed)
    assert {t["name"] for t in listed} == {"test", "ci"}
    hashes = db_session.execute(text("SELECT token_hash FROM api_tokens")).scalars().all()
    assert hashlib.sha256(secret.encode()).hexdigest() in hashes
    assert secret not in hashes
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200
    assert me.json()["via"] == "token"
    assert me.json()["csrf_token"] is None


def test_a_revoked_token_is_refused_at_once(client: Any) -> None:
    created = client.post("/api/tokens", json={"name": "short-lived"}).json()
    bearer = {"Authorization": f"Bearer {created['token']}"}
    assert client.get("/api/documents", headers=bearer).status_code == 200
    revoked = client.delete(f"/api/tokens/{created['id']}")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    answer = client.get("/api/documents", headers=bearer)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "unauthorized"
    # Revoking again is harmless; the caller's own token still works.
    assert client.delete(f"/api/tokens/{created['id']}").status_code == 200
    assert client.get("/api/tokens").status_code == 200


def test_another_users_token_cannot_be_listed_or_revoked(client: Any, make_user: Any) -> None:
    colleague = make_user("reviewer")
    stranger = make_user("admin")
    from docflow.auth.service import AuthService
    from docflow.db import unit_of_work

    with unit_of_work() as session:
        theirs = AuthService(session).issue_token(colleague.user_id, "theirs").token.id
    assert client.delete(f"/api/tokens/{theirs}").status_code == 404
    assert str(theirs) not in client.get("/api/tokens").text
    foreign = client.delete(
        f"/api/tokens/{theirs}", headers={"Authorization": f"Bearer {stranger.token}"}
    )
    assert foreign.status_code == 404
    ok = client.get("/api/auth/me", headers={"Authorization": f"Bearer {colleague.token}"})
    assert ok.status_code == 200


def test_last_use_is_recorded(client: Any, db_session: Any) -> None:
    client.get("/api/auth/me")
    used = db_session.execute(text("SELECT last_used_at FROM api_tokens")).scalars().all()
    assert used
    assert all(u is not None for u in used)


def test_creating_and_revoking_tokens_is_audited(client: Any, user: Any, db_session: Any) -> None:
    created = client.post("/api/tokens", json={"name": "audit-me"}).json()
    client.delete(f"/api/tokens/{created['id']}")
    rows = db_session.execute(
        text("SELECT action, actor_id, target_id FROM audit_events ORDER BY created_at")
    ).all()
    assert [(r.action, r.actor_id, str(r.target_id)) for r in rows] == [
        ("token.created", user.user_id, created["id"]),
        ("token.revoked", user.user_id, created["id"]),
    ]
