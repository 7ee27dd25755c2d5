"""The named features of a candidate value, and the confidence they give it.

A field module records *why* it chose a value as ``Evidence`` on the candidate (which label
found it, which cross-check held, whether a rival came close); ``features()`` turns a
candidate into a vector of named numbers (the evidence, the finder's score, how it was
read, the value's shape), the input of the learned scorer, and ``calibrate()`` is the
rule-based confidence the scorer replaces where a model is trained for the field.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TYPE_CHECKING

from docflow_worker.extraction.labels import IGN
from docflow_worker.extraction.legal_forms import SUFFIX_CORE

if TYPE_CHECKING:
    from docflow_worker.extraction.candidates import Candidate
    from docflow_worker.extraction.context import Context
    from docflow_worker.extraction.extract import Reading

CHOSEN_AMONG = ("invoice_number", "invoice_date")  # fields whose candidates the model ranks


class Evidence(StrEnum):
    """What backs a candidate value."""

    STRONG = "strong"  # an unambiguous label ("Invoice No.", "Rechnungsdatum", "Grand total")
    WEAK = "weak"  # a generic label ("No.", "Date", "Total")
    LABELLED = "labelled"  # vendor: under a seller label ("From:", "Lieferant")
    UNLABELLED = "unlabelled"  # date: the first date on page one, no label
    LEGAL = "legal"  # vendor: carries a legal form ("GmbH", "Ltd")
    REPEATED = "repeated"  # vendor: printed again elsewhere (footer, payee line)
    JOINED = "joined"  # vendor: completed from pieces split over cells or lines
    ACRONYM = "acronym"  # vendor: an acronym expanded to the full name printed elsewhere
    CHECKED = "checked"  # amounts: subtotal + tax = total holds
    MISMATCH = "mismatch"  # amounts: the arithmetic cross-check failed
    CONTESTED = "contested"  # a rival candidate with another value scored close
    AMBIGUOUS = "ambiguous"  # date: day and month could be swapped (03/04/2026)
    DATE_SHAPED = "date_shaped"  # number: looks like a date right after its label
    CODE = "code"  # currency: an ISO code printed
    SYMBOL = "symbol"  # currency: a symbol printed ("€", "£")
    RESOLVED = "resolved"  # currency: "$" or "kr" resolved by the country
    AT_TOTAL = "at_total"  # currency: printed on the total's line
    LABEL = "label"  # currency: a "Currency:" label
    TERRITORY = "territory"  # currency: only the country's currency, nothing printed


# A fixed window, not one around today: the same document always gets the same confidence.
PLAUSIBLE_YEARS = (1995, 2099)
# The start of a piece of a name split apart ("& Söhne AG", "und Partner").
FRAGMENT = re.compile(r"^(?:[&+,.\-]|(?:and|und|et|y|e|di|de|von|van)\s)", IGN)
READ_BY_OCR = ("ocr", "mixed")


def features(name: str, candidate: Candidate, ctx: Context) -> dict[str, float]:
    """The named numbers that describe one candidate value of the field ``name``."""
    value = candidate.value
    vector: dict[str, float] = {f"ev_{e.value}": float(e in candidate.evidence) for e in Evidence}
    vector["score"] = candidate.score
    vector["ocr"] = float(ctx.layout.doc.method in READ_BY_OCR)
    vector["page_one"] = float(bool(candidate.tokens) and candidate.tokens[0].page == 1)
    vector["length"] = min(len(value), 60) / 60
    vector["digits"] = sum(c.isdigit() for c in value) / max(len(value), 1)
    vector["fragment"] = float(bool(FRAGMENT.search(value)))
    vector["legal_form_only"] = float(bool(re.fullmatch(SUFFIX_CORE, value, IGN)))
    year_ok = 1.0
    if name == "invoice_date":
        year_ok = float(PLAUSIBLE_YEARS[0] <= int(value[:4]) <= PLAUSIBLE_YEARS[1])
    vector["plausible_year"] = year_ok
    try:
        zero = name in ("total_amount", "tax_amount") and Decimal(value) == 0
    except InvalidOperation:
        zero = False
    vector["zero_amount"] = float(zero)
    vector["country_known"] = float(ctx.country is not None)
    return vector


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
        if not ev & {Evidence.LEGAL, Evidence.LABELLED}:
            conf = min(conf, 0.7 if Evidence.REPEATED in ev else 0.6)  # a heuristic pick
        if Evidence.CONTESTED in ev:
            conf -= 0.15
        if Evidence.JOINED in ev:
            conf -= 0.05
        if FRAGMENT.search(candidate.value) or re.fullmatch(SUFFIX_CORE, candidate.value, IGN):
            conf = min(conf, 0.4)  # "& Partner AB", "Co.": a piece of a name split apart
    elif name == "invoice_number":
        conf = score
        if Evidence.WEAK in ev:
            conf = min(conf, 0.65)
        if Evidence.CONTESTED in ev:
            conf -= 0.15
        if Evidence.DATE_SHAPED in ev:
            conf = min(conf, 0.7)
    elif name == "invoice_date":
        if Evidence.UNLABELLED in ev:
            conf = 0.3 if Evidence.CONTESTED in ev else 0.45
        else:
            conf = 0.92 if Evidence.STRONG in ev else 0.82
            base = (1.0 if Evidence.STRONG in ev else 0.7) + 0.05
            conf -= max(
                0.0, base - score - (0.15 if Evidence.AMBIGUOUS in ev else 0.0)
            )  # value below
            if Evidence.AMBIGUOUS in ev:
                conf -= 0.2
            if Evidence.CONTESTED in ev:
                conf -= 0.2
        if not PLAUSIBLE_YEARS[0] <= int(candidate.value[:4]) <= PLAUSIBLE_YEARS[1]:
            conf *= 0.5  # a birth date, a founding year, a misread
    elif name == "total_amount":
        strong = Evidence.STRONG in ev
        if Evidence.CHECKED in ev:
            conf = 0.96 if strong else 0.9
        elif Evidence.MISMATCH in ev:
            conf = 0.6 if strong else 0.4
        else:
            conf = 0.85 if strong else 0.55
        if Evidence.CONTESTED in ev and Evidence.CHECKED not in ev:
            conf -= 0.15
        if Decimal(candidate.value) == 0:
            conf = min(conf, 0.5)
    elif name == "tax_amount":
        conf = min(max(score, 0.9), 0.96) if Evidence.CHECKED in ev else min(score - 0.05, 0.72)
    elif name == "currency":
        if Evidence.TERRITORY in ev:
            conf = 0.3
        elif Evidence.LABEL in ev:
            conf = 0.85
        elif Evidence.CODE in ev or (Evidence.SYMBOL in ev and Evidence.AT_TOTAL in ev):
            conf = 0.96 if Evidence.AT_TOTAL in ev else 0.9
        elif Evidence.SYMBOL in ev:
            conf = 0.85
        else:  # a bare "$" or "kr" read from the country
            conf = 0.8 if ctx.country else 0.6
        if Evidence.CONTESTED in ev:
            conf -= 0.2
    else:
        conf = score
    if ctx.layout.doc.method in READ_BY_OCR and name in ("vendor_name", "invoice_number"):
        conf *= 0.85  # read by OCR: a letter or digit may be misread
    return max(0.05, min(0.99, conf))


def candidate_features(
    name: str, candidate: Candidate, reading: Reading, rivals: list[Candidate]
) -> dict[str, float]:
    """The model's input for one candidate: its named features and how it stands among rivals."""
    picked = reading.picked[name]
    vector = features(name, candidate, reading.ctx)
    vector["rule_confidence"] = calibrate(name, candidate, reading.ctx)
    vector["rule_pick"] = float(picked is not None and _key(name, picked) == _key(name, candidate))
    best = max((c.score for c in rivals), default=candidate.score)
    vector["score_gap"] = best - candidate.score
    values = [_key(name, c) for c in rivals] or [_key(name, candidate)]
    vector["distinct_values"] = min(len(set(values)), 5) / 5
    vector["value_share"] = values.count(_key(name, candidate)) / len(values)
    vector["receipt"] = float(reading.document_type == "receipt")
    vector["credit_note"] = float(reading.document_type == "credit_note")
    return vector


def options(name: str, reading: Reading) -> list[Candidate]:
    """The candidates the model weighs for a field: one per distinct value, the pick first."""
    picked = reading.picked[name]
    if picked is None:
        return []
    if name not in CHOSEN_AMONG:
        return [picked]
    seen = {_key(name, picked)}
    kept = [picked]
    for candidate in sorted(reading.candidates.get(name, []), key=lambda c: -c.score):
        if candidate.value and _key(name, candidate) not in seen:
            seen.add(_key(name, candidate))
            kept.append(candidate)
    return kept


def _key(name: str, candidate: Candidate) -> str:
    return candidate.value.upper() if name == "invoice_number" else candidate.value
