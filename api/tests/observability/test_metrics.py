"""What an operator scrapes: /metrics on a real API process and the metrics server of a real
worker (prefork pool, multiprocess mode), after an upload went through both — and that neither
answers a client it should not."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

import devstack
from tests_support.api import minimal_pdf, upload, wait_for_job
from tests_support.live import read_until, subscribe, ws_client
from tests_support.servers import api_server, start_worker, stop_worker

WORKER_TOKEN = "worker-metrics-" + uuid.uuid4().hex


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a scrape: (name, labels) → value."""
    found: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(
    scraped: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return scraped.get((name, frozenset(labels.items())), float("nan"))


@pytest.fixture(scope="module")
def pair(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Any]]:
    """An API and a worker on a queue of their own; the worker serves its metrics to the token
    holder only (no network allowed)."""
    tmp = tmp_path_factory.mktemp("metrics")
    env = {**stack.env, "DOCFLOW_TASK_QUEUE": f"metrics-{uuid.uuid4().hex[:8]}"}
    port = devstack.free_port()
    worker = start_worker(
        env,
        tmp / "worker.log",
        extra_env={
            "DOCFLOW_WORKER_METRICS_PORT": str(port),
            "DOCFLOW_METRICS_TOKEN": WORKER_TOKEN,
            "DOCFLOW_METRICS_ALLOWED_NETWORKS": "[]",
            "PROMETHEUS_MULTIPROC_DIR": str(tmp / "prometheus"),
        },
    )
    try:
        with api_server(env, tmp / "api.log") as base:
            yield base, f"http://127.0.0.1:{port}/metrics", worker
    finally:
        stop_worker(worker)


def test_an_upload_shows_in_the_api_and_worker_metrics(
    pair: tuple[str, str, Any], make_user: Any
) -> None:
    base, worker_metrics, _ = pair
    user = make_user("reviewer")
    pdf = minimal_pdf("Invoice MET-1 Total 12.00 USD")

    async def run() -> tuple[str, str]:
        async with ws_client(base, user.token) as ws:
            await subscribe(ws, "all", after=0)
            with httpx.Client(base_url=base, timeout=30) as client:
                client.headers["Authorization"] = f"Bearer {user.token}"
                accepted = upload(client, ("met.pdf", pdf), ("empty.pdf", b""))
                assert accepted.status_code == 202, accepted.text
                job_id = next(i["job"]["id"] for i in accepted.json()["items"] if "job" in i)
                await read_until(
                    ws, lambda r: any(e["type"] == "job_completed" for e in r.events), 60
                )
                assert wait_for_job(client, job_id)["status"] == "completed"
                # Scraped while the WebSocket is open (a loopback client: allowed by default).
                scraped = client.get("/metrics", headers={"Authorization": ""})
                assert scraped.status_code == 200, scraped.text
                assert scraped.headers["content-type"].startswith("text/plain")
                return scraped.text, job_id

    api_text, job_id = asyncio.run(run())
    api = samples(api_text)
    # HTTP latency by route template, never by raw path.
    assert (
        value(
            api,
            "docflow_http_request_duration_seconds_count",
            method="POST",
            route="/api/documents/upload",
            status="202",
        )
        >= 1
    )
    assert (
        value(
            api,
            "docflow_http_request_duration_seconds_count",
            method="GET",
            route="/api/jobs/{job_id}",
            status="200",
        )
        >= 1
    )
    routes = {dict(labels).get("route", "") for (_, labels) in api}
    assert not any(job_id in route for route in routes), routes
    # Uploads: the bytes accepted, the empty file refused by reason.
    assert value(api, "docflow_upload_bytes_total") >= len(pdf)
    assert value(api, "docflow_upload_rejections_total", reason="empty_file") >= 1
    # Live: the open WebSocket, the events it was sent, the events the API published.
    assert value(api, "docflow_live_connections", kind="websocket") == 1
    assert value(api, "docflow_events_delivered_total", kind="websocket") >= 2
    assert value(api, "docflow_events_published_total") >= 1
    # The system's state, from PostgreSQL and Redis.
    assert value(api, "docflow_jobs", state="completed") >= 1
    assert value(api, "docflow_jobs", state="failed") >= 0
    assert value(api, "docflow_queue_depth") >= 0
    assert value(api, "docflow_queue_oldest_age_seconds") >= 0
    assert value(api, "docflow_jobs_stranded") == 0
    assert value(api, "docflow_state_scrape_ok", source="postgresql") == 1
    assert value(api, "docflow_state_scrape_ok", source="redis") == 1

    # The worker host: what its pool processes recorded, served by its main process.
    scraped = httpx.get(
        worker_metrics, headers={"Authorization": f"Bearer {WORKER_TOKEN}"}, timeout=10
    )
    assert scraped.status_code == 200, scraped.text
    worker = samples(scraped.text)
    for stage in ("parsing", "extracting", "storing"):
        assert value(worker, "docflow_stage_duration_seconds_count", stage=stage) >= 1, stage
        assert value(worker, "docflow_stage_duration_seconds_sum", stage=stage) > 0, stage
    assert value(worker, "docflow_jobs_finished_total", outcome="completed") >= 1
    assert value(worker, "docflow_events_published_total") >= 1


