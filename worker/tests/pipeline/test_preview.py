"""The preview step of the parse stage, run in this process against the real database and file
store: a re-run overwrites the same image and row, a render that fails (or a document deleted
meanwhile) leaves no preview and no file behind, and never fails the parse stage."""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from tests_support.api import SAMPLES, minimal_pdf


def _document(workspace_id: uuid.UUID, body: bytes) -> tuple[uuid.UUID, Path]:
    """A document of `body` stored as an upload would be (its file in the store)."""
    from api.tests.review.seeding import seed_document
    from docflow.config import get_settings
    from docflow.db import get_engine

    document_id = seed_document(workspace_id, status="processing", content=body)
    with get_engine().connect() as conn:
        key = conn.execute(
            text("SELECT stored_file_path FROM documents WHERE id = :id"), {"id": document_id}
        ).scalar_one()
    path = Path(get_settings().storage_dir) / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    return document_id, path


def _context(document_id: uuid.UUID, path: Path) -> Any:
    from docflow.job.service import WorkerClaim
    from docflow_worker.pipeline.context import PipelineContext

    claim = WorkerClaim(uuid.uuid4(), document_id, 1, uuid.uuid4(), "application/pdf", "")
    return PipelineContext(
        claim=claim,
        document_id=document_id,
        file_path=path,
        mime_type="application/pdf",
        boundary_at=time.monotonic(),
    )


def _rows(document_id: uuid.UUID) -> list[tuple[str, int, str]]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return [
            (str(k), int(s), str(h))
            for k, s, h in conn.execute(
                text(
                    "SELECT storage_key, byte_size, sha256 FROM document_previews "
                    "WHERE document_id = :id"
                ),
                {"id": document_id},
            )
        ]


def _preview_files(document_id: uuid.UUID) -> list[Path]:
    from docflow.config import get_settings

    return sorted((Path(get_settings().storage_dir) / "previews").rglob(f"{document_id}*"))


def test_a_rerun_overwrites_the_same_image_and_row(stack: Any, user: Any) -> None:
    from docflow_worker.pipeline.preview import make_preview

    document_id, path = _document(user.workspace_id, (SAMPLES / "invoice-02-gb.pdf").read_bytes())
    ctx = _context(document_id, path)

    assert make_preview(ctx) is True
    [(key, size, digest)] = _rows(document_id)
    [image] = _preview_files(document_id)
    first = image.read_bytes()
    assert image.as_posix().endswith(key)
    assert (len(first), hashlib.sha256(first).hexdigest()) == (size, digest)

    assert make_preview(ctx) is True  # the job run again (a retry, a redelivery)
    assert _rows(document_id) == [(key, size, digest)]
    assert _preview_files(document_id) == [image]
    assert image.read_bytes() == first


def test_a_failed_render_leaves_no_preview_and_the_parse_stage_goes_on(
    stack: Any, user: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from docflow_worker.pipeline import parse, preview

    document_id, path = _document(user.workspace_id, minimal_pdf())  # one page: no progress

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("pdfium could not draw this page")

    monkeypatch.setattr(preview, "render_first_page", broken)
    ctx = _context(document_id, path)
    with caplog.at_level(logging.WARNING, logger="docflow_worker.pipeline.preview"):
        parse.run(ctx)  # does not raise: the document is parsed

    assert ctx.parsed is not None
    assert ctx.parsed.pages
    assert _rows(document_id) == []
    assert _preview_files(document_id) == []
    assert any(
        "no preview" in r.getMessage() and "pdfium could not draw" in r.getMessage()
        for r in caplog.records
    )


def test_a_corrupt_file_gets_no_preview(stack: Any, user: Any, tmp_path: Path) -> None:
    from docflow_worker.pipeline.preview import make_preview

    body = (SAMPLES / "broken-truncated.pdf").read_bytes()
    document_id, path = _document(user.workspace_id, body)
    assert make_preview(_context(document_id, path)) is False
    assert _rows(document_id) == []
    assert _preview_files(document_id) == []


def test_a_document_deleted_meanwhile_keeps_no_image(stack: Any, user: Any) -> None:
    from docflow_worker.pipeline.preview import make_preview

    gone = uuid.uuid4()  # no such document row (deleted while its job was parsing)
    ctx = _context(gone, SAMPLES / "invoice-01-us.pdf")
    assert make_preview(ctx) is False
    assert _rows(gone) == []
    assert _preview_files(gone) == []
