"""Serbian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="sr",
    name="Serbian",
    number_word=(
        r"бр\.",
        "број",
    ),
    bare_number_label=("број",),
    date_word=("од",),
    total_strong=(r"укупно\s*за\s*(?:плаћање|uplatu)",),
    total_weak=("укупно",),
    vendor_label=(
        "продавец",
        "добављач",
    ),
    buyer_label=("купац",),
)
