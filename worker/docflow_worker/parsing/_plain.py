"""Plain-text documents: decoded in-process, pages split on form feeds.

Words get boxes on a character grid (column / line), so the extractor can use the same
geometric reasoning (same line, value to the right or below) as for PDFs.
"""

from __future__ import annotations

import codecs
import pathlib
import unicodedata
from collections.abc import Callable

from docflow_worker.parsing import Page, ParsedDocument, ParseError, ParseLimits, Word

MAX_TEXT_BYTES = 20 * 1024 * 1024
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and bad > len(data) // 100:
        # Mostly not UTF-8: a legacy single-byte encoding reads better than a sea of U+FFFD.
        legacy = data.decode("cp1252", errors="replace")
        if _binary_ratio(legacy) < _binary_ratio(text):
            return legacy
    return text


def _binary_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or ch == "\x00"
        or (ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    )
    return bad / len(sample)


def _columns(line: str) -> list[int]:
    """The display column where each character of `line` starts, and where the line ends: a
    full-width character (CJK, full-width forms) takes two columns, as in a monospace view."""
    starts = [0]
    for ch in line:
        starts.append(starts[-1] + (2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1))
    return starts


def text_page(number: int, text: str) -> Page:
    lines = text.split("\n")
    n_lines = max(len(lines), 1)
    columns = [_columns(line) for line in lines]
    n_cols = max((c[-1] for c in columns), default=1) or 1
    words: list[Word] = []
    for row, line in enumerate(lines):
        at = 0
        for token in line.split():
            start = line.index(token, at)
            at = start + len(token)
            words.append(
                Word(
                    token,
                    round(columns[row][start] / n_cols, 4),
                    round(row / n_lines, 4),
                    round(columns[row][at] / n_cols, 4),
                    round((row + 1) / n_lines, 4),
                )
            )
    return Page(
        number=number, width=float(n_cols), height=float(n_lines), text=text, words=tuple(words)
    )


def parse_plain_text(
    path: pathlib.Path,
    *,
    limits: ParseLimits,
    on_page: Callable[[int, int], None] | None,
) -> ParsedDocument:
    with path.open("rb") as fh:
        data = fh.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise ParseError(f"Text file too large: over {MAX_TEXT_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise ParseError("The text file is empty (only whitespace)")
    text = _decode(data)
    if _binary_ratio(text) > 0.05:
        raise ParseError("The file is not readable text: it contains binary data")
    # One spelling of each accented letter (composed, NFC), whatever wrote the file.
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    chunks = text.split("\f")
    if len(chunks) > limits.max_pages:
        raise ParseError(
            f"Too many pages: {len(chunks)} pages exceeds the limit of {limits.max_pages}"
        )
    pages: list[Page] = []
    for index, chunk in enumerate(chunks, start=1):
        pages.append(text_page(index, chunk))
        if on_page is not None:
            on_page(index, len(chunks))
    return ParsedDocument(pages=tuple(pages), method="plain_text")
