"""The sweeper's lifecycle work: finalized documents past DOCFLOW_RETENTION_DAYS are purged (and
audited), and the storage drift check — in the sweeper and as `docflow.cli storage-check` —
reports documents without files and removes files without documents once past the grace."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from api.tests.review.seeding import seed_document, seed_finalized_bulk
from tests_support.servers import ROOT
from tests_support.settings import settings_env


def document_ids() -> set[str]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return {str(i) for (i,) in conn.execute(text("SELECT id FROM documents"))}


def audit_actions() -> list[tuple[str, str | None]]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return [
            (a, str(actor) if actor else None)
            for a, actor in conn.execute(text("SELECT action, actor_id FROM audit_events"))
            if a.startswith("document.")
        ]


def test_retention_purges_finalized_documents_older_than_n_days(client: Any, user: Any) -> None:
    from docflow.config import get_settings
    from docflow_worker.sweeper import purge_expired_documents

    seed_finalized_bulk(user.workspace_id, 3, start=datetime.now(UTC) - timedelta(days=40))
    old = document_ids()
    recent = str(seed_document(user.workspace_id))
    assert client.post(f"/api/documents/{recent}/finalize").status_code == 200
    not_finalized = str(seed_document(user.workspace_id, filename="open.pdf"))
    # One old document's file exists: it goes too.
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        key = conn.execute(
            text("SELECT stored_file_path FROM documents WHERE id = :id"), {"id": min(old)}
        ).scalar_one()
    path = Path(get_settings().storage_dir) / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"old")

    assert purge_expired_documents() == 0  # off by default
    assert document_ids() == old | {recent, not_finalized}

    with settings_env(DOCFLOW_RETENTION_DAYS="30"):
        assert purge_expired_documents() == 3

    assert document_ids() == {recent, not_finalized}
    assert not path.exists()
    assert sorted(audit_actions()) == [("document.purged", None)] * 3
    for document_id in old:
        assert client.get(f"/api/documents/{document_id}").status_code == 404


def orphan(root: Path, name: str = "stray") -> str:
    key = f"documents/zz/{name}-{uuid.uuid4()}.pdf"
    (root / key).parent.mkdir(parents=True, exist_ok=True)
    (root / key).write_bytes(b"no row")
    return key


def test_drift_check_reports_missing_files_and_removes_old_orphans(
    user: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from docflow.db import unit_of_work
    from docflow.lifecycle.service import LifecycleService
    from docflow.storage.local import LocalStorage

    storage = LocalStorage(tmp_path / "storage")
    root = tmp_path / "storage"
    present = str(seed_document(user.workspace_id, filename="present.pdf"))
    missing = str(seed_document(user.workspace_id, filename="missing.pdf"))
    with unit_of_work() as session:
        rows = session.execute(text("SELECT id::text, stored_file_path FROM documents"))
        keys = {str(i): str(k) for i, k in rows}
    (root / keys[present]).parent.mkdir(parents=True, exist_ok=True)
    (root / keys[present]).write_bytes(b"file")
    stray = orphan(root)
    staging = root / "staging" / "upload.part"  # an upload being received: never an orphan
    staging.write_bytes(b"partial")

    def run(grace: timedelta) -> Any:
        with caplog.at_level(logging.ERROR), unit_of_work() as session:
            return LifecycleService(session, storage).check_storage(grace=grace)

    first = run(timedelta(hours=1))
    assert first.missing_files == {missing: keys[missing]}
    assert first.orphans == [stray]
    assert first.removed == []  # young: perhaps an upload whose row is about to commit
    assert (root / stray).exists()
    assert any(r.levelno == logging.ERROR and missing in r.getMessage() for r in caplog.records), (
        caplog.text
    )

    second = run(timedelta(0))
    assert second.removed == [stray]
    assert not (root / stray).exists()
    assert staging.exists()
    assert (root / keys[present]).exists()

    # The missing file comes back (restored by an operator): the check is clean.
    (root / keys[missing]).write_bytes(b"restored")
    third = run(timedelta(0))
    assert third.clean
    assert (third.documents, third.files) == (2, 2)


def test_a_file_whose_row_arrives_is_no_orphan_any_more(user: Any, tmp_path: Path) -> None:
    from docflow.db import unit_of_work
    from docflow.lifecycle.service import LifecycleService
    from docflow.storage.local import LocalStorage

    storage = LocalStorage(tmp_path)
    document_id = uuid.uuid4()
    key = f"documents/{document_id}.pdf"
    (tmp_path / "documents").mkdir()
    (tmp_path / key).write_bytes(b"just committed")
    with unit_of_work() as session:
        early = LifecycleService(session, storage).check_storage(grace=timedelta(hours=1))
    assert early.orphans == [key]
    seed_document(user.workspace_id)  # (another row)
    with unit_of_work() as session:
        session.execute(text("UPDATE documents SET stored_file_path = :key"), {"key": key})
    with unit_of_work() as session:
        later = LifecycleService(session, storage).check_storage(grace=timedelta(0))
    assert later.orphans == []
    assert later.removed == []
    assert (tmp_path / key).exists()
    with unit_of_work() as session:
        assert session.execute(text("SELECT count(*) FROM storage_orphans")).scalar_one() == 0


def test_previews_belong_to_their_documents_in_the_drift_check(user: Any, tmp_path: Path) -> None:
    """A preview row whose image is gone is reported and dropped (the document then has no
    preview); a preview image of an existing document is no orphan, row or not (its worker may
    not have written the row yet); one of a document that is gone is."""
    from docflow.db import unit_of_work
    from docflow.document.preview import preview_key
    from docflow.lifecycle.service import LifecycleService
    from docflow.storage.local import LocalStorage

    root = tmp_path / "storage"
    storage = LocalStorage(root)
    with_row, without_row, image_lost = (
        seed_document(user.workspace_id, filename=f"{n}.pdf") for n in ("a", "b", "c")
    )
    with unit_of_work() as session:
        for (key,) in session.execute(text("SELECT stored_file_path FROM documents")):
            (root / key).parent.mkdir(parents=True, exist_ok=True)
            (root / key).write_bytes(b"pdf")
        for document_id in (with_row, image_lost):
            session.execute(
                text(
                    "INSERT INTO document_previews (document_id, storage_key, media_type, width, "
                    "height, byte_size, sha256) VALUES (:id, :key, 'image/webp', 1200, 1553, 5, "
                    "repeat('0', 64))"
                ),
                {"id": document_id, "key": preview_key(document_id, "image/webp")},
            )
    gone = preview_key(uuid.uuid4(), "image/webp")  # its document was deleted
    for key in (preview_key(with_row, "image/webp"), preview_key(without_row, "image/webp"), gone):
        (root / key).parent.mkdir(parents=True, exist_ok=True)
        (root / key).write_bytes(b"image")

    with unit_of_work() as session:
        report = LifecycleService(session, storage).check_storage(grace=timedelta(0))

    lost = preview_key(image_lost, "image/webp")
    assert report.missing_previews == {str(image_lost): lost}
    assert report.missing_files == {}
    assert report.orphans == [gone]
    assert report.removed == [gone]
    assert (root / preview_key(with_row, "image/webp")).exists()
    assert (root / preview_key(without_row, "image/webp")).exists()
    with unit_of_work() as session:
        kept = session.execute(text("SELECT document_id FROM document_previews")).scalars().all()
    assert kept == [with_row]


def test_storage_check_command(stack: Any, user: Any, tmp_path: Path) -> None:
    root = tmp_path / "storage"
    root.mkdir()
    missing = str(seed_document(user.workspace_id))
    stray = orphan(root)
    env = {
        **stack.env,
        "DOCFLOW_STORAGE_DIR": str(root),
        "DOCFLOW_STORAGE_ORPHAN_GRACE_SECONDS": "0",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "docflow.cli", "storage-check", *args],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )

    reported = run("--report-only")
    assert reported.returncode == 1, reported.stderr
    body = json.loads(reported.stdout)
    assert list(body["documents_without_file"]) == [missing]
    assert body["files_without_document"] == [stray]
    assert body["removed"] == []
    assert (root / stray).exists()

    fixed = run()
    assert json.loads(fixed.stdout)["removed"] == [stray]
    assert not (root / stray).exists()

    from docflow.db import unit_of_work

    with unit_of_work() as session:
        session.execute(text("DELETE FROM job_events"))
        session.execute(text("DELETE FROM extraction_results"))
        session.execute(text("DELETE FROM jobs"))
        session.execute(text("DELETE FROM documents"))
    clean = run()
    assert clean.returncode == 0, clean.stdout
    assert json.loads(clean.stdout)["clean"] is True


def test_the_workers_sweeper_runs_retention_and_the_drift_check(
    stack: Any, user: Any, tmp_path: Path
) -> None:
    """A real worker process whose sweeper has retention on and a short drift interval."""
    import time

    from tests_support.servers import start_worker, stop_worker

    root = tmp_path / "storage"
    root.mkdir()
    seed_finalized_bulk(user.workspace_id, 2, start=datetime.now(UTC) - timedelta(days=10))
    stray = orphan(root)
    worker = start_worker(
        stack.env,
        tmp_path / "worker.log",
        concurrency=1,
        extra_env={
            "DOCFLOW_STORAGE_DIR": str(root),
            "DOCFLOW_RETENTION_DAYS": "7",
            "DOCFLOW_STORAGE_CHECK_INTERVAL_SECONDS": "1",
            "DOCFLOW_STORAGE_ORPHAN_GRACE_SECONDS": "1",
            "DOCFLOW_TASK_QUEUE": "docflow-test-sweeper",
        },
    )
    try:
        deadline = time.monotonic() + 60
        while document_ids() or (root / stray).exists():
            assert time.monotonic() < deadline, worker.log()[-3000:]
            time.sleep(0.2)
    finally:
        stop_worker(worker)
    assert sorted(audit_actions()) == [("document.purged", None)] * 2
    assert "removed 1 file(s) without a document" in worker.log()
