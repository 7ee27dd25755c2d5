"""The first-page preview of a PDF, made at the end of the parse stage (not a stage of its own: it
records no event and can never fail the job).

The page is rendered in a sandboxed child of its own (so a crash or a limit costs the preview
only), the image stored under the document's preview key, then its row written in a short
transaction of its own. A re-run overwrites the same key and updates the row. Anything that goes
wrong is logged as a warning and leaves the document without a (new) preview. An image whose row
could not be written stays under its key, which names its document (the drift check counts it as
the document's; a re-run overwrites it, a deletion removes it) — unless the document was deleted
meanwhile: then the image is removed here.
"""

from __future__ import annotations

import hashlib
import logging
import time

from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy.exc import IntegrityError

from docflow.config import get_settings
from docflow.db import unit_of_work
from docflow.document.preview import MAX_HEIGHT, WIDTH, preview_key
from docflow.document.repository import DocumentRepository
from docflow.models import DocumentPreview
from docflow.storage import get_storage, store_bytes
from docflow_worker.parsing import ParseLimits, render_first_page
from docflow_worker.pipeline.context import PipelineContext

log = logging.getLogger(__name__)

RENDER_TIMEOUT_S = 10.0  # a first page at 1200 px takes ~0.07 s; past this the preview is dropped


def make_preview(ctx: PipelineContext) -> bool:
    """Render, store and record the preview of the PDF being parsed; whether it was made."""
    if ctx.mime_type != "application/pdf":
        return False
    started = time.perf_counter()
    key: str | None = None
    storage = get_storage()
    try:
        limits = ParseLimits(timeout_s=min(RENDER_TIMEOUT_S, get_settings().stage_timeout_seconds))
        image = render_first_page(ctx.file_path, width=WIDTH, max_height=MAX_HEIGHT, limits=limits)
        key = store_bytes(storage, preview_key(ctx.document_id, image.media_type), image.data)
        with unit_of_work() as session:
            DocumentRepository(session).save_preview(
                DocumentPreview(
                    document_id=ctx.document_id,
                    storage_key=key,
                    media_type=image.media_type,
                    width=image.width,
                    height=image.height,
                    byte_size=len(image.data),
                    sha256=hashlib.sha256(image.data).hexdigest(),
                )
            )
    except SoftTimeLimitExceeded:
        raise  # the job's own time limit: the runner fails the job as it always does
    except Exception as exc:
        if isinstance(exc, IntegrityError):  # the document was deleted meanwhile
            _remove(key)
        log.warning(
            "document %s: no preview (%s: %s)",
            ctx.document_id,
            type(exc).__name__,
            str(exc).strip().splitlines()[0][:300] if str(exc).strip() else "",
        )
        return False
    log.info(
        "document %s: preview %dx%d %s, %d bytes in %.0f ms",
        ctx.document_id,
        image.width,
        image.height,
        image.media_type,
        len(image.data),
        (time.perf_counter() - started) * 1000,
    )
    return True


def _remove(key: str | None) -> None:
    if key is None:
        return
    try:
        get_storage().delete(key)
    except Exception as exc:  # the drift check removes it later
        log.warning("preview %s could not be removed: %s", key, exc)
