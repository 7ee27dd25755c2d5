"""The vendor name: a labelled seller, a name with a legal form, or the letterhead."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docflow_worker.extraction._layout import (
    Layout,
    Line,
    Segment,
    Token,
)
from docflow_worker.extraction._values import (
    _fold,
    find_amounts,
    find_dates,
)
from docflow_worker.extraction.candidates import Candidate
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import (
    BUYER_LABEL,
    IGN,
    NOT_VENDOR,
    STATUS_VALUES,
    VENDOR_LABEL,
)
from docflow_worker.extraction.legal_forms import SUFFIX_CORE, has_legal_form


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


def find_vendor(ctx: Context) -> tuple[Candidate | None, list[Candidate]]:
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
            has_suffix = has_legal_form(piece) and not re.fullmatch(SUFFIX_CORE, piece.strip(), IGN)
            if NOT_VENDOR.search(piece) and not has_suffix:
                continue
            if NOT_VENDOR.search(piece) and re.search(r"@|www\.|http|iban|tel\b|phone", piece, IGN):
                continue
            if NUMBER_ID.search(piece):
                continue  # "License #AB-123", "İrsaliye No"
            if seg.text.rstrip().endswith(":") and not has_suffix:
                continue  # "Mã số thuế:", "Address:": a label, its value is elsewhere
            if find_dates(piece, False) or (
                re.match(r"^[^\W\d_][\w .'-]{0,45}:\s*\S", piece) and not has_suffix
            ):
                continue  # a "label: value" field, not a name
            score = 0.2
            evidence: set[Evidence] = set()
            if has_suffix:
                score += 0.35
                evidence.add(Evidence.LEGAL)
            if piece != seg.text.strip() and COMPANY_ID.search(seg.text) and not digits:
                score += 0.1  # "<Name> SRL · Rue … · TVA BE 0xxx.xxx.xxx"
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
                    evidence.add(Evidence.LABELLED)
            for zone_line, x0, x1 in buyer_zones:
                if any(zone_line < v <= index for v, _, _ in vendor_zones):
                    continue  # a seller block starts between the buyer label and the line
                if 0 <= index - zone_line <= 4 and seg.x0 < x1 + 40 and seg.x1 > x0 - 40:
                    score -= 0.6
            if any(key.startswith(p) or (len(key) >= 6 and p.startswith(key)) for p in payees):
                score += 0.35  # "Make all checks payable to <a person>"
                evidence.add(Evidence.LABELLED)
            if key in persons and not has_suffix:
                score -= 0.3  # a person signing an e-mail, not the business
            elif index in below_person and not has_suffix and len(words) <= 5:
                score += 0.3  # the business line under the signature name
                evidence.add(Evidence.LABELLED)
            if piece.isupper() and len(piece.split()) == 1 and not has_suffix:
                score -= 0.1
            if BARE_DOMAIN.fullmatch(piece):
                score -= 0.3  # "example.co.uk": a web address, the name is elsewhere
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
                evidence.add(Evidence.REPEATED)
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
            best.evidence.add(Evidence.CONTESTED)
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
    if not (2 <= len(letters) <= 5 and letters.isalpha()) or has_legal_form(best.value):
        return best
    for other in sorted(candidates, key=lambda c: -c.score):
        if other is best or not has_legal_form(other.value):
            continue
        initials = "".join(w[0] for w in _norm_words(other.value))
        if initials.startswith(letters.lower()):
            return Candidate(
                other.value, best.score - 0.05, other.tokens, {Evidence.LEGAL, Evidence.ACRONYM}
            )
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
            # a short lower-case tail ("ce" of a word split before its last letters) reads smaller
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
    ("Malerbetri" "eb": barely apart, lower case on both sides) is glued back."""
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
        or has_legal_form(text)
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
    has_suffix = has_legal_form(best.value)
    starts_segment = bool(best.tokens) and best.tokens[0] is seg.tokens[0]
    if not has_suffix and best.value == seg.text.strip():
        tail = _bare_legal_tail(layout, seg, index)
        if tail is not None:
            return Candidate(
                f"{best.value} {tail.text.strip()}",
                best.score,
                best.tokens + tail.tokens,
                best.evidence | {Evidence.JOINED, Evidence.LEGAL},
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
                    best.evidence | {Evidence.JOINED},
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
                        best.evidence | {Evidence.JOINED},
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
            return Candidate(
                value, best.score, tokens, best.evidence | {Evidence.LEGAL, Evidence.REPEATED}
            )
    return best


def _bare_legal_tail(layout: Layout, seg: Segment, index: int) -> Segment | None:
    """A legal form printed on its own next to the name: centred under it on a narrow
    receipt ("<Name>" / "GmbH"), or just right of it on the line a tilted
    scan puts a little higher or lower ("<Name>" "SARL")."""
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
