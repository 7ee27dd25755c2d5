"""Croatian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="hr",
    name="Croatian",
    invoice_word=("ra[čc]un",),
    number_word=(
        r"br\.(?=\s*[\w-]*\d)",
        "broj",
    ),
    date_label=(r"datum\s*(?:izdavanja|ra[čc]una)",),
    total_strong=(
        r"za\s*pla[ćc]anje",
        r"za\s*uplatu",
        r"ukupno\s*za\s*pla[ćc]anje",
        r"ukupno\s*s\s*pdv",
    ),
    total_weak=(
        "ukupno",
        "sveukupno",
    ),
    total_block=(
        r"bez\s*pdv",
        "osnovica",
        "osnova",
    ),
    tax_word=("pdv",),
    tax_block=(
        r"\bbez\b",
        "osnov",
    ),
    buyer_label=("kupac",),
    title_invoice=(r"\bra[čc]un\b",),
)
