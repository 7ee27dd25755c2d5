"""Estonian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="et",
    name="Estonian",
    invoice_word=("arve",),
    date_label=(r"arve\s*kuup[äa]ev",),
    date_word=("kuup[äa]ev",),
    date_block=("t[äa]htaeg",),
    total_strong=(
        r"kokku\s*tasuda",
        r"tasuda\s*kokku",
    ),
    total_weak=("kokku",),
    total_block=("k[äa]ibemaksuta",),
    tax_word=("k[äa]ibemaks",),
    tax_total=(r"k[äa]ibemaks\s*kokku",),
    subtotal=("k[äa]ibemaksuta",),
    vendor_label=("m[üu][üu]ja",),
    buyer_label=(
        "maksja",
        "ostja",
    ),
    title_invoice=(r"\barve\b",),
)
