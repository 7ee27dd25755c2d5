"""The confidence of a field from the named evidence that backs its value."""

from __future__ import annotations

import re
from decimal import Decimal

from docflow_worker.extraction.candidates import Candidate
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.labels import IGN
from docflow_worker.extraction.legal_forms import SUFFIX_CORE
from docflow_worker.extraction.vendor import FRAGMENT

# A fixed window, not one around today: the same document always gets the same confidence.
PLAUSIBLE_YEARS = (1995, 2099)


def calibrate(name: str, candidate: Candidate | None, ctx: Context) -> float:
    """A confidence that says how much evidence backs the value, not how well it scored.

    Each field starts from what found it (a strong or a weak label, a fallback) and loses
    confidence when a rival value scored close, when a cross-check failed or could not be
    made, or when the value is implausible; cross-checks that hold raise it.
    """
    if candidate is None or not candidate.value:
        return 0.0
    ev = candidate.evidence
    score = min(candidate.score, 0.99)
    if name == "vendor_name":
        conf = score
        if not ev & {"legal", "labelled"}:
            conf = min(conf, 0.7 if "repeated" in ev else 0.6)  # a heuristic pick
        if "contested" in ev:
            conf -= 0.15
        if "joined" in ev:
            conf -= 0.05
        if FRAGMENT.search(candidate.value) or re.fullmatch(SUFFIX_CORE, candidate.value, IGN):
            conf = min(conf, 0.4)  # "& Maleri AB", "Co.": a piece of a name split apart
    elif name == "invoice_number":
        conf = score
        if "weak" in ev:
            conf = min(conf, 0.65)
        if "contested" in ev:
            conf -= 0.15
        if "date_shaped" in ev:
            conf = min(conf, 0.7)
    elif name == "invoice_date":
        if "unlabelled" in ev:
            conf = 0.3 if "contested" in ev else 0.45
        else:
            conf = 0.92 if "strong" in ev else 0.82
            base = (1.0 if "strong" in ev else 0.7) + 0.05
            conf -= max(0.0, base - score - (0.15 if "ambiguous" in ev else 0.0))  # value below
            if "ambiguous" in ev:
                conf -= 0.2
            if "contested" in ev:
                conf -= 0.2
        if not PLAUSIBLE_YEARS[0] <= int(candidate.value[:4]) <= PLAUSIBLE_YEARS[1]:
            conf *= 0.5  # a birth date, a founding year, a misread
    elif name == "total_amount":
        strong = "strong" in ev
        if "checked" in ev:
            conf = 0.96 if strong else 0.9
        elif "mismatch" in ev:
            conf = 0.6 if strong else 0.4
        else:
            conf = 0.85 if strong else 0.55
        if "contested" in ev and "checked" not in ev:
            conf -= 0.15
        if Decimal(candidate.value) == 0:
            conf = min(conf, 0.5)
    elif name == "tax_amount":
        conf = min(max(score, 0.9), 0.96) if "checked" in ev else min(score - 0.05, 0.72)
    elif name == "currency":
        if "territory" in ev:
            conf = 0.3
        elif "label" in ev:
            conf = 0.85
        elif "code" in ev or ("symbol" in ev and "at_total" in ev):
            conf = 0.96 if "at_total" in ev else 0.9
        elif "symbol" in ev:
            conf = 0.85
        else:  # a bare "$" or "kr" read from the country
            conf = 0.8 if ctx.country else 0.6
        if "contested" in ev:
            conf -= 0.2
    else:
        conf = score
    if ctx.layout.doc.method in ("ocr", "mixed") and name in ("vendor_name", "invoice_number"):
        conf *= 0.85  # read by OCR: a letter or digit may be misread
    return max(0.05, min(0.99, conf))
