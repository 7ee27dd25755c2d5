"""Layout-aware invoice field extraction.

Each field is found as *label → value*: a multilingual label pattern in a layout segment,
and the value in the rest of that segment, the next segment to the right, or the segment
just below. Candidates are scored (label strength, position, type checks, arithmetic
cross-checks between subtotal, tax and total) and the confidence reflects that score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from docflow_worker.extraction import EMPTY, FIELD_NAMES, ExtractionResult, FieldValue
from docflow_worker.extraction._layout import Layout, Segment, Token, build_layout, source_of
from docflow_worker.extraction._values import (
    COUNTRY_NAMES,
    ISO_CODES,
    SYMBOLS,
    WORDLIKE_CODES,
    Amount,
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
    r"lasku|fatura|nota fiscal)"
)
NUMBER_LABELS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            INVOICE_WORD + r"\.?\s*[-_]?\s*(?:no\b\.?|nr\b\.?|n[°ºo.]\.?|num(?:ber|[ée]ro)?\b\.?|"
            r"#|id\b|nummer|number|ref\b\.?)\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (re.compile(r"rechnungsnummer|belegnummer|beleg-?nr\.?|factuurnummer|fakturanummer", IGN), 1.0),
    (
        re.compile(
            r"(?:n[°º]|num[ée]ro|n\.|nr\.?|número|numero)\s*(?:de\s+|di\s+)?"
            + INVOICE_WORD
            + r"\s*[:#.]?",
            IGN,
        ),
        1.0,
    ),
    (re.compile(r"(?:document|doc)\s*(?:no|nr|number|#)\.?\s*[:#]?", IGN), 0.7),
    (re.compile(r"^(?:tax\s+)?" + INVOICE_WORD + r"\s*[:#]?$", IGN), 0.75),  # title then value
    (
        re.compile(
            r"^(?:tax\s+)?" + INVOICE_WORD + r"(?:\s*[#:]\s*|\s+)(?=[A-Z]{0,4}[-/]?\d)", IGN
        ),
        0.8,
    ),
    (re.compile(r"\b(?:reference|ref\.?|our ref)\s*(?:no\.?|number)?\s*[:#]?", IGN), 0.45),
]
NUMBER_BLOCK = re.compile(
    r"customer|client|kunde|order|bestell|commande|pedido|ordine|po\b|p\.o\.|purchase|"
    r"account|konto|vat|tax id|ust-?id|siret|siren|iban|phone|tel|fax|steuer|gstin|abn|"
    r"delivery|liefer|livraison|contract|vertrag|date|datum|fecha|data\b|page|seite",
    IGN,
)

DATE_LABELS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            r"(?:invoice|inv\.?|bill|tax point)\s*date|date\s+of\s+(?:issue|invoice)|"
            r"issue\s*date|issued(?:\s+on)?|date\s+issued|rechnungsdatum|belegdatum|"
            r"ausstellungsdatum|rechnungs-?datum|date\s+(?:de\s+)?(?:la\s+)?facture|"
            r"date\s+d['’]?\s*[ée]mission|fecha\s+(?:de\s+)?(?:la\s+)?(?:factura|emisi[oó]n|expedici[oó]n)|"
            r"data\s+(?:della\s+)?(?:fattura|documento|emissione)|factuurdatum|fakturadatum",
            IGN,
        ),
        1.0,
    ),
    (re.compile(r"\b(?:date|datum|fecha|data|dated|le)\b\s*[:.]?", IGN), 0.7),
]
DATE_BLOCK = re.compile(
    r"due|f[äa]llig|zahlbar|[ée]ch[ée]ance|vencimiento|scadenza|vervaldatum|forfallsdato|"
    r"deliver|liefer|leistung|livraison|entrega|consegna|order|bestell|commande|pedido|"
    r"ship|period|zeitraum|p[ée]riode|periodo|payment|paid on|expir|valid|birth|start|end",
    IGN,
)

TOTAL_STRONG = re.compile(
    r"grand\s*total|total\s*(?:amount\s*)?(?:due|payable)|amount\s*(?:due|payable)|"
    r"balance\s*(?:due|payable)|invoice\s*(?:total|amount)|total\s*amount|total\s*invoice|"
    r"total\s*(?:incl|inc\.|including|\(incl)|total\s*ttc|montant\s*ttc|net\s*[àa]\s*payer|"
    r"total\s*[àa]\s*payer|montant\s*(?:total|d[uû])|gesamtbetrag|rechnungsbetrag|endbetrag|"
    r"gesamtsumme|summe\s*brutto|bruttobetrag|zu\s*zahlen|zahlbetrag|total\s*factura|"
    r"importe\s*total|total\s*a\s*pagar|totale\s*(?:fattura|documento|da\s*pagare|complessivo)|"
    r"te\s*betalen|totaal\s*(?:incl|bedrag)|totaalbedrag|att\s*betala|[àa]\s*payer|"
    r"amount\s*to\s*pay|total\s*to\s*pay|pay\s*this\s*amount|total\s*\(?[A-Z]{3}\)?\s*$",
    IGN,
)
TOTAL_WEAK = re.compile(
    r"\b(?:total|totaal|totale|summe|gesamt|betrag|importe|montant|sum|amount)\b", IGN
)
TOTAL_BLOCK = re.compile(
    r"sub\s*-?\s*total|subtotaal|zwischensumme|before\s*tax|excl|exkl|\bnet\b|netto|"
    r"\bht\b|hors\s*taxe|imponibile|base\s*imponible|carried|brought|c/f|b/f|"
    r"[üu]bertrag|report|riporto|transport|suma\s*y\s*sigue|suma\s*anterior|a\s*riportare|"
    r"previous|vorheriger|pr[ée]c[ée]dent|anterior|precedente|vorig|paid|bezahlt|payé|"
    r"received|erhalten|deposit|anzahlung|acompte|discount|rabatt|remise|skonto|"
    r"total\s*(?:tax|vat|gst|hst|mwst|tva|iva|btw)|(?:tax|vat|gst)\s*total|montant\s*tva|"
    r"in\s*words|in\s*worten|en\s*lettres|en\s*letras|in\s*lettere|quantity|qty|items|"
    r"hours|pages|weight|gewicht|menge|stück|colis|page\s*\d|seite|savings|"
    r"\bincl\.?\s*(?:vat|tax|mwst)\s*\d|enthalten",
    IGN,
)
TAX_WORD = re.compile(
    r"\b(?:vat|gst|hst|pst|qst|igst|cgst|sgst|utgst|sales\s*tax|tax|mwst|mw\.?st|ust|"
    r"umsatzsteuer|mehrwertsteuer|tva|iva|btw|moms|mva|alv|dph|ppn|kdv|i\.v\.a\.|taxes)\b\.?",
    IGN,
)
TAX_BLOCK = re.compile(
    r"\b(?:id|no|nr|number|num[ée]ro|reg|registration|ident|identification|code)\b|"
    r"ust-?id|vat\s*#|tax\s*#|gstin|abn|invoice|rechnung|facture|"
    r"before|excl|exkl|ohne|hors|\bht\b|net\b|netto|imponible|imponibile|"
    r"rate\s*$|exempt|befreit|%\s*$",
    IGN,
)
TAX_TOTAL = re.compile(
    r"total\s*(?:tax|vat|gst|hst|taxes|mwst|tva|iva|btw)|(?:tax|vat|gst|taxes)\s*total|"
    r"montant\s*(?:de\s*la\s*)?tva|total\s*tva|summe\s*(?:mwst|ust)|totale\s*iva|"
    r"total\s*iva|cuota\s*iva|importe\s*iva|btw\s*bedrag|tax\s*amount|vat\s*amount",
    IGN,
)
SUBTOTAL_LABEL = re.compile(
    r"sub\s*-?\s*total|subtotaal|zwischensumme|net\s*amount|nettobetrag|summe\s*netto|"
    r"total\s*(?:before\s*tax|excl|ht|net)|montant\s*ht|base\s*imponible|imponibile|"
    r"totaal\s*excl|netto\s*betrag",
    IGN,
)
DISCOUNT_LABEL = re.compile(r"discount|rabatt|remise|descuento|sconto|korting|skonto", IGN)

VENDOR_LABEL = re.compile(
    r"^(?:from|seller|supplier|vendor|sold\s*by|issued\s*by|bill\s*from|provider|"
    r"verk[äa]ufer|lieferant|absender|[ée]metteur|vendeur|fournisseur|emisor|proveedor|"
    r"vendedor|mittente|fornitore|cedente|leverancier|van)\b\s*[:.]?",
    IGN,
)
BUYER_LABEL = re.compile(
    r"^(?:bill(?:ed)?\s*to|invoice\s*to|sold\s*to|ship(?:ped)?\s*to|deliver(?:y|ed)?\s*to|"
    r"customer|client|buyer|recipient|kunde|rechnungsempf[äa]nger|empf[äa]nger|"
    r"lieferanschrift|an\b|factur[ée]\s*[àa]|destinataire|adress[ée]\s*[àa]|cliente|"
    r"facturar\s*a|destinatario|klant|factuur\s*aan|to\b|attn|attention)",
    IGN,
)
LEGAL_SUFFIX = re.compile(
    r"(?:\b(?:inc|llc|l\.l\.c|ltd|limited|plc|llp|lp|corp|corporation|company|co|gmbh|ag|kg|"
    r"ohg|ug|e\.k|gbr|mbh|se|sarl|s\.a\.r\.l|sas|sasu|sa|s\.a|eurl|sprl|bvba|nv|n\.v|bv|b\.v|"
    r"s\.l|sl|slu|s\.r\.l|srl|spa|s\.p\.a|snc|pty|pvt|private|oy|oyj|ab|as|asa|a/s|aps|"
    r"kft|zrt|s\.r\.o|a\.s|sp\.\s*z\s*o\.o|ltda|eireli|k\.k|teoranta)\b\.?|&\s*co\b\.?)\s*$",
    IGN,
)
NOT_VENDOR = re.compile(
    r"invoice|rechnung|facture|factura|fattura|factuur|receipt|quittung|\bdate\b|datum|"
    r"total|summe|page|seite|tel\b|phone|fax|e-?mail|@|www\.|http|iban|bic|swift|vat\s*id|"
    r"ust|tax|gstin|abn|siret|due|f[äa]llig|bill\s*to|ship\s*to|customer|kunde|client|"
    r"description|qty|quantity|amount|betrag|montant|thank|danke|merci|gracias|grazie|"
    r"payment|zahl|paiement|bank|account|konto|street|straße|strasse|rue\b|via\b|calle|"
    r"road|avenue|\bave\b|suite|p\.?o\.?\s*box",
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
            r"\bfaktura\b|\blasku\b|\bbill\b|\bfatura\b|rechnungsnummer|invoice\s*(?:no|#|number)",
            IGN,
        ),
    ),
    ("receipt", re.compile(r"\breceipt\b|quittung|kassenbon|\bre[çc]u\b|recibo|ricevuta", IGN)),
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


def _value_sources(
    layout: Layout, seg: Segment, label_end: int
) -> Iterator[tuple[str, Segment, int, float]]:
    """Where a label's value may be: (text, segment, offset, distance penalty)."""
    rest = seg.text[label_end:]
    if rest.strip(" :#.-–"):
        yield rest, seg, label_end, 0.0
    line = layout.lines[seg.line_index]
    right = [s for s in line.segments if s.x0 >= seg.x1 - 1 and s is not seg]
    right.sort(key=lambda s: s.x0)
    for s in right[:2]:
        yield s.text, s, 0, 0.05
    # below: the next lines on the same page whose segment overlaps horizontally
    height = max(seg.size, 1e-6)
    for offset in range(1, 4):
        index = seg.line_index + offset
        if index >= len(layout.lines):
            break
        below = layout.lines[index]
        if below.page != seg.page or below.y0 - seg.y1 > height * 3.5:
            break
        for s in below.segments:
            if s.x0 < seg.x1 + height and s.x1 > seg.x0 - height:
                yield s.text, s, 0, 0.15 * offset
                break
        else:
            continue
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


