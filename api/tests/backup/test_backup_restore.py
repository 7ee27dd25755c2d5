"""`docflow.cli backup` then `restore` into a fresh private stack (its own PostgreSQL and storage
folder): every document, job history, review, first-page preview and finalized export comes back
identical, as the API of each stack shows them (export and preview bytes equal)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import devstack
from tests_support.api import SAMPLES, minimal_pdf, upload, wait_for_job
from tests_support.servers import ROOT, api_server


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "docflow.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.fixture
def fresh_postgres() -> Iterator[str]:
    """A second, empty PostgreSQL server; yields its database URL."""
    root = Path(tempfile.mkdtemp(prefix="docflow-restore-pg-"))
    os.chmod(root, 0o755)
    port = devstack.free_port()
    proc = devstack.start_postgres(root / "pg", port, fast=True)
    try:
        yield f"postgresql+psycopg://docflow@127.0.0.1:{port}/docflow"
    finally:
        devstack.stop(proc)
        shutil.rmtree(root, ignore_errors=True)


def accepted(client: Any, name: str, body: bytes) -> dict[str, Any]:
    response = upload(client, (name, body))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    return item


def build_state(client: Any) -> list[str]:
    """Several documents through the real worker: one reviewed with corrections and finalized,
    one reviewed only, one failed and retried (two attempts), one left completed."""
    items = [
        accepted(
            client, f"invoice-{i}.pdf", minimal_pdf(f"Invoice INV-{i} {uuid.uuid4()} 1{i}.00 EUR")
        )
        for i in range(3)
    ]
    broken = accepted(
        client, "broken.pdf", (SAMPLES / "broken-truncated.pdf").read_bytes() + uuid.uuid4().bytes
    )
    for item in items:
        assert wait_for_job(client, item["job"]["id"])["status"] == "completed"
    assert wait_for_job(client, broken["job"]["id"])["status"] == "failed"
    assert client.post(f"/api/jobs/{broken['job']['id']}/retry").status_code == 200
    assert wait_for_job(client, broken["job"]["id"])["status"] == "failed"

    for item, fields in (
        (items[0], {"vendor_name": "Corrected Supplies GmbH", "total_amount": "123.45"}),
        (items[1], {"invoice_number": "FIXED-1", "currency": "USD"}),
    ):
        document_id = item["document"]["id"]
        etag = client.get(f"/api/documents/{document_id}").headers["ETag"]
        saved = client.put(
            f"/api/documents/{document_id}/review",
            json={"fields": fields},
            headers={"If-Match": etag},
        )
        assert saved.status_code == 200, saved.text
    finalized = client.post(f"/api/documents/{items[0]['document']['id']}/finalize")
    assert finalized.status_code == 200, finalized.text
    return [item["document"]["id"] for item in [*items, broken]]


def observe(client: Any, document_ids: list[str]) -> dict[str, Any]:
    """Everything a client can read about these documents (bytes where bytes matter)."""
    seen: dict[str, Any] = {"list": client.get("/api/documents", params={"limit": 200}).json()}
    for document_id in document_ids:
        document = client.get(f"/api/documents/{document_id}")
        assert document.status_code == 200
        job_id = document.json()["job"]["id"]
        entry: dict[str, Any] = {
            "document": document.json(),
            "etag": document.headers["ETag"],
            "file": client.get(f"/api/documents/{document_id}/file").content,
            "preview": _preview(client, document_id),
            "job": client.get(f"/api/jobs/{job_id}").json(),
            "events": client.get(f"/api/jobs/{job_id}/events", params={"limit": 1000}).json(),
            "history": client.get(f"/api/documents/{document_id}/history").json(),
        }
        for kind in ("json", "csv"):
            export = client.get(f"/api/documents/{document_id}/export/{kind}")
            entry[f"export_{kind}"] = (
                export.status_code,
                export.content,
                export.headers.get("ETag"),
            )
        seen[document_id] = entry
    return seen


def _preview(client: Any, document_id: str) -> tuple[int, bytes, str | None, str | None]:
    answer = client.get(f"/api/documents/{document_id}/preview")
    return (
        answer.status_code,
        answer.content,
        answer.headers.get("ETag"),
        answer.headers.get("Content-Type"),
    )


def test_a_backup_restores_into_a_fresh_stack_identically(
    stack: Any,
    worker: Any,
    client: Any,
    user: Any,
    fresh_postgres: str,
    tmp_path: Path,
) -> None:
    document_ids = build_state(client)
    before = observe(client, document_ids)
    assert before[document_ids[0]]["document"]["extraction"]["is_finalized"] is True
    assert before[document_ids[0]]["export_json"][0] == 200
    assert before[document_ids[3]]["job"]["retry_count"] == 1
    # The three parsed PDFs have a first-page preview (it goes into the backup too); the broken
    # one has none.
    assert [before[d]["preview"][0] for d in document_ids] == [200, 200, 200, 404]
    assert [before[d]["document"]["preview"] is None for d in document_ids] == [
        False,
        False,
        False,
        True,
    ]

    folder = tmp_path / "backup"
    made = cli(stack.env, "backup", str(folder))
    assert made.returncode == 0, made.stderr
    assert (folder / "database.dump").is_file()
    manifest = (folder / "manifest.json").read_text()
    assert all(d in manifest for d in document_ids)

    # A file uploaded after the backup is not in it (and neither is its row).
    late = accepted(client, "late.pdf", minimal_pdf(f"late {uuid.uuid4()}"))

    target = {
        **stack.env,
        "DOCFLOW_DATABASE_URL": fresh_postgres,
        "DOCFLOW_STORAGE_DIR": str(tmp_path / "restored-storage"),
        "DOCFLOW_EVENT_CHANNEL_PREFIX": "docflow-restored",
        "DOCFLOW_TASK_QUEUE": "docflow-restored",
    }
    restored = cli(target, "restore", str(folder))
    assert restored.returncode == 0, restored.stderr

    again = cli(target, "restore", str(folder))
    assert again.returncode == 1
    assert "restore refused" in again.stderr
    assert "--force" in again.stderr
    forced = cli(target, "restore", str(folder), "--force")
    assert forced.returncode == 0, forced.stderr

    with (
        api_server(target, tmp_path / "restored-api.log") as base,
        httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {user.token}"}, timeout=30
        ) as restored_client,
    ):
        after = observe(restored_client, document_ids)
        assert restored_client.get(f"/api/documents/{late['document']['id']}").status_code == 404
    before["list"]["items"] = [
        d for d in before["list"]["items"] if d["id"] != late["document"]["id"]
    ]
    for document_id in document_ids:
        assert after[document_id] == before[document_id], document_id
    assert after["list"]["items"] == before["list"]["items"]
    finalized = document_ids[0]
    assert after[finalized]["export_csv"][1] == before[finalized]["export_csv"][1]
    assert after[finalized]["export_json"][1] == before[finalized]["export_json"][1]
    restored_files = sorted(
        p.relative_to(tmp_path / "restored-storage").as_posix()
        for p in (tmp_path / "restored-storage").rglob("*")
        if p.is_file() and "staging" not in p.parts
    )
    # Each document's file, and the previews of the three parsed PDFs, nothing else.
    assert len(restored_files) == len(document_ids) + 3
    assert sum(f.startswith("previews/") for f in restored_files) == 3
