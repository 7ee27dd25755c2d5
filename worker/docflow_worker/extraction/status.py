"""The payment status: a status label, a stamp, or a sentence saying it has been paid."""

from __future__ import annotations

import re

from docflow_worker.extraction.candidates import Candidate, is_column_heading, value_sources
from docflow_worker.extraction.context import Context
from docflow_worker.extraction.labels import IGN, STATUS_LABEL, STATUS_VALUES

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
    # "Check #1234 received 01/02/2025." (no amount: not a part payment on a statement)
    r"\b(?:check|cheque)\s*(?:#|no\.?)?\s*\d+\s+received\b(?![^\n]*\d[.,]\d{2}\b)",
    IGN | re.M,
)


def find_status(ctx: Context) -> Candidate | None:
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
            for value_text, target, offset, penalty in value_sources(ctx.layout, seg, label.end()):
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
        if 1 <= len(words) <= 3 and len(text) <= 20 and not is_column_heading(ctx, seg):
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