def _context(layout: Layout) -> Context:
    text = layout.doc.text
    head = text[:20000]
    scores = {lang: len(pattern.findall(head)) for lang, pattern in LANG_CUES.items()}
    lang = max(sorted(scores), key=lambda k: scores[k]) if any(scores.values()) else "en"
    country = guess_country(head)
    dots = len(re.findall(r"\d\.\d{2}(?!\d)", head))
    commas = len(re.findall(r"\d,\d{2}(?!\d)", head))
    decimal = "." if dots >= commas else ","
    month_first = lang == "en" and country in (None, "US") and "$" in head
    if country == "US":
        month_first = True
    if country == "CA" and lang == "en":
        month_first = "$" in head and not re.search(
            r"\b\d{1,2}/\d{2}/\d{4}\b.*\b1[3-9]|2\d|3[01]/", head
        )
    return Context(layout, text, lang, country, month_first, decimal, dots + commas >= 2)


# ----------------------------------------------------------------------------- fields


def _amount_in(text: str, ctx: Context) -> Amount | None:
    amounts = find_amounts(text, ctx.decimal_hint)
    if not amounts:
        return None
    # The last amount on a label line is the value column (after rates, quantities...).
    with_decimals = [a for a in amounts if re.search(r"[.,]\d{2}$", text[a.start : a.end])]
    if ctx.uses_decimals:
        return with_decimals[-1] if with_decimals else None
    return amounts[-1]


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
        for text, target, offset, penalty in _value_sources(ctx.layout, seg, match.end()):
            amount = _amount_in(text, ctx)
            if amount is not None:
                results.append(
                    (
                        target,
                        Amount(amount.value, amount.start + offset, amount.end + offset),
                        seg,
                        penalty,
                        match,
                    )
                )
                break
    return results


