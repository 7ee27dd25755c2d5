"""Every error a client can meet comes in the one envelope {"error": {"code", "message",
"details"}} — and a 500 tells nothing about the code behind it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests_support.api import minimal_pdf, upload


def assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) == {"code", "message", "details"}
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    return error


def test_validation_errors_list_the_fields(client: Any) -> None:
    bad_uuid = client.get("/api/jobs/not-a-uuid")
    error = assert_envelope(bad_uuid, 422, "validation_error")
    assert error["details"][0]["field"] == "path.job_id"
    assert error["details"][0]["message"]

    bad_query = client.get(f"/api/jobs/{uuid.uuid4()}/events", params={"after": "soon"})
    error = assert_envelope(bad_query, 422, "validation_error")
    assert [d["field"] for d in error["details"]] == ["query.after"]

    negative = client.get(f"/api/jobs/{uuid.uuid4()}/events", params={"after": -1})
    assert_envelope(negative, 422, "validation_error")


def test_unknown_routes_and_objects_are_404(client: Any) -> None:
    assert_envelope(client.get("/api/no-such-thing"), 404, "not_found")
    assert_envelope(client.get("/nowhere"), 404, "not_found")
    assert_envelope(client.get(f"/api/jobs/{uuid.uuid4()}"), 404, "not_found")
    assert_envelope(client.get(f"/api/documents/{uuid.uuid4()}"), 404, "not_found")
    assert_envelope(client.get(f"/api/documents/{uuid.uuid4()}/file"), 404, "not_found")


def test_wrong_method_is_405(client: Any) -> None:
    response = client.delete("/api/health")
    assert_envelope(response, 405, "method_not_allowed")
    assert "GET" in response.headers["allow"]
    assert_envelope(client.put(f"/api/jobs/{uuid.uuid4()}"), 405, "method_not_allowed")


def test_missing_credentials_are_401(client: Any) -> None:
    response = client.get(f"/api/jobs/{uuid.uuid4()}", headers={"Authorization": ""})
    assert_envelope(response, 401, "unauthorized")
    response = client.get(
        f"/api/jobs/{uuid.uuid4()}", headers={"Authorization": "Bearer dfk_wrong"}
    )
    assert_envelope(response, 401, "unauthorized")


def test_conflicts_are_409(client: Any) -> None:
    item = upload(client, ("a.pdf", minimal_pdf("conflict"))).json()["items"][0]
    job_id = item["job"]["id"]
    retry = client.post(f"/api/jobs/{job_id}/retry")  # a queued job cannot be retried
    error = assert_envelope(retry, 409, "invalid_state")
    assert error["details"]["status"] in {"queued", "processing", "completed"}


def test_upload_errors_are_413_415_422(client: Any) -> None:
    from docflow.config import get_settings

    too_many = get_settings().max_files_per_request + 1
    many = upload(client, *[(f"{i}.txt", f"file {i}".encode()) for i in range(too_many)])
    assert_envelope(many, 413, "payload_too_large")

    exe = upload(client, ("setup.exe", b"MZ\x90\x00" + b"\x00" * 60))
    error = assert_envelope(exe, 415, "unsupported_media_type")
    assert error["details"]["items"][0]["error"]["code"] == "unsupported_media_type"

    empty = upload(client, ("empty.pdf", b""))
    assert_envelope(empty, 422, "empty_file")

    reused_key = {"Idempotency-Key": f"k-{uuid.uuid4()}"}
    assert upload(client, ("a.pdf", minimal_pdf("one")), headers=reused_key).status_code == 202
    reused = upload(client, ("a.pdf", minimal_pdf("two")), headers=reused_key)
    assert_envelope(reused, 422, "idempotency_key_reused")


@pytest.fixture
def failing_client(stack: Any, user: Any) -> Iterator[Any]:
    """A fresh app with one test-only route that fails the way a bug would."""
    from fastapi.testclient import TestClient

    from docflow.main import create_app

    app = create_app()

    @app.get("/api/test-only/boom")
    def boom() -> None:
        raise RuntimeError("database password is hunter2 at /srv/secret/config.py line 7")

    @app.get("/api/test-only/key-error")
    async def key_error() -> None:
        {}["missing"]  # noqa: B018

    # Not entered as a context manager: these routes need no lifespan (no live-event hub).
    c = TestClient(app, raise_server_exceptions=False)
    c.headers["Authorization"] = f"Bearer {user.token}"
    yield c
    c.close()


@pytest.mark.parametrize("path", ["/api/test-only/boom", "/api/test-only/key-error"])
def test_a_crash_is_500_without_a_stack_trace(failing_client: Any, path: str) -> None:
    response = failing_client.get(path)
    error = assert_envelope(response, 500, "internal_error")
    assert error["details"] is None
    text = response.text
    for leak in ("Traceback", "hunter2", "/srv/secret", "RuntimeError", "KeyError", ".py"):
        assert leak not in text


def test_an_unreachable_database_is_503_with_retry_after(
    stack: Any, user: Any, tmp_path: Any
) -> None:
    """PostgreSQL down (here: nothing listens where the API looks for it): every request that
    needs it is a retryable 503 in the envelope, fast; liveness stays up, readiness names it."""
    import time

    import httpx

    import devstack
    from tests_support.servers import api_server

    storage = tmp_path / "storage"
    env = {
        **stack.env,
        "DOCFLOW_DATABASE_URL": f"postgresql+psycopg://docflow@127.0.0.1:{devstack.free_port()}/x",
        "DOCFLOW_STORAGE_DIR": str(storage),
    }
    with api_server(env, tmp_path / "api.log") as base, httpx.Client(base_url=base) as http:
        auth = {"Authorization": f"Bearer {user.token}"}
        started = time.monotonic()
        listed = http.get("/api/documents", headers=auth)
        assert_envelope(listed, 503, "service_unavailable")
        assert listed.headers["Retry-After"] == "5"
        assert "database" in listed.json()["error"]["message"]
        uploaded = upload(http, ("a.pdf", minimal_pdf("while the database is down")), headers=auth)
        assert_envelope(uploaded, 503, "service_unavailable")
        assert time.monotonic() - started < 10
        assert not [p for p in storage.rglob("*") if p.is_file()]  # nothing half-written
        ready = http.get("/api/ready")
        assert ready.status_code == 503
        assert ready.json()["error"]["details"]["checks"]["postgres"] is False
        assert http.get("/api/health").status_code == 200


def test_access_log_lines_do_not_carry_query_tokens(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from docflow.main import create_app

    create_app()
    access = logging.getLogger("uvicorn.access")
    with caplog.at_level(logging.INFO, logger="uvicorn.access"):
        # The shapes uvicorn logs: an HTTP request line and a WebSocket handshake.
        access.info(
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:50000",
            "GET",
            "/api/jobs/1/stream?after=3&token=dfk_secret1",
            "1.1",
            200,
        )
        access.info('%s - "WebSocket %s" [accepted]', "127.0.0.1:50001", "/api/ws?token=dfk_s2")
    assert "dfk_secret1" not in caplog.text
    assert "dfk_s2" not in caplog.text
    assert "/api/jobs/1/stream?after=3&token=[redacted]" in caplog.text
    assert "/api/ws?token=[redacted]" in caplog.text
