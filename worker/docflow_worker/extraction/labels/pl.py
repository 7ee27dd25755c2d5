"""Polish labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="pl",
    name="Polish",
    invoice_word=("faktura",),
    doc_word=("paragon",),
    number_word=(r"nr\b\.?",),
    number_label=(r"numer\s*faktury",),
    number_of_invoice=(r"nr\.?",),
    bare_number_label=(
        r"nr\b\.?",
        "numer",
    ),
    date_label=(r"data\s+wystawienia",),
    date_block=(
        r"termin\s*p[łl]atno",
        "sprzeda[żz]y",
    ),
    total_strong=(
        r"do\s*zap[łl]aty",
        r"nale[żz]no[śs]ci\s*og[óo][łl]em",
        r"warto[śs][ćc]\s*brutto",
        r"suma\s*brutto",
    ),
    total_weak=("razem",),
    tax_word=(r"kwota\s*podatku",),
    tax_total=(r"kwota\s*vat",),
    subtotal=(
        r"warto[śs][ćc]\s*netto",
        r"razem\s*netto",
    ),
    rounding=("zaokr[ąa]glenie",),
    vendor_label=("sprzedawca",),
    buyer_label=(
        "nabywca",
        "odbiorca",
    ),
    not_vendor_word=(
        "faktura",
        "kwota",
        "warto[śs][ćc]",
        "opis",
        "ilo[śs][ćc]",
    ),
    greeting=(
        "szanown",
        "orygina[łl]",
        "kopia",
    ),
    title_receipt=("paragon",),
)
