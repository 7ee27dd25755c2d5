"""What the whole document says about how to read it: language, country, date order, decimals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docflow_worker.extraction._layout import (
    Layout,
)
from docflow_worker.extraction._values import (
    guess_country,
)
from docflow_worker.extraction.labels import LANG_CUES


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


def read_context(layout: Layout) -> Context:
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
