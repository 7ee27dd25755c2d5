"""Danish labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="da",
    name="Danish",
    total_strong=(
        r"at\s*betale",
        r"\bi\s*alt\b",
        r"bel[øo]b\s*i\s*alt",
    ),
    total_block=(
        r"\beks\b",
        "ekskl",
    ),
    tax_block=(
        r"\beks\b",
        "ekskl",
        "grundlag",
    ),
    subtotal=(r"sum\s*eks",),
    not_vendor_word=("bel[øo]b",),
)
