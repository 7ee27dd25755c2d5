"""Label forms shared by several languages (a tax-name list, a run-on "to:")."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="common",
    name="Forms shared by several languages",
    total_block=(r"total\s*(?:tax|vat|gst|hst|mwst|tva|iva|btw)",),
    tax_block=(r"\b(?:id|no|nr|number|num[ée]ro|reg|registration|ident|identification|code)\b",),
    tax_total=(r"total\s*(?:tax|vat|gst|hst|taxes|mwst|tva|iva|btw)",),
    buyer_label=(r"(?:an|to|aan|para|till|do|dla|[àa])\s*:?$",),
)
