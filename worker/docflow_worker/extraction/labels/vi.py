"""Vietnamese labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="vi",
    name="Vietnamese",
    invoice_word=(r"h(?:[óo]a|o[áa])\s*đ[ơo]n",),
    doc_qualifier=(
        "gtgt",
        r"gi[áa]\s*tr[ịi]\s*gia\s*t[ăa]ng",
    ),
    number_label=(r"s[ốo]\s*h(?:[óo]a|o[áa])\s*đ[ơo]n",),
    bare_number_label=(r"s[ốo](?=\s*:)",),
    date_label=(r"ng[àa]y\s*(?:l[ậa]p|xu[ấa]t)",),
    date_word=("ng[àa]y",),
    date_block=(r"h[ạa]n\s*thanh\s*to[áa]n",),
    total_strong=(
        r"t[ổo]ng\s*c[ộo]ng\s*ti[ềe]n\s*thanh\s*to[áa]n",
        r"t[ổo]ng\s*ti[ềe]n\s*thanh\s*to[áa]n",
    ),
    total_weak=(r"t[ổo]ng\s*c[ộo]ng",),
    total_block=(
        r"ch[ưu]a\s*(?:c[óo]\s*)?thu[ếe]",
        r"tr[ưu][ớo]c\s*thu[ếe]",
        r"ti[ềe]n\s*h[àa]ng",
    ),
    tax_word=(
        "gtgt",
        r"thu[ếe]\s*gtgt",
    ),
    tax_block=("su[ấa]t",),
    tax_included=(r"bao\s+g[ồo]m",),
    tax_total=(r"ti[ềe]n\s*thu[ếe]",),
    subtotal=(r"c[ộo]ng\s*ti[ềe]n\s*h[àa]ng",),
    vendor_label=(
        r"đ[ơo]n\s*v[ịi]\s*b[áa]n(?:\s*h[àa]ng)?",
        r"ng[ưu][ờo]i\s*b[áa]n",
    ),
    buyer_label=(
        r"ng[ưu][ờo]i\s*mua",
        r"đ[ơo]n\s*v[ịi]\s*mua",
        r"h[ọo]\s*t[êe]n\s*ng[ưu][ờo]i\s*mua",
    ),
    title_invoice=(r"\bh(?:[óo]a|o[áa])\s*đ[ơo]n\b",),
)
