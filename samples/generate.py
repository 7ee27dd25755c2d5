"""Write the sample invoices (text-layer PDFs) and one broken file into samples/.

Deterministic: `uv run python samples/generate.py` rewrites the same bytes.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "eval"))

from invoice_kit import make_invoice, write_invoice  # noqa: E402

SAMPLES = [
    ("US", "classic"),
    ("GB", "two_column"),
    ("DE", "classic"),
    ("FR", "stacked"),
    ("CH", "minimal"),
    ("IN", "right_header"),
    ("AU", "two_column"),
    ("CA", "stacked"),
    ("ES", "classic"),
    ("IT", "right_header"),
    ("NL", "minimal"),
    ("IE", "classic"),
    ("AT", "two_column"),
]


def main() -> None:
    rng = random.Random(20260305)
    truth: dict[str, dict[str, str | None]] = {}
    for index, (country, layout) in enumerate(SAMPLES, start=1):
        key = f"invoice-{index:02d}-{country.lower()}"
        invoice = make_invoice(rng, key, country=country, layout=layout, multi_page=index == 3)
        path = write_invoice(invoice, HERE)
        truth[path.name] = invoice.truth()
        print("wrote", path.relative_to(HERE.parent))
    whole = (HERE / "invoice-01-us.pdf").read_bytes()
    broken = HERE / "broken-truncated.pdf"
    broken.write_bytes(whole[: len(whole) // 2])
    print("wrote", broken.relative_to(HERE.parent))
    (HERE / "expected-fields.json").write_text(
        json.dumps(truth, indent=2, ensure_ascii=False) + "\n"
    )


if __name__ == "__main__":
    main()
