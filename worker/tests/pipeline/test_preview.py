"""The preview step of the parse stage, run in this process against the real database, file store
and sandboxed parser: a re-run overwrites the same image and row, a render that fails (or a
document deleted meanwhile) leaves no preview and no file behind, and never fails the parse
stage."""

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


def _parsed(ctx: Any) -> Any:
    from docflow_worker.parsing import parse_document
    from docflow_worker.pipeline.preview import preview_size

    ctx.parsed = parse_document(ctx.file_path, ctx.mime_type, preview=preview_size())
    return ctx


def test_a_rerun_overwrites_the_same_image_and_row(stack: Any, user: Any) -> None:
    from docflow_worker.pipeline.preview import keep_preview

    document_id, path = _document(user.workspace_id, (SAMPLES / "invoice-02-gb.pdf").read_bytes())

    assert keep_preview(_parsed(_context(document_id, path))) is True
    [(key, size, digest)] = _rows(document_id)
    [image] = _preview_files(document_id)
    first = image.read_bytes()
    assert image.as_posix().endswith(key)
    assert (len(first), hashlib.sha256(first).hexdigest()) == (size, digest)

    # The job run again (a retry, a redelivery): parsed and rendered again, kept again.
    assert keep_preview(_parsed(_context(document_id, path))) is True
    assert _rows(document_id) == [(key, size, digest)]
    assert _preview_files(document_id) == [image]
    assert image.read_bytes() == first


def test_a_render_that_fails_leaves_no_preview_and_the_parse_stage_goes_on(
    stack: Any, user: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The render is given 1 ms: the parser child is killed once every page is in (a hung or
    crashed render looks the same to the stage)."""
    from docflow_worker.pipeline import parse, preview

    document_id, path = _document(user.workspace_id, minimal_pdf())  # one page: no progress
    monkeypatch.setattr(preview, "RENDER_TIMEOUT_S", 0.001)
    ctx = _context(document_id, path)
    with caplog.at_level(logging.WARNING, logger="docflow_worker.pipeline.preview"):
        parse.run(ctx)  # does not raise: the document is parsed

    assert ctx.parsed is not None
    assert "Invoice INV-1" in ctx.parsed.text
    assert ctx.parsed.preview is None
    assert _rows(document_id) == []
    assert _preview_files(document_id) == []
    assert any(
        "no preview" in r.getMessage() and "longer than" in r.getMessage() for r in caplog.records
    ), caplog.text


def test_a_document_deleted_meanwhile_keeps_no_image(stack: Any, user: Any) -> None:
    from docflow_worker.pipeline.preview import keep_preview

    gone = uuid.uuid4()  # no such document row (deleted while its job was parsing)
    ctx = _parsed(_context(gone, SAMPLES / "invoice-01-us.pdf"))
    assert ctx.parsed.preview is not None
    assert keep_preview(ctx) is False
    assert _rows(gone) == []
    assert _preview_files(gone) == []
