"""Confidence under stress: every labelled PDF rendered as a tilted, speckled 200-dpi scan
and read back through OCR, so extraction makes natural mistakes the clean sets no longer
show. Reports mean confidence of right vs wrong filled fields and accuracy by band.

Run with `uv run python bench/extraction/stress.py [--limit N] [-v]` (about 1 s per page).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BLIND, BLIND2, EVAL, HOLDOUT, ROOT, same  # noqa: E402

from docflow_worker.extraction import FIELD_NAMES, extract_fields  # noqa: E402
from docflow_worker.parsing import parse_document  # noqa: E402


def _scanner():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "eval" / "holdout"))
    spec = importlib.util.spec_from_file_location(
        "blind2_generate", ROOT / "eval/blind2/generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.scan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=200, help="at most this many PDFs")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    scan = _scanner()
    per_field: dict[str, tuple[list[float], list[float]]] = {}
    bands: dict[bool, list[bool]] = {True: [], False: []}
    field_right: dict[str, list[bool]] = {name: [] for name in FIELD_NAMES}
    page_seconds: list[float] = []
    started = time.perf_counter()
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in (HOLDOUT, BLIND, BLIND2, EVAL):
            for truth_path in sorted(folder.glob("*.json")):
                truth = json.loads(truth_path.read_text())
                path = folder / truth["file"]
                if path.suffix != ".pdf" or count >= args.limit:
                    continue
                count += 1
                angle = random.Random(count).uniform(-0.8, 0.8)
                image = Path(tmp) / f"{path.stem}.png"
                image.write_bytes(scan(path.read_bytes(), count, angle))
                began = time.perf_counter()
                result = extract_fields(parse_document(image, "image/png"))
                page_seconds.append(time.perf_counter() - began)
                for name in FIELD_NAMES:
                    got = result.fields[name]
                    field_right[name].append(same(name, got.value, truth["fields"][name]))
                    if got.value is None:
                        continue
                    right = same(name, got.value, truth["fields"][name])
                    per_field.setdefault(name, ([], []))[0 if right else 1].append(got.confidence)
                    bands[got.confidence >= 0.8].append(right)
                    if args.verbose and not right:
                        print(
                            f"  {path.name:45} {name:15} got={got.value!r} ({got.confidence:.2f})"
                        )

    def mean(values: list[float]) -> str:
        return f"{statistics.mean(values):.2f} (n={len(values)})" if values else "- (n=0)"

    def pct(values: list[bool]) -> str:
        return f"{100 * sum(values) / len(values):.1f}% (n={len(values)})" if values else "-"

    print(f"{count} PDFs scanned and OCR'd in {time.perf_counter() - started:.0f} s")
    if page_seconds:
        ordered = sorted(page_seconds)
        print(
            f"  OCR + extraction per page: median {statistics.median(ordered):.2f} s, "
            f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.2f} s, max {ordered[-1]:.2f} s"
        )
    every = [right for rights in field_right.values() for right in rights]
    print(f"  field accuracy (every field, empty ones too): {pct(every)}")
    for name, rights in field_right.items():
        print(f"    {name:15} {pct(rights)}")
    for name, (right, wrong) in per_field.items():
        print(f"  {name:15} confidence right {mean(right)}, wrong {mean(wrong)}")
    right_all = [c for r, _ in per_field.values() for c in r]
    wrong_all = [c for _, w in per_field.values() for c in w]
    print(f"  {'all':15} confidence right {mean(right_all)}, wrong {mean(wrong_all)}")
    print(
        f"  filled fields right when confidence >= 0.8: {pct(bands[True])}; "
        f"< 0.8: {pct(bands[False])}"
    )


if __name__ == "__main__":
    main()
