"""The invoice date: a date label and its value, or the first plain date on page one."""

from __future__ import annotations

import re

from docflow_worker.extraction._values import (
    find_dates,
)
from docflow_worker.extraction.candidates import Candidate, value_sources
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import DATE_BLOCK, DATE_LABELS


def find_date(ctx: Context) -> tuple[Candidate | None, list[Candidate]]:
    """The invoice date the rules pick, and every candidate they found (for the scorer)."""
    labelled: list[Candidate] = []
    for seg in ctx.layout.segments():
        for pattern, strength in DATE_LABELS:
            match = pattern.search(seg.text)
            if not match:
                continue
            label_zone = re.split(r"\d", seg.text[match.start() :], maxsplit=1)[0]
            if DATE_BLOCK.search(seg.text[: match.start()] + label_zone):
                break
            for text, target, offset, penalty in value_sources(ctx.layout, seg, match.end()):
                dates = find_dates(text, ctx.month_first)
                if not dates:
                    continue
                found = dates[0]
                if target is not seg and DATE_BLOCK.search(text[: found.start]):
                    continue
                score = strength - penalty - (0.15 if found.ambiguous else 0.0)
                if seg.page == 1:
                    score += 0.05
                tokens = target.tokens_in(found.start + offset, found.end + offset)
                evidence = {Evidence.STRONG if strength >= 1.0 else Evidence.WEAK}
                if found.ambiguous:
                    evidence.add(Evidence.AMBIGUOUS)
                labelled.append(Candidate(found.value.isoformat(), score, tokens, evidence))
                break
            break
    if labelled:
        best = max(labelled, key=lambda c: c.score)  # the first of equals
        if any(c.value != best.value and c.score >= best.score - 0.1 for c in labelled):
            best.evidence.add(Evidence.CONTESTED)
        return best, labelled
    # No label: the first date on the first page that is not a due/delivery date.
    unlabelled: list[Candidate] = []
    for seg in ctx.layout.segments():
        if seg.page != 1 or DATE_BLOCK.search(seg.text):
            continue
        for found in find_dates(seg.text, ctx.month_first):
            tokens = seg.tokens_in(found.start, found.end)
            unlabelled.append(
                Candidate(found.value.isoformat(), 0.35, tokens, {Evidence.UNLABELLED})
            )
    if not unlabelled:
        return None, []
    best = unlabelled[0]
    if len({c.value for c in unlabelled}) > 1:
        best.evidence.add(Evidence.CONTESTED)
    return best, unlabelled
