"""Layout-aware invoice field extraction.

Each field is found as *label → value*: a multilingual label pattern in a layout segment,
and the value in the rest of that segment, the next segment to the right, or the segment
just below. Candidates are scored (label strength, position, type checks, arithmetic
cross-checks between subtotal, tax and total) and the confidence reflects that score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from docflow_worker.extraction import EMPTY, FIELD_NAMES, ExtractionResult, FieldValue
from docflow_worker.extraction._layout import (
    Layout,
    Line,
    Segment,
    Token,
    build_layout,
    source_of,
)
from docflow_worker.extraction._values import (
    COUNTRY_NAMES,
    CURRENT_CODES,
    ISO_CODES,
    SYMBOLS,
    WORD_SYMBOLS,
    WORDLIKE_CODES,
    Amount,
    _fold,
    find_amounts,
    find_dates,
    format_amount,
    guess_country,
    territory_currency,
)
from docflow_worker.parsing import ParsedDocument

IGN = re.IGNORECASE

# ----------------------------------------------------------------------------- labels

INVOICE_WORD = (
    r"(?:invoice|inv|bill|rechnung|rechnungs|facture|factura|fattura|factuur|faktura|"
    r"lasku|fatura|nota fiscal|τιμολ[οό]γιο|請求書|sz[áa]mla|arve|fakt[úu]ra|faktur|ra[čc]un|"
    r"factur[ăa]|s[ąa]skaita|r[ēe][ķk]ins|сч[её]т(?:-фактура)?|рахунок(?:-фактура)?|фактура|"
    r"h(?:[óo]a|o[áa])\s*đ[ơo]n|청\s*구\s*서|세금\s*계산서|인보이스|发票|發票|インボイス)"
)
# Documents that carry an invoice-like number of their own (credit notes, receipts, folios).
DOC_WORD = (
    r"(?:" + INVOICE_WORD[3:-1] + r"|credit\s*(?:note|memo)|debit\s*(?:note|memo)|gutschrift|avoir|"
    r"creditnota|nota\s*de\s*cr[ée]dito|receipt|quittung|kassenbon|bon|beleg|ticket|"
    r"recibo|ricevuta|kvitto|paragon|folio)"
)
# A qualifier between the document word and "No." ("Faktura VAT nr", "Tax Invoice No").
DOC_QUALIFIER = (
    r"(?P<qual>\s+(?:vat|tax|pro\s*-?\s*forma|commercial|sales|fiscal|simplificada|"
    r"rectificativa|electr[óo]nica|на\s+оплату|gtgt|gi[áa]\s*tr[ịi]\s*gia\s*t[ăa]ng))?"
)
NUMBER_LABELS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            DOC_WORD
            + DOC_QUALIFIER
            + r"\.?\s*[-_]?\s*(?:no\b\.?|nr\b\.?|n[°ºo.]\.?|num(?:ber|[ée]ro)?\b\.?|"
            r"#|№|id\b|nummer|number|ref\b\.?|номер|번호|号码|號碼|番号|št\b\.?|st\.(?=\s*[\w-]*\d)|"
            r"[šs]tevilka|br\.(?=\s*[\w-]*\d)|broj|бр\.|број)\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (
        re.compile(
            r"rechnungsnummer|belegnummer|beleg-?nr\.?|factuurnummer|fakturanummer|"
            r"fakturanr\.?|laskun\s*numero|[čc][ií]slo\s*faktury|n[úu]mero\s*da\s*fatura|numer\s*faktury|"
            r"sz[áa]mla\s*sorsz[áa]ma|sz[áa]mlasz[áa]m|nomor\s*faktur|"
            r"num(?:ero|ber)\s*(?:del\s*)?documento|номер\s+(?:на\s+)?(?:фактура|сч[её]та|рахунку)|"
            r"s[ốo]\s*h(?:[óo]a|o[áa])\s*đ[ơo]n",
            IGN,
        ),
        1.0,
    ),
    (
        re.compile(
            r"(?:n[°º]|num[ée]ro|n\.|nr\.?|número|numero|no\.?|nomor)\s*(?:de\s+|di\s+)?"
            + INVOICE_WORD
            + r"\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (re.compile(r"(?:document|doc)\s*(?:no|nr|number|#)\.?\s*[:#]?", IGN), 0.7),
    (  # title then value, also bilingual ("Rechnung / Invoice")
        re.compile(
            r"^(?:tax\s+)?" + DOC_WORD + r"(?:\s*[/-]\s*(?:tax\s+)?" + DOC_WORD + r")*\s*[:#]?$",
            IGN,
        ),
        0.75,
    ),
    (
        re.compile(
            r"^(?:tax\s+)?" + DOC_WORD + DOC_QUALIFIER + r"(?:\s*[#:]\s*|\s+)(?=[A-Z]{0,4}[-/]?\d)",
            IGN,
        ),
        0.8,
    ),
    # ERP forms (receivables "transaction"): a weaker label than any invoice word
    (re.compile(r"^trans(?:action)?\s*(?:number|no\b\.?|nr\b\.?|#)\s*[:#]?", IGN), 0.6),
    (re.compile(r"\b(?:reference|ref\.?|our ref)\s*(?:no\.?|number)?\s*[:#]?", IGN), 0.45),
    # a bare number label heading its cell ("Number", "Nº:", "Nr."), or a local one
    (
        re.compile(
            r"^(?:number|no\b\.?|nr\b\.?|n[°º]|nummer|num[ée]ro|n[úu]mero|numer|č\.|č[ií]slo|"
            r"αριθμ[οό]ς|σειρ[άα]\s*/\s*αριθμ[οό]ς|請求番号|請求書番号|伝票番号|"
            r"fatura\s*no|belge\s*no|variabiln[ií]\s*symbol|№(?=\s*[:.]?\s*[^\W\d_]{0,4}-?\d)|номер|број|s[ốo](?=\s*:)|번호|编号|號碼)"
            r"\s*[:#.]?",
            IGN,
        ),
        0.7,
    ),
]
NUMBER_BLOCK = re.compile(
    r"customer|client|kunde|order|bestell|commande|pedido|ordine|po\b|p\.o\.|purchase|"
    r"account|konto|vat|tax id|ust-?id|siret|siren|iban|phone|tel|fax|steuer|gstin|abn|"
    r"delivery|liefer|livraison|contract|vertrag|date|datum|fecha|data\b|page|seite|"
    r"original|orig\b|storno|related|corrected|korrigiert|rectifica|sustituye|replaces|"
    r"corrects|refers\s*to|zu\s*(?:der\s*)?rechnung|annule|rettifica",
    IGN,
)

DATE_LABELS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            r"datum\s+vystaven[ií]|data\s+wystawienia|data\s+de\s+emiss[ãa]o|fatura\s+tarihi|"
            r"ημερομην[ií]α(?:\s+[έε]κδοσης)?|請求日|発行日|"
            r"(?:invoice|inv\.?|bill|tax point)\s*date|date\s+of\s+(?:issue|invoice)|"
            r"issue\s*date|issued(?:\s+on)?|date\s+issued|rechnungsdatum|belegdatum|"
            r"ausstellungsdatum|rechnungs-?datum|date\s+(?:de\s+)?(?:la\s+)?facture|"
            r"date\s+d['’]?\s*[ée]mission|fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emisi[oó]n|expedici[oó]n)|"
            r"data\s+(?:della\s+)?(?:fattura|documento|emissione)|factuurdatum|fakturadatum|"
            r"ki[áa]ll[íi]t[áa]s\s*d[áa]tuma|sz[áa]mla\s*kelte|arve\s*kuup[äa]ev|"
            r"tanggal\s*faktur|d[áa]tum\s*vystavenia|datum\s*(?:izdavanja|ra[čc]una)|"
            r"data\s*emiterii|laskun\s*p[äa]iv[äa]m[äa][äa]r[äa]|fecha\s*emisi[oó]n|"
            r"дата\s+(?:на\s+)?(?:издаване|выставления|виписки|складання|документа|сч[её]та|"
            r"рахунку|фактур[аиы]|изд[ао]вања)|№\s*\S+\s+(?:от|від|од)(?=\s+\d)|"
            r"ng[àa]y\s*(?:l[ậa]p|xu[ấa]t)|(?:청구|발행|작성|발급)\s*일(?:자)?|"
            r"(?:开票|開票|发票|發票)\s*日期",
            IGN,
        ),
        1.0,
    ),
    (
        re.compile(
            r"\b(?:date|datum|fecha|data|dated|le|tarih|日付|kuup[äa]ev|d[áa]tum|kelt|tanggal|"
            r"p[äa]iv[äa]ys|p[äa]iv[äa]m[äa][äa]r[äa]|дата|от|від|од|ng[àa]y|날짜|일자|日期)\b\s*[:.]?",
            IGN,
        ),
        0.7,
    ),
]
DATE_BLOCK = re.compile(
    r"due|f[äa]llig|zahlbar|[ée]ch[ée]ance|vencimiento|scadenza|vervaldatum|forfallsdato|"
    r"deliver|liefer|leistung|livraison|entrega|consegna|order|bestell|commande|pedido|"
    r"ship|period|zeitraum|p[ée]riode|periodo|payment|paid on|expir|valid|birth|start|end|"
    r"splatnost|vencimento|f[öo]rfallo|forfalls|termin\s*p[łl]atno|[öo]deme|arriv|d[ée]part|"
    r"check-?in|check-?out|sprzeda[żz]y|支払期限|期限|teljes[íi]t[ée]s|hat[áa]rid[őo]|"
    r"t[äa]htaeg|jatuh\s*tempo|er[äa]p[äa]iv[äa]|versé|vers[ée]s?\b|acompte|anzahlung|deposit|"
    r"срок|термін|падеж|оплатить\s+до|сплатити\s+до|доставк|постав[кч]|отгрузк|"
    r"данъчното\s+събитие|authority\s*to\s*print|\batp\b|printer|imprenta|gr[áa]fica|"
    r"autoriza[çc][ãa]o|autorizaci[óo]n|accreditation|opravljen|h[ạa]n\s*thanh\s*to[áa]n|기한|만기|납기|付款期限|到期",
    IGN,
)

TOTAL_STRONG = re.compile(
    r"grand\s*total|total\s*(?:amount\s*)?(?:due|payable)|amount\s*(?:due|payable)|"
    r"balance\s*(?:due|payable)|invoice\s*(?:total|amount)|total\s*amount|total\s*invoice|"
    r"total\s*(?:incl|inc\.|including|\(incl)|total\s*ttc|montant\s*ttc|net\s*[àa]\s*payer|"
    r"total\s*[àa]\s*payer|montant\s*(?:total|d[uû])|gesamtbetrag|rechnungsbetrag|endbetrag|"
    r"gesamtsumme|summe\s*brutto|bruttobetrag|zu\s*zahlen|zahlbetrag|total\s*factura|"
    r"importe\s*total|total\s*a\s*pagar|totale\s*(?:fattura|documento|da\s*pagare|complessivo)|"
    r"netto\s*a\s*pagare|valor\s*total|total\s*geral|"
    r"te\s*betalen|totaal\s*(?:incl|bedrag)|totaalbedrag|att\s*betala|[àa]\s*payer|"
    r"[åa]\s*betale|at\s*betale|til\s*betaling|\bi\s*alt\b|totalbel[øo]p|bel[øo]b\s*i\s*alt|"
    r"do\s*zap[łl]aty|nale[żz]no[śs]ci\s*og[óo][łl]em|warto[śs][ćc]\s*brutto|suma\s*brutto|yhteens[äa]|maksettava|loppusumma|"
    r"k\s*[úu]hrad[ěe]|celkem|genel\s*toplam|fizetend[őo]|v[ée]g[öo]sszeg|total\s*de\s*plat[ăa]|"
    r"amount\s*to\s*pay|total\s*to\s*pay|pay\s*this\s*amount|amount\s*billed|please\s*pay|"
    r"[öo]denecek\s*tutar|toplam\s*tutar|vergiler\s*dahil|γενικ[όο]\s*σ[ύυ]νολο|πληρωτ[έε]ο|"
    r"合計金額|ご?請求金額|総額|合計|brutt[óo]\s*[öo]sszesen|kokku\s*tasuda|tasuda\s*kokku|"
    r"jumlah\s*(?:tagihan|total|yang\s*harus\s*dibayar)|total\s*tagihan|"
    r"(?:всего|итого|всього|разом)\s*(?:к|до)\s*(?:оплате|сплати)|(?:всего|всього)\s*[сз]\s*(?:ндс|пдв)|"
    r"\bк\s*оплате|\bдо\s*сплати|\bза\s*плащане|сума\s*за\s*плащане|сума\s*до\s*сплати|сумма\s*к\s*оплате|обща\s*сума|"
    r"за\s*плащане|укупно\s*за\s*(?:плаћање|uplatu)|t[ổo]ng\s*c[ộo]ng\s*ti[ềe]n\s*thanh\s*to[áa]n|"
    r"t[ổo]ng\s*ti[ềe]n\s*thanh\s*to[áa]n|합계\s*금액|총\s*(?:합계|금액|청구\s*금액)|청구\s*금액|"
    r"价税合计|價稅合計|应付金额|應付金額|za\s*pla[čc]ilo|za\s*pla[ćc]anje|za\s*uplatu|"
    r"ukupno\s*za\s*pla[ćc]anje|skupaj\s*z\s*ddv|ukupno\s*s\s*pdv",
    IGN,
)
# "Total includes GST of $34.59": the tax inside the total, not the total.
TAX_OF_TOTAL = re.compile(
    r"\b(?:incl\w*|contains)\s+(?:gst|vat|tax|taxes|sales\s*tax|mwst|tva|iva|btw)\s+of\b", IGN
)
TOTAL_CODE = re.compile(r"\btotal\s*\(?([A-Za-z]{3})\)?\s*$", IGN)  # "Total CHF", "Total (EUR)"
TOTAL_WEAK = re.compile(
    r"\b(?:total|totaal|totale|totalt|summe|summa|suma|razem|gesamt|betrag|importe|montant|"
    r"sum|amount|bel[øo]p|belopp|toplam|σ[ύυ]νολο|kokku|[öo]sszesen|jumlah|итого|всего|"
    r"всього|разом|общо|всичко|укупно|t[ổo]ng\s*c[ộo]ng|합계|合计|合計|总计|總計|skupaj|"
    r"ukupno|sveukupno)\b",
    IGN,
)
# Words that make a "total"-like line something else. For a strong label only the words
# around the label count, so "Net à payer" or "Total Amount" are not blocked by themselves.
TOTAL_BLOCK = re.compile(
    r"sub\s*-?\s*total|subtotaal|zwischensumme|before\s*tax|excl|exkl|\beks\b|ekskl|zonder|"
    r"\bohne\b|\bsans\b|\bsin\s*iva|senza|s/\s*iva|il[íi]quido|incid[êe]ncia|taxable|"
    r"\bnet\b|netto|\bht\b|hors\s*taxe|imponibile|base\s*imponible|carried|brought|c/f|b/f|"
    r"[üu]bertrag|report|riporto|transport|suma\s*y\s*sigue|suma\s*anterior|a\s*riportare|"
    r"previous|vorheriger|pr[ée]c[ée]dent|anterior|precedente|vorig|paid|bezahlt|payé|"
    r"received|erhalten|deposit|anzahlung|acompte|discount|rabatt|remise|skonto|"
    r"retenci[oó]n|ritenuta|withholding|approx|\bafter\b|\bnach\s+dem\b|apr[èe]s\s+le|"
    r"\bchange\b|r[üu]ckgeld|wechselgeld|\bcash\b|tendered|gegeben|\bbar\b|rendu|cambio|"
    r"total\s*(?:tax|vat|gst|hst|mwst|tva|iva|btw)|(?:tax|vat|gst)\s*total|montant\s*tva|"
    r"in\s*words|in\s*worten|en\s*lettres|en\s*letras|in\s*lettere|quantity|qty|items|"
    r"hours|pages|weight|gewicht|menge|stück|colis|page\s*\d|seite|savings|"
    r"\bincl\.?\s*(?:vat|tax|mwst)\s*\d|enthalten|nett[óo]|k[äa]ibemaksuta|"
    r"без\s*(?:ндс|пдв|ддс|пдв)|brez\s*ddv|bez\s*pdv|osnovica|osnova|наименовани|найменуван|данъчна\s*основа|"
    r"ch[ưu]a\s*(?:c[óo]\s*)?thu[ếe]|tr[ưu][ớo]c\s*thu[ếe]|ti[ềe]n\s*h[àa]ng|공급가액|세전|"
    r"不含税|不含稅|税抜|税別",
    IGN,
)
TAX_WORD = re.compile(
    r"\b(?:vat|gst|hst|pst|qst|igst|cgst|sgst|utgst|sales\s*tax|tax|mwst|mw\.?st|ust|"
    r"umsatzsteuer|mehrwertsteuer|steuer|tva|tvq|tps|tvh|iva|btw|moms|mva|alv|dph|ppn|kdv|"
    r"[áa]fa|pvm|ddv|pdv|fpa|φπα|igv|itbis|isv|consumption\s*tax|taxes|消費税|k[äa]ibemaks|"
    r"pvn|impuesto|imposta|ндс|пдв|ддс|пдв|gtgt|thu[ếe]\s*gtgt|부가세|부가가치세|"
    r"增值税|增值稅|税额|稅額|消費税(?:額)?(?:合計)?|kwota\s*podatku|(?-i:ISS|ISSQN|ICMS))\b\.?|\bi\.v\.a\.",
    IGN,
)
TAX_BLOCK = re.compile(
    r"\b(?:id|no|nr|number|num[ée]ro|reg|registration|ident|identification|code)\b|"
    r"ust-?id|vat\s*#|tax\s*#|gstin|abn|invoice|rechnung|facture|"
    r"before|excl|exkl|\beks\b|ekskl|ohne|hors|\bht\b|net\b|netto|imponible|imponibile|"
    r"zonder|\bsans\b|\bsin\b|senza|taxable|incid[êe]ncia|il[íi]quido|grondslag|maatstaf|"
    r"tax\s*point|rate\s*$|exempt|befreit|%\s*$|z[áa]klad|\bbase\b|grundlag|matrah|"
    r"καθαρ[ήη]|σ[ύυ]νολο|αξ[ίι]α|без|\bинн?\b|\bіпн\b|идентификац|ідентифікац|"
    r"м[áa]\s*s[ốo]|su[ấa]t|공급가액|\bbrez\b|\bbez\b|osnov|c[áa]lculo",
    IGN,
)
# "... 285,00 € MwSt. (19 %) enthalten" / "incl. VAT 3.80": the tax is inside the total.
TAX_INCLUDED = re.compile(
    r"enthalten|\binkl\b|\bincl\b|including|includes|included|inclusive|\bdavon\b|\bdarin\b|"
    r"\bdont\b|incluye|incluido|inclusa|\binclus\b|inbegrepen|waarvan|\benth\b|"
    r"в\s+том\s+числе|у\s+тому\s+числі|в\s+т\.\s*ч\.|включително|bao\s+g[ồo]m",
    IGN,
)
TAX_TOTAL = re.compile(
    r"total\s*(?:tax|vat|gst|hst|taxes|mwst|tva|iva|btw)|(?:tax|vat|gst|taxes)\s*total|"
    r"montant\s*(?:de\s*la\s*)?tva|total\s*tva|summe\s*(?:der\s*)?(?:mwst|ust|umsatzsteuer|mehrwertsteuer)|totale\s*iva|"
    r"total\s*iva|cuota\s*iva|importe\s*iva|btw\s*bedrag|tax\s*amount|vat\s*amount|"
    r"kwota\s*vat|summa\s*moms|momsbel[oø]p|totale\s*imposta|[áa]fa\s*[öo]sszesen|"
    r"k[äa]ibemaks\s*kokku|сумма\s*ндс|сума\s*пдв|ti[ềe]n\s*thu[ếe]|세액|税额|稅額|消費税(?:額)?合計",
    IGN,
)
SUBTOTAL_LABEL = re.compile(
    r"sub\s*-?\s*total|subtotaal|zwischensumme|net\s*amount|nettobetrag|summe\s*netto|"
    r"total\s*(?:before\s*tax|excl|ht|net)|montant\s*ht|base\s*imponible|imponibile|"
    r"totaal\s*excl|netto\s*betrag|taxable\s*(?:value|amount)|warto[śs][ćc]\s*netto|"
    r"total\s*il[íi]quido|belopp\s*exkl|sum\s*eks|maatstaf\s*van\s*heffing|razem\s*netto|"
    r"z[áa]klad\s*dph|celkem\s*bez\s*dph|mal\s*hizmet\s*toplam|καθαρ[ήη]\s*αξ[ίι]α|小計|"
    r"base\s*imp|nett[óo]\s*[öo]sszesen|k[äa]ibemaksuta|monto\s*neto|"
    r"(?:итого|разом|сума|сумма)\s*без\s*(?:ндс|пдв)|данъчна\s*основа|c[ộo]ng\s*ti[ềe]n\s*h[àa]ng|"
    r"공급가액\s*합계|金额合计|不含税金额",
    IGN,
)
ROUNDING_LABEL = re.compile(
    r"round(?:ing)?\s*-?\s*off|rounding|arrondi|rundung|redondeo|arrotondamento|afronding|"
    r"py[öo]ristys|zaokr[ąa]glenie|[öo]resavrundning|avrunding",
    IGN,
)
DISCOUNT_LABEL = re.compile(r"discount|rabatt|remise|descuento|sconto|korting|skonto", IGN)
ROW_TOTAL = re.compile(
    r"^(?:(?:total|totale|totaal|totalt|summe|summa|suma|sum|razem|gesamt|i\s*alt)\b|合\s*[计計])",
    IGN,
)

VENDOR_LABEL = re.compile(
    r"^(?:(?:receipt|invoice|bill|statement|payment)\s+from|service\s*provider|"
    r"verkauft\s*von|vendu\s*par|vendido\s*por|venduto\s*da|verkocht\s*door|"
    r"dodavatel|prod[áa]vaj[íi]c[íi]|sat[ıi]c[ıi]|προμηθευτ[ήη]ς|"
    r"from|seller|supplier|vendor|sold\s*by|issued\s*by|bill\s*from|provider|trading\s+as|t/a|"
    r"verk[äa]ufer|lieferant|absender|[ée]metteur|vendeur|fournisseur|emisor|proveedor|"
    r"vendedor|mittente|fornitore|leverancier|sprzedawca|s[äa]ljare|elad[óo]|"
    r"sz[áa]ll[íi]t[óo]|m[üu][üu]ja|penjual|cedente(?:\s*/\s*prestatore)?|поставщик|"
    r"постачальник|доставчик|продавец|продавець|исполнитель|виконавець|добављач|"
    r"đ[ơo]n\s*v[ịi]\s*b[áa]n(?:\s*h[àa]ng)?|ng[ưu][ờo]i\s*b[áa]n|공급자|판매자|"
    r"销售方(?:信息)?|銷售方(?:信息)?|销方|売主|販売者|発行者|発行元|prestador(?:\s*d[eo]s?\s*servi[çc]os?)?|emitente)\b"
    r"(?:\s*\([^)]*\))?\s*[:.]?|"
    r"^(?:van|de|da|von|fra|od)\s*:",
    IGN,
)
BUYER_LABEL = re.compile(
    r"^(?:bill(?:ed)?\s*to|invoice\s*to|sold\s*to|ship(?:ped)?\s*to|deliver(?:y|ed)?\s*to|"
    r"customer|client|buyer|recipient|kunde|rechnungsempf[äa]nger|empf[äa]nger|"
    r"lieferanschrift|an\s*:|factur[ée]\s*[àa]|destinataire|adress[ée]\s*[àa]|cliente|"
    r"facturar\s*a|destinatario|klant|factuur\s*aan|to\s*:|attn|attention|consignee|"
    r"nabywca|odbiorca|k[öo]pare|kunde|asiakas|receptor|spett\.?le|exmo|messrs|"
    r"invoice\s*address|rechnungsadresse|facturer\s*[àa]|dhr\.|mevr\.|herrn?\b|frau\b|"
    r"mr\.?\b|mrs\.?\b|ms\.?\b|madame|monsieur|odb[ěe]ratel|kupuj[íi]c[íi]|say[ıi]n|"
    r"m[üu][şs]teri|al[ıi]c[ıi]|πελ[άα]της|destinat[áa]rio|adquirente|vev[őo]|maksja|ostja|"
    r"pembeli|kepada(?:\s*yth)?|cessionario|committente|se[ñn]or\(?es\)?|"
    r"покупатель|покупець|получател|купувач|заказчик|замовник|платник|плательщик|"
    r"купац|ng[ưu][ờo]i\s*mua|đ[ơo]n\s*v[ịi]\s*mua|h[ọo]\s*t[êe]n\s*ng[ưu][ờo]i\s*mua|"
    r"공급받는\s*자|구매자|购买方|購買方|购方|买方|買方|tomador(?:\s*d[eo]s?\s*servi[çc]os?)?|"
    r"destinat[áa]rio|kupec|kupac|"
    r"(?:an|to|aan|para|till|do|dla|[àa])\s*:?$)|(?:御中|様)$",
    IGN,
)
SUFFIX_CORE = (
    r"(?:\b(?:inc|llc|l\.l\.c|ltd|limited|plc|llp|lp|corp|corporation|company|co|gmbh|ag|(?-i:KG)|"
    r"ohg|ug|e\.k|gbr|mbh|se|sarl|s\.a\.r\.l|sas|sasu|sa|s\.a|eurl|sprl|bvba|nv|n\.v|bv|b\.v|"
    r"s\.l|sl|slu|s\.r\.l|srl|spa|s\.p\.a|snc|pty|pvt|private|oy|oyj|ab|as|asa|a/s|aps|"
    r"kft|zrt|s\.r\.o|a\.s|sp\.\s*z\s*o\.o|ltda|eireli|k\.k|teoranta|lda|limitada|"
    r"s\.?\s?a\.?\s*de\s*c\.?\s?v|s\.?\s*de\s*r\.?\s?l|s\.?l\.?p|s\.?a\.?s|sagl|scarl|"
    r"pte|sdn\.?\s*bhd|bhd|g\.?k|i/s|ivs|d\.?o\.?o|spol|nyrt|ehf|enr|lt[ée]e|vof|v\.o\.f|"
    r"cvba|scrl|ggmbh|kgaa|uab|sia|p\.?c|pllc|og|e\.?u|sccl|s\.?coop|s\.?n\.?c|s\.?a\.?p\.?a|"
    r"s\.?\s?[àa]\.?\s?r\.?\s?l|s[àa]rl|s\.?a\.?u|s\.?l\.?u|s\.?l\.?l|s\.?a\.?s|s\.?c\.?s|"
    r"ltd\.?\s*[şs]ti|[şs]ti|a\.?\s?[şs]|sp\.?\s*j|sp\.?\s*k|s\.?c|sp\.?\s*z\s*o\.?\s*o|"
    r"k\.?s|v\.?o\.?s|d\.?d|d\.?o\.?o|ky|oy|ay|o[üu]|hf|bt|e\.?o\.?o\.?d|o\.?o\.?d|"
    r"e\.?v|e\.?g|partg(?:mbb)?|mbb|vzw|asbl|unipessoal|epp|cia|c[íi]a|cie|"
    r"jsc|ojsc|pjsc|tbk|co\.?,?\s*ltd|lllp|l\.?p|"
    r"α\.?ε|ε\.?π\.?ε|ι\.?κ\.?ε|ο\.?ε|ε\.?ε|ооо|ао|тов|еоод|оод|еад|ад|пат|прат|зао|пао|"
    r"оао|доо|ип|фоп)\b\.?|"
    r"(?:株式会社|有限会社|合同会社|\(株\)|㈱|주식회사|유한회사|\(주\)|㈜|"
    r"(?:股份)?有限公司)|&\s*co\b\.?|"
    r"&\s*(?:fils|sons|söhne|sohn|figli|hijos|zonen)\b|\(haftungsbeschr[äa]nkt\))"
)
LEGAL_SUFFIX = re.compile(SUFFIX_CORE + r"\s*$", IGN)
# Forms printed before the name ("SARL Boulangerie", "株式会社サクラ") or inside it ("& Sons").
LEGAL_PREFIX = re.compile(
    r"^(?:sarl|sas|sasu|eurl|sprl|srl|bvba|株式会社|有限会社|合同会社|\(株\)|㈱|ооо|pt\.?|"
    r"ооо|оао|зао|пао|ао|тов|пат|прат|ат|фоп|ип|еоод|оод|주식회사|유한회사|\(주\)|㈜|"
    r"c[ôo]ng\s*ty(?:\s*(?:tnhh|c[ổo]\s*ph[ầa]n))?)(?:\s|(?=[^\x00-\x7f]))|"
    r"&\s*(?:sons|söhne|sohn|fils|figli|hijos|zonen|co)\b",
    IGN,
)


def _has_legal_form(text: str) -> bool:
    return LEGAL_SUFFIX.search(text) is not None or LEGAL_PREFIX.search(text) is not None


NOT_VENDOR = re.compile(
    r"\b(?:invoice|rechnung|facture|factura|fattura|factuur|faktura|fatura|receipt|quittung|"
    r"credit\s*note|gutschrift|datum|total|summe|page|seite|phone|e-?mail|www\.|http|iban|"
    r"swift|vat\s*id|gstin|siret|f[äa]llig|bill\s*to|ship\s*to|customer|kunde|client|"
    r"description|quantity|amount|betrag|montant|thank|danke|merci|gracias|grazie|"
    r"payment|zahl|paiement|bank|account|konto|street|straße|strasse|calle|"
    r"road|avenue|suite|p\.?o\.?\s*box|importe|importo|bedrag|bel[øo]b|belopp|kwota|valor|"
    r"warto[śs][ćc]|descrip|concepto|descrizione|omschrijving|beskriv|opis|d[ée]signation|"
    r"leistung|artikel|unidades|cantidad|quantit|anzahl|antal|ilo[śs][ćc]|precio|prezzo|"
    r"prix|preis|price)|"
    r"請求書|領収書|発票|发票|發票|收据|收據|インボイス|청구서|계산서|영수증|消費税|税额|稅額|合計|合计|金額|金额|小計|"
    r"\b(?:date|tel|fax|bic|ust|tax|abn|due|rue|via|ave|qty|item|rate)\b|@|"
    r"^(?:hi|hello|dear|bonjour|hallo|guten\s*tag|sehr\s*geehrte|estimad[oa]s?|gentile|"
    r"egregio|caro|cara|beste|geachte|hej|hei|szanown|ol[áa]|good\s*(?:morning|afternoon)|"
    r"original|orygina[łl]|copy|copie|kopie|kopia|duplicate|duplicado)\b",
    IGN,
)

STATUS_VALUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"partial(?:ly)?\s*paid|teilweise\s*bezahlt|partiellement", IGN), "partially_paid"),
    (
        re.compile(r"past\s*due|overdue|[üu]berf[äa]llig|en\s*retard|vencida|scaduta", IGN),
        "overdue",
    ),
    (
        re.compile(
            r"\bunpaid\b|not\s*paid|unbezahlt|\boffen\b|impay[ée]e?|non\s*pay[ée]e?|"
            r"pendiente|openstaand|outstanding|\bopen\b|non\s*pagata",
            IGN,
        ),
        "unpaid",
    ),
    (
        re.compile(
            r"\bpaid(?:\s*in\s*full)?\b|\bbezahlt\b|\bbeglichen\b|\bpay[ée]e?\b|acquitt[ée]e?|"
            r"\bpagad[ao]\b|\bpagata\b|\bbetaald\b|\bsettled\b|\bbetalt\b",
            IGN,
        ),
        "paid",
    ),
    (re.compile(r"^(?:due|payment\s*due|f[äa]llig|[àa]\s*payer)$", IGN), "due"),
    (re.compile(r"^(?:void|cancel+ed|storniert|annul[ée]e?)$", IGN), "void"),
    (re.compile(r"^(?:draft|entwurf|brouillon)$", IGN), "draft"),
]
STATUS_LABEL = re.compile(
    r"(?:payment\s*)?status|zahlungsstatus|statut(?:\s*de\s*paiement)?|estado|stato", IGN
)

DOC_TYPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "credit_note",
        re.compile(r"credit\s*note|gutschrift|\bavoir\b|nota\s*de\s*cr[ée]dito|creditnota", IGN),
    ),
    (
        "invoice",
        re.compile(
            r"\binvoice\b|\brechnung\b|\bfacture\b|\bfactura\b|\bfattura\b|\bfactuur\b|"
            r"\bfaktura\b|\blasku\b|\bbill\b|\bfatura\b|rechnungsnummer|invoice\s*(?:no|#|number)|"
            r"τιμολ[οό]γιο|請求書|\bsz[áa]mla\b|\barve\b|\bfakt[úu]ra\b|\bfaktur\b|"
            r"\bra[čc]un\b|\bfactur[ăa]\b|\bs[ąa]skaita\b|\br[ēe][ķk]ins\b|\bсч[её]т\b|"
            r"\bсч[её]т-фактура\b|\bрахунок\b|\bфактура\b|\bh(?:[óo]a|o[áa])\s*đ[ơo]n\b|청\s*구\s*서|"
            r"세금\s*계산서|인보이스|发票|發票|インボイス",
            IGN,
        ),
    ),
    (
        "receipt",
        re.compile(
            r"\breceipt\b|quittung|kassenbon|kassabon|\bbon-?nr|\bre[çc]u\b|recibo|ricevuta|"
            r"scontrino|kvitto|kvittering|paragon|tiquet|απ[όο]δειξη|領収書",
            IGN,
        ),
    ),
]

LANG_CUES: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b(?:invoice|total|date|amount|the|and|tax|due)\b", IGN),
    "de": re.compile(r"\b(?:rechnung|datum|betrag|und|mwst|summe|gesamt|steuer|bitte)\b", IGN),
    "fr": re.compile(r"\b(?:facture|montant|tva|date|le|la|et|total ttc|payer)\b", IGN),
    "es": re.compile(r"\b(?:factura|fecha|importe|iva|y|el|total)\b", IGN),
    "it": re.compile(r"\b(?:fattura|data|importo|iva|totale|e|il)\b", IGN),
    "nl": re.compile(r"\b(?:factuur|datum|bedrag|btw|totaal|en|de|het)\b", IGN),
}


# ----------------------------------------------------------------------------- helpers


@dataclass
class Candidate:
    value: str
    score: float
    tokens: list[Token]
    # what backs the value, read by _calibrate: "strong" / "weak" label, "checked" /
    # "mismatch" (arithmetic), "contested" (a close rival with another value), ...
    evidence: set[str] = field(default_factory=set)


def _value_sources(
    layout: Layout, seg: Segment, label_end: int, label_start: int | None = None
) -> Iterator[tuple[str, Segment, int, float]]:
    """Where a label's value may be: (text, segment, offset, distance penalty).

    With ``label_start``, a label that is one of several headings run together in one
    segment ("Statement date Invoice No. Account No.") takes the cell below the label
    itself, not the first cell under the segment.
    """
    rest = seg.text[label_end:]
    if rest.strip(" :#.-–"):
        yield rest, seg, label_end, 0.0
    line = layout.lines[seg.line_index]
    right = [s for s in line.segments if s.x0 >= seg.x1 - 1 and s is not seg]
    right.sort(key=lambda s: s.x0)
    for s in right[:2]:
        yield s.text, s, 0, 0.05
    if not right:
        # a slightly skewed scan splits a label and its value over two "lines"
        mid = (seg.y0 + seg.y1) / 2
        for index in (seg.line_index + 1, seg.line_index - 1):
            if not 0 <= index < len(layout.lines) or layout.lines[index].page != seg.page:
                continue
            near = layout.lines[index].segments
            if any(s.x0 < seg.x1 and s.x1 > seg.x0 for s in near):
                continue  # a line of its own under or over the label
            beside = [
                s
                for s in near
                if s.x0 >= seg.x1 - 1 and abs((s.y0 + s.y1) / 2 - mid) <= 0.9 * seg.size
            ]
            for s in beside[:2]:  # "VAT @" | "13.5%" "€113.40" a little higher
                yield s.text, s, 0, 0.08
            if beside:
                break
    # below: the next lines on the same page whose segment overlaps horizontally
    height = max(seg.size, 1e-6)
    own = seg.tokens_in(label_start, label_end) if label_start is not None else []
    lx0, lx1 = (own[0].x0, own[-1].x1) if own else (seg.x0, seg.x1)
    for offset in range(1, 4):
        index = seg.line_index + offset
        if index >= len(layout.lines):
            break
        below = layout.lines[index]
        if below.page != seg.page or below.y0 - seg.y1 > height * 3.5:
            break
        under = [s for s in below.segments if s.x0 < seg.x1 + height and s.x1 > seg.x0 - height]
        if not under:
            continue
        if len(under) > 1 and own:
            aligned = [s for s in under if s.x0 < lx1 and s.x1 > lx0]
            if aligned:
                under = aligned
        yield under[0].text, under[0], 0, 0.15 * offset
        break


def _first_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


# ----------------------------------------------------------------------------- context


@dataclass
class Context:
    layout: Layout
    text: str
    lang: str
    country: str | None
    month_first: bool
    decimal_hint: str | None
    uses_decimals: bool


DATE_LIKE = re.compile(
    r"(?<![\d.,])(?:\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4})(?![\d,]|\.\d)"
)


DAY_FIRST_DATE = re.compile(r"\b(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/\d{4}\b")


def _context(layout: Layout) -> Context:
    text = layout.doc.text
    head = text[:20000]
    scores = {lang: len(pattern.findall(head)) for lang, pattern in LANG_CUES.items()}
    lang = max(sorted(scores), key=lambda k: scores[k]) if any(scores.values()) else "en"
    country = guess_country(head)
    # "2026.03.05." or "05.03.26" is a date, not a decimal amount
    numbers = DATE_LIKE.sub(" ", head)
    dots = len(re.findall(r"\d\.\d{2}(?!\d)", numbers))
    commas = len(re.findall(r"\d,\d{2}(?!\d)", numbers))
    decimal = "." if dots >= commas else ","
    month_first = lang == "en" and country in (None, "US") and "$" in head
    if country == "US":
        month_first = True
    if country == "CA" and lang == "en":
        # "$" reads month first unless a date shows its day first ("25/03/2026")
        month_first = "$" in head and not DAY_FIRST_DATE.search(head)
    return Context(layout, text, lang, country, month_first, decimal, dots + commas >= 2)


# ----------------------------------------------------------------------------- fields


ASIDE = re.compile(r"\([^()]*(?:[^\W\d_]|%)[^()]*\)")


def _amount_in(text: str, ctx: Context) -> Amount | None:
    # an aside in brackets is not the value: "VAT (20% on £40.00)  £8.00"
    text = ASIDE.sub(lambda m: " " * len(m.group()), text)
    amounts = find_amounts(text, ctx.decimal_hint)
    if not amounts:
        return None
    # The last amount on a label line is the value column (after rates, quantities...).
    with_decimals = [a for a in amounts if re.search(r"[.,]\d{2}$", text[a.start : a.end])]
    if ctx.uses_decimals:
        return with_decimals[-1] if with_decimals else None
    return amounts[-1]


def _is_cell_value(text: str, amount: Amount) -> bool:
    """A value taken from another cell must be that cell's value, not a sentence.

    "EUR 12,479.92" or "$ 1,120.00" are values; "approx. GBP 10,650.36" is not.
    """
    return all(len(word) <= 3 for word in re.findall(r"[^\W\d_]+", text[: amount.start]))


def _amount_from_sources(
    ctx: Context, seg: Segment, label_end: int
) -> tuple[Amount, Segment, float] | None:
    """The amount a label at ``seg[:label_end]`` points at: (amount in target, target, penalty)."""
    for text, target, offset, penalty in _value_sources(ctx.layout, seg, label_end):
        amount = _amount_in(text, ctx)
        if amount is None:
            continue
        if target is not seg and not _is_cell_value(text, amount):
            continue
        return Amount(amount.value, amount.start + offset, amount.end + offset), target, penalty
    return None


def _labelled_amounts(
    ctx: Context, label: re.Pattern[str], block: re.Pattern[str] | None
) -> list[tuple[Segment, Amount, Segment, float, re.Match[str]]]:
    results = []
    for seg in ctx.layout.segments():
        match = label.search(seg.text)
        if not match:
            continue
        if block is not None and block.search(seg.text[: match.end() + 25]):
            continue
        found = _amount_from_sources(ctx, seg, match.end())
        if found is not None:
            amount, target, penalty = found
            results.append((target, amount, seg, penalty, match))
    return results


def _tokens_for(seg: Segment, start: int, end: int) -> list[Token]:
    return seg.tokens_in(start, end)


@dataclass
class _TaxOption:
    score: float
    value: Decimal
    tokens: list[Token]
    label: str  # lower-cased label text; one rate or component per distinct label
    kind: str  # "line" | "total" (a "Total VAT" line) | "column" (a VAT table column)


def _tax_lines(ctx: Context, last_page: int) -> list[_TaxOption]:
    """Tax labels with their amounts: "VAT 20%  40.00", "Total GST 90.00", "incl. VAT 3.80"."""
    layout = ctx.layout
    options: list[_TaxOption] = []
    for seg in layout.segments():
        match = TAX_WORD.search(seg.text)
        if not match:
            continue
        rate = re.match(r"[\s(@]*(\d+(?:[.,]\d+)?)\s*%", seg.text[match.end() :])
        label_key = seg.text[: match.end()].lower() + (f" {rate.group(1)}%" if rate else "")
        if TAX_INCLUDED.search(seg.text):
            # the tax inside a total: the amount nearest the tax word, before it first
            amounts = [
                a
                for a in find_amounts(seg.text, ctx.decimal_hint)
                if re.search(r"[.,]\d{2}$", seg.text[a.start : a.end]) or not ctx.uses_decimals
            ]
            before = [a for a in amounts if a.end <= match.start()]
            after = [a for a in amounts if a.start >= match.end()]
            picked = before[-1] if before else (after[0] if after else None)
            if picked is not None:
                options.append(
                    _TaxOption(
                        0.75,
                        picked.value,
                        seg.tokens_in(picked.start, picked.end),
                        label_key,
                        "line",
                    )
                )
                continue
        label_text = seg.text[: match.end() + 12]
        is_tax_total = TAX_TOTAL.search(seg.text) is not None
        if not is_tax_total:
            label_zone = re.split(r"\d", seg.text[match.start() :], maxsplit=1)[0]
            label_zone = re.sub(r"\(?%$", "", label_zone)  # "KDV (%20)": a rate, not a column
            if re.search(r"exempt|befreit|exon[ée]r|esente|exento|vrijgesteld", label_zone, IGN):
                zero = _amount_from_sources(ctx, seg, match.end())
                if zero is not None and zero[0].value == 0:
                    # "VAT (exempt) 0.00": a printed zero tax
                    tokens = zero[1].tokens_in(zero[0].start, zero[0].end)
                    options.append(_TaxOption(0.7, Decimal(0), tokens, label_key, "line"))
                continue
            if TAX_BLOCK.search(seg.text[: match.start()] + label_zone):
                continue
            if TOTAL_STRONG.search(label_text) or re.search(
                r"\b(?:total|summe|gesamt|totale|totaal|всего|итого|всього|разом|общо|укупно)\b",
                seg.text[: match.start()],
                IGN,
            ):
                continue
            if re.search(
                r"\b(?:id|no|nr|number|reg|#)\b", seg.text[match.end() : match.end() + 10], IGN
            ):
                continue
        if _is_header_cell(ctx, seg):
            column = _tax_column(ctx, seg)
            if column is not None:
                options.append(column)
            continue
        found = _amount_from_sources(ctx, seg, match.end())
        if found is not None and found[1] is not seg:
            found = _tax_cell(ctx, found)
        if found is not None:
            amount, target, penalty = found
            score = 0.8 - penalty + (0.15 if is_tax_total else 0.0)
            if seg.page == last_page:
                score += 0.05
            options.append(
                _TaxOption(
                    score,
                    amount.value,
                    target.tokens_in(amount.start, amount.end),
                    label_key,
                    "total" if is_tax_total else "line",
                )
            )
    return options


NOT_VAT_ROW = re.compile(
    r"s[ée]jour|tourist|city\s*tax|kurtaxe|ortstaxe|tasa\s*tur|soggiorno|non\s*soumis|"
    r"exon[ée]r|exempt|befreit",
    IGN,
)


def _is_header_cell(ctx: Context, seg: Segment) -> bool:
    """A short cell in a row of three or more cells without amounts (a table header; a
    total printed further right on the same line does not make it a data row)."""
    line = ctx.layout.lines[seg.line_index]
    if len(seg.text) > 24 or len(line.segments) < 3:
        return False
    plain = [s for s in line.segments if not find_amounts(s.text, ctx.decimal_hint)]
    return seg in plain and len(plain) >= 3 and len(plain) >= len(line.segments) - 1


TAX_HEADER = re.compile(
    r"cuota|\btax\b|\bvat\b|mwst|\bust\b|steuer|\btva\b|\biva\b|impuesto|imposta|\bbtw\b|"
    r"\bmoms\b|\bmva\b|\bdph\b|\bkdv\b|φπα|\bgst\b|\bpodatku\b",
    IGN,
)
BASE_HEADER = re.compile(
    r"\bbase|\bnet|netto|\bht\b|imponib|basis|grundlag|taxable|excl|z[áa]klad|bemessung|"
    r"montant\s*ht|\bgross\b|brutto|\bttc\b|total|\brate\b|\btaux\b|satz|stawka|%",
    IGN,
)


def _header_row(ctx: Context, cell: Segment) -> Line | None:
    """The table header above a cell: the nearest row above (within a few) without amounts."""
    layout = ctx.layout
    for index in range(cell.line_index - 1, max(cell.line_index - 5, -1), -1):
        line = layout.lines[index]
        if line.page != cell.page:
            return None
        if len(line.segments) >= 2 and not any(
            find_amounts(s.text, ctx.decimal_hint) for s in line.segments
        ):
            return line
    return None


def _tax_cell(
    ctx: Context, found: tuple[Amount, Segment, float]
) -> tuple[Amount, Segment, float] | None:
    """On a VAT breakdown row ("IVA 10% | 20,00 | 2,00" under "Base | Cuota") take the cell
    under the tax-amount header, not the first amount (the base)."""
    amount, target, penalty = found
    header = _header_row(ctx, target)
    if header is None:
        return found
    tax_heads = [
        s for s in header.segments if TAX_HEADER.search(s.text) and not BASE_HEADER.search(s.text)
    ]
    if not tax_heads:
        return found
    line = ctx.layout.lines[target.line_index]
    for head in tax_heads:
        for cell in line.segments:
            if cell.x0 <= head.x1 + 2 and cell.x1 >= head.x0 - 2:
                value = _amount_in(cell.text, ctx)
                if value is not None:
                    return value, cell, penalty
    return found


def _under_header(row: Line, header: Segment, tokens: list[Token]) -> bool:
    """The heading of the row that an amount sits under: the one it overlaps most, else the
    nearest by centre."""
    x0 = min(t.x0 for t in tokens)
    x1 = max(t.x1 for t in tokens)

    def overlap(seg: Segment) -> float:
        return min(x1, seg.x1) - max(x0, seg.x0)

    best = max(row.segments, key=overlap)
    if overlap(best) <= 0:
        centre = (x0 + x1) / 2
        best = min(row.segments, key=lambda s: abs((s.x0 + s.x1) / 2 - centre))
    return best is header


def _tax_column(ctx: Context, header: Segment) -> _TaxOption | None:
    """A VAT table: the tax word heads a column of amounts (one row per rate).

    The column's own total row wins; without one the rows add up.
    """
    layout = ctx.layout
    height = max(header.size, 1e-6)
    values: list[tuple[Decimal, list[Token]]] = []
    total_row: tuple[Decimal, list[Token]] | None = None
    previous_y1 = header.y1
    heading_row = layout.lines[header.line_index]
    last_heading = header is max(heading_row.segments, key=lambda s: s.x1)
    for index in range(header.line_index + 1, min(header.line_index + 60, len(layout.lines))):
        line = layout.lines[index]
        if line.page != header.page or line.y0 - previous_y1 > height * 2.5:
            break
        cell = next(
            (s for s in line.segments if s.x0 <= header.x1 + height and s.x1 >= header.x0 - height),
            None,
        )
        if cell is None:
            break
        amount = _amount_in(cell.text, ctx)
        if amount is None and last_heading and cell is not line.segments[-1]:
            # the last heading's column is the row's last cell, even when wide characters
            # shift a plain-text table ("税率 | 税额" over "13% | 1,118.00")
            cell = line.segments[-1]
            amount = _amount_in(cell.text, ctx)
        if amount is None or not _is_cell_value(cell.text, amount):
            break
        tokens = cell.tokens_in(amount.start, amount.end)
        if tokens and not _under_header(layout.lines[header.line_index], header, tokens):
            break  # the amount sits under a neighbouring heading ("Steuer | Netto | MwSt")
        previous_y1 = line.y1
        if NOT_VAT_ROW.search(line.segments[0].text) and line.segments[0] is not cell:
            continue  # a tourist tax or an exempt line printed in the same column
        leading = " ".join(s.text for s in line.segments if s.x1 <= cell.x0)
        if ROW_TOTAL.search(leading) and line.segments[0] is not cell:
            total_row = (amount.value, tokens)
            break
        values.append((amount.value, tokens))
    if total_row is not None:
        return _TaxOption(0.88, total_row[0], total_row[1], "column", "column")
    if not values:
        return None
    value = sum((v for v, _ in values), Decimal(0))
    score = 0.8 if len(values) > 1 else 0.75
    return _TaxOption(score, value, [t for _, tokens in values for t in tokens], "column", "column")


def _printed_amounts(ctx: Context) -> set[Decimal]:
    found: set[Decimal] = set()
    for seg in ctx.layout.segments():
        for amount in find_amounts(seg.text, ctx.decimal_hint):
            found.add(abs(amount.value))
    return found


def _find_totals(ctx: Context) -> tuple[Candidate | None, Candidate | None, Decimal | None]:
    layout = ctx.layout
    last_page = layout.doc.pages[-1].number if layout.doc.pages else 1
    subtotal = None
    subs = _labelled_amounts(
        ctx, SUBTOTAL_LABEL, re.compile(r"carried|brought|[üu]bertrag|report", IGN)
    )
    if subs:
        subtotal = subs[-1][1].value
    discount = Decimal(0)
    for _, discounted, _, _, _ in _labelled_amounts(ctx, DISCOUNT_LABEL, None):
        discount = abs(discounted.value)
    for _, rounded, _, _, _ in _labelled_amounts(ctx, ROUNDING_LABEL, None):
        if abs(rounded.value) < 1:
            discount -= rounded.value  # "Round off +0.24" between the taxes and the total

    tax_options = _tax_lines(ctx, last_page)

    # total
    total_candidates: list[tuple[float, Decimal, list[Token], Segment]] = []
    strong_values: set[Decimal] = set()
    for seg in layout.segments():
        strong = TOTAL_STRONG.search(seg.text)
        coded = None if strong else TOTAL_CODE.search(seg.text)
        if coded and coded.group(1).upper() not in ISO_CODES:
            coded = None
        weak = None if strong or coded else TOTAL_WEAK.search(seg.text)
        match = strong or coded or weak
        if not match or TAX_OF_TOTAL.search(seg.text):
            continue
        if any(a.start() < match.start() < a.end() for a in ASIDE.finditer(seg.text)):
            continue  # "22% = $7.75 (total $46.11)": an aside, a suggested tip
        tail = re.split(r"[\d$€£¥₹]", seg.text[match.end() :], maxsplit=1)[0][:25]
        blocking = [
            hit
            for hit in TOTAL_BLOCK.finditer(seg.text[: match.end()] + tail[:3] + _late(tail))
            if not (strong and hit.start() >= match.start() and hit.end() <= match.end())
        ]
        if blocking and not (
            strong and re.search(r"\bincl|\bttc|\binkl|brutto", seg.text[: match.end() + 20], IGN)
        ):
            continue
        found = _amount_from_sources(ctx, seg, match.end())
        if found is None:
            continue
        amount, target, penalty = found
        tokens = _tokens_for(target, amount.start, amount.end)
        score = (0.85 if strong or coded else 0.6) - penalty
        if seg.page == last_page:
            score += 0.05
        if seg.size >= layout.median_height * 1.15:
            score += 0.05
        total_candidates.append((score, amount.value, tokens, seg))
        if strong or coded:
            strong_values.add(amount.value)

    total: Candidate | None = None
    if total_candidates:
        best = max(total_candidates, key=lambda c: (c[0], c[1]))
        top_score = best[0]
        # among equally labelled candidates the largest is the total (not a page subtotal)
        peers = [c for c in total_candidates if c[0] >= top_score - 0.1]
        best = max(peers, key=lambda c: (c[1], c[0]))
        gross = _gross_before_payments(ctx, best[1], total_candidates) or _this_bill(
            ctx, best[1], total_candidates
        )
        total = Candidate(format_amount(best[1]), best[0], best[2])
        total.evidence.add("strong" if best[1] in strong_values else "weak")
        if gross is not None:
            # "Total charges 499.00 / payment -312.40 / adjustment -96.60 / Balance due 90.00"
            total = Candidate(format_amount(gross[1]), best[0], gross[2], {"strong", "checked"})
        elif len({abs(c[1]) for c in peers}) > 1:
            total.evidence.add("contested")

    tax = _choose_tax(ctx, tax_options, total, subtotal, discount)

    if total is not None and total_candidates:
        total_value = Decimal(total.value)
        if subtotal is not None and tax is not None:
            expected = subtotal - discount + Decimal(tax.value)
            if abs(expected - total_value) <= Decimal("0.02"):
                total.score += 0.1
                tax.score += 0.1
                total.evidence.add("checked")
                tax.evidence.add("checked")
            else:
                matching = [c for c in total_candidates if abs(expected - c[1]) <= Decimal("0.02")]
                if matching:
                    chosen = max(matching, key=lambda c: c[0])
                    kind = "strong" if chosen[1] in strong_values else "weak"
                    total = Candidate(
                        format_amount(chosen[1]), chosen[0] + 0.05, chosen[2], {kind, "checked"}
                    )
                    tax.evidence.add("checked")
                else:
                    total.score -= 0.1
                    total.evidence.add("mismatch")
        elif tax is not None and tax.score < 0.85:
            total.score -= 0.05
        if tax is not None and "checked" in tax.evidence:
            total.evidence.add("checked")
        elif subtotal is not None and tax is None:
            gap = total_value - (subtotal - discount)
            if gap == 0:
                total.evidence.add("checked")  # no tax: the total is the subtotal
    return total, tax, subtotal


BALANCE_LABEL = re.compile(
    r"balance|please\s*pay|amount\s*(?:due|payable)|net\s*[àa]\s*payer|reste\s*[àa]\s*payer|"
    r"restbetrag|saldo|zu\s*zahlen|noch\s*offen|te\s*betalen",
    IGN,
)


def _gross_before_payments(
    ctx: Context, balance: Decimal, candidates: list[tuple[float, Decimal, list[Token], Segment]]
) -> tuple[float, Decimal, list[Token], Segment] | None:
    """A total printed above the balance due, with the lines in between bringing it to the
    balance: payments, deposits or credits (negative amounts) taken off, a previous balance
    carried forward added on.

    The invoice total is that total (the nearest one above the balance that reconciles,
    so a discount above "Total this invoice" stays in it); the balance line is what is left
    or what is owed overall.
    """
    if balance < 0:
        return None
    lines = ctx.layout.lines
    ends = [
        c[3].line_index for c in candidates if c[1] == balance and BALANCE_LABEL.search(c[3].text)
    ]
    for candidate in sorted(candidates, key=lambda c: -c[3].line_index):
        if candidate[1] == balance or candidate[1] <= 0:
            continue
        start = candidate[3].line_index
        for end in ends:
            if end <= start + 1 or lines[end].page != lines[start].page:
                continue
            adjustment = Decimal(0)
            for line in lines[start + 1 : end]:
                label = line.segments[0].text
                for seg in line.segments:
                    found = find_amounts(seg.text, ctx.decimal_hint)
                    if not found:
                        continue
                    if found[-1].value < 0 or PREVIOUS_BALANCE.search(label):
                        adjustment += found[-1].value
            if adjustment and candidate[1] + adjustment == balance:
                return candidate
    return None


def _this_bill(
    ctx: Context, owed: Decimal, candidates: list[tuple[float, Decimal, list[Token], Segment]]
) -> tuple[float, Decimal, list[Token], Segment] | None:
    """A bill whose amount to pay adds a balance brought forward ("Balance brought forward
    14.80 / Total to pay 61.80 / ... / Total this bill 47.00"): the invoice total is the
    labelled total that the previous balance brings to the amount owed."""
    previous = [
        found[-1].value
        for line in ctx.layout.lines
        if PREVIOUS_BALANCE.search(line.segments[0].text)
        for seg in line.segments
        if (found := find_amounts(seg.text, ctx.decimal_hint)) and found[-1].value > 0
    ]
    for balance in previous:
        rest = owed - balance
        if rest <= 0:
            continue
        matching = [c for c in candidates if c[1] == rest]
        if matching:
            return max(matching, key=lambda c: c[0])
    return None


PREVIOUS_BALANCE = re.compile(
    r"previous\s*balance|balance\s*(?:brought|carried)\s*forward|balance\s*forward|"
    r"prior\s*balance|past\s*due\s*(?:balance|amount)|arrears|vorheriger\s*saldo|"
    r"saldo\s*(?:anterior|precedente|vortrag)|solde\s*(?:pr[ée]c[ée]dent|ant[ée]rieur)",
    IGN,
)


def _late(tail: str) -> str:
    """The words of a label after "Amount due" that make it another amount ("… after 04/20")."""
    hit = re.search(r"\bafter\b|\bnach\s+dem\b|apr[èe]s\s+le", tail, IGN)
    return " " + hit.group() if hit else ""


def _choose_tax(
    ctx: Context,
    options: list[_TaxOption],
    total: Candidate | None,
    subtotal: Decimal | None,
    discount: Decimal,
) -> Candidate | None:
    if total is not None:
        ceiling = abs(Decimal(total.value))
        options = [o for o in options if abs(o.value) < ceiling or ceiling == 0]
    if not options:
        return None
    choices = list(options)
    # several rates (7% and 19%) or components (CGST + SGST, GST + PST) add up
    per_label: dict[str, _TaxOption] = {}
    for option in options:
        if option.kind == "line":
            kept = per_label.get(option.label)
            if kept is None or option.score >= kept.score:
                per_label[option.label] = option
    parts = list(per_label.values())
    combined: _TaxOption | None = None
    parts_sum = sum((abs(p.value) for p in parts), Decimal(0))
    if len(parts) > 1 and (total is None or parts_sum < abs(Decimal(total.value))):
        combined = _TaxOption(
            min(p.score for p in parts) - 0.15,
            sum((p.value for p in parts), Decimal(0)),
            [t for p in parts for t in p.tokens],
            "+".join(sorted(per_label)),
            "sum",
        )
        choices.append(combined)

    # Arithmetic: net + tax = total, with the net printed somewhere (or the subtotal).
    if total is not None:
        total_value = abs(Decimal(total.value))
        printed = _printed_amounts(ctx)
        consistent = []
        for option in choices:
            tax_value = abs(option.value)
            if tax_value == 0 or tax_value >= total_value:
                continue
            net = total_value - tax_value
            if (
                subtotal is not None
                and abs(subtotal - discount + tax_value - total_value) <= Decimal("0.02")
            ) or net in printed:
                consistent.append(option)
        if consistent:
            best = max(consistent, key=lambda o: (o.score, o.kind == "sum"))
            chosen = _tax_candidate(best, total, best.score + 0.05)
            chosen.evidence.add("checked")
            return chosen

    totals_of_tax = [o for o in options if o.kind in ("total", "column") and o.score >= 0.85]
    if totals_of_tax:
        best = max(totals_of_tax, key=lambda o: o.score)
    elif combined is not None and (
        len({p.value for p in parts}) == len(parts) or _distinct_kinds(parts)
    ):
        best = combined
    else:
        best = max(options, key=lambda o: (o.score, o.tokens[0].start if o.tokens else 0))
    return _tax_candidate(best, total, best.score - 0.1)


def _distinct_kinds(parts: list[_TaxOption]) -> bool:
    """Each component is a different tax (CGST and SGST, GST and PST), so equal amounts are
    two taxes, not one printed twice."""
    kinds = []
    for part in parts:
        words = TAX_WORD.findall(part.label)
        if not words:
            return False
        kinds.append(re.sub(r"\W", "", words[-1].lower()))
    return len(set(kinds)) == len(kinds)


def _tax_candidate(option: _TaxOption, total: Candidate | None, score: float) -> Candidate:
    value = abs(option.value)
    if total is not None and Decimal(total.value) < 0 and option.value < 0:
        value = option.value  # a credit note: the tax is negative like its total
    return Candidate(format_amount(value), score, option.tokens)


RECEIPT_WORD = re.compile(
    r"receipt|quittung|kassenbon|\bbon\b|beleg|ticket|recibo|ricevuta|kvitto|paragon|folio", IGN
)
NUMBER_VALUE = re.compile(
    r"(?<![\w])((?:[^\W\d_]{1,6}[-/.])*[^\W\d_]{0,6}[-/#.]?\s?\d[\w\-/.]*\w|\d)(?![\w])"
)
SPACED_NUMBER = re.compile(r"^\s*[:#.]?\s*(\d{2,5}(?: \d{2,5}){1,4})\s*$")
LEADING_NUMBER_LABEL = re.compile(
    r"^(?:(?:no|nr|n[°º]|num)\.?|ref(?:\.|erence\b|\b(?=\s)))\s*[:#]?\s*(?=\S*\d)", IGN
)


def _number_after(
    ctx: Context, seg: Segment, match: re.Match[str], strength: float
) -> Candidate | None:
    prefix = seg.text[: match.start()]
    label = match.group()
    qualifier = match.groupdict().get("qual")
    if qualifier:
        label = label.replace(qualifier, " ", 1)
    # headings run together over a row of values ("Statement date Invoice No. Account
    # No."): the date heading before the label is its neighbour, not a qualifier
    run_in = not re.search(r"\d", seg.text) and re.search(
        r"\b(?:date|datum|fecha|data|dated)\s*[:.]?\s*$", prefix, IGN
    )
    if (NUMBER_BLOCK.search(prefix[-30:]) and not run_in) or NUMBER_BLOCK.search(label):
        return None
    if RECEIPT_WORD.search(label) and not re.search(INVOICE_WORD, label, IGN):
        strength -= 0.1  # on an invoice that is also a receipt, "Invoice #" wins
    sources = _value_sources(ctx.layout, seg, match.end(), match.start())
    for text, target, offset, penalty in sources:
        spaced = SPACED_NUMBER.match(text)
        value_match: re.Match[str] | None = spaced or NUMBER_VALUE.search(text)
        if not value_match:
            continue
        head = text[: value_match.start(1)].strip(" :#.-–")
        if (
            head
            and len(head) > 3
            and target is seg
            and (NUMBER_BLOCK.search(head) or len(head) > 14)
        ):
            continue
        value = value_match.group(1).lstrip("#").strip()  # as printed: "FT 2026/145"
        begin = value_match.start(1)
        lead = LEADING_NUMBER_LABEL.match(value)
        if lead and target is not seg:  # "INVOICE" over "No. 2216"
            value = value[lead.end() :]
            begin += lead.end()
        score = strength - penalty
        evidence = {"strong" if strength >= 0.8 else "weak"}
        if find_dates(text[begin : value_match.end(1) + 6], False):
            # "Faktura nr 15/04/2026": a date-shaped number right after its label
            if target is not seg or strength < 0.8 or penalty:
                continue
            score -= 0.2
            evidence.add("date_shaped")
        if len(value) < 2 and not value.isdigit():
            continue
        if target is not seg and NUMBER_BLOCK.search(text[:begin]):
            continue
        tokens = target.tokens_in(begin + offset, value_match.end(1) + offset)
        return Candidate(value.rstrip(".,"), score, tokens, evidence)
    return None


def _find_number(ctx: Context) -> tuple[Candidate | None, list[Candidate]]:
    """The invoice number and every other labelled candidate (for the confidence)."""
    found: list[Candidate] = []
    for seg in ctx.layout.segments():
        for pattern, strength in NUMBER_LABELS:
            matches = list(pattern.finditer(seg.text))
            if not matches:
                continue
            for match in matches:  # "Receipt #2231 · Invoice #INV-88"
                candidate = _number_after(ctx, seg, match, strength)
                if candidate is not None:
                    found.append(candidate)
            break
    if not found:
        return None, []
    best = max(found, key=lambda c: c.score)  # the first of equals
    rivals = [c for c in found if c.value.upper() != best.value.upper()]
    if any(c.score >= best.score - 0.1 for c in rivals):
        best.evidence.add("contested")
    return best, found


def _find_date(ctx: Context) -> Candidate | None:
    labelled: list[Candidate] = []
    for seg in ctx.layout.segments():
        for pattern, strength in DATE_LABELS:
            match = pattern.search(seg.text)
            if not match:
                continue
            label_zone = re.split(r"\d", seg.text[match.start() :], maxsplit=1)[0]
            if DATE_BLOCK.search(seg.text[: match.start()] + label_zone):
                break
            for text, target, offset, penalty in _value_sources(ctx.layout, seg, match.end()):
                dates = find_dates(text, ctx.month_first)
                if not dates:
                    continue
                found = dates[0]
                if target is not seg and DATE_BLOCK.search(text[: found.start]):
                    continue
                score = strength - penalty - (0.15 if found.ambiguous else 0.0)
                if seg.page == 1:
                    score += 0.05
                tokens = target.tokens_in(found.start + offset, found.end + offset)
                evidence = {"strong" if strength >= 1.0 else "weak"}
                if found.ambiguous:
                    evidence.add("ambiguous")
                labelled.append(Candidate(found.value.isoformat(), score, tokens, evidence))
                break
            break
    if labelled:
        best = max(labelled, key=lambda c: c.score)  # the first of equals
        if any(c.value != best.value and c.score >= best.score - 0.1 for c in labelled):
            best.evidence.add("contested")
        return best
    # No label: the first date on the first page that is not a due/delivery date.
    unlabelled: list[Candidate] = []
    for seg in ctx.layout.segments():
        if seg.page != 1 or DATE_BLOCK.search(seg.text):
            continue
        for found in find_dates(seg.text, ctx.month_first):
            tokens = seg.tokens_in(found.start, found.end)
            unlabelled.append(Candidate(found.value.isoformat(), 0.35, tokens, {"unlabelled"}))
    if not unlabelled:
        return None
    best = unlabelled[0]
    if len({c.value for c in unlabelled}) > 1:
        best.evidence.add("contested")
    return best


def _find_currency(ctx: Context, total: Candidate | None) -> Candidate | None:
    layout = ctx.layout
    votes: dict[str, float] = {}
    where: dict[str, list[Token]] = {}
    kinds: dict[str, set[str]] = {}
    total_line = None
    if total and total.tokens:
        total_line = (total.tokens[0].page, total.tokens[0].y0, total.tokens[0].y1)
    tokens = layout.tokens
    for position, token in enumerate(tokens):
        raw = token.text.strip("()[]:;,")
        if not raw:
            continue
        upper = raw.upper()
        codes: list[str | None] = []
        weight = 1.0
        glued = re.match(r"^(R|Rp|RM)\d", raw)
        if raw in WORD_SYMBOLS or glued:
            if glued or _next_to_amount(tokens, position):
                codes.append(WORD_SYMBOLS[glued.group(1) if glued else raw])
        elif len(upper) == 3 and upper.isalpha() and upper in CURRENT_CODES and raw.isupper():
            if upper in WORDLIKE_CODES and not _next_to_amount(tokens, position):
                continue
            codes.append(upper)
            weight = 1.5
        else:
            m = re.match(
                r"^([A-Za-z]{0,3}\$|[€£₹¥￥₩₽₺₪₫₱฿円₴₸]|rs\.?|zł|kč|fr\.|sfr\.|kr\.?)", raw, IGN
            )
            if m is None and raw == "TL":
                m = re.match(r"(TL)", raw)
            if m:
                key = m.group(1).lower()
                if key in SYMBOLS:
                    codes.append(SYMBOLS[key])
                elif key.endswith("$"):
                    codes.append(None)
            elif raw[-1:] in "€£₹¥$円원₫":
                codes.append(SYMBOLS.get(raw[-1]))
        for code in codes:
            kind = "code" if weight == 1.5 else "symbol"
            if code is None:
                code = _resolve_dollar_or_kr(ctx, token.text)
                if code is None:
                    continue
                weight = 0.9
                kind = "resolved"
            if code == "JPY" and ctx.country == "CN" and not KANA.search(ctx.text):
                code = "CNY"  # "¥" is also the yuan
            kinds.setdefault(code, set()).add(kind)
            bonus = 0.0
            if (
                total_line
                and token.page == total_line[0]
                and abs(token.y0 - total_line[1]) < (total_line[2] - total_line[1])
            ):
                bonus = 3.0
                kinds[code].add("at_total")
            votes[code] = votes.get(code, 0.0) + weight + bonus
            where.setdefault(code, [token])
    if votes:
        code = max(sorted(votes), key=lambda c: votes[c])
        share = votes[code] / sum(votes.values())
        evidence = set(kinds[code])
        if share < 0.7:
            evidence.add("contested")
        return Candidate(code, 0.55 + 0.4 * share, where[code], evidence)
    label = re.search(
        r"(?:currency|währung|devise|moneda|valuta|валюта|đ[ơo]n\s*v[ịi]\s*ti[ềe]n\s*t[ệe]|통화|币种|幣別)"
        r"\s*[:.]?\s*([A-Z]{3})\b",
        ctx.text,
        IGN,
    )
    if label and label.group(1).upper() in ISO_CODES:
        span_tokens = [
            t for t in layout.tokens if t.start >= label.start(1) and t.end <= label.end(1) + 1
        ]
        return Candidate(label.group(1).upper(), 0.8, span_tokens, {"label"})
    if ctx.country:
        code = territory_currency(ctx.country)
        if code:
            cue = [
                t
                for t in layout.tokens
                if COUNTRY_NAMES.get(t.text.strip(",.").lower()) == ctx.country
            ]
            return Candidate(code, 0.3, cue[:1], {"territory"})
    return None


KANA = re.compile(r"[\u3040-\u30ff]")


def _next_to_amount(tokens: list[Token], position: int) -> bool:
    """The token right before or after (on the same line) is an amount."""
    token = tokens[position]
    for index in (position - 1, position + 1):
        if not 0 <= index < len(tokens):
            continue
        other = tokens[index]
        if other.page != token.page or other.y0 >= token.y1 or other.y1 <= token.y0:
            continue
        if re.fullmatch(r"[-−(]?\d[\d.,'’\u00a0\u202f]*\)?", other.text.strip(":;")):
            return True
    return False


DOLLAR_CODES = frozenset(
    {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP", "JMD", "TTD"}
)
KRONA_CODES = frozenset({"SEK", "NOK", "DKK", "ISK"})


def _resolve_dollar_or_kr(ctx: Context, raw: str) -> str | None:
    is_kr = raw.lower().startswith("kr")
    # a code printed elsewhere in the document ("Amount NZD", "Moneda: MXN") settles it
    codes: set[str] = set(re.findall(r"\b([A-Z]{3})\b", ctx.text))
    printed = codes & (KRONA_CODES if is_kr else DOLLAR_CODES)
    if len(printed) == 1:
        return printed.pop()
    if is_kr:
        return {"SE": "SEK", "NO": "NOK", "DK": "DKK"}.get(ctx.country or "", "SEK")
    return {
        "CA": "CAD",
        "AU": "AUD",
        "NZ": "NZD",
        "SG": "SGD",
        "HK": "HKD",
        "MX": "MXN",
        "CL": "CLP",
        "CO": "COP",
        "AR": "ARS",
    }.get(ctx.country or "", "USD")


def _clean_name(text: str) -> str:
    text = text.replace("**", "").replace("__", "")
    text = re.split(r"\s+[·|•–—-]\s+|\s{2,}|,\s*(?=\d)", text)[0]
    return text.strip(" :,-–·|#>*_")


PAYEE = re.compile(
    r"(?:payable\s+to|pay\s+to|payee|beneficiary|account\s+(?:name|holder)|"
    r"zahlungsempf[äa]nger|kontoinhaber|beg[üu]nstigter|b[ée]n[ée]ficiaire|titulaire|titular|"
    r"beneficiario|intestat(?:ario|o\s+a)|begunstigde|t\.?n\.?v\.?|ten\s+name\s+van|"
    r"mottagare|betalningsmottagare)\s*[:.]?\s*(?P<name>[^\W\d_][^\n,;·|:(]{2,60})",
    IGN,
)
CLOSING = re.compile(
    r"^(?:(?:kind|best|warm|many)\s+)?(?:regards|thanks|thank\s+you|cheers|sincerely|"
    r"yours(?:\s+(?:sincerely|faithfully|truly))?|best(?:\s+wishes)?|"
    r"(?:met\s+)?vriendelijke\s+groet(?:en)?|groet(?:en|jes)?|"
    r"(?:mit\s+)?(?:freundlichen|besten|viele|liebe)\s+gr[üu](?:ß|ss)en?|gr[üu](?:ß|ss)e|"
    r"cordialement|bien\s+[àa]\s+vous|salutations|(?:un\s+)?(?:cordial\s+)?saludos?(?:\s+cordiales)?|"
    r"atentamente|(?:cordiali|distinti)\s+saluti|un\s+saluto|"
    r"(?:med\s+)?v[äa]nli(?:g|ga)\s+h[äa]lsning(?:ar)?|h[äa]lsningar|"
    r"med\s+(?:venlig|vennlig)\s+hilsen|pozdrawiam|z\s+powa[żz]aniem|atenciosamente|"
    r"cumprimentos|ng[āa]\s+mihi(?:\s+nui)?|met\s+groet|mvh|venlig\s+hilsen|"
    r"saludos\s+cordiales|un\s+caro\s+saluto)\b[\s,.!]*$",
    IGN,
)
SENDER = re.compile(
    r"^(?:from|von|van|de|da|fra|od|från)\s*:\s*\"?(?P<name>[^<\"\n@]+?)\"?\s*<", IGN | re.M
)
LETTERS = re.compile(r"[^\W\d_]{2}")


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _persons(ctx: Context, lines: list[Line]) -> tuple[set[str], set[int]]:
    """Names of people (an e-mail's sender, the name under a closing) and the line indexes
    just below such a signature name, where a sole trader's business name usually is."""
    names = {" ".join(_norm_words(m.group("name"))) for m in SENDER.finditer(ctx.text)}
    below: set[int] = set()
    layout = ctx.layout
    for position, line in enumerate(lines):
        if len(line.segments) != 1 or not CLOSING.match(line.segments[0].text.strip()):
            continue
        for follower in lines[position + 1 : position + 3]:
            text = follower.segments[0].text.strip()
            words = _norm_words(text)
            if 1 <= len(words) <= 3 and not re.search(r"\d|@", text):
                names.add(" ".join(words))
                index = layout.lines.index(follower)
                below.update((index + 1, index + 2))
                break
    for line in lines:
        joined = " ".join(_norm_words(" ".join(seg.text for seg in line.segments)))
        if joined and joined in names:
            index = layout.lines.index(line)
            below.update((index + 1, index + 2))
    return {n for n in names if n}, below


def _find_vendor(ctx: Context) -> tuple[Candidate | None, list[Candidate]]:
    layout = ctx.layout
    lines = [line for line in layout.lines if line.page == 1]
    if not lines:
        return None, []
    page_h = layout.page_sizes[1][1]
    buyer_zones: list[tuple[int, float, float]] = []
    vendor_zones: list[tuple[int, float, float]] = []
    for line in lines:
        for seg in line.segments:
            if BUYER_LABEL.search(seg.text):
                buyer_zones.append((layout.lines.index(line), seg.x0, seg.x1))
            elif VENDOR_LABEL.search(seg.text):
                vendor_zones.append((layout.lines.index(line), seg.x0, seg.x1))
    texts_all = layout.doc.text.lower()
    payees = [" ".join(_norm_words(m.group("name"))) for m in PAYEE.finditer(ctx.text)]
    payees = [p for p in payees if len(p) >= 4]
    persons, below_person = _persons(ctx, lines)
    # A forwarded e-mail: what is above the forwarded message is the forwarder's
    forwarded = next(
        (layout.lines.index(line) for line in lines if FORWARD_MARK.search(line.segments[0].text)),
        -1,
    )
    candidates: list[Candidate] = []
    where: dict[int, tuple[Segment, int]] = {}
    max_size = max((seg.size for line in lines for seg in line.segments), default=1.0)
    for line in lines:
        index = layout.lines.index(line)
        table_row = len(line.segments) >= 3
        with_amounts = table_row and any(
            find_amounts(s.text, ctx.decimal_hint) for s in line.segments
        )
        for seg, piece, tokens in _line_pieces(line):
            if len(piece) < 2 or len(piece) > 70 or not LETTERS.search(piece):
                continue
            if len(re.findall(r"[^\W\d_]", piece)) < 3:
                continue  # "oc", "Nº": a two-letter fragment (OCR noise, a mark) is no name
            digits = sum(c.isdigit() for c in piece)
            if digits > len(piece) * 0.3:
                continue
            # a bare legal form ("EG", "AG" as a logo) is not a name with one
            has_suffix = _has_legal_form(piece) and not re.fullmatch(
                SUFFIX_CORE, piece.strip(), IGN
            )
            if NOT_VENDOR.search(piece) and not has_suffix:
                continue
            if NOT_VENDOR.search(piece) and re.search(r"@|www\.|http|iban|tel\b|phone", piece, IGN):
                continue
            if NUMBER_ID.search(piece):
                continue  # "License #PL-44102", "İrsaliye No"
            if seg.text.rstrip().endswith(":") and not has_suffix:
                continue  # "Mã số thuế:", "Address:": a label, its value is elsewhere
            if find_dates(piece, False) or (
                re.match(r"^[^\W\d_][\w .'-]{0,45}:\s*\S", piece) and not has_suffix
            ):
                continue  # a "label: value" field, not a name
            score = 0.2
            evidence: set[str] = set()
            if has_suffix:
                score += 0.35
                evidence.add("legal")
            if piece != seg.text.strip() and COMPANY_ID.search(seg.text) and not digits:
                score += 0.1  # "Brasserie du Parc SRL · Rue … · TVA BE 0712.345.678"
            rel = seg.size / max_size if max_size else 0
            score += 0.25 * rel
            top = seg.y0 / page_h if page_h else 1
            if top < 0.2:
                score += 0.2
            elif top < 0.35:
                score += 0.1
            elif top > 0.8:
                score -= 0.15
            words = _norm_words(piece)
            key = " ".join(words)
            if len(key) >= 4 and len(re.findall(_word_re(piece.lower()), texts_all)) > 1:
                score += 0.1
            reach = 6 if NAME_LABEL.match(seg.text) else 2  # "Denominazione:" a few lines down
            for zone_line, x0, x1 in vendor_zones:
                if 0 <= index - zone_line <= reach and seg.x0 < x1 + 20 and seg.x1 > x0 - 20:
                    score += 0.55  # an explicit "Seller:" / "From:" outweighs a logo
                    evidence.add("labelled")
            for zone_line, x0, x1 in buyer_zones:
                if any(zone_line < v <= index for v, _, _ in vendor_zones):
                    continue  # a seller block starts between the buyer label and the line
                if 0 <= index - zone_line <= 4 and seg.x0 < x1 + 40 and seg.x1 > x0 - 40:
                    score -= 0.6
            if any(key.startswith(p) or (len(key) >= 6 and p.startswith(key)) for p in payees):
                score += 0.35  # "Make all checks payable to Megan Ruiz"
                evidence.add("labelled")
            if key in persons and not has_suffix:
                score -= 0.3  # a person signing an e-mail, not the business
            elif index in below_person and not has_suffix and len(words) <= 5:
                score += 0.3  # the business line under the signature name
                evidence.add("labelled")
            if piece.isupper() and len(piece.split()) == 1 and not has_suffix:
                score -= 0.1
            if BARE_DOMAIN.fullmatch(piece):
                score -= 0.3  # "marrowandmint.co.uk": a web address, the name is elsewhere
            if BUYER_LABEL.search(piece) or VENDOR_LABEL.search(piece):
                continue
            if _is_status_word(piece):
                continue  # a PAID / OVERDUE stamp
            if FORWARD_MARK.search(piece):
                continue
            if index < forwarded:
                continue  # the forwarder's own signature or company
            if with_amounts:
                score -= 0.35  # an item row
            elif table_row:
                score -= 0.15
            if len(words) > 7 or (len(words) > 4 and piece.endswith((".", "!", "?"))):
                score -= 0.15  # a sentence, not a name
            if len(re.findall(_word_re(piece.lower()), texts_all)) > 1:
                evidence.add("repeated")
            candidate = Candidate(piece, score, tokens, evidence)
            where[id(candidate)] = (seg, index)
            candidates.append(candidate)
    if not candidates:
        return None, []
    first_line = min(index for _, index in where.values())
    for candidate in candidates:
        if where[id(candidate)][1] == first_line:
            candidate.score += 0.1  # the letterhead is the first thing printed
    best = max(candidates, key=lambda c: c.score)
    key = " ".join(_norm_words(best.value))
    for other in candidates:
        other_key = " ".join(_norm_words(other.value))
        distinct = other_key and other_key not in key and key not in other_key
        if distinct and other.score >= best.score - 0.15:
            best.evidence.add("contested")
    best = _expand_acronym(best, candidates)
    return _complete_vendor_name(ctx, best, *where[id(best)], persons), candidates


# Registration and tax identifiers printed on the issuer's own legal line.
COMPANY_ID = re.compile(
    r"\b(?:vat|tva|btw|ust-?id(?:nr)?|mwst|uid|kvk|rcs|siret|siren|nif|cif|p\.?\s?iva|"
    r"abn|acn|gstin|org\.?\s?nr|i[čc]o|di[čc]|vkn|αφμ|hrb|hra|company\s+(?:no|number)|"
    r"registered\s+in|reg\.?\s*no|nip|regon|krs|cvr|y-tunnus)\b",
    IGN,
)
BARE_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,})+", IGN)
NUMBER_ID = re.compile(r"#\s*[A-Z]{0,4}-?\d|\b(?:no|nr|n[°º])\.?\s*[:#]?\s*$", IGN)


