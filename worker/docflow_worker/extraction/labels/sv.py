"""Swedish labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="sv",
    name="Swedish",
    doc_word=("kvitto",),
    number_label=(
        "fakturanummer",
        r"fakturanr\.?",
    ),
    date_label=("fakturadatum",),
    date_block=("f[öo]rfallo",),
    total_strong=(r"att\s*betala",),
    total_weak=(
        "totalt",
        "summa",
        "belopp",
    ),
    tax_word=("moms",),
    tax_total=(
        r"summa\s*moms",
        "momsbel[oø]p",
    ),
    subtotal=(r"belopp\s*exkl",),
    rounding=("[öo]resavrundning",),
    vendor_label=("s[äa]ljare",),
    buyer_label=("k[öo]pare",),
    not_vendor_word=(
        "belopp",
        "beskriv",
        "antal",
    ),
    greeting=("hej",),
    title_invoice=(r"\bfaktura\b",),
    title_receipt=("kvitto",),
)
