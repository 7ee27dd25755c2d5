"""Romanian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="ro",
    name="Romanian",
    invoice_word=("factur[ăa]",),
    total_strong=(r"total\s*de\s*plat[ăa]",),
    title_invoice=(r"\bfactur[ăa]\b",),
)
