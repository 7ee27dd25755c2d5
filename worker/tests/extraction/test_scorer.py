"""The learned scorer: its model file, and confidences that are probabilities of the
document alone."""

from __future__ import annotations

import json
import pathlib

from docflow_worker.extraction import FIELD_NAMES, extract_fields
from docflow_worker.extraction.model import MODEL_PATH, interpolate, load_model
from docflow_worker.parsing import parse_document

DOCS = pathlib.Path(__file__).with_name("documents")


def test_model_file_is_small_and_covers_every_field() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    spec = json.loads(MODEL_PATH.read_text())
    assert spec["version"] == 1
    model = load_model()
    assert set(model) == set(FIELD_NAMES)
    for field in model.values():
        assert len(field.names) == len(field.coef) == len(field.mean) == len(field.scale)
        assert list(field.iso_x) == sorted(field.iso_x)
        assert list(field.iso_y) == sorted(field.iso_y)  # isotonic: never less sure when higher


def test_isotonic_map_is_flat_beyond_its_ends() -> None:
    xs, ys = (0.2, 0.6), (0.1, 0.9)
    assert interpolate(0.0, xs, ys) == 0.1
    assert interpolate(1.0, xs, ys) == 0.9
    assert abs(interpolate(0.4, xs, ys) - 0.5) < 1e-9


def test_extraction_is_deterministic_and_confidences_are_probabilities() -> None:
    doc = parse_document(DOCS / "us.txt", "text/plain")
    first = extract_fields(doc).to_json()
    assert extract_fields(doc).to_json() == first
    for entry in first["fields"].values():
        if entry["value"] is None:
            assert entry["confidence"] == 0
        else:
            assert 0 < entry["confidence"] < 1
