"""Train the extraction scorer and measure it honestly (leave one set out).

Run with `uv run python bench/extraction/train.py` (or `npm run train:extractor`).

1. Every labelled document of every set (docflow_worker/extraction/corpus.py; OCR'd images
   included) is parsed and read by the rules once (extract.read); each field's candidates
   become rows of named features (features.candidate_features) labelled right or wrong.
2. Leave one set out: for each set, a model is trained on all the other sets and measured on
   that set alone; per-set field accuracy and the calibration of the confidences go to
   bench/extraction/LOSO.md (the figures the README quotes).
3. The shipped model is trained on every set and written to
   worker/docflow_worker/extraction/scorer_model.json.

Per field, the model is a logistic regression (standardised features, L2, lbfgs: no
randomness) whose output is mapped by an isotonic regression fitted on out-of-fold
predictions (GroupKFold by set), so a confidence is a held-out probability of being right.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from docflow_worker.extraction import FIELD_NAMES
from docflow_worker.extraction.corpus import ROOT, SETS, documents, same
from docflow_worker.extraction.extract import read
from docflow_worker.extraction.features import candidate_features, options
from docflow_worker.extraction.model import MODEL_PATH, FieldModel
from docflow_worker.parsing import parse_document

REPORT = ROOT / "bench" / "extraction" / "LOSO.md"
CACHE = ROOT / ".data" / "extraction-train-rows.pickle"  # --reuse: skip parsing (same rules)
HIGH = 0.8  # the confidence a reviewer may trust to skip a field
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


@dataclass
class Row:
    vector: dict[str, float]
    value: str
    right: bool


@dataclass
class Slot:
    """One field of one document: its candidates (the rules' pick first) and the label."""

    set_key: str
    doc: str
    field: str
    want: str | None
    rows: list[Row]


def collect() -> list[Slot]:
    slots: list[Slot] = []
    for labelled in SETS:
        if not labelled.folder.exists():
            continue
        started = time.perf_counter()
        count = 0
        for item in documents(labelled):
            reading = read(parse_document(item.path, item.mime))
            count += 1
            for name in FIELD_NAMES:
                want = item.fields[name]
                rows = []
                if reading.document_type != "other":
                    kept = options(name, reading)
                    rivals = reading.candidates.get(name, []) or kept
                    for candidate in kept:
                        vector = candidate_features(name, candidate, reading, rivals)
                        right = same(name, candidate.value, want)
                        rows.append(Row(vector, candidate.value, right))
                slots.append(Slot(labelled.key, item.path.name, name, want, rows))
        print(f"read {count} documents of {labelled.key} in {time.perf_counter() - started:.1f} s")
    return slots


def feature_names(slots: list[Slot]) -> list[str]:
    return sorted({key for slot in slots for row in slot.rows for key in row.vector})


def _matrix(rows: list[tuple[Slot, Row]], names: list[str]) -> tuple[Any, Any, Any]:
    x = np.array([[row.vector.get(n, 0.0) for n in names] for _, row in rows], dtype=float)
    y = np.array([row.right for _, row in rows], dtype=int)
    groups = np.array([slot.set_key for slot, _ in rows])
    return x, y, groups


def _logistic(x: Any, y: Any) -> tuple[Any, Any, Any, float]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    if len(set(y.tolist())) < 2:  # one class only: a constant, smoothed towards 1/2
        p = (y.sum() + 1) / (len(y) + 2)
        return mean, scale, np.zeros(x.shape[1]), math.log(p / (1 - p))
    model = LogisticRegression(C=1.0, max_iter=5000)
    model.fit((x - mean) / scale, y)
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def _raw(x: Any, mean: Any, scale: Any, coef: Any, intercept: float) -> Any:
    z = np.clip(intercept + ((x - mean) / scale) @ coef, -30, 30)
    return 1 / (1 + np.exp(-z))


def fit_field(rows: list[tuple[Slot, Row]], names: list[str]) -> FieldModel:
    x, y, groups = _matrix(rows, names)
    mean, scale, coef, intercept = _logistic(x, y)
    # the isotonic map is fitted on predictions for sets the regression did not see
    held_out = np.zeros(len(y))
    n_groups = len(set(groups.tolist()))
    if n_groups >= 2:
        for train, test in GroupKFold(n_splits=min(5, n_groups)).split(x, y, groups):
            fold = _logistic(x[train], y[train])
            held_out[test] = _raw(x[test], *fold)
    else:
        held_out = _raw(x, mean, scale, coef, intercept)
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(held_out, y)
    return FieldModel(
        tuple(names),
        tuple(_short(v) for v in mean),
        tuple(_short(v) for v in scale),
        tuple(_short(v) for v in coef),
        _short(intercept),
        tuple(_short(v) for v in iso.X_thresholds_),
        tuple(_short(v) for v in iso.y_thresholds_),
    )


def _short(value: Any) -> float:
    return float(f"{float(value):.6g}")  # six significant digits keep the file small


def fit(slots: list[Slot], names: list[str]) -> dict[str, FieldModel]:
    return {
        name: fit_field([(s, r) for s in slots if s.field == name for r in s.rows], names)
        for name in FIELD_NAMES
    }


def predict(model: FieldModel, slot: Slot) -> tuple[str | None, float]:
    """The scorer's choice (scorer.choose): the rules' pick unless a rival is more probable;
    its confidence is the probability capped by the rules' own confidence."""
    if not slot.rows:
        return None, 0.0
    best_p, best = model.probability(slot.rows[0].vector), slot.rows[0]
    for row in slot.rows[1:]:
        p = model.probability(row.vector)
        if p > best_p:
            best_p, best = p, row
    return best.value, min(best_p, best.vector["rule_confidence"])


@dataclass
class Outcome:
    set_key: str
    field: str
    got: str | None
    confidence: float
    right: bool


def leave_one_set_out(slots: list[Slot], names: list[str]) -> list[Outcome]:
    outcomes = []
    for key in sorted({s.set_key for s in slots}):
        model = fit([s for s in slots if s.set_key != key], names)
        for slot in (s for s in slots if s.set_key == key):
            got, confidence = predict(model[slot.field], slot)
            confidence = max(0.05, min(0.99, confidence)) if got is not None else 0.0
            right = same(slot.field, got, slot.want)
            outcomes.append(Outcome(key, slot.field, got, confidence, right))
    return outcomes


def rules_only(slots: list[Slot]) -> list[Outcome]:
    """The rules' pick with their own confidence, for comparison (in-sample for the rules)."""
    return [
        Outcome(
            s.set_key,
            s.field,
            s.rows[0].value if s.rows else None,
            s.rows[0].vector["rule_confidence"] if s.rows else 0.0,
            same(s.field, s.rows[0].value if s.rows else None, s.want),
        )
        for s in slots
    ]


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def report(loso: list[Outcome], rules: list[Outcome], model_bytes: int) -> str:
    keys = sorted({o.set_key for o in loso}, key=[s.key for s in SETS].index)
    out = [
        "# Extraction scorer: leave-one-set-out figures",
        "",
        "Written by `bench/extraction/train.py`. For each set, the scorer is trained on every",
        "other set and measured on this one (all its documents, OCR'd images included). The",
        "rules' column is the rule-based pick measured on the same documents (the rules were",
        "tuned on these sets, so it is not a held-out figure).",
        "",
        "| set | docs | " + " | ".join(FIELD_NAMES) + " | overall (LOSO) | overall (rules) |",
        "| --- | ---: | " + " | ".join("---:" for _ in FIELD_NAMES) + " | ---: | ---: |",
    ]
    for key in keys:
        mine = [o for o in loso if o.set_key == key]
        base = [o for o in rules if o.set_key == key]
        docs = len(mine) // len(FIELD_NAMES)
        cells = [
            pct(sum(o.right for o in mine if o.field == f), sum(1 for o in mine if o.field == f))
            for f in FIELD_NAMES
        ]
        out.append(
            f"| {key} | {docs} | "
            + " | ".join(cells)
            + f" | {pct(sum(o.right for o in mine), len(mine))}"
            + f" | {pct(sum(o.right for o in base), len(base))} |"
        )
    for title, outcomes in (("learned scorer, leave one set out", loso), ("rules", rules)):
        filled = [o for o in outcomes if o.got is not None]
        high = [o for o in filled if o.confidence >= HIGH]
        right = [o for o in filled if o.right]
        out += [
            "",
            f"## Calibration ({title})",
            "",
            f"- filled fields with confidence ≥ {HIGH}: "
            f"{pct(sum(o.right for o in high), len(high))} right (n={len(high)}; target ≥ 98%)",
            f"- right filled fields reaching ≥ {HIGH}: "
            f"{pct(sum(o.confidence >= HIGH for o in right), len(right))} "
            f"(n={len(right)}; target ≥ 70%)",
            f"- wrong filled fields with confidence ≥ {HIGH}: "
            f"{sum(1 for o in high if not o.right)} of {sum(1 for o in filled if not o.right)}",
            "",
            "| confidence | fields | mean confidence | right |",
            "| --- | ---: | ---: | ---: |",
        ]
        for low, top in zip(BINS, BINS[1:], strict=False):
            inside = [o for o in filled if low <= o.confidence < top]
            if not inside:
                continue
            mean = sum(o.confidence for o in inside) / len(inside)
            label = f"{low:.2f}–{min(top, 1.0):.2f}"
            share = pct(sum(o.right for o in inside), len(inside))
            out.append(f"| {label} | {len(inside)} | {mean:.2f} | {share} |")
    out += ["", f"Model file: {model_bytes} bytes (scikit-learn {sklearn.__version__}).", ""]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-loso", action="store_true", help="only train the shipped model")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the last run's rows (valid only while rules and features are unchanged)",
    )
    args = parser.parse_args()
    if args.reuse and CACHE.exists():
        slots = pickle.loads(CACHE.read_bytes())
    else:
        slots = collect()
        CACHE.parent.mkdir(exist_ok=True)
        CACHE.write_bytes(pickle.dumps(slots))
    names = feature_names(slots)
    model = fit(slots, names)
    spec = {
        "version": 1,
        "about": "extraction scorer: per field, logistic regression + isotonic calibration; "
        "written by bench/extraction/train.py",
        "trained_on": sorted({s.set_key for s in slots}),
        "fields": {
            name: {
                "features": list(m.names),
                "mean": list(m.mean),
                "scale": list(m.scale),
                "coef": list(m.coef),
                "intercept": m.intercept,
                "iso_x": list(m.iso_x),
                "iso_y": list(m.iso_y),
            }
            for name, m in model.items()
        },
    }
    MODEL_PATH.write_text(json.dumps(spec, indent=1) + "\n")
    size = MODEL_PATH.stat().st_size
    print(f"wrote {Path(MODEL_PATH).relative_to(ROOT)} ({size} bytes)")
    if args.no_loso:
        return
    text = report(leave_one_set_out(slots, names), rules_only(slots), size)
    REPORT.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
