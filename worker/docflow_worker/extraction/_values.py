"""Value parsers: amounts, dates and currencies, driven by CLDR data from babel."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import get_territory_currencies, list_currencies

# ----------------------------------------------------------------------------- amounts

ISO_CODES = frozenset(list_currencies())


def _current_codes() -> frozenset[str]:
    """Codes some territory uses today (not "ROL", "DEM": an old code is more often a word
    or a unit of measure, "1 ROL" of membrane, than a currency)."""
    from babel.core import get_global

    codes: set[str] = set()
    for territory in get_global("territory_currencies"):
        try:
            codes.update(get_territory_currencies(territory, start_date=dt.date(2025, 1, 1)))
        except Exception:  # pragma: no cover - babel data without that territory
            continue
    return frozenset(codes & ISO_CODES)


CURRENT_CODES = _current_codes()

# One number as printed: grouped with , . ' ’ or (narrow) spaces, optional 1-2 decimals,
# Indian lakh grouping (1,23,456.78) included.
AMOUNT_RE = re.compile(
    r"(?:(?<![\w,/-])|(?<=[A-Z]{3}))(?<!\d\.)"
    r"(?P<sign>[-−–(])?\s?"
    r"(?P<num>\d{1,3}(?:(?P<sep>[,.'’\u00a0\u202f ])\d{2,3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)"
    r"(?!(?![円元원])[\w%/-]|[.,]\d|\s?%)"  # "2,240円": a currency character may follow
)


@dataclass(frozen=True)
class Amount:
    value: Decimal
    start: int  # within the searched string
    end: int


def parse_number(raw: str, decimal_hint: str | None) -> Decimal | None:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    s = s.replace("'", "").replace(" ", "")
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
    elif last_dot >= 0 or last_comma >= 0:
        sep = "." if last_dot >= 0 else ","
        tail = len(s) - max(last_dot, last_comma) - 1
        if s.count(sep) > 1:
            decimal = ""  # only grouping
        elif tail in (1, 2):
            decimal = sep
        elif tail == 3:
            decimal = ""  # 1,234 / 1.234: grouping (three-decimal currencies are rare)
        else:
            decimal = sep
    else:
        decimal = ""
    if decimal:
        grouping = "," if decimal == "." else "."
        s = s.replace(grouping, "").replace(decimal, ".")
    else:
        s = s.replace(",", "").replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def find_amounts(text: str, decimal_hint: str | None = None) -> list[Amount]:
    found = []
    for match in AMOUNT_RE.finditer(text):
        begin = match.start()
        if begin and text[begin - 1].isalpha():
            # glued to letters: only a currency code ("EUR12,479.92"), never "INV12345"
            code = text[max(begin - 3, 0) : begin]
            if code not in ISO_CODES or (begin > 3 and text[begin - 4].isalpha()):
                continue
        raw = match.group("num")
        digits = sum(ch.isdigit() for ch in raw)
        if digits > 15:
            continue
        value = parse_number(raw, decimal_hint)
        if value is None:
            continue
        sign = match.group("sign")
        if sign and sign in "-−–":
            value = -value
        elif (
            sign == "("
            and text[match.end() : match.end() + 1] == ")"
            and re.search(r"[.,]\d{2}$", raw)
        ):
            value = -value  # accounting notation: "(1,180.00)" is a credit or a deduction
        found.append(Amount(value, match.start("num"), match.end("num")))
    return found


def has_decimals(text: str) -> bool:
    return re.search(r"\d[.,]\d{2}$", text) is not None


def format_amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):.2f}"


# ----------------------------------------------------------------------------- dates


def _fold(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch)
    )


DATE_LOCALES = (
    "en",
    "de",
    "fr",
    "es",
    "it",
    "nl",
    "pt",
    "sv",
    "da",
    "nb",
    "fi",
    "pl",
    "cs",
    "ru",
    "uk",
    "bg",
    "sr",
    "sl",
    "hr",
)


def _month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for code in DATE_LOCALES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    for key in {_fold(name).rstrip("."), name.lower().rstrip(".")}:
                        if len(key) >= 3 and not key.isdigit():
                            names.setdefault(key, number)
    names.update({"sept": 9, "mrz": 3, "maerz": 3, "juni": 6, "juli": 7, "fevr": 2})
    return names


MONTHS = _month_names()
_MONTH_ALT = "|".join(sorted((re.escape(n) for n in MONTHS), key=len, reverse=True))

_DATE_PATTERNS = [
    ("ymd", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    # CJK: "2026年3月10日", Korean "2026년 3월 10일"
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")),
    # Vietnamese "ngày 09 tháng 03 năm 2026" (matched folded: "ngay 09 thang 03 nam 2026")
    ("dmy_num", re.compile(r"(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})(?!\d)")),
    ("num", re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")),
    # "17. 4. 2026" (Czech, Slovak, Polish): dotted with a space after each dot
    ("num", re.compile(r"(?<![\d.])(\d{1,2})(\.) (\d{1,2})\. (\d{4})(?!\d)")),
    (
        "dmy",
        re.compile(
            r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|-)?(" + _MONTH_ALT + r")\.?"
            r"(?:\s*del?)?[\s,-]*(\d{4})(?!\d)"
        ),
    ),
    (
        "mdy",
        re.compile(r"\b(" + _MONTH_ALT + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"),
    ),
]


@dataclass(frozen=True)
class FoundDate:
    value: dt.date
    start: int
    end: int
    ambiguous: bool


def find_dates(text: str, month_first: bool) -> list[FoundDate]:
    folded = _fold(text)
    if len(folded) != len(text):  # folding changed lengths; fall back to lower()
        folded = text.lower()
    results: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(folded):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            ambiguous = False
            try:
                if kind == "ymd":
                    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
                elif kind == "num":
                    a, sep, b, yy = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
                    y = int(yy) + (2000 if len(yy) == 2 else 0)
                    if a > 12 or sep == "." or (b <= 12 and not month_first):
                        d, mo = a, b
                    else:
                        mo, d = a, b
                    ambiguous = a <= 12 and b <= 12 and a != b and sep != "."
                elif kind == "dmy_num":
                    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
                elif kind == "dmy":
                    d, mo, y = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
                else:
                    mo, d, y = MONTHS[m.group(1)], int(m.group(2)), int(m.group(3))
                value = dt.date(y, mo, d)
            except (ValueError, KeyError):
                continue
            if not 1980 <= value.year <= 2100:
                continue
            taken.append((m.start(), m.end()))
            results.append(FoundDate(value, m.start(), m.end(), ambiguous))
    results.sort(key=lambda r: r.start)
    return results


# ----------------------------------------------------------------------------- currency

# Codes that are also common words or abbreviations on invoices; only trusted next to amounts.
WORDLIKE_CODES = frozenset({"ALL", "TOP", "CUP", "MOP", "BOB", "PEN", "GEL", "MAD", "SOS", "AED"})

# Letter symbols that are also plain words or abbreviations: a currency only next to an
# amount ("R 1 234.56", "Rp 12.000", "24 300 Ft"), and spelled as printed here.
WORD_SYMBOLS: dict[str, str] = {
    "R": "ZAR",
    "Rp": "IDR",
    "Ft": "HUF",
    "RM": "MYR",
    "lei": "RON",
    "руб": "RUB",
    "руб.": "RUB",
    "грн": "UAH",
    "грн.": "UAH",
    "лв": "BGN",
    "лв.": "BGN",
    "дин": "RSD",
    "дин.": "RSD",
    "đ": "VND",
    "vnđ": "VND",
    "VNĐ": "VND",
    "원": "KRW",
}

SYMBOLS: dict[str, str | None] = {
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "rs.": "INR",
    "rs": "INR",
    "inr": "INR",
    "¥": "JPY",
    "￥": "JPY",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₪": "ILS",
    "₫": "VND",
    "₱": "PHP",
    "฿": "THB",
    "zł": "PLN",
    "kč": "CZK",
    "円": "JPY",
    "tl": "TRY",
    "r$": "BRL",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "s$": "SGD",
    "hk$": "HKD",
    "fr.": "CHF",
    "sfr.": "CHF",
    "rp": "IDR",
    "₴": "UAH",
    "₸": "KZT",
    "원": "KRW",
    "$": None,  # resolved from context
    "kr": None,
    "kr.": None,
}

# Cues for the vendor's country: resolves "$" / "kr", and a currency that is not printed.
COUNTRY_CUES: list[tuple[str, float, re.Pattern[str]]] = [
    ("CA", 2.0, re.compile(r"\b(?:hst|pst|qst|gst/hst)\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b", re.I)),
    ("AU", 2.0, re.compile(r"\babn\b|\b(?:nsw|vic|qld|act|wa|sa|tas)\s+\d{4}\b", re.I)),
    ("IN", 2.0, re.compile(r"\bgstin\b|\b[ics]gst\b|\bpan\b|\b\d{6}\b.*\bindia\b", re.I)),
    ("US", 2.0, re.compile(r"\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\bsales tax\b|\bein\b")),
    ("GB", 2.0, re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\bvat reg")),
    ("SE", 1.0, re.compile(r"\bmoms\b", re.I)),
    ("NO", 1.0, re.compile(r"\bmva\b", re.I)),
    ("CH", 1.0, re.compile(r"\bmwst\b|\bchf\b", re.I)),
    ("MX", 2.0, re.compile(r"\brfc\b|\bcfdi\b|s\.\s?a\.\s?de\s?c\.\s?v\.|\bm\.n\.", re.I)),
    ("NZ", 1.0, re.compile(r"\bird\b|\bgst\s*15\s*%", re.I)),
    ("ZA", 2.0, re.compile(r"\(pty\)\s*ltd\b", re.I)),
    ("CL", 2.0, re.compile(r"\br\.u\.t\.|\brut\b|\bs\.i\.i\.|\bsii\b", re.I)),
    ("AE", 2.0, re.compile(r"\btrn\b|\bu\.a\.e\b|\bdubai\b|\babu\s*dhabi\b", re.I)),
    ("ID", 2.0, re.compile(r"\bnpwp\b|\bppn\b|\bjakarta\b", re.I)),
    ("HU", 2.0, re.compile(r"\bad[óo]sz[áa]m\b|\b[áa]fa\b", re.I)),
    ("RU", 2.0, re.compile(r"\bинн\b|\bкпп\b|\bндс\b|\bбик\b", re.I)),
    ("UA", 2.0, re.compile(r"\bєдрпоу\b|\bпдв\b|\bіпн\b", re.I)),
    ("BG", 2.0, re.compile(r"\bеик\b|\bддс\b", re.I)),
    ("VN", 2.0, re.compile(r"\bgtgt\b|m[ãa] s[ốo] thu[ếe]|h(?:[óo]a|o[áa]) đ[ơo]n", re.I)),
    ("CN", 2.0, re.compile(r"发票|增值税|人民币|价税合计|税额|开票")),
    ("KR", 2.0, re.compile(r"사업자\s*등록\s*번호|부가세|부가가치세")),
]
CUE_COUNTRIES = [
    "US",
    "CA",
    "GB",
    "IE",
    "AU",
    "NZ",
    "IN",
    "SG",
    "HK",
    "DE",
    "AT",
    "CH",
    "FR",
    "BE",
    "LU",
    "NL",
    "ES",
    "IT",
    "PT",
    "SE",
    "NO",
    "DK",
    "FI",
    "PL",
    "CZ",
    "JP",
    "CN",
    "BR",
    "MX",
    "ZA",
    "AE",
    "CL",
    "ID",
    "HU",
    "RU",
    "UA",
    "BG",
    "VN",
    "KR",
]


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code in ("en", "de", "fr", "es", "it", "nl", "pt", "sv"):
        territories = Locale.parse(code).territories
        for country in CUE_COUNTRIES:
            name = territories.get(country)
            if name:
                names[name.lower()] = country
    names.update({"usa": "US", "u.s.a.": "US", "uk": "GB", "england": "GB", "schweiz": "CH"})
    return names


COUNTRY_NAMES = _country_names()
COUNTRY_NAME_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, COUNTRY_NAMES), key=len, reverse=True)) + r")\b",
    re.I,
)


PREFIXED_ID = re.compile(
    r"(?<![\w-])(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)"
    r"(?:U?\d{8,12}|\d{2}[A-Z]?\d{10,30})(?![\w-])"
)


def guess_country(text: str) -> str | None:
    """The most likely country of the document (vendor side first), or None."""
    scores: dict[str, float] = {}
    for position, match in enumerate(COUNTRY_NAME_RE.finditer(text)):
        country = COUNTRY_NAMES[match.group(1).lower()]
        scores[country] = scores.get(country, 0.0) + (3.0 if position == 0 else 1.5)
    for country, weight, pattern in COUNTRY_CUES:
        hits = len(pattern.findall(text))
        if hits:
            scores[country] = scores.get(country, 0.0) + weight * min(hits, 3) ** 0.5
    # EU VAT numbers and IBANs start with their country ("IT0123…", "IT60X…"):
    # a weak cue, below any printed country name
    prefixed: dict[str, int] = {}
    for match in PREFIXED_ID.finditer(text):
        country = "GR" if match.group(1) == "EL" else match.group(1)
        prefixed[country] = prefixed.get(country, 0) + 1
    for country, hits in prefixed.items():
        scores[country] = scores.get(country, 0.0) + min(hits, 3) ** 0.5
    if not scores:
        return None
    return max(sorted(scores), key=lambda c: scores[c])


def territory_currency(country: str) -> str | None:
    try:
        currencies = get_territory_currencies(country, start_date=dt.date(2025, 1, 1))
    except Exception:
        return None
    return currencies[0] if currencies else None
