"""Hungarian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="hu",
    name="Hungarian",
    invoice_word=("sz[áa]mla",),
    number_label=(
        r"sz[áa]mla\s*sorsz[áa]ma",
        "sz[áa]mlasz[áa]m",
    ),
    date_label=(
        r"ki[áa]ll[íi]t[áa]s\s*d[áa]tuma",
        r"sz[áa]mla\s*kelte",
    ),
    date_word=("kelt",),
    date_block=(
        "teljes[íi]t[ée]s",
        "hat[áa]rid[őo]",
    ),
    total_strong=(
        "fizetend[őo]",
        "v[ée]g[öo]sszeg",
        r"brutt[óo]\s*[öo]sszesen",
    ),
    total_weak=("[öo]sszesen",),
    total_block=("nett[óo]",),
    tax_word=("[áa]fa",),
    tax_total=(r"[áa]fa\s*[öo]sszesen",),
    subtotal=(r"nett[óo]\s*[öo]sszesen",),
    vendor_label=(
        "elad[óo]",
        "sz[áa]ll[íi]t[óo]",
    ),
    buyer_label=("vev[őo]",),
    title_invoice=(r"\bsz[áa]mla\b",),
)
