"""OCR with the tesseract CLI, its language chosen per page.

Every page is read first with English (the cheapest model, and the language of most labels);
the words it finds name the page's language (a vote of invoice words and common short words,
accents ignored, since the English model drops them). When another installed language wins,
the page is read again with that language plus English, and the reading with the better mean
word confidence is kept. ``DOCFLOW_OCR_LANGS`` (e.g. ``eng+deu+fra``) fixes one combination
for every page instead, and ``DOCFLOW_OCR_CLEANUP`` (``median``, ``upscale``, ``none``) replaces
the default clean-up: both for measuring (bench/extraction/stress.py).
"""

from __future__ import annotations

import io
import os
import subprocess
import unicodedata
from typing import Any

WordRow = list[Any]  # [text, x0, y0, x1, y1]

# The languages the extractor's label tables cover in Latin or Greek script, in preference order.
SUPPORTED = [
    "eng",
    "deu",
    "fra",
    "spa",
    "ita",
    "nld",
    "por",
    "pol",
    "ces",
    "slk",
    "hun",
    "swe",
    "dan",
    "nor",
    "fin",
    "ron",
    "tur",
    "ell",
]
# A page is re-read in its own language when at least this many of its words vote for it.
MIN_VOTES = 2

_MARKERS: dict[str, str] = {
    "eng": "invoice date amount total tax vat the and of for to due number qty price subtotal "
    "bill payment description quantity balance thank you",
    "deu": "rechnung rechnungsnummer rechnungsdatum datum betrag mwst ust summe gesamt netto "
    "brutto und der die das fur zahlbar bis bitte steuer lieferung menge preis zahlungsziel "
    "gesamtbetrag strasse gmbh ag kundennummer umsatzsteuer zwischensumme einzelpreis",
    "fra": "facture date montant tva ttc ht le la les des du et pour numero echeance prix "
    "quantite designation payer sarl sas total reglement net a",
    "spa": "factura fecha importe iva el los las del y para numero cantidad precio base "
    "imponible pagar vencimiento cif nif subtotal",
    "ita": "fattura data importo iva totale il lo gli della del per numero quantita prezzo "
    "imponibile scadenza pagamento srl spa partita",
    "nld": "factuur factuurnummer factuurdatum datum bedrag btw totaal de het een van en voor "
    "nummer aantal prijs vervaldatum betalen excl incl omschrijving",
    "por": "fatura data valor iva total os as do da dos das para numero quantidade preco "
    "vencimento pagamento nif contribuinte",
    "pol": "faktura data kwota vat razem do zaplaty nr sprzedawca nabywca netto brutto ilosc "
    "cena termin platnosci wystawienia",
    "ces": "faktura datum castka dph celkem cislo dodavatel odberatel splatnosti cena mnozstvi "
    "vystaveni",
    "slk": "faktura datum suma dph spolu cislo dodavatel odberatel splatnosti vyhotovenia",
    "hun": "szamla datum osszeg afa osszesen es az szamlaszam fizetesi hatarido",
    "swe": "faktura datum belopp moms summa och att for fakturanummer forfallodatum antal pris "
    "betala",
    "dan": "faktura dato belob moms og til fakturanummer forfaldsdato antal pris alt",
    "nor": "faktura dato belop mva totalt og til fakturanummer forfallsdato antall pris",
    "fin": "lasku paivamaara summa alv yhteensa ja laskun numero erapaiva hinta maara",
    "ron": "factura data suma tva total si de pentru numar cantitate pret",
    "tur": "fatura tarih tutar kdv toplam ve icin vergi adet fiyat",
    "ell": "τιμολογιο ημερομηνια ποσο φπα συνολο και του της αριθμος",
}
_MARKER_SETS = {lang: frozenset(words.split()) for lang, words in _MARKERS.items()}

_INSTALLED: frozenset[str] | None = None


class OcrError(Exception):
    pass


def installed_languages() -> frozenset[str]:
    global _INSTALLED
    if _INSTALLED is None:
        try:
            out = subprocess.run(
                ["tesseract", "--list-langs"], capture_output=True, check=False, timeout=10
            ).stdout.decode()
        except (OSError, subprocess.TimeoutExpired):
            out = "eng"
        _INSTALLED = frozenset(out.split()[1:] if out.startswith("List") else out.split())
    return _INSTALLED


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


