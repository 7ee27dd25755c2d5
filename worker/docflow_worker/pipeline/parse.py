"""Parse stage: read the file into pages of text with word boxes (in a sandboxed child, which also
renders a PDF's first page); then keep that preview (see ``preview``: never a reason to fail)."""

from __future__ import annotations

import logging
import time

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.events.publisher import NewEvent
from docflow.job.service import JobService
from docflow_worker.parsing import ParseError, ParseLimits, parse_document
from docflow_worker.pipeline.context import PipelineContext, StageFailed
from docflow_worker.pipeline.preview import keep_preview, preview_size
from docflow_worker.pipeline.retry import DATABASE_UNAVAILABLE

log = logging.getLogger(__name__)

name = "parsing"

_PROGRESS_FROM, _PROGRESS_TO = 10, 50
_MIN_PROGRESS_INTERVAL_S = 0.25


def run(ctx: PipelineContext) -> None:
    last_report = 0.0

    def on_page(page: int, pages: int) -> None:
        # Per-page progress for multi-page documents, throttled so a 500-page file does not
        # write 500 transactions; the last page is always reported.
        nonlocal last_report
        now = time.monotonic()
        if pages < 2 or (page < pages and now - last_report < _MIN_PROGRESS_INTERVAL_S):
            return
        last_report = now
        progress = _PROGRESS_FROM + (_PROGRESS_TO - _PROGRESS_FROM) * page // pages
        try:
            with unit_of_work() as session:
                JobService(session).advance(
                    ctx.claim,
                    stage=name,
                    progress=progress,
                    events=[NewEvent("document_parsing_progress", {"page": page, "pages": pages})],
                )
        except DATABASE_UNAVAILABLE as exc:
            # Progress is a courtesy: parsing goes on, the next boundary is retried in earnest.
            log.warning("page progress not recorded (database unavailable): %s", exc.orig or exc)

    limits = ParseLimits(timeout_s=get_settings().stage_timeout_seconds)
    try:
        ctx.parsed = parse_document(
            ctx.file_path, ctx.mime_type, limits=limits, on_page=on_page, preview=preview_size()
        )
    except ParseError as exc:
        raise StageFailed(str(exc)) from exc
    except FileNotFoundError as exc:
        raise StageFailed("The stored file is missing.") from exc
    keep_preview(ctx)
