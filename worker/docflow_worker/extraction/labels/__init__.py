"""Label patterns (being moved into per-language tables)."""

from __future__ import annotations

import re

IGN = re.IGNORECASE


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
