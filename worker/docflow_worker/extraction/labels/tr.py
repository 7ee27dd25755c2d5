"""Turkish labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="tr",
    name="Turkish",
    invoice_word=("fatura",),
    bare_number_label=(
        r"fatura\s*no",
        r"belge\s*no",
    ),
    date_label=(r"fatura\s+tarihi",),
    date_word=("tarih",),
    date_block=("[öo]deme",),
    total_strong=(
        r"genel\s*toplam",
        r"[öo]denecek\s*tutar",
        r"toplam\s*tutar",
        r"vergiler\s*dahil",
    ),
    total_weak=("toplam",),
    tax_word=("kdv",),
    tax_block=("matrah",),
    subtotal=(r"mal\s*hizmet\s*toplam",),
    vendor_label=("sat[ıi]c[ıi]",),
    buyer_label=(
        "say[ıi]n",
        "m[üu][şs]teri",
        "al[ıi]c[ıi]",
    ),
    not_vendor_word=("fatura",),
    title_invoice=(r"\bfatura\b",),
)