def detect_language(words: list[str]) -> str | None:
    """The page's language by a vote of its words; None when no language has enough votes."""
    installed = installed_languages()
    votes: dict[str, int] = {}
    for word in {_fold(w) for w in words}:
        if len(word) < 2:
            continue
        for lang, markers in _MARKER_SETS.items():
            if word in markers:
                votes[lang] = votes.get(lang, 0) + 1
    ranked = sorted(
        (lang for lang in votes if lang in installed),
        key=lambda lang: (-votes[lang], SUPPORTED.index(lang)),
    )
    if not ranked or votes[ranked[0]] < MIN_VOTES:
        return None
    return ranked[0]


def _tesseract(image_bytes: bytes, languages: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(
            ["tesseract", "stdin", "stdout", "--psm", "3", "-l", languages, "tsv"],
            input=image_bytes,
            capture_output=True,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise OcrError("OCR is not available (tesseract is not installed)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"OCR failed: {message[-1] if message else proc.returncode}")
    return proc.stdout.decode("utf-8", "replace")


def clean_up(image: Any, dpi: float | None, steps: frozenset[str]) -> tuple[Any, float | None]:
    """Image clean-up before OCR, the steps named in ``steps``: ``median`` (a 3x3 median filter
    against speckle), ``upscale`` (scans below 300 dpi enlarged to 300)."""
    from PIL import ImageFilter

    if "upscale" in steps and dpi and 0 < dpi < 250:
        factor = 300 / dpi
        image = image.resize(
            (round(image.width * factor), round(image.height * factor)), resample=3
        )
        dpi = 300.0
    if "median" in steps:
        image = image.filter(ImageFilter.MedianFilter(3))
    return image, dpi


# Measured on the OCR stress set (README, Benchmarks): the median filter lifted field accuracy
# from 89.2% to 91.4%; enlarging 200-dpi scans to 300 dpi dropped it to 66.1%, so it is off.
DEFAULT_CLEANUP = frozenset({"median"})


def _cleanup_steps() -> frozenset[str]:
    raw = os.environ.get("DOCFLOW_OCR_CLEANUP")
    if raw is None:
        return DEFAULT_CLEANUP
    return frozenset(step.strip() for step in raw.split(",") if step.strip() not in ("", "none"))


def ocr_image(image: Any, dpi: float | None = None) -> tuple[str, list[WordRow]]:
    """OCR a PIL image (TSV output); words in reading order, boxes relative to the image."""
    if image.mode != "L":
        image = image.convert("L")
    steps = _cleanup_steps()
    if steps:
        image, dpi = clean_up(image, dpi, steps)
    width, height = image.size
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed: much cheaper to write than PNG
    data = buffer.getvalue()
    fixed = os.environ.get("DOCFLOW_OCR_LANGS", "").strip()
    if fixed:
        return tsv_to_words(_tesseract(data, fixed), width, height)[:2]
    text, words, confidence = tsv_to_words(_tesseract(data, "eng"), width, height)
    lang = detect_language([w[0] for w in words])
    if lang is None or lang == "eng":
        return text, words
    text2, words2, confidence2 = tsv_to_words(_tesseract(data, f"{lang}+eng"), width, height)
    if words2 and confidence2 >= confidence - 1.0:
        return text2, words2
    return text, words


def tsv_to_words(tsv: str, width: int, height: int) -> tuple[str, list[WordRow], float]:
    """Text, words and mean word confidence from tesseract's TSV."""
    words: list[WordRow] = []
    lines: list[str] = []
    confidences: list[float] = []
    current_key: tuple[str, str, str] | None = None
    current_block: str | None = None
    line_words: list[str] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        if not text:
            continue
        try:
            conf = float(cols[10])
            left, top, w, h = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if conf < 0:
            continue
        confidences.append(conf)
        key = (cols[2], cols[3], cols[4])
        if key != current_key:
            if line_words:
                lines.append(" ".join(line_words))
            if current_block is not None and cols[2] != current_block:
                lines.append("")
            line_words = []
            current_key = key
            current_block = cols[2]
        for token in text.split():
            line_words.append(token)
            words.append(
                [
                    token,
                    round(left / width, 4),
                    round(top / height, 4),
                    round((left + w) / width, 4),
                    round((top + h) / height, 4),
                ]
            )
    if line_words:
        lines.append(" ".join(line_words))
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return "\n".join(lines), words, mean
