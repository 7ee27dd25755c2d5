"""The currency: codes and symbols voted by where they stand, a label, or the country."""

from __future__ import annotations

import re

from docflow_worker.extraction._layout import (
    Token,
)
from docflow_worker.extraction._values import (
    COUNTRY_NAMES,
    CURRENT_CODES,
    ISO_CODES,
    SYMBOLS,
    WORD_SYMBOLS,
    WORDLIKE_CODES,
    territory_currency,
)
from docflow_worker.extraction.candidates import Candidate
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import IGN


def find_currency(ctx: Context, total: Candidate | None) -> Candidate | None:
    layout = ctx.layout
    votes: dict[str, float] = {}
    where: dict[str, list[Token]] = {}
    kinds: dict[str, set[Evidence]] = {}
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
            kind = Evidence.CODE if weight == 1.5 else Evidence.SYMBOL
            if code is None:
                code = _resolve_dollar_or_kr(ctx, token.text)
                if code is None:
                    continue
                weight = 0.9
                kind = Evidence.RESOLVED
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
                kinds[code].add(Evidence.AT_TOTAL)
            votes[code] = votes.get(code, 0.0) + weight + bonus
            where.setdefault(code, [token])
    if votes:
        code = max(sorted(votes), key=lambda c: votes[c])
        share = votes[code] / sum(votes.values())
        evidence = set(kinds[code])
        if share < 0.7:
            evidence.add(Evidence.CONTESTED)
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
        return Candidate(label.group(1).upper(), 0.8, span_tokens, {Evidence.LABEL})
    if ctx.country:
        code = territory_currency(ctx.country)
        if code:
            cue = [
                t
                for t in layout.tokens
                if COUNTRY_NAMES.get(t.text.strip(",.").lower()) == ctx.country
            ]
            return Candidate(code, 0.3, cue[:1], {Evidence.TERRITORY})
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