def _tokens_for(seg: Segment, start: int, end: int) -> list[Token]:
    return seg.tokens_in(start, end)


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

    # tax
    tax_candidates: list[tuple[float, Decimal, list[Token], str]] = []
    for seg in layout.segments():
        match = TAX_WORD.search(seg.text)
        if not match:
            continue
        label_text = seg.text[: match.end() + 12]
        is_tax_total = TAX_TOTAL.search(seg.text) is not None
        if not is_tax_total:
            label_zone = re.split(r"\d", seg.text[match.start() :], maxsplit=1)[0]
            if TAX_BLOCK.search(seg.text[: match.start()] + label_zone):
                continue
            if TOTAL_STRONG.search(label_text) or re.search(
                r"\b(?:total|summe|gesamt|totale|totaal)\b", seg.text[: match.start()], IGN
            ):
                continue
            if re.search(
                r"\b(?:id|no|nr|number|reg|#)\b", seg.text[match.end() : match.end() + 10], IGN
            ):
                continue
        for text, target, offset, penalty in _value_sources(layout, seg, match.end()):
            amount = _amount_in(text, ctx)
            if amount is None:
                continue
            tokens = _tokens_for(target, amount.start + offset, amount.end + offset)
            score = 0.8 - penalty + (0.15 if is_tax_total else 0.0)
            if seg.page == last_page:
                score += 0.05
            tax_candidates.append((score, amount.value, tokens, seg.text[: match.end()].lower()))
            break

    # total
    total_candidates: list[tuple[float, Decimal, list[Token]]] = []
    for seg in layout.segments():
        strong = TOTAL_STRONG.search(seg.text)
        weak = None if strong else TOTAL_WEAK.search(seg.text)
        match = strong or weak
        if not match:
            continue
        if TOTAL_BLOCK.search(seg.text[: match.end() + 3]) and not (
            strong and re.search(r"\bincl|\bttc|\binkl|brutto", seg.text[: match.end() + 20], IGN)
        ):
            continue
        for text, target, offset, penalty in _value_sources(layout, seg, match.end()):
            amount = _amount_in(text, ctx)
            if amount is None:
                continue
            tokens = _tokens_for(target, amount.start + offset, amount.end + offset)
            score = (0.85 if strong else 0.6) - penalty
            if seg.page == last_page:
                score += 0.05
            if seg.size >= layout.median_height * 1.15:
                score += 0.05
            total_candidates.append((score, amount.value, tokens))
            break

    tax: Candidate | None = None
    total: Candidate | None = None
    if tax_candidates:
        totals_of_tax = [c for c in tax_candidates if c[0] >= 0.9]
        if totals_of_tax:
            best_tax = max(totals_of_tax, key=lambda c: c[0])
            tax_value = best_tax[1]
            tax_tokens = best_tax[2]
            tax_score = best_tax[0]
        else:
            # several rates (7% and 19%, GST and PST) add up; repeated lines do not
            distinct: dict[str, tuple[float, Decimal, list[Token], str]] = {}
            for cand in tax_candidates:
                distinct[cand[3]] = cand
            chosen = list(distinct.values())
            if len(chosen) > 1 and len({c[1] for c in chosen}) == len(chosen):
                tax_value = sum((c[1] for c in chosen), Decimal(0))
                tax_tokens = [t for c in chosen for t in c[2]]
                tax_score = min(c[0] for c in chosen) - 0.15
            else:
                best_tax = max(tax_candidates, key=lambda c: (c[0], c[2][0].start if c[2] else 0))
                tax_value, tax_tokens, tax_score = best_tax[1], best_tax[2], best_tax[0]
        tax = Candidate(format_amount(abs(tax_value)), tax_score, tax_tokens)

    if total_candidates:
        best = max(total_candidates, key=lambda c: (c[0], c[1]))
        top_score = best[0]
        # among equally labelled candidates the largest is the total (not a page subtotal)
        peers = [c for c in total_candidates if c[0] >= top_score - 0.1]
        best = max(peers, key=lambda c: (c[1], c[0]))
        score = best[0]
        if subtotal is not None and tax is not None:
            expected = subtotal - discount + Decimal(tax.value)
            if abs(expected - best[1]) <= Decimal("0.02"):
                score += 0.1
                tax = Candidate(tax.value, tax.score + 0.1, tax.tokens)
            else:
                matching = [c for c in total_candidates if abs(expected - c[1]) <= Decimal("0.02")]
                if matching:
                    best = max(matching, key=lambda c: c[0])
                    score = best[0] + 0.05
                else:
                    score -= 0.1
        total = Candidate(format_amount(best[1]), score, best[2])
    return total, tax, subtotal


