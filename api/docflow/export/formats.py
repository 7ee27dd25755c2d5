"""Byte-exact renderings of finalized records: the same record always gives the same bytes."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote

from docflow.export.record import CSV_COLUMNS, csv_row

MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "ndjson": "application/x-ndjson",
}

# A spreadsheet treats a cell starting with one of these as a formula (or strips it and then
# does): such a cell gets a leading apostrophe. A plain negative number is left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")
_NEGATIVE_NUMBER = re.compile(r"^-\d+(\.\d+)?$")
_CHUNK = 64 * 1024


def neutralise(cell: str) -> str:
    if cell.startswith(_FORMULA_START) and not _NEGATIVE_NUMBER.match(cell):
        return "'" + cell
    return cell


def _csv_line(cells: Iterable[str]) -> str:
    buffer = io.StringIO()
    # RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break.
    csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(
        [neutralise(c).replace("\0", "") for c in cells]
    )
    return buffer.getvalue()


def csv_header() -> bytes:
    return _csv_line(CSV_COLUMNS).encode()


def csv_record(record: dict[str, Any]) -> bytes:
    return _csv_line(csv_row(record)).encode()


def json_document(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode()


def json_line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def render_one(record: dict[str, Any], fmt: str) -> bytes:
    if fmt == "csv":
        return csv_header() + csv_record(record)
    return json_document(record)


def render_many(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    """Stream records as CSV (header + rows), NDJSON (a line each) or a JSON array, in chunks of
    about 64 KiB, holding one chunk at a time."""
    pending: list[bytes] = []
    size = 0

    def emit(part: bytes) -> Iterator[bytes]:
        nonlocal size
        pending.append(part)
        size += len(part)
        if size >= _CHUNK:
            yield b"".join(pending)
            pending.clear()
            size = 0

    if fmt == "csv":
        yield from emit(csv_header())
    elif fmt == "json":
        yield from emit(b"[")
    first = True
    for record in records:
        if fmt == "csv":
            yield from emit(csv_record(record))
        elif fmt == "ndjson":
            yield from emit(json_line(record) + b"\n")
        else:
            yield from emit((b"\n" if first else b",\n") + json_line(record))
        first = False
    if fmt == "json":
        yield from emit(b"]\n" if first else b"\n]\n")
    if pending:
        yield b"".join(pending)


def content_disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback `filename` and the exact name as RFC 5987 `filename*`."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._ ()\[\]-]", "_", ascii_name).strip(" .") or "export"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def export_filename(original: str, fmt: str) -> str:
    stem = original.rsplit(".", 1)[0] if "." in original.strip(".") else original
    return f"{stem or 'document'}.{fmt}"
