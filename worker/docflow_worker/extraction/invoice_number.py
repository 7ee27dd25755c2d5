"""The invoice number: a number label and the value after or under it."""

from __future__ import annotations

import re

from docflow_worker.extraction._layout import (
    Segment,
)
from docflow_worker.extraction._values import (
    find_dates,
)
from docflow_worker.extraction.candidates import Candidate, value_sources
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import IGN, INVOICE_WORD, NUMBER_BLOCK, NUMBER_LABELS

RECEIPT_WORD = re.compile(
    r"receipt|quittung|kassenbon|\bbon\b|beleg|ticket|recibo|ricevuta|kvitto|paragon|folio", IGN
)


NUMBER_VALUE = re.compile(
    r"(?<![\w])((?:[^\W\d_]{1,6}[-/.])*[^\W\d_]{0,6}[-/#.]?\s?\d[\w\-/.]*\w|\d)(?![\w])"
)


SPACED_NUMBER = re.compile(r"^\s*[:#.]?\s*(\d{2,5}(?: \d{2,5}){1,4})\s*$")


LEADING_NUMBER_LABEL = re.compile(
    r"^(?:(?:no|nr|n[°º]|num)\.?|ref(?:\.|erence\b|\b(?=\s)))\s*[:#]?\s*(?=\S*\d)", IGN
)


def _number_after(
    ctx: Context, seg: Segment, match: re.Match[str], strength: float
) -> Candidate | None:
    prefix = seg.text[: match.start()]
    label = match.group()
    qualifier = match.groupdict().get("qual")
    if qualifier:
        label = label.replace(qualifier, " ", 1)
    # headings run together over a row of values ("Statement date Invoice No. Account
    # No."): the date heading before the label is its neighbour, not a qualifier
    run_in = not re.search(r"\d", seg.text) and re.search(
        r"\b(?:date|datum|fecha|data|dated)\s*[:.]?\s*$", prefix, IGN
    )
    if (NUMBER_BLOCK.search(prefix[-30:]) and not run_in) or NUMBER_BLOCK.search(label):
        return None
    if RECEIPT_WORD.search(label) and not re.search(INVOICE_WORD, label, IGN):
        strength -= 0.1  # on an invoice that is also a receipt, "Invoice #" wins
    sources = value_sources(ctx.layout, seg, match.end(), match.start())
    for text, target, offset, penalty in sources:
        spaced = SPACED_NUMBER.match(text)
        value_match: re.Match[str] | None = spaced or NUMBER_VALUE.search(text)
        if not value_match:
            continue
        head = text[: value_match.start(1)].strip(" :#.-–")
        if (
            head
            and len(head) > 3
            and target is seg
            and (NUMBER_BLOCK.search(head) or len(head) > 14)
        ):
            continue
        value = value_match.group(1).lstrip("#").strip()  # as printed: "FT 2026/145"
        begin = value_match.start(1)
        lead = LEADING_NUMBER_LABEL.match(value)
        if lead and target is not seg:  # "INVOICE" over "No. 1234"
            value = value[lead.end() :]
            begin += lead.end()
        score = strength - penalty
        evidence = {Evidence.STRONG if strength >= 0.8 else Evidence.WEAK}
        if find_dates(text[begin : value_match.end(1) + 6], False):
            # "Faktura nr 01/02/2025": a date-shaped number right after its label
            if target is not seg or strength < 0.8 or penalty:
                continue
            score -= 0.2
            evidence.add(Evidence.DATE_SHAPED)
        if len(value) < 2 and not value.isdigit():
            continue
        if target is not seg and NUMBER_BLOCK.search(text[:begin]):
            continue
        tokens = target.tokens_in(begin + offset, value_match.end(1) + offset)
        return Candidate(value.rstrip(".,"), score, tokens, evidence)
    return None


def find_number(ctx: Context) -> tuple[Candidate | None, list[Candidate]]:
    """The invoice number and every other labelled candidate (for the confidence)."""
    found: list[Candidate] = []
    for seg in ctx.layout.segments():
        for pattern, strength in NUMBER_LABELS:
            matches = list(pattern.finditer(seg.text))
            if not matches:
                continue
            for match in matches:  # "Receipt #123 · Invoice #INV-45"
                candidate = _number_after(ctx, seg, match, strength)
                if candidate is not None:
                    found.append(candidate)
            break
    if not found:
        return None, []
    best = max(found, key=lambda c: c.score)  # the first of equals
    rivals = [c for c in found if c.value.upper() != best.value.upper()]
    if any(c.score >= best.score - 0.1 for c in rivals):
        best.evidence.add(Evidence.CONTESTED)
    return best, found
