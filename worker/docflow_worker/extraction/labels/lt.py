"""Lithuanian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="lt",
    name="Lithuanian",
    invoice_word=("s[ąa]skaita",),
    tax_word=("pvm",),
    title_invoice=(r"\bs[ąa]skaita\b",),
)
