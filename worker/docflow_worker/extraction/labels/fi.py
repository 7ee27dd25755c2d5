"""Finnish labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="fi",
    name="Finnish",
    invoice_word=("lasku",),
    number_label=(r"laskun\s*numero",),
    date_label=(r"laskun\s*p[äa]iv[äa]m[äa][äa]r[äa]",),
    date_word=(
        "p[äa]iv[äa]ys",
        "p[äa]iv[äa]m[äa][äa]r[äa]",
    ),
    date_block=("er[äa]p[äa]iv[äa]",),
    total_strong=(
        "yhteens[äa]",
        "maksettava",
        "loppusumma",
    ),
    tax_word=("alv",),
    rounding=("py[öo]ristys",),
    buyer_label=("asiakas",),
    title_invoice=(r"\blasku\b",),
)
