"""The first-page preview of a PDF, kept at the end of the parse stage (not a stage of its own: it
records no event and can never fail the job).

The parse's own sandboxed child renders the page once it has handed over every page (see
docflow_worker.parsing: a render that fails, crashes or runs past its time costs the preview
only). Here the image is stored under the document's preview key, then its row written in a short
transaction of its own. A re-run overwrites the same key and updates the row. Anything that goes
wrong is logged as a warning and leaves the document without a (new) preview. An image whose row
could not be written stays under its key, which names its document (the drift check counts it as
the document's; a re-run overwrites it, a deletion removes it) — unless the document was deleted
meanwhile: then the image is removed here.
"""

from __future__ import annotations

import hashlib
import logging

from celery.exceptions import SoftTimeLimitExceeded
from sqlalchemy.exc import IntegrityError

from docflow.db import unit_of_work
from docflow.document.preview import MAX_HEIGHT, WIDTH, preview_key
from docflow.document.repository import DocumentRepository
from docflow.models import DocumentPreview
from docflow.storage import get_storage
from docflow_worker.parsing import PreviewSize
from docflow_worker.pipeline.context import PipelineContext

log = logging.getLogger(__name__)

# A first page at 900 px takes ~20 ms to render and encode; past this the preview is dropped.
RENDER_TIMEOUT_S = 10.0


def preview_size() -> PreviewSize:
    """What the parse stage asks the parser to render."""
    return PreviewSize(width=WIDTH, max_height=MAX_HEIGHT, timeout_s=RENDER_TIMEOUT_S)


def keep_preview(ctx: PipelineContext) -> bool:
    """Store and record the preview the parse made of a PDF; whether the document has it now."""
    parsed = ctx.parsed
    if parsed is None or ctx.mime_type != "application/pdf":
        return False
    image = parsed.preview
    if image is None:
        log.warning(
            "document %s: no preview (%s)", ctx.document_id, parsed.preview_error or "not made"
        )
        return False
    key: str | None = None
    try:
        key = get_storage().put(preview_key(ctx.document_id, image.media_type), image.data)
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
        if isinstance(exc, IntegrityError) and key is not None:  # the document was deleted
            _remove(key)
        reason = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
        log.warning("document %s: no preview (%s: %s)", ctx.document_id, type(exc).__name__, reason)
        return False
    log.info(
        "document %s: preview %dx%d %s, %d bytes",
        ctx.document_id,
        image.width,
        image.height,
        image.media_type,
        len(image.data),
    )
    return True


def _remove(key: str) -> None:
    try:
        get_storage().delete(key)
    except Exception as exc:  # the drift check removes it later
        log.warning("preview %s could not be removed: %s", key, exc)
