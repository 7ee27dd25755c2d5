"""First-page preview benchmark: `npm run bench:preview` (uv run python bench/preview/run.py
[--runs 10]).

What the worker's parse stage pays for the preview, for samples/invoice-01-us.pdf and for a
50-page PDF (bench/pwa's make_50_page_pdf, the review page's benchmark document): the parse
through the warm parser host (one sandboxed child per file) with and without the first-page image
(pdfium at 900 px wide, WebP quality 78 effort 0, made in the same child after the last page),
alternated
`--runs` times after a warm-up; the difference of the medians is the render + encode. Also the
image's size in pixels and bytes. Writes bench/preview/RESULTS.md. No database, no servers.
Target: the added time stays well under the 1 s the review page waits for PDF.js today.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT / "eval")]

from docflow_worker.parsing import PageImage, PreviewSize, parse_document  # noqa: E402


def make_50_page_pdf(path: Path) -> Path:
    """bench/pwa/run.py's 50-page invoice (text layer, 690 line items), loaded from there."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_pwa_run", ROOT / "bench/pwa/run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made: Path = module.make_50_page_pdf(path)
    return made


def measure(path: Path, runs: int) -> tuple[list[float], list[float], PageImage]:
    """Parse times (ms) without and with the preview, alternated; the last image."""
    parse_document(path, "application/pdf", preview=PreviewSize())  # warm-up: the host starts
    plain, with_preview = [], []
    image: PageImage | None = None
    for _ in range(runs):
        started = time.perf_counter()
        parse_document(path, "application/pdf")
        plain.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        parsed = parse_document(path, "application/pdf", preview=PreviewSize())
        with_preview.append((time.perf_counter() - started) * 1000)
        image = parsed.preview
    assert image is not None
    return plain, with_preview, image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    runs = max(1, min(args.runs, 200))
    with tempfile.TemporaryDirectory() as tmp:
        documents = {
            "samples/invoice-01-us.pdf (1 page)": ROOT / "samples/invoice-01-us.pdf",
            "50-page PDF (bench/pwa), page 1": make_50_page_pdf(Path(tmp) / "fifty.pdf"),
        }
        rows = []
        for name, path in documents.items():
            plain, with_preview, image = measure(path, runs)
            added = statistics.median(with_preview) - statistics.median(plain)
            rows.append(
                f"| {name} | {statistics.median(plain):.0f} | "
                f"{statistics.median(with_preview):.0f} | **{added:.0f}** | "
                f"{image.width} x {image.height} | {image.media_type} | "
                f"{len(image.data) / 1024:.1f} KiB |"
            )
    table = "\n".join(
        [
            "| document | parse ms | parse + preview ms | added ms | pixels | type | bytes |",
            "| --- | ---: | ---: | ---: | --- | --- | ---: |",
            *rows,
        ]
    )
    print(table)
    (HERE / "RESULTS.md").write_text(
        "# First-page preview: render + encode (bench/preview/run.py)\n\n"
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, Python "
        f"{platform.python_version()}, {runs} parses of each kind after a warm-up, medians; each "
        "parse is a request to the warm parser host, which forks a sandboxed child (as in the "
        "worker).\n\n"
        f"{table}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
