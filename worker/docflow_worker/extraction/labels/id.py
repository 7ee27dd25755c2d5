"""Indonesian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="id",
    name="Indonesian",
    invoice_word=("faktur",),
    number_label=(r"nomor\s*faktur",),
    number_of_invoice=("nomor",),
    date_label=(r"tanggal\s*faktur",),
    date_word=("tanggal",),
    date_block=(r"jatuh\s*tempo",),
    total_strong=(
        r"jumlah\s*(?:tagihan|total|yang\s*harus\s*dibayar)",
        r"total\s*tagihan",
    ),
    total_weak=("jumlah",),
    tax_word=("ppn",),
    vendor_label=("penjual",),
    buyer_label=(
        "pembeli",
        r"kepada(?:\s*yth)?",
    ),
    title_invoice=(r"\bfaktur\b",),
)
