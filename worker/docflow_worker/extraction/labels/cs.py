"""Czech labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="cs",
    name="Czech",
    number_label=(r"[čc][ií]slo\s*faktury",),
    bare_number_label=(
        r"č\.",
        "č[ií]slo",
        r"variabiln[ií]\s*symbol",
    ),
    date_label=(r"datum\s+vystaven[ií]",),
    date_block=("splatnost",),
    total_strong=(
        r"k\s*[úu]hrad[ěe]",
        "celkem",
    ),
    tax_word=("dph",),
    tax_block=("z[áa]klad",),
    subtotal=(
        r"z[áa]klad\s*dph",
        r"celkem\s*bez\s*dph",
    ),
    vendor_label=(
        "dodavatel",
        "prod[áa]vaj[íi]c[íi]",
    ),
    buyer_label=(
        "odb[ěe]ratel",
        "kupuj[íi]c[íi]",
    ),
)
