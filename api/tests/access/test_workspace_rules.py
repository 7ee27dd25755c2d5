"""Rules that cut across endpoints: idempotency keys belong to a user, retries and cancels record
who did them, downloads never render inline, CORS is an explicit allowlist, readiness reveals
nothing private, and a viewer may export what a reviewer finalized."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests_support.api import minimal_pdf, upload, wait_for_job

from .conftest import World, bearer


def test_idempotency_keys_are_per_user(app_client: TestClient, make_user: Any) -> None:
    first = make_user("reviewer")
    colleague = make_user("reviewer", first.workspace_id)
    stranger = make_user("reviewer")
    pdf = ("same.pdf", minimal_pdf("Same invoice"))
    key = {"Idempotency-Key": "offline-upload-1"}
    answers = [
        upload(app_client, pdf, headers={**key, **bearer(u)}) for u in (first, colleague, stranger)
    ]
    assert [a.status_code for a in answers] == [202, 202, 202]
    ids = [a.json()["items"][0]["document"]["id"] for a in answers]
    assert len(set(ids)) == 3  # the same key from three users: three documents
    replay = upload(app_client, pdf, headers={**key, **bearer(first)})
    assert replay.status_code == 202
    assert replay.json()["items"][0]["document"]["id"] == ids[0]  # a replay, nothing new
    listed = app_client.get("/api/documents", headers=bearer(first)).json()["items"]
    assert sorted(d["id"] for d in listed) == sorted(ids[:2])


def test_cancel_and_retry_record_who_did_them(app_client: TestClient, world: World) -> None:
    reviewer = bearer(world.a_reviewer)
    cancelled = app_client.post(f"/api/jobs/{world.job_id}/cancel", headers=reviewer)
    assert cancelled.status_code == 200
    retried = app_client.post(f"/api/jobs/{world.job_id}/retry", headers=bearer(world.a_admin))
    assert retried.status_code == 200
    events = app_client.get(f"/api/jobs/{world.job_id}/events", headers=reviewer).json()["items"]
    by_type = {(e["type"], e["data"].get("retry", False)): e for e in events}
    assert by_type[("job_cancelled", False)]["data"]["by"] == str(world.a_reviewer.user_id)
    assert by_type[("job_queued", True)]["data"]["by"] == str(world.a_admin.user_id)


def test_downloads_are_attachments_never_inline(app_client: TestClient, world: World) -> None:
    answer = app_client.get(
        f"/api/documents/{world.document_id}/file", headers=bearer(world.a_viewer)
    )
    assert answer.status_code == 200
    assert answer.headers["content-disposition"].startswith("attachment;")
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in answer.headers["content-security-policy"]
    assert answer.headers["content-type"] != "text/html"


def test_cors_is_an_explicit_allowlist_with_credentials(app_client: TestClient) -> None:
    allowed = "http://127.0.0.1:3000"  # DOCFLOW_CORS_ORIGINS in the test settings
    preflight = {"Access-Control-Request-Method": "POST"}
    ok = app_client.options("/api/documents/upload", headers={"Origin": allowed, **preflight})
    assert ok.headers.get("access-control-allow-origin") == allowed
    assert ok.headers.get("access-control-allow-credentials") == "true"
    assert "x-csrf-token" in ok.headers.get("access-control-allow-headers", "").lower()
    foreign = app_client.options(
        "/api/documents/upload", headers={"Origin": "https://evil.example", **preflight}
    )
    assert "access-control-allow-origin" not in foreign.headers
    simple = app_client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers
    own = app_client.get("/api/health", headers={"Origin": allowed})
    assert own.headers.get("access-control-allow-origin") == allowed  # never "*"


def test_without_cors_settings_the_api_is_same_origin_only(
    stack: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docflow.config import get_settings
    from docflow.main import create_app

    monkeypatch.setenv("DOCFLOW_CORS_ORIGINS", "[]")
    get_settings.cache_clear()
    try:
        c = TestClient(create_app())  # no lifespan needed: middleware only
        answer = c.options(
            "/api/documents/upload",
            headers={"Origin": "http://127.0.0.1:3000", "Access-Control-Request-Method": "POST"},
        )
        assert "access-control-allow-origin" not in answer.headers
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_readiness_reveals_nothing_private(stack: Any, app_client: TestClient) -> None:
    answer = app_client.get("/api/ready")
    assert answer.status_code == 200
    body = answer.json()
    assert set(body) == {"status", "checks"}
    assert all(isinstance(v, bool) for v in body["checks"].values())
    for private in (
        str(stack.pg_port),
        str(stack.redis_port),
        "postgresql",
        "redis://",
        "docflow@",
    ):
        assert private not in answer.text
    health = app_client.get("/api/health")
    assert health.json() == {"status": "ok"}


@pytest.mark.timeout(120)
def test_a_viewer_exports_what_a_reviewer_finalized_and_nobody_else_sees_it(
    app_client: TestClient, world: World, worker: Any
) -> None:
    reviewer, viewer = bearer(world.a_reviewer), bearer(world.a_viewer)
    answer = upload(
        app_client, ("ready.pdf", minimal_pdf("Invoice INV-9 Total 10.00 USD")), headers=reviewer
    )
    item = answer.json()["items"][0]
    document_id = item["document"]["id"]
    job = wait_for_job(_As(app_client, reviewer), item["job"]["id"], timeout=60)
    assert job["status"] == "completed", job
    assert (
        app_client.post(f"/api/documents/{document_id}/finalize", headers=viewer).status_code == 403
    )
    finalized = app_client.post(f"/api/documents/{document_id}/finalize", headers=reviewer)
    assert finalized.status_code == 200, finalized.text
    for fmt in ("json", "csv"):
        export = app_client.get(f"/api/documents/{document_id}/export/{fmt}", headers=viewer)
        assert export.status_code == 200, export.text
        assert export.headers["content-disposition"].startswith("attachment")
        for caller in (world.b_admin, world.b_reviewer):
            other = app_client.get(
                f"/api/documents/{document_id}/export/{fmt}", headers=bearer(caller)
            )
            assert other.status_code == 404
            assert (
                hashlib.sha256(other.content).hexdigest()
                != hashlib.sha256(export.content).hexdigest()
            )
    history = app_client.get(f"/api/documents/{document_id}/history", headers=viewer).json()
    finalize = [c for c in history["items"] if c["action"] == "finalize"]
    assert [c["user_id"] for c in finalize] == [str(world.a_reviewer.user_id)]
    bulk = app_client.get("/api/exports", headers=bearer(world.b_admin))
    assert document_id not in bulk.text


class _As:
    """A client view that sends one user's credentials (for helpers that take a client)."""

    def __init__(self, client: TestClient, headers: dict[str, str]) -> None:
        self.client, self.headers = client, headers

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.client.get(url, headers=self.headers, **kwargs)
