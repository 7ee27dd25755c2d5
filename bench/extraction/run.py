"""Extraction benchmark: field accuracy on every labelled set and parse+extract timings.

Run with `uv run python bench/extraction/run.py [-v] [--set KEY] [--text-only] [--no-timing]`.
The sets are listed in docflow_worker/extraction/corpus.py: samples/, eval/invoices
(eval/generate.py, the generated set the extractor was built against), eval/holdout/invoices
(hand-written styles; its failures guided general fixes, so it is optimistic too),
eval/holdout/blind and eval/blind2..7 (each written and measured once before any change it
prompted: MEASURED_BLIND.txt in each folder is that first, honest figure); each is reported
on its own. `--write-floors` rewrites the accuracy gate's floors
(worker/tests/extraction/accuracy_floors.json) from the text/PDF documents."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from docflow_worker.extraction import FIELD_NAMES, extract_fields
from docflow_worker.extraction.corpus import (
    SETS,
    SETS_BY_KEY,
    LabelledSet,
    Outcome,
    field_accuracy,
    measure,
)
from docflow_worker.parsing import parse_document

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval" / "invoices"
FLOORS_FILE = ROOT / "worker" / "tests" / "extraction" / "accuracy_floors.json"
MARGIN = 1.0  # points below the measured figure: the gate's tolerance
CALIBRATION: dict[str, list[tuple[float, bool]]] = {}  # set title -> (confidence, right)


def accuracy(labelled: LabelledSet, verbose: bool, text_only: bool) -> list[Outcome]:
    folder = labelled.folder
    if not folder.exists() or not any(folder.glob("*.json")):
        sys.exit(f"no labelled files in {folder}: run its generate.py first")
    outcomes = measure(labelled, text_only=text_only)
    title = labelled.title
    for o in outcomes:
        if o.got is None and o.confidence != 0:
            print(f"  {o.path.name}: {o.field} is None with confidence {o.confidence}")
        if o.got is not None:
            CALIBRATION.setdefault(title, []).append((o.confidence, o.right))
        if verbose and not o.right:
            print(
                f"  {o.path.name:45} {o.field:15} got={o.got!r} "
                f"({o.confidence:.2f}) want={o.want!r}"
            )
    n = len({o.path for o in outcomes})
    table = field_accuracy(outcomes)
    print(f"{title}: field accuracy on {n} labelled invoices ({folder.relative_to(ROOT)}):")
    for name in FIELD_NAMES:
        want = [o for o in outcomes if o.field == name and o.want is not None]
        filled = [o for o in want if o.got is not None and o.confidence > 0]
        print(
            f"  {name:15} {table[name]:6.1f}%   confidence+source filled {len(filled)}/{len(want)}"
        )
    print(f"  {'overall':15} {table['overall']:6.1f}%")
    right = [o.confidence for o in outcomes if o.right and o.got is not None]
    wrong = [o.confidence for o in outcomes if not o.right and o.got is not None]

    def mean(values: list[float]) -> str:
        return f"{statistics.mean(values):.2f} (n={len(values)})" if values else "- (n=0)"

    print(f"  mean confidence of filled fields: correct {mean(right)}, wrong {mean(wrong)}")
    print("  " + bands(CALIBRATION.get(title, [])))
    return outcomes


def write_floors(measured: dict[str, dict[str, float]], lower: bool) -> None:
    """Floors = measured - MARGIN; never below the committed floors unless `lower`."""
    old = json.loads(FLOORS_FILE.read_text())["floors"] if FLOORS_FILE.exists() else {}
    floors = {key: dict(values) for key, values in old.items() if key not in measured}
    for key, table in sorted(measured.items()):
        floors[key] = {}
        for name, value in table.items():
            floor = max(0.0, round(value - MARGIN, 1))
            if not lower and name in old.get(key, {}):
                floor = max(floor, old[key][name])
            floors[key][name] = floor
    FLOORS_FILE.write_text(
        json.dumps(
            {
                "about": "per-set, per-field accuracy floors (%) for the text/PDF documents; "
                f"measured minus {MARGIN} point(s); written by bench/extraction/run.py "
                "--write-floors",
                "floors": dict(sorted(floors.items())),
            },
            indent=2,
        )
        + "\n"
    )
    print(f"wrote {FLOORS_FILE.relative_to(ROOT)}")


def bands(pairs: list[tuple[float, bool]]) -> str:
    """Accuracy of filled fields by confidence band: is a high confidence trustworthy?"""
    high = [right for conf, right in pairs if conf >= 0.8]
    low = [right for conf, right in pairs if conf < 0.8]

    def pct(values: list[bool]) -> str:
        return f"{100 * sum(values) / len(values):.1f}% (n={len(values)})" if values else "- (n=0)"

    return f"filled fields right when confidence >= 0.8: {pct(high)}; < 0.8: {pct(low)}"


def make_long_pdf(pages: int) -> bytes:
    sys.path.insert(0, str(ROOT / "eval"))
    from invoice_kit import make_invoice, render

    invoice = make_invoice(random.Random(7), "long", country="GB", layout="classic")
    invoice.multi_page = True
    invoice.items = (invoice.items * 400)[: pages * 14 - 3]
    data: bytes = render(invoice)
    return data


def timings() -> None:
    one_page = EVAL / "eval-01-at-classic.pdf"
    parse_document(one_page, "application/pdf")  # start the warm parser host
    samples = []
    for _ in range(40):
        start = time.perf_counter()
        extract_fields(parse_document(one_page, "application/pdf"))
        samples.append(time.perf_counter() - start)
    samples.sort()
    print(
        f"1-page text PDF parse+extract: median {1000 * statistics.median(samples):.1f} ms, "
        f"p95 {1000 * samples[int(len(samples) * 0.95) - 1]:.1f} ms"
    )
    with tempfile.TemporaryDirectory() as tmp:
        long_path = Path(tmp) / "long.pdf"
        long_path.write_bytes(make_long_pdf(50))
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            doc = parse_document(long_path, "application/pdf")
            extract_fields(doc)
            runs.append(time.perf_counter() - start)
        per_page = [r / len(doc.pages) for r in runs]
        print(
            f"{len(doc.pages)}-page text PDF parse+extract: median {statistics.median(runs):.2f} s "
            f"(per page median {1000 * statistics.median(per_page):.1f} ms, "
            f"p95 {1000 * max(per_page):.1f} ms)"
        )
    scans = sorted(EVAL.glob("*-png.png"))
    if scans:
        ocr = []
        for _ in range(3):
            start = time.perf_counter()
            extract_fields(parse_document(scans[0], "image/png"))
            ocr.append(time.perf_counter() - start)
        from PIL import Image

        size = Image.open(scans[0]).size
        print(
            f"OCR of a 300-dpi scan ({size[0]}x{size[1]} px) parse+extract: "
            f"median {statistics.median(ocr):.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong field")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument(
        "--set",
        choices=["all", *SETS_BY_KEY],
        default="all",
        help="which labelled set(s)",
    )
    parser.add_argument(
        "--text-only", action="store_true", help="leave out OCR'd images (what the gate measures)"
    )
    parser.add_argument(
        "--write-floors",
        action="store_true",
        help="measure the text/PDF documents and rewrite the gate's floors (implies --text-only)",
    )
    parser.add_argument(
        "--lower", action="store_true", help="with --write-floors: allow a floor to go down"
    )
    args = parser.parse_args()
    text_only = args.text_only or args.write_floors
    measured: dict[str, dict[str, float]] = {}
    for labelled in SETS:
        if args.set not in ("all", labelled.key):
            continue
        if args.set == "all" and not labelled.folder.exists():
            continue
        measured[labelled.key] = field_accuracy(accuracy(labelled, args.verbose, text_only))
    if len(CALIBRATION) > 1:
        pairs = [pair for values in CALIBRATION.values() for pair in values]
        right = [conf for conf, ok in pairs if ok]
        wrong = [conf for conf, ok in pairs if not ok]
        print(
            f"All sets: mean confidence of filled fields: correct "
            f"{statistics.mean(right):.2f} (n={len(right)}), wrong "
            f"{statistics.mean(wrong) if wrong else 0:.2f} (n={len(wrong)})"
        )
        print("  " + bands(pairs))
    if args.write_floors:
        write_floors(measured, args.lower)
    if not args.no_timing:
        timings()


if __name__ == "__main__":
    main()
