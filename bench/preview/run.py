"""First-page preview benchmark: `npm run bench:preview` (uv run python bench/preview/run.py
[--runs 10]).

Renders the first page of samples/invoice-01-us.pdf and of a 50-page PDF (bench/pwa's
make_50_page_pdf, the review page's benchmark document) the way the worker's parse stage does:
through the warm parser host, one sandboxed child per render (docflow_worker.parsing
.render_first_page: pdfium at 1200 px wide, WebP quality 78). Prints the median and worst time
of `--runs` renders (after one warm-up that starts the host) and the image's size in pixels and
bytes, and writes bench/preview/RESULTS.md. No database, no servers. Target: a render that does
not noticeably lengthen a job (well under the ~1 s the parse of such a document takes itself).
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

from docflow_worker.parsing import PageImage, render_first_page  # noqa: E402


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


def measure(path: Path, runs: int) -> tuple[list[float], PageImage]:
    image = render_first_page(path)  # warm-up: the parser host starts here
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        image = render_first_page(path)
        times.append((time.perf_counter() - started) * 1000)
    return times, image


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
            times, image = measure(path, runs)
            rows.append(
                f"| {name} | {statistics.median(times):.0f} | {max(times):.0f} | "
                f"{image.width} x {image.height} | {image.media_type} | "
                f"{len(image.data) / 1024:.1f} KiB |"
            )
    table = "\n".join(
        [
            "| document | median ms | worst ms | pixels | type | bytes |",
            "| --- | ---: | ---: | --- | --- | ---: |",
            *rows,
        ]
    )
    print(table)
    (HERE / "RESULTS.md").write_text(
        "# First-page preview: render + encode (bench/preview/run.py)\n\n"
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, Python "
        f"{platform.python_version()}, {runs} renders each after a warm-up; each render is a "
        "request to the warm parser host, which forks a sandboxed child (as in the worker).\n\n"
        f"{table}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
