"""Bulgarian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="bg",
    name="Bulgarian",
    date_block=(
        "падеж",
        r"данъчното\s+събитие",
    ),
    total_strong=(
        r"\bза\s*плащане",
        r"сума\s*за\s*плащане",
        r"обща\s*сума",
        r"за\s*плащане",
    ),
    total_weak=(
        "общо",
        "всичко",
    ),
    total_block=(r"данъчна\s*основа",),
    tax_word=("ддс",),
    tax_included=("включително",),
    subtotal=(r"данъчна\s*основа",),
    vendor_label=("доставчик",),
    buyer_label=(
        "получател",
        "купувач",
    ),
)