def _word_re(text: str) -> str:
    return r"(?<!\w)" + re.escape(text) + r"(?!\w)"


def _expand_acronym(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """A logo acronym ("aws") stands for a full legal name printed elsewhere."""
    letters = best.value.replace(".", "").strip()
    if not (2 <= len(letters) <= 5 and letters.isalpha()) or _has_legal_form(best.value):
        return best
    for other in sorted(candidates, key=lambda c: -c.score):
        if other is best or not _has_legal_form(other.value):
            continue
        initials = "".join(w[0] for w in _norm_words(other.value))
        if initials.startswith(letters.lower()):
            return Candidate(other.value, best.score - 0.05, other.tokens, {"legal", "acronym"})
    return best


def _is_status_word(text: str) -> bool:
    stripped = text.strip(" !.:*/")
    for pattern, _ in STATUS_VALUES:
        m = pattern.search(stripped)
        if m and len(m.group()) >= len(stripped) - 2:
            return True
    return False


def _left_chain(segments: list[Segment], seg: Segment) -> list[Segment]:
    """The pieces printed just left of ``seg`` at its height (up to three, nearest last)."""
    mid = (seg.y0 + seg.y1) / 2
    chain: list[Segment] = []
    edge = seg.x0
    while len(chain) < 3:
        beside = [
            s
            for s in segments
            if s.x1 <= edge + 1
            and edge - s.x1 <= seg.size * 1.5
            and abs((s.y0 + s.y1) / 2 - mid) <= 0.9 * seg.size
            and 0.6 * seg.size <= s.size <= 1.6 * seg.size
            and s not in chain
        ]
        if not beside and chain and chain[0].size < 0.8 * seg.size:
            # a short lower-case tail ("ce" of "Hausmeisterservi ce") reads smaller
            beside = [
                s
                for s in segments
                if s.x1 <= edge + 1
                and edge - s.x1 <= chain[0].size
                and abs((s.y0 + s.y1) / 2 - mid) <= 0.9 * seg.size
            ]
        if not beside:
            break
        nearest = max(beside, key=lambda s: s.x1)
        chain.insert(0, nearest)
        edge = nearest.x0
    if chain and chain[-1].size < 0.6 * seg.size:
        return []
    return chain


def _join_pieces(pieces: list[Segment], ocr: bool) -> str:
    """Pieces of one line of text. On a scan or photo a word cut in two by OCR
    ("Hausmeisterservi" "ce": barely apart, lower case on both sides) is glued back."""
    tokens = [t for piece in pieces for t in piece.tokens]
    text = tokens[0].text
    for before, after in zip(tokens, tokens[1:], strict=False):
        height = min(before.y1 - before.y0, after.y1 - after.y0)
        tight = ocr and after.x0 - before.x1 <= 0.25 * height
        if tight and text[-1:].islower() and after.text[:1].islower():
            text += after.text
        else:
            text += " " + after.text
    return text.strip()


def _name_start(text: str) -> bool:
    """Can `text` be the first part of a name completed by a legal-form line: no digits, no
    label, no status word, no legal form of its own?"""
    return not (
        re.search(r"\d", text)
        or NOT_VENDOR.search(text)
        or _has_legal_form(text)
        or _is_status_word(text)
        or VENDOR_LABEL.search(text)
        or BUYER_LABEL.search(text)
    )


def _complete_vendor_name(
    ctx: Context,
    best: Candidate,
    seg: Segment,
    index: int,
    persons: frozenset[str] | set[str] = frozenset(),
) -> Candidate:
    """Names printed over two lines, or with their legal form only in the footer.

    "Quantum Ledger" / "Software, Inc." on two aligned lines is one name; a letterhead
    "TRANSPORTS LEFÈVRE & FILS" whose legal line says "Transports Lefèvre & Fils SAS"
    takes the legal form.
    """
    layout = ctx.layout
    has_suffix = _has_legal_form(best.value)
    starts_segment = bool(best.tokens) and best.tokens[0] is seg.tokens[0]
    if not has_suffix and best.value == seg.text.strip():
        tail = _bare_legal_tail(layout, seg, index)
        if tail is not None:
            return Candidate(
                f"{best.value} {tail.text.strip()}",
                best.score,
                best.tokens + tail.tokens,
                best.evidence | {"joined", "legal"},
            )
    if has_suffix and starts_segment:
        # a tilted scan or photo puts the start of the name on the next or previous "line"
        for near in (index - 1, index + 1):
            if not 0 <= near < len(layout.lines) or layout.lines[near].page != seg.page:
                continue
            chain = _left_chain(layout.lines[near].segments, seg)
            if not chain:
                continue
            text = _join_pieces(chain, ctx.layout.doc.method in ("ocr", "mixed"))
            if len(text.split()) <= 4 and _name_start(text):
                return Candidate(
                    f"{text} {best.value}",
                    best.score,
                    [t for piece in chain for t in piece.tokens] + best.tokens,
                    best.evidence | {"joined"},
                )
    for back in range(1, 4) if has_suffix and starts_segment else ():
        if index - back < 0 or layout.lines[index - back].page != seg.page:
            break
        for upper in layout.lines[index - back].segments:
            if -1 <= seg.y0 - upper.y1 <= seg.size * 0.9:
                aligned = (
                    abs(upper.x0 - seg.x0) <= 3
                    or abs(upper.x1 - seg.x1) <= 3
                    or abs((upper.x0 + upper.x1) - (seg.x0 + seg.x1)) <= 6
                )
                text = _clean_name(upper.text)
                if (
                    aligned
                    and text == upper.text.strip()
                    and upper.size >= seg.size * 0.9
                    and len(text) <= 40
                    and _name_start(text)
                    and " ".join(_norm_words(text)) not in persons  # the signer above the firm
                    and not set(_norm_words(_fold(text))) & set(_norm_words(_fold(best.value)))
                ):
                    return Candidate(
                        f"{text} {best.value}",
                        best.score,
                        upper.tokens + best.tokens,
                        best.evidence | {"joined"},
                    )
    # the legal form (and a word or two more) printed with the name elsewhere
    legal = re.search(
        re.escape(best.value) + r"(?:[ \t]+[^\W\d_][\w&-]*){0,2},?[ \t]+" + SUFFIX_CORE,
        ctx.text,
        IGN,
    )
    if legal:
        tokens = [t for t in layout.tokens if t.start >= legal.start() and t.end <= legal.end()]
        if tokens:
            value = ctx.text[legal.start() : legal.end()].strip()
            return Candidate(value, best.score, tokens, best.evidence | {"legal", "repeated"})
    return best


def _bare_legal_tail(layout: Layout, seg: Segment, index: int) -> Segment | None:
    """A legal form printed on its own next to the name: centred under it on a narrow
    receipt ("Bio-Markt Lindenhof" / "GmbH"), or just right of it on the line a tilted
    scan puts a little higher or lower ("Atelier Morvan" "SARL")."""
    mid = (seg.y0 + seg.y1) / 2
    for near in (index + 1, index - 1):
        if not 0 <= near < len(layout.lines) or layout.lines[near].page != seg.page:
            continue
        for other in layout.lines[near].segments:
            if not re.fullmatch(SUFFIX_CORE, other.text.strip(), IGN):
                continue
            if not 0.7 * seg.size <= other.size <= 1.4 * seg.size:
                continue
            below = (
                near == index + 1
                and 0 <= other.y0 - seg.y1 <= seg.size
                and seg.x0 - 1 <= other.x0
                and other.x1 <= seg.x1 + 1
            )
            beside = (
                0 <= other.x0 - seg.x1 <= 1.5 * seg.size
                and abs((other.y0 + other.y1) / 2 - mid) <= 0.9 * seg.size
            )
            if below or beside:
                return other
    return None


FORWARD_MARK = re.compile(
    r"^[-=_ ]*(?:forwarded\s*message|begin\s*forwarded\s*message|"
    r"weitergeleitete\s*nachricht|message\s*transf[ée]r[ée]|"
    r"mensaje\s*reenviado|messaggio\s*inoltrato|doorgestuurd\s*bericht)\b",
    IGN,
)

# A name field inside a party block ("Denominazione: …", "Company name: …").
NAME_LABEL = re.compile(
    r"^(?:denominazione|ragione\s*sociale|raz[óo]n\s*social|raison\s*sociale|"
    r"d[ée]nomination|(?:company|business|legal|trading)\s*name|firmenname|firma|"
    r"nazwa(?:\s*firmy)?|nome|nombre|raz[ãa]o\s*social|nome\s*empresarial|naziv|наименование|найменування|назва|상호|회사명|"
    r"t[êe]n\s*c[ôo]ng\s*ty|名称|名稱)\s*[:.：]\s*",
    IGN,
)


def _letter_spaced(seg: Segment) -> str | None:
    """A letter-spaced logo word ("F E N W I C K") read as the word it spells."""
    tokens = seg.tokens
    if len(tokens) >= 2 and all(len(t.text) == 1 and t.text.isalpha() for t in tokens):
        return "".join(t.text for t in tokens)
    return None


def _line_pieces(line: Line) -> Iterator[tuple[Segment, str, list[Token]]]:
    """Name candidates of a line: each segment's, or the whole line when it is a
    letter-spaced logo ("F E N W I C K  S T U D I O  L T D")."""
    words = [_letter_spaced(seg) for seg in line.segments]
    if all(words) and sum(len(w or "") for w in words) >= 4:
        tokens = [t for seg in line.segments for t in seg.tokens]
        yield line.segments[0], " ".join(w or "" for w in words), tokens
        return
    for seg in line.segments:
        for piece, tokens in _vendor_pieces(seg):
            yield seg, piece, tokens


def _vendor_pieces(seg: Segment) -> Iterator[tuple[str, list[Token]]]:
    text = seg.text
    label = VENDOR_LABEL.search(text) or NAME_LABEL.search(text)
    start = label.end() if label else 0
    name = _clean_name(text[start:])
    if not name:
        return
    begin = text.find(name, start)
    yield name, seg.tokens_in(begin, begin + len(name))


# A sentence saying the invoice has been paid: "Paid by card on file", "Réglé CB Visa",
# "Betrag dankend bar erhalten", "Zahlung erhalten", a receipt's "Date paid".
PAID_STATEMENT = re.compile(
    r"\b(?:paid|pay[ée]|r[ée]gl[ée]|pagad[oa]|pago|bezahlt|betaald|betalt|pagat[oa])\s+"
    r"(?:by|with|via|using|par|en|per|mit|con|em|por|in|met|med)\s+"
    r"(?:card|credit|debit|cash|visa|master|amex|paypal|cb|carte|esp[eè]ces|ch[èe]que|tarjeta|"
    r"efectivo|numer[aá]rio|dinheiro|cart[aã]o|karte|bar|ec|contanti|carta|cheque|check|bank|"
    r"direct|apple|google|pin|kort|kontant)|"
    r"^r[ée]gl[ée]\s+(?:cb|carte|esp)|zahlung\s+(?:dankend\s+)?erhalten|dankend\s+(?:bar\s+)?erhalten|"
    r"betrag\s+(?:bar\s+)?erhalten|^date\s+paid\b|^paid\s+on\b|"
    # "Check #5512 received 03/09/2026." (no amount: not a part payment on a statement)
    r"\b(?:check|cheque)\s*(?:#|no\.?)?\s*\d+\s+received\b(?![^\n]*\d[.,]\d{2}\b)",
    IGN | re.M,
)


def _find_status(ctx: Context) -> Candidate | None:
    best: Candidate | None = None
    for seg in ctx.layout.segments():
        said = PAID_STATEMENT.search(seg.text)
        negated = r"\b(?:not|nicht|pas|non|no|niet|inte|ikke)\s+(?:yet\s+|encore\s+|noch\s+)?$"
        if said and not re.search(negated, seg.text[: said.start()], IGN):
            cand = Candidate("paid", 0.6, seg.tokens_in(said.start(), said.end()))
            if best is None or cand.score > best.score:
                best = cand
    for seg in ctx.layout.segments():
        text = seg.text.strip()
        label = STATUS_LABEL.search(text)
        if label:
            for value_text, target, offset, penalty in _value_sources(ctx.layout, seg, label.end()):
                for pattern, value in STATUS_VALUES:
                    m = (
                        pattern.search(value_text.strip(" :"))
                        if value != "due"
                        else pattern.search(value_text.strip(" :").split("  ")[0])
                    )
                    if m:
                        stripped = value_text.strip(" :")
                        pos = value_text.find(stripped) + m.start()
                        tokens = target.tokens_in(pos + offset, pos + offset + len(m.group()))
                        cand = Candidate(value, 0.9 - penalty, tokens)
                        if best is None or cand.score > best.score:
                            best = cand
                        break
                else:
                    continue
                break
            continue
        # a stamp: the status word alone in its cell, usually large (a table header's
        # "DUE" column, printed like the other headings, is a label, not a stamp)
        words = text.split()
        if 1 <= len(words) <= 3 and len(text) <= 20 and not _is_column_heading(ctx, seg):
            for pattern, value in STATUS_VALUES:
                m = pattern.search(text)
                if m and len(m.group()) >= len(text.strip(" !.:*")) - 1:
                    if value == "due" and not (
                        text.isupper() or seg.size > ctx.layout.median_height * 1.5
                    ):
                        continue
                    score = 0.7 + (0.1 if seg.size > ctx.layout.median_height * 1.5 else 0)
                    cand = Candidate(value, score, list(seg.tokens))
                    if best is None or cand.score > best.score:
                        best = cand
                    break
    return best


def _is_column_heading(ctx: Context, seg: Segment) -> bool:
    """A cell of a table header printed at the size of the other headings (a stamp over
    the header row is larger)."""
    if not _is_header_cell(ctx, seg):
        return False
    others = [s.size for s in ctx.layout.lines[seg.line_index].segments if s is not seg]
    return bool(others) and seg.size <= 1.2 * max(others)


def _document_type(ctx: Context, total: Candidate | None, tax: Candidate | None) -> str:
    head = "\n".join(seg.text for seg in ctx.layout.segments()[:80])
    for name, pattern in DOC_TYPES:
        if pattern.search(head):
            return name
    for name, pattern in DOC_TYPES:
        if pattern.search(ctx.text[:30000]):
            return name
    if total is not None and total.score >= 0.8:
        return "invoice"
    if total is not None and tax is not None:
        return "receipt"  # a total and a tax line without a title: a till receipt
    return "other"


def _field(candidate: Candidate | None, confidence: float | None = None) -> FieldValue:
    if candidate is None or not candidate.value:
        return EMPTY
    if confidence is None:
        confidence = candidate.score
    confidence = max(0.05, min(0.99, confidence))
    return FieldValue(candidate.value, round(confidence, 3), source_of(candidate.tokens))


# A fixed window, not one around today: the same document always gets the same confidence.
PLAUSIBLE_YEARS = (1995, 2099)


def _calibrate(name: str, candidate: Candidate | None, ctx: Context) -> float:
    """A confidence that says how much evidence backs the value, not how well it scored.

    Each field starts from what found it (a strong or a weak label, a fallback) and loses
    confidence when a rival value scored close, when a cross-check failed or could not be
    made, or when the value is implausible; cross-checks that hold raise it.
    """
    if candidate is None or not candidate.value:
        return 0.0
    ev = candidate.evidence
    score = min(candidate.score, 0.99)
    if name == "vendor_name":
        conf = score
        if not ev & {"legal", "labelled"}:
            conf = min(conf, 0.7 if "repeated" in ev else 0.6)  # a heuristic pick
        if "contested" in ev:
            conf -= 0.15
        if "joined" in ev:
            conf -= 0.05
        if FRAGMENT.search(candidate.value) or re.fullmatch(SUFFIX_CORE, candidate.value, IGN):
            conf = min(conf, 0.4)  # "& Maleri AB", "Co.": a piece of a name split apart
    elif name == "invoice_number":
        conf = score
        if "weak" in ev:
            conf = min(conf, 0.65)
        if "contested" in ev:
            conf -= 0.15
        if "date_shaped" in ev:
            conf = min(conf, 0.7)
    elif name == "invoice_date":
        if "unlabelled" in ev:
            conf = 0.3 if "contested" in ev else 0.45
        else:
            conf = 0.92 if "strong" in ev else 0.82
            base = (1.0 if "strong" in ev else 0.7) + 0.05
            conf -= max(0.0, base - score - (0.15 if "ambiguous" in ev else 0.0))  # value below
            if "ambiguous" in ev:
                conf -= 0.2
            if "contested" in ev:
                conf -= 0.2
        if not PLAUSIBLE_YEARS[0] <= int(candidate.value[:4]) <= PLAUSIBLE_YEARS[1]:
            conf *= 0.5  # a birth date, a founding year, a misread
    elif name == "total_amount":
        strong = "strong" in ev
        if "checked" in ev:
            conf = 0.96 if strong else 0.9
        elif "mismatch" in ev:
            conf = 0.6 if strong else 0.4
        else:
            conf = 0.85 if strong else 0.55
        if "contested" in ev and "checked" not in ev:
            conf -= 0.15
        if Decimal(candidate.value) == 0:
            conf = min(conf, 0.5)
    elif name == "tax_amount":
        conf = min(max(score, 0.9), 0.96) if "checked" in ev else min(score - 0.05, 0.72)
    elif name == "currency":
        if "territory" in ev:
            conf = 0.3
        elif "label" in ev:
            conf = 0.85
        elif "code" in ev or ("symbol" in ev and "at_total" in ev):
            conf = 0.96 if "at_total" in ev else 0.9
        elif "symbol" in ev:
            conf = 0.85
        else:  # a bare "$" or "kr" read from the country
            conf = 0.8 if ctx.country else 0.6
        if "contested" in ev:
            conf -= 0.2
    else:
        conf = score
    if ctx.layout.doc.method in ("ocr", "mixed") and name in ("vendor_name", "invoice_number"):
        conf *= 0.85  # read by OCR: a letter or digit may be misread
    return max(0.05, min(0.99, conf))


FRAGMENT = re.compile(r"^(?:[&+,.\-]|(?:and|und|et|y|e|di|de|von|van)\s)", IGN)


def extract(doc: ParsedDocument) -> ExtractionResult:
    layout = build_layout(doc)
    ctx = _context(layout)
    total, tax, _ = _find_totals(ctx)
    doc_type = _document_type(ctx, total, tax)
    if doc_type == "other":
        return ExtractionResult("other", dict.fromkeys(FIELD_NAMES, EMPTY))
    number, _numbers = _find_number(ctx)
    found = {
        "vendor_name": _find_vendor(ctx)[0],
        "invoice_number": number,
        "invoice_date": _find_date(ctx),
        "total_amount": total,
        "tax_amount": tax,
        "currency": _find_currency(ctx, total),
        "status": _find_status(ctx),
    }
    fields = {name: _field(c, _calibrate(name, c, ctx)) for name, c in found.items()}
    return ExtractionResult(doc_type, fields)