def _find_number(ctx: Context) -> Candidate | None:
    best: Candidate | None = None
    for seg in ctx.layout.segments():
        for pattern, strength in NUMBER_LABELS:
            match = pattern.search(seg.text)
            if not match:
                continue
            prefix = seg.text[: match.start()]
            if NUMBER_BLOCK.search(prefix) or NUMBER_BLOCK.search(match.group()):
                continue
            for text, target, offset, penalty in _value_sources(ctx.layout, seg, match.end()):
                value_match = re.search(
                    r"(?<![\w])([A-Za-z]{0,6}[-/#.]?\s?\d[\w\-/.]*\w|\d)(?![\w])",
                    text,
                )
                if not value_match:
                    continue
                head = text[: value_match.start()].strip(" :#.-–")
                if (
                    head
                    and len(head) > 3
                    and target is seg
                    and (NUMBER_BLOCK.search(head) or len(head) > 14)
                ):
                    continue
                value = value_match.group(1).replace(" ", "").lstrip("#")
                if find_dates(text[value_match.start() : value_match.end() + 6], False):
                    continue
                if len(value) < 2 and not value.isdigit():
                    continue
                score = strength - penalty
                if target is not seg and NUMBER_BLOCK.search(text[: value_match.start()]):
                    continue
                tokens = target.tokens_in(value_match.start() + offset, value_match.end() + offset)
                if best is None or score > best.score:
                    best = Candidate(value.rstrip(".,"), score, tokens)
                break
            break
    return best


