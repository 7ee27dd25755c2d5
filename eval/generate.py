"""Write the labelled evaluation set into eval/invoices/: <key>.pdf|png + <key>.json (truth).

Deterministic: `uv run python eval/generate.py`. 48 invoices: 6 languages, 14 countries,
5 layouts, multi-page with carried-forward subtotals, scanned PDFs and PNG scans (OCR).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from invoice_kit import COUNTRIES, LAYOUTS, make_invoice, write_invoice  # noqa: E402

OUT = HERE / "invoices"
SCAN_COUNTRIES = ["US", "GB", "AU", "IN", "CA", "IE"]


def main() -> None:
    rng = random.Random(4242)
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    countries = sorted(COUNTRIES)
    plan: list[tuple[str, str, str, bool]] = []  # country, layout, format, multi_page
    for index in range(40):
        country = countries[index % len(countries)]
        layout = LAYOUTS[(index // len(countries) + index) % len(LAYOUTS)]
        plan.append((country, layout, "pdf", index % 9 == 4))
    for index, country in enumerate(SCAN_COUNTRIES):
        fmt = "png" if index % 2 else "scan"
        plan.append((country, LAYOUTS[index % len(LAYOUTS)], fmt, False))
    plan.append(("DE", "two_column", "pdf", True))
    plan.append(("FR", "classic", "pdf", True))
    for index, (country, layout, fmt, multi) in enumerate(plan, start=1):
        key = f"eval-{index:02d}-{country.lower()}-{layout}{'-multi' if multi else ''}"
        if fmt != "pdf":
            key += f"-{fmt}"
        invoice = make_invoice(rng, key, country=country, layout=layout, multi_page=multi)
        path = write_invoice(invoice, OUT, "pdf" if fmt == "pdf" else fmt)
        (OUT / f"{key}.json").write_text(
            json.dumps(
                {"file": path.name, "document_type": "invoice", "fields": invoice.truth()},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    print(f"wrote {len(plan)} labelled invoices to {OUT.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
