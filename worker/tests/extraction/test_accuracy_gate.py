"""The accuracy gate: every labelled text/PDF set, extracted in-process, per set and per
field, must stay at or above the floors committed in accuracy_floors.json (the figures when
they were set, minus a small margin). OCR'd images stay in the benchmark
(bench/extraction/run.py): they need Tesseract and seconds per page.

After an improvement, raise the floors with
`uv run python bench/extraction/run.py --no-timing --write-floors`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docflow_worker.extraction.corpus import SETS, SETS_BY_KEY, field_accuracy, measure

FLOORS_FILE = Path(__file__).with_name("accuracy_floors.json")
FLOORS: dict[str, dict[str, float]] = json.loads(FLOORS_FILE.read_text())["floors"]


def test_every_labelled_set_has_floors() -> None:
    present = {s.key for s in SETS if s.folder.exists()}
    assert present == set(FLOORS), "a labelled set without floors is not gated"


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_set_accuracy_holds(key: str) -> None:
    outcomes = measure(SETS_BY_KEY[key], text_only=True)
    measured = field_accuracy(outcomes)
    below = {
        name: (measured.get(name), floor)
        for name, floor in FLOORS[key].items()
        if measured.get(name, 0.0) < floor
    }
    misses = [
        f"{o.path.name} {o.field}: got {o.got!r} ({o.confidence:.2f}), want {o.want!r}"
        for o in outcomes
        if not o.right and o.field in below
    ]
    assert not below, f"{key}: (measured, floor) {below}\n" + "\n".join(misses)