def _find_date(ctx: Context) -> Candidate | None:
    best: Candidate | None = None
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
                if best is None or score > best.score:
                    best = Candidate(found.value.isoformat(), score, tokens)
                break
            break
    if best is None:
        # No label: the first date on the first page that is not a due/delivery date.
        for seg in ctx.layout.segments():
            if seg.page != 1 or DATE_BLOCK.search(seg.text):
                continue
            dates = find_dates(seg.text, ctx.month_first)
            if dates:
                found = dates[0]
                tokens = seg.tokens_in(found.start, found.end)
                return Candidate(found.value.isoformat(), 0.35, tokens)
    return best


def _find_currency(ctx: Context, total: Candidate | None) -> Candidate | None:
    layout = ctx.layout
    votes: dict[str, float] = {}
    where: dict[str, list[Token]] = {}
    total_line = None
    if total and total.tokens:
        total_line = (total.tokens[0].page, total.tokens[0].y0, total.tokens[0].y1)
    for token in layout.tokens:
        raw = token.text.strip("()[]:;,")
        if not raw:
            continue
        upper = raw.upper()
        codes: list[str | None] = []
        weight = 1.0
        if len(upper) == 3 and upper.isalpha() and upper in ISO_CODES and raw.isupper():
            if upper in WORDLIKE_CODES:
                continue
            codes.append(upper)
            weight = 1.5
        else:
            m = re.match(
                r"^([A-Za-z]{0,3}\$|[€£₹¥￥₩₽₺₪₫₱฿]|rs\.?|zł|kč|fr\.|sfr\.|kr\.?)", raw, IGN
            )
            if m:
                key = m.group(1).lower()
                if key in SYMBOLS:
                    codes.append(SYMBOLS[key])
                elif key.endswith("$"):
                    codes.append(None)
            elif raw[-1:] in "€£₹¥$":
                codes.append(SYMBOLS.get(raw[-1]))
            if raw.lower() in ("rs", "rs.") and not re.search(r"\d", token.text):
                pass
        for code in codes:
            if code is None:
                code = _resolve_dollar_or_kr(ctx, token.text)
                if code is None:
                    continue
                weight = 0.9
            bonus = 0.0
            if (
                total_line
                and token.page == total_line[0]
                and abs(token.y0 - total_line[1]) < (total_line[2] - total_line[1])
            ):
                bonus = 3.0
            votes[code] = votes.get(code, 0.0) + weight + bonus
            where.setdefault(code, [token])
    if votes:
        code = max(sorted(votes), key=lambda c: votes[c])
        share = votes[code] / sum(votes.values())
        return Candidate(code, 0.55 + 0.4 * share, where[code])
    label = re.search(
        r"(?:currency|währung|devise|moneda|valuta)\s*[:.]?\s*([A-Z]{3})\b", ctx.text, IGN
    )
    if label and label.group(1).upper() in ISO_CODES:
        span_tokens = [
            t for t in layout.tokens if t.start >= label.start(1) and t.end <= label.end(1) + 1
        ]
        return Candidate(label.group(1).upper(), 0.8, span_tokens)
    if ctx.country:
        code = territory_currency(ctx.country)
        if code:
            cue = [
                t
                for t in layout.tokens
                if COUNTRY_NAMES.get(t.text.strip(",.").lower()) == ctx.country
            ]
            return Candidate(code, 0.3, cue[:1])
    return None


