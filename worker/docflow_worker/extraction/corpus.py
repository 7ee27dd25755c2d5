"""The labelled document sets: where they are, how a value is compared with its label.

One place for the benchmark (bench/extraction/run.py), the accuracy gate
(worker/tests/extraction/test_accuracy_gate.py) and the scorer's training script
(bench/extraction/train.py). Each set is a folder of documents with a ``<name>.json``
label beside each (``{"file", "document_type", "fields"}``); ``samples/`` keeps one
``expected-fields.json`` for the whole folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from docflow_worker.extraction import FIELD_NAMES

ROOT = Path(__file__).resolve().parents[3]

MIME = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".tif": "image/tiff",
    ".txt": "text/plain",
}
TEXT_SUFFIXES = frozenset({".pdf", ".txt"})  # the sets read without OCR


@dataclass(frozen=True)
class LabelledSet:
    key: str  # short name used by the benchmark's --set and the gate's floors
    title: str
    folder: Path


SETS: tuple[LabelledSet, ...] = (
    LabelledSet("samples", "Sample invoices (samples/)", ROOT / "samples"),
    LabelledSet("eval", "Generated set", ROOT / "eval" / "invoices"),
    LabelledSet(
        "holdout", "Held-out set (hand-written styles)", ROOT / "eval" / "holdout" / "invoices"
    ),
    LabelledSet(
        "blind", "Blind held-out set (never tuned against)", ROOT / "eval" / "holdout" / "blind"
    ),
    LabelledSet(
        "blind2", "Second blind set (real-world styles)", ROOT / "eval" / "blind2" / "invoices"
    ),
    LabelledSet(
        "blind3", "Third blind set (real-world styles)", ROOT / "eval" / "blind3" / "invoices"
    ),
    LabelledSet(
        "blind4",
        "Fourth blind set (photos, multi-page, new layouts)",
        ROOT / "eval" / "blind4" / "invoices",
    ),
    LabelledSet(
        "blind5",
        "Fifth blind set (software templates, e-invoice renderings, bills)",
        ROOT / "eval" / "blind5" / "invoices",
    ),
    LabelledSet(
        "blind6",
        "Sixth blind set (receipts, amounts in words, two dates, refs)",
        ROOT / "eval" / "blind6" / "invoices",
    ),
    LabelledSet(
        "blind7",
        "Seventh blind set (forms, prepayments, multi-rate tax, utility/insurance bills)",
        ROOT / "eval" / "blind7" / "invoices",
    ),
)
SETS_BY_KEY = {s.key: s for s in SETS}


@dataclass(frozen=True)
class Labelled:
    path: Path
    mime: str
    fields: dict[str, str | None]


def documents(labelled: LabelledSet, *, text_only: bool = False) -> Iterator[Labelled]:
    """The set's labelled documents in a stable order (OCR'd images left out if text_only)."""
    folder = labelled.folder
    expected = folder / "expected-fields.json"
    if expected.exists():
        table = json.loads(expected.read_text())
        pairs = [(folder / name, fields) for name, fields in sorted(table.items())]
    else:
        pairs = []
        for truth_path in sorted(folder.glob("*.json")):
            truth = json.loads(truth_path.read_text())
            pairs.append((folder / truth["file"], truth["fields"]))
    for path, fields in pairs:
        if text_only and path.suffix not in TEXT_SUFFIXES:
            continue
        yield Labelled(path, MIME[path.suffix], {name: fields.get(name) for name in FIELD_NAMES})


def same(field: str, got: str | None, want: str | None) -> bool:
    """Whether an extracted value counts as right (amounts by value, names by words)."""
    if got is None or want is None:
        return got is want
    if field in ("total_amount", "tax_amount"):
        try:
            return Decimal(got) == Decimal(want)
        except InvalidOperation:
            return False
    if field == "vendor_name":
        return " ".join(got.lower().split()) == " ".join(want.lower().split())
    if field == "invoice_number":
        return got.strip().upper() == want.strip().upper()
    return got == want


@dataclass
class Outcome:
    """One extracted field compared with its label."""

    set_key: str
    path: Path
    field: str
    got: str | None
    want: str | None
    confidence: float
    right: bool


def measure(labelled: LabelledSet, *, text_only: bool = False) -> list[Outcome]:
    """Parse and extract every labelled document of the set; one outcome per field."""
    from docflow_worker.extraction import extract_fields
    from docflow_worker.parsing import parse_document

    outcomes = []
    for item in documents(labelled, text_only=text_only):
        result = extract_fields(parse_document(item.path, item.mime))
        for name in FIELD_NAMES:
            got = result.fields[name]
            want = item.fields[name]
            outcomes.append(
                Outcome(
                    labelled.key,
                    item.path,
                    name,
                    got.value,
                    want,
                    got.confidence,
                    same(name, got.value, want),
                )
            )
    return outcomes


def field_accuracy(outcomes: list[Outcome]) -> dict[str, float]:
    """Per-field accuracy in percent, plus "overall"."""
    table: dict[str, float] = {}
    for name in FIELD_NAMES:
        mine = [o.right for o in outcomes if o.field == name]
        if mine:
            table[name] = round(100 * sum(mine) / len(mine), 1)
    if outcomes:
        table["overall"] = round(100 * sum(o.right for o in outcomes) / len(outcomes), 1)
    return table
