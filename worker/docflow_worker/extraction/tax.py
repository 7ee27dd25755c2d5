"""The tax amount: tax lines, VAT tables and columns, and the choice among them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from docflow_worker.extraction._layout import (
    Line,
    Segment,
    Token,
)
from docflow_worker.extraction._values import (
    Amount,
    find_amounts,
    format_amount,
)
from docflow_worker.extraction.candidates import (
    Candidate,
    amount_from_sources,
    amount_in,
    is_cell_value,
    is_header_cell,
)
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import (
    IGN,
    ROW_TOTAL,
    TAX_BLOCK,
    TAX_INCLUDED,
    TAX_TOTAL,
    TAX_WORD,
    TOTAL_STRONG,
)


@dataclass
class _TaxOption:
    score: float
    value: Decimal
    tokens: list[Token]
    label: str  # lower-cased label text; one rate or component per distinct label
    kind: str  # "line" | "total" (a "Total VAT" line) | "column" (a VAT table column)


def tax_lines(ctx: Context, last_page: int) -> list[_TaxOption]:
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
                zero = amount_from_sources(ctx, seg, match.end())
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
        if is_header_cell(ctx, seg):
            column = _tax_column(ctx, seg)
            if column is not None:
                options.append(column)
            continue
        found = amount_from_sources(ctx, seg, match.end())
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
                value = amount_in(cell.text, ctx)
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
        amount = amount_in(cell.text, ctx)
        if amount is None and last_heading and cell is not line.segments[-1]:
            # the last heading's column is the row's last cell, even when wide characters
            # shift a plain-text table ("税率 | 税额" over "13% | 1,000.00")
            cell = line.segments[-1]
            amount = amount_in(cell.text, ctx)
        if amount is None or not is_cell_value(cell.text, amount):
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


def choose_tax(
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
            chosen.evidence.add(Evidence.CHECKED)
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
