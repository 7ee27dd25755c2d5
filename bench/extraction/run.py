"""Extraction benchmark: field accuracy on eval/invoices and parse+extract timings.

Run with `uv run python bench/extraction/run.py [-v] [--set eval|holdout] [--no-timing]`.
Two labelled sets: eval/invoices (eval/generate.py, the generated set the extractor was
built against) and eval/holdout/invoices (eval/holdout/generate.py, hand-written invoices in
other styles; its failures guided general fixes, so it is optimistic too) and
eval/holdout/blind (eval/holdout/blind.py, written after those fixes and never tuned
against: the honest estimate for unseen invoices); each is reported on its own.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from docflow_worker.extraction import FIELD_NAMES, extract_fields
from docflow_worker.parsing import parse_document

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval" / "invoices"
HOLDOUT = ROOT / "eval" / "holdout" / "invoices"
BLIND = ROOT / "eval" / "holdout" / "blind"
BLIND2 = ROOT / "eval" / "blind2" / "invoices"
BLIND3 = ROOT / "eval" / "blind3" / "invoices"
BLIND4 = ROOT / "eval" / "blind4" / "invoices"
BLIND5 = ROOT / "eval" / "blind5" / "invoices"
BLIND6 = ROOT / "eval" / "blind6" / "invoices"
MIME = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".tif": "image/tiff",
    ".txt": "text/plain",
}


def same(field: str, got: str | None, want: str | None) -> bool:
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


CALIBRATION: dict[str, list[tuple[float, bool]]] = {}  # set title -> (confidence, right)


def accuracy(folder: Path, title: str, verbose: bool) -> None:
    truths = sorted(folder.glob("*.json"))
    if not truths:
        sys.exit(f"no labelled files in {folder}: run its generate.py first")
    correct = dict.fromkeys(FIELD_NAMES, 0)
    filled = dict.fromkeys(FIELD_NAMES, 0)
    expected_filled = dict.fromkeys(FIELD_NAMES, 0)
    conf_right: list[float] = []
    conf_wrong: list[float] = []
    for truth_path in truths:
        truth = json.loads(truth_path.read_text())
        path = folder / truth["file"]
        doc = parse_document(path, MIME[path.suffix])
        result = extract_fields(doc)
        for name in FIELD_NAMES:
            want = truth["fields"][name]
            got = result.fields[name]
            if got.value is None and got.confidence != 0:
                print(f"  {path.name}: {name} is None with confidence {got.confidence}")
            if got.value is not None:
                CALIBRATION.setdefault(title, []).append(
                    (got.confidence, same(name, got.value, want))
                )
            if same(name, got.value, want):
                correct[name] += 1
                if got.value is not None:
                    conf_right.append(got.confidence)
            else:
                if got.value is not None:
                    conf_wrong.append(got.confidence)
                if verbose:
                    print(
                        f"  {path.name:45} {name:15} got={got.value!r} "
                        f"({got.confidence:.2f}) want={want!r}"
                    )
            if want is not None:
                expected_filled[name] += 1
                if got.value is not None and got.confidence > 0 and got.source:
                    filled[name] += 1
    n = len(truths)
    print(f"{title}: field accuracy on {n} labelled invoices ({folder.relative_to(ROOT)}):")
    for name in FIELD_NAMES:
        print(
            f"  {name:15} {100 * correct[name] / n:6.1f}%   confidence+source filled "
            f"{filled[name]}/{expected_filled[name]}"
        )
    overall = sum(correct.values()) / (n * len(FIELD_NAMES))
    print(f"  {'overall':15} {100 * overall:6.1f}%")

    def mean(values: list[float]) -> str:
        return f"{statistics.mean(values):.2f} (n={len(values)})" if values else "- (n=0)"

    print(
        f"  mean confidence of filled fields: correct {mean(conf_right)}, wrong {mean(conf_wrong)}"
    )
    print("  " + bands(CALIBRATION.get(title, [])))


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
        choices=[
            "all",
            "eval",
            "holdout",
            "blind",
            "blind2",
            "blind3",
            "blind4",
            "blind5",
            "blind6",
        ],
        default="all",
        help="which labelled set(s)",
    )
    args = parser.parse_args()
    if args.set in ("all", "eval"):
        accuracy(EVAL, "Generated set", args.verbose)
    if args.set in ("all", "holdout"):
        accuracy(HOLDOUT, "Held-out set (hand-written styles)", args.verbose)
    if args.set in ("all", "blind"):
        accuracy(BLIND, "Blind held-out set (never tuned against)", args.verbose)
    if args.set in ("all", "blind2"):
        accuracy(BLIND2, "Second blind set (real-world styles, eval/blind2)", args.verbose)
    if args.set in ("all", "blind3"):
        accuracy(BLIND3, "Third blind set (real-world styles, eval/blind3)", args.verbose)
    if args.set in ("all", "blind4"):
        accuracy(
            BLIND4, "Fourth blind set (photos, multi-page, new layouts, eval/blind4)", args.verbose
        )
    if args.set in ("all", "blind5"):
        accuracy(
            BLIND5,
            "Fifth blind set (software templates, e-invoice renderings, bills, eval/blind5)",
            args.verbose,
        )
    if args.set in ("all", "blind6"):
        accuracy(
            BLIND6,
            "Sixth blind set (receipts, amounts in words, two dates, refs, eval/blind6)",
            args.verbose,
        )
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
    if not args.no_timing:
        timings()


if __name__ == "__main__":
    main()
