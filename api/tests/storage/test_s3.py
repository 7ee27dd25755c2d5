"""The S3 backend against a real S3-protocol server on loopback (moto's server mode, its own
process): upload, process by a real worker, download, delete; and the store going away — killed
while an upload is being committed (503 + Retry-After, nothing kept, the same upload accepted once
the store is back), and down when a worker fetches a file (the job goes back to the queue and
completes once when the store returns)."""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import psutil
import pytest
from sqlalchemy import text

from tests_support.api import SEVEN_EVENTS, job_events, minimal_pdf, upload, wait_for_job
from tests_support.faults import Workers, event_types, wait_for_event, wait_for_status
from tests_support.s3 import HoldingRelay, MotoServer, s3_env
from tests_support.settings import settings_env

BUCKET = "docflow-test"
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def moto(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoServer]:
    server = MotoServer(tmp_path_factory.mktemp("moto") / "moto.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def bucket(moto: MotoServer) -> str:
    """The bucket (made again after a test restarted the store: moto keeps nothing) and a key
    prefix of this test's own, so each test sees only its objects."""
    if BUCKET not in {b["Name"] for b in moto.client().list_buckets()["Buckets"]}:
        moto.create_bucket(BUCKET)
    return f"t-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def workers(stack: Any, tmp_path: Path) -> Iterator[Workers]:
    started = Workers(stack, tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


def private_queue() -> str:
    return f"docflow-s3-{uuid.uuid4().hex[:8]}"


def counts() -> dict[str, int]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("documents", "jobs", "idempotency_records", "job_events")
        }


def staged_files() -> list[Path]:
    from docflow.storage import get_storage

    return [p for p in get_storage().staging_dir.iterdir() if p.is_file()]


def test_upload_process_download_and_delete_through_the_bucket(
    client: Any, stack: Any, moto: MotoServer, bucket: str, workers: Workers
) -> None:
    from docflow.storage import get_storage

    queue = private_queue()
    env = s3_env(moto.url, BUCKET, prefix=bucket)
    workers.start(queue, concurrency=2, **env)
    small = minimal_pdf("Invoice S3-1 Total 12.50 EUR")
    large = minimal_pdf("Invoice S3-BIG Total 99.00 EUR", pad=12 * MIB)  # three 5 MiB parts
    with settings_env(**env, DOCFLOW_TASK_QUEUE=queue):
        storage = get_storage()
        answer = upload(client, ("small.pdf", small), ("large.pdf", large))
        assert answer.status_code == 202, answer.text
        items = answer.json()["items"]
        assert [i["status"] for i in items] == ["accepted", "accepted"]
        assert staged_files() == []  # sent to the bucket, nothing left behind

        for item, body in zip(items, (small, large), strict=True):
            job = wait_for_job(client, item["job"]["id"], timeout=90)
            assert job["status"] == "completed", job
            assert [e["type"] for e in job_events(client, job["id"])] == SEVEN_EVENTS
            document = client.get(f"/api/documents/{item['document']['id']}").json()
            assert document["extraction"]["structured_output_json"] is not None

            # What is in the bucket: the object under the prefix, the large one sent in parts.
            key = _stored_key(item["document"]["id"])
            head = moto.client().head_object(Bucket=BUCKET, Key=f"{bucket}/{key}")
            assert head["ContentLength"] == len(body)
            if body is large:
                assert head["ETag"].strip('"').endswith("-3"), head["ETag"]  # multipart, 3 parts

            # Downloaded through the API: the same bytes, streamed from the bucket.
            got = client.get(f"/api/documents/{item['document']['id']}/file")
            assert got.status_code == 200
            assert got.headers["content-length"] == str(len(body))
            assert got.headers["x-content-type-options"] == "nosniff"
            assert hashlib.sha256(got.content).hexdigest() == item["document"]["sha256"]

            # The first page's preview, stored in the bucket too and served from it.
            preview = client.get(document["preview"]["url"])
            assert preview.status_code == 200
            assert preview.headers["content-type"] == "image/webp"
            assert preview.content[:4] == b"RIFF"
            assert preview.content[8:12] == b"WEBP"

        keys = sorted(_stored_key(i["document"]["id"]) for i in items)
        previews = sorted(_preview_key(i["document"]["id"]) for i in items)
        # The prefix is the store's root: each document's file and its preview, nothing else.
        assert sorted(storage.iter_keys()) == keys + previews

        # A worker's copy: a temporary file with the bytes, gone after the block.
        with storage.local_copy(keys[0]) as path:
            copied = path.read_bytes()
        assert not path.exists()
        assert copied in (small, large)

        # Deleted from the store: listed no more, and the API answers the documented 404.
        gone = items[0]
        storage.delete(_stored_key(gone["document"]["id"]))
        storage.delete(_stored_key(gone["document"]["id"]))  # again: not an error
        assert _stored_key(gone["document"]["id"]) not in set(storage.iter_keys())
        missing = client.get(f"/api/documents/{gone['document']['id']}/file")
        assert missing.status_code == 404
        assert missing.json()["error"] == {
            "code": "not_found",
            "message": "The stored file is missing.",
            "details": None,
        }
        with pytest.raises(FileNotFoundError), storage.local_copy("documents/00/none.pdf"):
            pass


def _preview_key(document_id: str) -> str:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return str(
            conn.execute(
                text("SELECT storage_key FROM document_previews WHERE document_id = :d"),
                {"d": document_id},
            ).scalar_one()
        )


def _stored_key(document_id: str) -> str:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return str(
            conn.execute(
                text("SELECT stored_file_path FROM documents WHERE id = :d"), {"d": document_id}
            ).scalar_one()
        )


@pytest.mark.fault
def test_the_store_killed_mid_upload_is_503_keeps_nothing_and_the_upload_can_be_sent_again(
    client: Any, stack: Any, moto: MotoServer, bucket: str, invariants: Any
) -> None:
    from docflow.storage import get_storage

    relay = HoldingRelay(moto.port)  # the API reaches the store through it
    key = {"Idempotency-Key": f"s3-gone-{uuid.uuid4()}"}
    body = minimal_pdf("Invoice S3-GONE Total 10.00 EUR", pad=12 * MIB)
    answers: list[Any] = []
    try:
        with settings_env(
            **s3_env(relay.url, BUCKET, prefix=bucket), DOCFLOW_TASK_QUEUE=private_queue()
        ):
            invariants.storage = get_storage()
            relay.hold_after(3 * MIB)  # the body is staged; its commit has sent 3 MiB
            sender = threading.Thread(
                target=lambda: answers.append(upload(client, ("big.pdf", body), headers=key))
            )
            sender.start()
            assert relay.held.wait(60), "the commit never reached the store"
            moto.kill()  # the store dies with a multipart upload half sent
            relay.release()
            sender.join(120)
            assert not sender.is_alive()

            (gone,) = answers
            assert gone.status_code == 503, gone.text
            assert gone.headers["Retry-After"] == "30"
            assert gone.json()["error"]["code"] == "service_unavailable"
            assert "storage" in gone.json()["error"]["message"]
            assert counts() == {
                "documents": 0,  # no row without its file
                "jobs": 0,
                "idempotency_records": 0,  # released: sending it again is not a 409
                "job_events": 0,
            }
            assert staged_files() == []

            # The store is back (moto comes back empty): the same upload, the same key, goes in.
            moto.start()
            moto.create_bucket(BUCKET)
            again = upload(client, ("big.pdf", body), headers=key)
            assert again.status_code == 202, again.text
            item = again.json()["items"][0]
            invariants.accepted.add(item["document"]["id"])
            assert list(get_storage().iter_keys()) == [_stored_key(item["document"]["id"])]
            assert staged_files() == []
    finally:
        relay.close()
        if moto.proc is None:
            moto.start()


@pytest.mark.fault
def test_the_store_down_when_a_worker_fetches_puts_the_job_back_and_it_completes_once(
    client: Any, stack: Any, moto: MotoServer, bucket: str, workers: Workers, invariants: Any
) -> None:
    from docflow.storage import get_storage

    queue = private_queue()  # no worker reads it yet
    env = s3_env(moto.url, BUCKET, prefix=bucket)
    try:
        with settings_env(**env, DOCFLOW_TASK_QUEUE=queue):
            invariants.storage = get_storage()
            answer = upload(client, ("later.pdf", minimal_pdf("Invoice S3-LATER Total 5.00 EUR")))
            assert answer.status_code == 202, answer.text
            item = answer.json()["items"][0]
            invariants.accepted.add(item["document"]["id"])
            job_id = item["job"]["id"]
            stored = f"{bucket}/{_stored_key(item['document']['id'])}"
            kept = moto.client().get_object(Bucket=BUCKET, Key=stored)["Body"].read()

            moto.kill()
            down = client.get(f"/api/documents/{item['document']['id']}/file")
            assert down.status_code == 503, down.text  # a download cannot reach it either
            assert down.headers["Retry-After"] == "30"
            worker = workers.start(queue, **env)  # it takes the job: the store does not answer
            wait_for_event(job_id, "job_queued", count=2, timeout=60)  # given back, not failed
            assert wait_for_status(job_id, {"queued", "processing"}, timeout=5)
            assert "job_failed" not in event_types(job_id)

            # The store comes back with its data (moto's was in memory: put the object back) —
            # whole: the worker is paused meanwhile, so it never finds the bucket back but still
            # empty (which is a missing file, rightly failing the job, not an outage).
            with paused(worker.pid):
                moto.start()
                moto.create_bucket(BUCKET)
                moto.client().put_object(Bucket=BUCKET, Key=stored, Body=kept)

            job = wait_for_status(job_id, {"completed", "failed", "cancelled"}, timeout=90)
            types = event_types(job_id)
            assert job["status"] == "completed", (job, types)
            assert job["attempt"] == 1
            assert job["retry_count"] == 0
            assert types.count("job_completed") == 1
            assert "job_failed" not in types
            assert types[-6:] == SEVEN_EVENTS[1:]  # the last start ran through
            assert _queued_reasons(job_id)[0] is None
            assert set(_queued_reasons(job_id)[1:]) == {"storage_unavailable"}
    finally:
        if moto.proc is None:
            moto.start()


@contextmanager
def paused(pid: int) -> Iterator[None]:
    """SIGSTOP a process and its descendants for the block, then let them go on."""
    processes = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    for process in processes:
        process.suspend()
    try:
        yield
    finally:
        for process in processes:
            with suppress(psutil.NoSuchProcess):
                process.resume()


def _queued_reasons(job_id: str) -> list[str | None]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT payload->'data'->>'reason' FROM job_events "
                    "WHERE job_id = :j AND type = 'job_queued' ORDER BY seq"
                ),
                {"j": job_id},
            ).scalars()
        )
