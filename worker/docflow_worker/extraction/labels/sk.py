"""Slovak labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="sk",
    name="Slovak",
    invoice_word=("fakt[úu]ra",),
    date_label=(r"d[áa]tum\s*vystavenia",),
    date_word=("d[áa]tum",),
    title_invoice=(r"\bfakt[úu]ra\b",),
)
