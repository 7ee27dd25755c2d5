"""Layout model: tokens with boxes and text spans, grouped into lines and segments.

A *segment* is a run of words on one visual line without a wide gap, i.e. a cell of the
layout ("Invoice No: 123" or, in a two-column header, each column's part of the line).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from docflow_worker.parsing import ParsedDocument

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Token:
    text: str
    page: int  # 1-based
    x0: float  # in page units (points / pixels / character cells)
    y0: float
    x1: float
    y1: float
    nx0: float  # normalised box
    ny0: float
    nx1: float
    ny1: float
    start: int  # span in ParsedDocument.text
    end: int

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Segment:
    tokens: list[Token]
    line_index: int  # index into Layout.lines
    text: str = ""
    offsets: list[int] = field(default_factory=list)  # start of each token in ``text``

    def __post_init__(self) -> None:
        parts: list[str] = []
        pos = 0
        for token in self.tokens:
            self.offsets.append(pos)
            parts.append(token.text)
            pos += len(token.text) + 1
        self.text = " ".join(parts)

    @property
    def page(self) -> int:
        return self.tokens[0].page

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.tokens)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.tokens)

    @property
    def y0(self) -> float:
        return min(t.y0 for t in self.tokens)

    @property
    def y1(self) -> float:
        return max(t.y1 for t in self.tokens)

    @property
    def size(self) -> float:
        return max(t.height for t in self.tokens)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the character range [start, end) of ``text``."""
        chosen = []
        for token, offset in zip(self.tokens, self.offsets, strict=True):
            if offset < end and offset + len(token.text) > start:
                chosen.append(token)
        return chosen


@dataclass
class Line:
    page: int
    segments: list[Segment]
    y0: float
    y1: float


@dataclass
class Layout:
    doc: ParsedDocument
    tokens: list[Token]
    lines: list[Line]
    page_sizes: dict[int, tuple[float, float]]
    median_height: float

    def segments(self) -> list[Segment]:
        return [segment for line in self.lines for segment in line.segments]


def source_of(tokens: list[Token]) -> dict[str, Any] | None:
    if not tokens:
        return None
    page = tokens[0].page
    same = [t for t in tokens if t.page == page]
    return {
        "page": page,
        "box": [
            round(min(t.nx0 for t in same), 4),
            round(min(t.ny0 for t in same), 4),
            round(max(t.nx1 for t in same), 4),
            round(max(t.ny1 for t in same), 4),
        ],
        "span": [min(t.start for t in tokens), max(t.end for t in tokens)],
    }


def build_layout(doc: ParsedDocument) -> Layout:
    tokens: list[Token] = []
    lines: list[Line] = []
    sizes: dict[int, tuple[float, float]] = {}
    base = 0
    for page in doc.pages:
        width = page.width if page.width > 0 else 1.0
        height = page.height if page.height > 0 else 1.0
        sizes[page.number] = (width, height)
        matches = list(_TOKEN.finditer(page.text))
        words = page.words
        aligned = len(matches) == len(words) and all(
            m.group() == w.text for m, w in zip(matches, words, strict=True)
        )
        page_tokens: list[Token] = []
        search_from = 0
        for index, word in enumerate(words):
            if aligned:
                start, end = matches[index].span()
            else:
                found = page.text.find(word.text, search_from)
                if found < 0:
                    start, end = -1, -1
                else:
                    start, end = found, found + len(word.text)
                    search_from = end
            if start < 0:
                continue
            page_tokens.append(
                Token(
                    word.text,
                    page.number,
                    word.x0 * width,
                    word.y0 * height,
                    word.x1 * width,
                    word.y1 * height,
                    word.x0,
                    word.y0,
                    word.x1,
                    word.y1,
                    base + start,
                    base + end,
                )
            )
        tokens.extend(page_tokens)
        lines.extend(_group_lines(page_tokens, page.number, len(lines)))
        base += len(page.text) + 1
    heights = [t.height for t in tokens if t.height > 0]
    median = statistics.median(heights) if heights else 1.0
    return Layout(doc, tokens, lines, sizes, median)


def _group_lines(tokens: list[Token], page: int, first_index: int) -> list[Line]:
    if not tokens:
        return []
    ordered = sorted(tokens, key=lambda t: ((t.y0 + t.y1) / 2, t.x0))
    groups: list[list[Token]] = []
    centre = -1e9
    tolerance = 0.0
    for token in ordered:
        mid = (token.y0 + token.y1) / 2
        if groups and abs(mid - centre) <= tolerance:
            groups[-1].append(token)
        else:
            groups.append([token])
            centre = mid
            tolerance = max(token.height * 0.45, 0.01)
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda t: t.x0)
        heights = sorted(t.height for t in group)
        unit = heights[len(heights) // 2] or 1.0
        # Characters are ~0.5-0.6 of the font size wide: a gap of ~2 characters splits cells.
        gap_limit = unit * 1.3
        index = first_index + len(lines)
        segments: list[Segment] = []
        current: list[Token] = [group[0]]
        for token in group[1:]:
            prev = current[-1]
            ratio = (token.height or 1e-6) / (prev.height or 1e-6)
            if token.x0 - prev.x1 > gap_limit or ratio > 1.8 or ratio < 1 / 1.8:
                segments.append(Segment(current, index))
                current = [token]
            else:
                current.append(token)
        segments.append(Segment(current, index))
        lines.append(Line(page, segments, min(t.y0 for t in group), max(t.y1 for t in group)))
    return lines
