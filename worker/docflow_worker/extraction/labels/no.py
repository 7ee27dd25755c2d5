"""Norwegian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="no",
    name="Norwegian",
    date_block=(
        "forfallsdato",
        "forfalls",
    ),
    total_strong=(
        r"[åa]\s*betale",
        r"til\s*betaling",
        "totalbel[øo]p",
    ),
    total_weak=("bel[øo]p",),
    tax_word=("mva",),
    rounding=("avrunding",),
    greeting=("hei",),
    status_paid=(r"\bbetalt\b",),
    title_receipt=("kvittering",),
)
