"""Label patterns, built from one table per language (labels/<code>.py).

Each table holds, per label family (table.LabelTable), the fragments of that language;
a family's pattern here is every language's fragments as one alternation, in the order of
LANGUAGES. Adding a language is adding its table to this folder and its code to
LANGUAGES (and a test in worker/tests/extraction/test_general_rules.py with a document
in that language). The patterns below that are not built from tables are structure:
how the families combine, not words of a language.
"""

from __future__ import annotations

import importlib
import re
from typing import cast

from docflow_worker.extraction.labels.table import LabelTable

IGN = re.IGNORECASE

LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da", "fi", "pl", "cs", "sk", "hu",
    "et", "lv", "lt", "ro", "sl", "hr", "sr", "tr", "el", "ru", "uk", "bg", "id", "vi", "ja",
    "zh", "ko", "common",
)  # fmt: skip
TABLES: tuple[LabelTable, ...] = tuple(
    cast(LabelTable, importlib.import_module(f"{__name__}.{code}").TABLE) for code in LANGUAGES
)


def alternatives(family: str) -> str:
    """Every language's fragments of one label family, as the body of an alternation."""
    fragments = [f for table in TABLES for f in getattr(table, family)]
    if not fragments:
        raise ValueError(f"no language defines the label family {family!r}")
    return "|".join(fragments)


INVOICE_WORD = f"(?:{alternatives('invoice_word')})"
# Documents that carry an invoice-like number of their own (credit notes, receipts, folios).
DOC_WORD = f"(?:{alternatives('invoice_word')}|{alternatives('doc_word')})"
# A qualifier between the document word and "No." ("Faktura VAT nr", "Tax Invoice No").
DOC_QUALIFIER = rf"(?P<qual>\s+(?:{alternatives('doc_qualifier')}))?"

NUMBER_LABELS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            DOC_WORD + DOC_QUALIFIER + rf"\.?\s*[-_]?\s*(?:{alternatives('number_word')})\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (re.compile(alternatives("number_label"), IGN), 1.0),
    (
        re.compile(
            rf"(?:{alternatives('number_of_invoice')})\s*(?:de\s+|di\s+)?"
            + INVOICE_WORD
            + r"\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (re.compile(r"(?:document|doc)\s*(?:no|nr|number|#)\.?\s*[:#]?", IGN), 0.7),
    (  # title then value, also bilingual ("Rechnung / Invoice")
        re.compile(
            r"^(?:tax\s+)?" + DOC_WORD + r"(?:\s*[/-]\s*(?:tax\s+)?" + DOC_WORD + r")*\s*[:#]?$",
            IGN,
        ),
        0.75,
    ),
    (
        re.compile(
            r"^(?:tax\s+)?" + DOC_WORD + DOC_QUALIFIER + r"(?:\s*[#:]\s*|\s+)(?=[A-Z]{0,4}[-/]?\d)",
            IGN,
        ),
        0.8,
    ),
    # ERP forms (receivables "transaction"): a weaker label than any invoice word
    (re.compile(r"^trans(?:action)?\s*(?:number|no\b\.?|nr\b\.?|#)\s*[:#]?", IGN), 0.6),
    (re.compile(r"\b(?:reference|ref\.?|our ref)\s*(?:no\.?|number)?\s*[:#]?", IGN), 0.45),
    # a bare number label heading its cell ("Number", "Nº:", "Nr."), or a local one
    (re.compile(rf"^(?:{alternatives('bare_number_label')})\s*[:#.]?", IGN), 0.7),
]
NUMBER_BLOCK = re.compile(alternatives("number_block"), IGN)

DATE_LABELS: list[tuple[re.Pattern[str], float]] = [
    (re.compile(alternatives("date_label"), IGN), 1.0),
    (re.compile(rf"\b(?:{alternatives('date_word')})\b\s*[:.]?", IGN), 0.7),
]
DATE_BLOCK = re.compile(alternatives("date_block"), IGN)

TOTAL_STRONG = re.compile(alternatives("total_strong"), IGN)
# "Total includes GST of $34.59": the tax inside the total, not the total.
TAX_OF_TOTAL = re.compile(
    r"\b(?:incl\w*|contains)\s+(?:gst|vat|tax|taxes|sales\s*tax|mwst|tva|iva|btw)\s+of\b", IGN
)
TOTAL_CODE = re.compile(r"\btotal\s*\(?([A-Za-z]{3})\)?\s*$", IGN)  # "Total CHF", "Total (EUR)"
TOTAL_WEAK = re.compile(rf"\b(?:{alternatives('total_weak')})\b", IGN)
# Words that make a "total"-like line something else. For a strong label only the words
# around the label count, so "Net à payer" or "Total Amount" are not blocked by themselves.
TOTAL_BLOCK = re.compile(alternatives("total_block"), IGN)
TAX_WORD = re.compile(rf"\b(?:{alternatives('tax_word')})\b\.?|\bi\.v\.a\.", IGN)
TAX_BLOCK = re.compile(alternatives("tax_block"), IGN)
# "... 285,00 € MwSt. (19 %) enthalten" / "incl. VAT 3.80": the tax is inside the total.
TAX_INCLUDED = re.compile(alternatives("tax_included"), IGN)
TAX_TOTAL = re.compile(alternatives("tax_total"), IGN)
SUBTOTAL_LABEL = re.compile(alternatives("subtotal"), IGN)
ROUNDING_LABEL = re.compile(alternatives("rounding"), IGN)
DISCOUNT_LABEL = re.compile(alternatives("discount"), IGN)
ROW_TOTAL = re.compile(
    r"^(?:(?:total|totale|totaal|totalt|summe|summa|suma|sum|razem|gesamt|i\s*alt)\b|合\s*[计計])",
    IGN,
)

VENDOR_LABEL = re.compile(
    rf"^(?:{alternatives('vendor_label')})\b(?:\s*\([^)]*\))?\s*[:.]?|"
    r"^(?:van|de|da|von|fra|od)\s*:",
    IGN,
)
BUYER_LABEL = re.compile(rf"^(?:{alternatives('buyer_label')})|(?:御中|様)$", IGN)
NOT_VENDOR = re.compile(
    rf"\b(?:{alternatives('not_vendor_word')})|{alternatives('not_vendor_script')}|"
    rf"\b(?:{alternatives('not_vendor_short')})\b|@|^(?:{alternatives('greeting')})\b",
    IGN,
)


def _whole_cell(family: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternatives(family)})$", IGN)


STATUS_VALUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(alternatives("status_partially_paid"), IGN), "partially_paid"),
    (re.compile(alternatives("status_overdue"), IGN), "overdue"),
    (re.compile(alternatives("status_unpaid"), IGN), "unpaid"),
    (re.compile(alternatives("status_paid"), IGN), "paid"),
    (_whole_cell("status_due"), "due"),
    (_whole_cell("status_void"), "void"),
    (_whole_cell("status_draft"), "draft"),
]
STATUS_LABEL = re.compile(alternatives("status_label"), IGN)

DOC_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("credit_note", re.compile(alternatives("title_credit_note"), IGN)),
    ("invoice", re.compile(alternatives("title_invoice"), IGN)),
    ("receipt", re.compile(alternatives("title_receipt"), IGN)),
]

LANG_CUES: dict[str, re.Pattern[str]] = {
    table.code: re.compile(rf"\b(?:{'|'.join(table.cues)})\b", IGN)
    for table in TABLES
    if table.cues
}
