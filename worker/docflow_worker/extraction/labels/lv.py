"""Latvian labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="lv",
    name="Latvian",
    invoice_word=("r[ēe][ķk]ins",),
    tax_word=("pvn",),
    title_invoice=(r"\br[ēe][ķk]ins\b",),
)