def _resolve_dollar_or_kr(ctx: Context, raw: str) -> str | None:
    is_kr = raw.lower().startswith("kr")
    if is_kr:
        return {"SE": "SEK", "NO": "NOK", "DK": "DKK"}.get(ctx.country or "", "SEK")
    return {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD"}.get(
        ctx.country or "", "USD"
    )


def _clean_name(text: str) -> str:
    text = re.split(r"\s+[·|•]\s+|\s{2,}|,\s*(?=\d)", text)[0]
    return text.strip(" :,-–·|")


def _find_vendor(ctx: Context, number: Candidate | None) -> Candidate | None:
    layout = ctx.layout
    lines = [line for line in layout.lines if line.page == 1]
    if not lines:
        return None
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
    candidates: list[Candidate] = []
    max_size = max((seg.size for line in lines for seg in line.segments), default=1.0)
    for line in lines:
        index = layout.lines.index(line)
        for seg in line.segments:
            for piece, tokens in _vendor_pieces(seg):
                if len(piece) < 2 or len(piece) > 70 or not re.search(r"[A-Za-zÀ-ÿ]{2}", piece):
                    continue
                digits = sum(c.isdigit() for c in piece)
                if digits > len(piece) * 0.3:
                    continue
                has_suffix = LEGAL_SUFFIX.search(piece) is not None
                if NOT_VENDOR.search(piece) and not has_suffix:
                    continue
                if NOT_VENDOR.search(piece) and re.search(
                    r"@|www\.|http|iban|tel\b|phone", piece, IGN
                ):
                    continue
                score = 0.2
                if has_suffix:
                    score += 0.35
                rel = seg.size / max_size if max_size else 0
                score += 0.25 * rel
                top = seg.y0 / page_h if page_h else 1
                if top < 0.2:
                    score += 0.2
                elif top < 0.35:
                    score += 0.1
                elif top > 0.8:
                    score -= 0.15
                if texts_all.count(piece.lower()) > 1:
                    score += 0.1
                for zone_line, x0, x1 in vendor_zones:
                    if 0 <= index - zone_line <= 2 and seg.x0 < x1 + 20 and seg.x1 > x0 - 20:
                        score += 0.4
                for zone_line, x0, x1 in buyer_zones:
                    if 0 <= index - zone_line <= 4 and seg.x0 < x1 + 40 and seg.x1 > x0 - 40:
                        score -= 0.6
                if piece.isupper() and len(piece.split()) == 1 and not has_suffix:
                    score -= 0.1
                if BUYER_LABEL.search(piece) or VENDOR_LABEL.search(piece):
                    continue
                candidates.append(Candidate(piece, score, tokens))
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return best


