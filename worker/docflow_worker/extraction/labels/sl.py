"""Slovene labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="sl",
    name="Slovene",
    number_word=(
        r"št\b\.?",
        r"st\.(?=\s*[\w-]*\d)",
        "[šs]tevilka",
    ),
    date_block=("opravljen",),
    total_strong=(
        r"za\s*pla[čc]ilo",
        r"skupaj\s*z\s*ddv",
    ),
    total_weak=("skupaj",),
    total_block=(r"brez\s*ddv",),
    tax_word=("ddv",),
    tax_block=(r"\bbrez\b",),
    buyer_label=("kupec",),
)
