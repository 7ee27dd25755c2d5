"""A document's first-page preview: the image the worker renders from a PDF while parsing it, and
the review screen shows at once while its PDF viewer loads. Where it is stored and served."""

from __future__ import annotations

import re
import uuid

EXTENSIONS = {"image/webp": ".webp", "image/png": ".png"}
WIDTH = 900  # pixels; narrower only for a page more than twice as tall as wide
MAX_HEIGHT = 1800


def preview_key(document_id: uuid.UUID, media_type: str) -> str:
    """The storage key of the document's preview (sharded like the documents' own files)."""
    return f"previews/{str(document_id)[:2]}/{document_id}-page-1{EXTENSIONS[media_type]}"


def preview_keys(document_id: uuid.UUID) -> list[str]:
    """Every key a preview of the document can have (what a deletion removes, row or not: a
    worker may have stored the image a moment before the row it could not write)."""
    return [preview_key(document_id, media_type) for media_type in EXTENSIONS]


def preview_url(document_id: uuid.UUID) -> str:
    return f"/api/documents/{document_id}/preview"


_KEY = re.compile(
    r"previews/[0-9a-f]{2}/(?P<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"-page-1\.(?:webp|png)"
)


def preview_owner(key: str) -> uuid.UUID | None:
    """The document a preview key belongs to (None when `key` is not a preview key)."""
    found = _KEY.fullmatch(key)
    return uuid.UUID(found["id"]) if found else None