def test_the_websocket_gauge_falls_when_the_socket_closes(
    pair: tuple[str, str, Any], make_user: Any
) -> None:
    base, _, _ = pair
    user = make_user("viewer")

    async def open_and_close() -> None:
        async with ws_client(base, user.token) as ws:
            await subscribe(ws, "all", after=None)

    asyncio.run(open_and_close())
    deadline = time.monotonic() + 30
    while True:
        api = samples(httpx.get(f"{base}/metrics", timeout=10).text)
        if value(api, "docflow_live_connections", kind="websocket") == 0:
            break
        assert time.monotonic() < deadline, "the gauge never fell back to 0"
        time.sleep(0.1)


def test_the_worker_metrics_refuse_a_client_without_the_token(pair: tuple[str, str, Any]) -> None:
    _, worker_metrics, _ = pair
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        refused = httpx.get(worker_metrics, headers=headers, timeout=10)
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
        assert "docflow_" not in refused.text


def test_api_metrics_need_an_allowed_network_or_the_token(stack: Any) -> None:
    from fastapi.testclient import TestClient

    from docflow.main import create_app
    from tests_support.settings import settings_env

    # The in-process client's address is "testclient": no allowed network matches it.
    with TestClient(create_app(), base_url="http://testserver") as client:
        refused = client.get("/metrics")
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
        assert "docflow_" not in refused.text
    with settings_env(DOCFLOW_METRICS_TOKEN="scrape-" + uuid.uuid4().hex):
        from docflow.config import get_settings

        token = get_settings().metrics_token
        with TestClient(create_app(), base_url="http://testserver") as client:
            assert client.get("/metrics").status_code == 403
            wrong = client.get("/metrics", headers={"Authorization": "Bearer nope"})
            assert wrong.status_code == 403
            allowed = client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
            assert allowed.status_code == 200, allowed.text
            assert "docflow_jobs{" in allowed.text
            assert "docflow_http_request_duration_seconds" in allowed.text


def test_metrics_are_not_in_the_openapi_document(stack: Any) -> None:
    from docflow.main import create_app

    assert "/metrics" not in create_app().openapi()["paths"]
    assert json.dumps(create_app().openapi()).count('"/metrics"') == 0


def test_every_answer_carries_a_request_id(client: Any) -> None:
    echoed = client.get("/api/health", headers={"X-Request-ID": "trace-abc.123"})
    assert echoed.headers["X-Request-ID"] == "trace-abc.123"
    fresh = client.get("/api/health", headers={"X-Request-ID": "not ok " * 20})
    assert fresh.headers["X-Request-ID"] != ""
    assert fresh.headers["X-Request-ID"] != "not ok " * 20
    missing = client.get("/api/documents/not-a-uuid")
    assert missing.headers["X-Request-ID"]


def test_a_jobs_worker_log_lines_carry_the_request_and_its_ids(
    pair: tuple[str, str, Any], make_user: Any
) -> None:
    base, _, worker = pair
    user = make_user("reviewer")
    request_id = f"req-{uuid.uuid4().hex}"
    with httpx.Client(base_url=base, timeout=30) as client:
        client.headers["Authorization"] = f"Bearer {user.token}"
        accepted = upload(
            client,
            ("ids.pdf", minimal_pdf("Invoice IDS-1 Total 3.00 USD")),
            headers={"X-Request-ID": request_id},
        )
        assert accepted.status_code == 202, accepted.text
        assert accepted.headers["X-Request-ID"] == request_id
        item = accepted.json()["items"][0]
        job_id, document_id = item["job"]["id"], item["document"]["id"]
        assert wait_for_job(client, job_id)["status"] == "completed"
    deadline = time.monotonic() + 30
    while True:
        lines = [json.loads(line) for line in worker.log().splitlines() if line.startswith("{")]
        mine = [line for line in lines if line.get("request_id") == request_id]
        if any("succeeded" in line["message"] for line in mine):
            break
        assert time.monotonic() < deadline, worker.log()[-3000:]
        time.sleep(0.1)
    for line in mine:
        assert line["job_id"] == job_id
        assert line["workspace_id"] == str(user.workspace_id)
        assert line["document_id"] == document_id
        assert {"time", "level", "logger", "message"} <= line.keys()
