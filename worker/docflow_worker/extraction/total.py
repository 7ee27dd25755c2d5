"""The total amount (with the tax it is checked against): labelled totals, balances, payments."""

from __future__ import annotations

import re
from decimal import Decimal

from docflow_worker.extraction._layout import (
    Segment,
    Token,
)
from docflow_worker.extraction._values import (
    ISO_CODES,
    find_amounts,
    format_amount,
)
from docflow_worker.extraction.candidates import (
    ASIDE,
    Candidate,
    amount_from_sources,
    labelled_amounts,
    tokens_for,
)
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.features import Evidence
from docflow_worker.extraction.labels import (
    DISCOUNT_LABEL,
    IGN,
    ROUNDING_LABEL,
    SUBTOTAL_LABEL,
    TAX_OF_TOTAL,
    TOTAL_BLOCK,
    TOTAL_CODE,
    TOTAL_STRONG,
    TOTAL_WEAK,
)
from docflow_worker.extraction.tax import choose_tax, tax_lines


def find_totals(ctx: Context) -> tuple[Candidate | None, Candidate | None, Decimal | None]:
    layout = ctx.layout
    last_page = layout.doc.pages[-1].number if layout.doc.pages else 1
    subtotal = None
    subs = labelled_amounts(
        ctx, SUBTOTAL_LABEL, re.compile(r"carried|brought|[üu]bertrag|report", IGN)
    )
    if subs:
        subtotal = subs[-1][1].value
    discount = Decimal(0)
    for _, discounted, _, _, _ in labelled_amounts(ctx, DISCOUNT_LABEL, None):
        discount = abs(discounted.value)
    for _, rounded, _, _, _ in labelled_amounts(ctx, ROUNDING_LABEL, None):
        if abs(rounded.value) < 1:
            discount -= rounded.value  # "Round off +0.xx" between the taxes and the total

    tax_options = tax_lines(ctx, last_page)

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
        found = amount_from_sources(ctx, seg, match.end())
        if found is None:
            continue
        amount, target, penalty = found
        tokens = tokens_for(target, amount.start, amount.end)
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
        total.evidence.add(Evidence.STRONG if best[1] in strong_values else Evidence.WEAK)
        if gross is not None:
            # "Total charges 100.00 / payment -60.00 / adjustment -10.00 / Balance due 30.00"
            total = Candidate(
                format_amount(gross[1]), best[0], gross[2], {Evidence.STRONG, Evidence.CHECKED}
            )
        elif len({abs(c[1]) for c in peers}) > 1:
            total.evidence.add(Evidence.CONTESTED)

    tax = choose_tax(ctx, tax_options, total, subtotal, discount)

    if total is not None and total_candidates:
        total_value = Decimal(total.value)
        if subtotal is not None and tax is not None:
            expected = subtotal - discount + Decimal(tax.value)
            if abs(expected - total_value) <= Decimal("0.02"):
                total.score += 0.1
                tax.score += 0.1
                total.evidence.add(Evidence.CHECKED)
                tax.evidence.add(Evidence.CHECKED)
            else:
                matching = [c for c in total_candidates if abs(expected - c[1]) <= Decimal("0.02")]
                if matching:
                    chosen = max(matching, key=lambda c: c[0])
                    kind = Evidence.STRONG if chosen[1] in strong_values else Evidence.WEAK
                    total = Candidate(
                        format_amount(chosen[1]),
                        chosen[0] + 0.05,
                        chosen[2],
                        {kind, Evidence.CHECKED},
                    )
                    tax.evidence.add(Evidence.CHECKED)
                else:
                    total.score -= 0.1
                    total.evidence.add(Evidence.MISMATCH)
        elif tax is not None and tax.score < 0.85:
            total.score -= 0.05
        if tax is not None and Evidence.CHECKED in tax.evidence:
            total.evidence.add(Evidence.CHECKED)
        elif subtotal is not None and tax is None:
            gap = total_value - (subtotal - discount)
            if gap == 0:
                total.evidence.add(Evidence.CHECKED)  # no tax: the total is the subtotal
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