def _vendor_pieces(seg: Segment) -> Iterator[tuple[str, list[Token]]]:
    text = seg.text
    label = VENDOR_LABEL.search(text)
    start = label.end() if label else 0
    name = _clean_name(text[start:])
    if not name:
        return
    begin = text.find(name, start)
    yield name, seg.tokens_in(begin, begin + len(name))


def _find_status(ctx: Context) -> Candidate | None:
    best: Candidate | None = None
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
        # a stamp: the status word alone in its cell, usually large
        words = text.split()
        if 1 <= len(words) <= 3 and len(text) <= 20:
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


def _document_type(ctx: Context, total: Candidate | None) -> str:
    head = "\n".join(seg.text for seg in ctx.layout.segments()[:80])
    for name, pattern in DOC_TYPES:
        if pattern.search(head):
            return name
    for name, pattern in DOC_TYPES:
        if pattern.search(ctx.text[:30000]):
            return name
    if total is not None and total.score >= 0.8:
        return "invoice"
    return "other"


def _field(candidate: Candidate | None) -> FieldValue:
    if candidate is None or not candidate.value:
        return EMPTY
    confidence = max(0.05, min(0.99, candidate.score))
    return FieldValue(candidate.value, round(confidence, 3), source_of(candidate.tokens))


def extract(doc: ParsedDocument) -> ExtractionResult:
    layout = build_layout(doc)
    ctx = _context(layout)
    total, tax, _ = _find_totals(ctx)
    doc_type = _document_type(ctx, total)
    if doc_type == "other":
        return ExtractionResult("other", dict.fromkeys(FIELD_NAMES, EMPTY))
    number = _find_number(ctx)
    fields = {
        "vendor_name": _field(_find_vendor(ctx, number)),
        "invoice_number": _field(number),
        "invoice_date": _field(_find_date(ctx)),
        "total_amount": _field(total),
        "tax_amount": _field(tax),
        "currency": _field(_find_currency(ctx, total)),
        "status": _field(_find_status(ctx)),
    }
    return ExtractionResult(doc_type, fields)
