"""Greek labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="el",
    name="Greek",
    invoice_word=("τιμολ[οό]γιο",),
    bare_number_label=(
        "αριθμ[οό]ς",
        r"σειρ[άα]\s*/\s*αριθμ[οό]ς",
    ),
    date_label=(r"ημερομην[ií]α(?:\s+[έε]κδοσης)?",),
    total_strong=(
        r"γενικ[όο]\s*σ[ύυ]νολο",
        "πληρωτ[έε]ο",
    ),
    total_weak=("σ[ύυ]νολο",),
    tax_word=(
        "fpa",
        "φπα",
    ),
    tax_block=(
        "καθαρ[ήη]",
        "σ[ύυ]νολο",
        "αξ[ίι]α",
    ),
    subtotal=(r"καθαρ[ήη]\s*αξ[ίι]α",),
    vendor_label=("προμηθευτ[ήη]ς",),
    buyer_label=("πελ[άα]της",),
    title_invoice=("τιμολ[οό]γιο",),
    title_receipt=("απ[όο]δειξη",),
)
