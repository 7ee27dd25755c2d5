"""A candidate value and where a label's value may be (same cell, right, below)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docflow_worker.extraction import EMPTY, FieldValue
from docflow_worker.extraction._layout import (
    Layout,
    Segment,
    Token,
    source_of,
)
from docflow_worker.extraction._values import (
    Amount,
    find_amounts,
)
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence


@dataclass
class Candidate:
    value: str
    score: float
    tokens: list[Token]
    evidence: set[Evidence] = field(default_factory=set)  # what backs the value


def value_sources(
    layout: Layout, seg: Segment, label_end: int, label_start: int | None = None
) -> Iterator[tuple[str, Segment, int, float]]:
    """Where a label's value may be: (text, segment, offset, distance penalty).

    With ``label_start``, a label that is one of several headings run together in one
    segment ("Statement date Invoice No. Account No.") takes the cell below the label
    itself, not the first cell under the segment.
    """
    rest = seg.text[label_end:]
    if rest.strip(" :#.-–"):
        yield rest, seg, label_end, 0.0
    line = layout.lines[seg.line_index]
    right = [s for s in line.segments if s.x0 >= seg.x1 - 1 and s is not seg]
    right.sort(key=lambda s: s.x0)
    for s in right[:2]:
        yield s.text, s, 0, 0.05
    if not right:
        # a slightly skewed scan splits a label and its value over two "lines"
        mid = (seg.y0 + seg.y1) / 2
        for index in (seg.line_index + 1, seg.line_index - 1):
            if not 0 <= index < len(layout.lines) or layout.lines[index].page != seg.page:
                continue
            near = layout.lines[index].segments
            if any(s.x0 < seg.x1 and s.x1 > seg.x0 for s in near):
                continue  # a line of its own under or over the label
            beside = [
                s
                for s in near
                if s.x0 >= seg.x1 - 1 and abs((s.y0 + s.y1) / 2 - mid) <= 0.9 * seg.size
            ]
            for s in beside[:2]:  # "VAT @" | "x%" "€y" a little higher
                yield s.text, s, 0, 0.08
            if beside:
                break
    # below: the next lines on the same page whose segment overlaps horizontally
    height = max(seg.size, 1e-6)
    own = seg.tokens_in(label_start, label_end) if label_start is not None else []
    lx0, lx1 = (own[0].x0, own[-1].x1) if own else (seg.x0, seg.x1)
    for offset in range(1, 4):
        index = seg.line_index + offset
        if index >= len(layout.lines):
            break
        below = layout.lines[index]
        if below.page != seg.page or below.y0 - seg.y1 > height * 3.5:
            break
        under = [s for s in below.segments if s.x0 < seg.x1 + height and s.x1 > seg.x0 - height]
        if not under:
            continue
        if len(under) > 1 and own:
            aligned = [s for s in under if s.x0 < lx1 and s.x1 > lx0]
            if aligned:
                under = aligned
        yield under[0].text, under[0], 0, 0.15 * offset
        break


def _first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


ASIDE = re.compile(r"\([^()]*(?:[^\W\d_]|%)[^()]*\)")


def amount_in(text: str, ctx: Context) -> Amount | None:
    # an aside in brackets is not the value: "VAT (20% on £40.00)  £8.00"
    text = ASIDE.sub(lambda m: " " * len(m.group()), text)
    amounts = find_amounts(text, ctx.decimal_hint)
    if not amounts:
        return None
    # The last amount on a label line is the value column (after rates, quantities...).
    with_decimals = [a for a in amounts if re.search(r"[.,]\d{2}$", text[a.start : a.end])]
    if ctx.uses_decimals:
        return with_decimals[-1] if with_decimals else None
    return amounts[-1]


def is_cell_value(text: str, amount: Amount) -> bool:
    """A value taken from another cell must be that cell's value, not a sentence.

    "EUR 12,479.92" or "$ 1,120.00" are values; "approx. GBP 10,650.36" is not.
    """
    return all(len(word) <= 3 for word in re.findall(r"[^\W\d_]+", text[: amount.start]))


def amount_from_sources(
    ctx: Context, seg: Segment, label_end: int
) -> tuple[Amount, Segment, float] | None:
    """The amount a label at ``seg[:label_end]`` points at: (amount in target, target, penalty)."""
    for text, target, offset, penalty in value_sources(ctx.layout, seg, label_end):
        amount = amount_in(text, ctx)
        if amount is None:
            continue
        if target is not seg and not is_cell_value(text, amount):
            continue
        return Amount(amount.value, amount.start + offset, amount.end + offset), target, penalty
    return None


def labelled_amounts(
    ctx: Context, label: re.Pattern[str], block: re.Pattern[str] | None
) -> list[tuple[Segment, Amount, Segment, float, re.Match[str]]]:
    results = []
    for seg in ctx.layout.segments():
        match = label.search(seg.text)
        if not match:
            continue
        if block is not None and block.search(seg.text[: match.end() + 25]):
            continue
        found = amount_from_sources(ctx, seg, match.end())
        if found is not None:
            amount, target, penalty = found
            results.append((target, amount, seg, penalty, match))
    return results


def tokens_for(seg: Segment, start: int, end: int) -> list[Token]:
    return seg.tokens_in(start, end)


def is_header_cell(ctx: Context, seg: Segment) -> bool:
    """A short cell in a row of three or more cells without amounts (a table header; a
    total printed further right on the same line does not make it a data row)."""
    line = ctx.layout.lines[seg.line_index]
    if len(seg.text) > 24 or len(line.segments) < 3:
        return False
    plain = [s for s in line.segments if not find_amounts(s.text, ctx.decimal_hint)]
    return seg in plain and len(plain) >= 3 and len(plain) >= len(line.segments) - 1


def is_column_heading(ctx: Context, seg: Segment) -> bool:
    """A cell of a table header printed at the size of the other headings (a stamp over
    the header row is larger)."""
    if not is_header_cell(ctx, seg):
        return False
    others = [s.size for s in ctx.layout.lines[seg.line_index].segments if s is not seg]
    return bool(others) and seg.size <= 1.2 * max(others)


def field_value(candidate: Candidate | None, confidence: float | None = None) -> FieldValue:
    if candidate is None or not candidate.value:
        return EMPTY
    if confidence is None:
        confidence = candidate.score
    confidence = max(0.05, min(0.99, confidence))
    return FieldValue(candidate.value, round(confidence, 3), source_of(candidate.tokens))
