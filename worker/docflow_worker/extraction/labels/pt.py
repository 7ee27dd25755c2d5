"""Portuguese labels."""

from docflow_worker.extraction.labels.table import LabelTable

TABLE = LabelTable(
    code="pt",
    name="Portuguese",
    invoice_word=("nota fiscal",),
    number_label=(r"n[úu]mero\s*da\s*fatura",),
    date_label=(r"data\s+de\s+emiss[ãa]o",),
    date_block=(
        "vencimento",
        "gr[áa]fica",
        "autoriza[çc][ãa]o",
    ),
    total_strong=(
        r"valor\s*total",
        r"total\s*geral",
    ),
    total_block=(
        "il[íi]quido",
        "incid[êe]ncia",
    ),
    tax_word=("(?-i:ISS|ISSQN|ICMS)",),
    tax_block=(
        "incid[êe]ncia",
        "il[íi]quido",
    ),
    subtotal=(r"total\s*il[íi]quido",),
    vendor_label=(
        r"prestador(?:\s*d[eo]s?\s*servi[çc]os?)?",
        "emitente",
    ),
    buyer_label=(
        "destinat[áa]rio",
        "adquirente",
        r"tomador(?:\s*d[eo]s?\s*servi[çc]os?)?",
        "destinat[áa]rio",
    ),
    not_vendor_word=("valor",),
    greeting=("ol[áa]",),
)
