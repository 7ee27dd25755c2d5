"""The shape of a language's label table: one tuple of regular-expression fragments per
label family (matched case-insensitively; a fragment is one alternative of the family's
pattern, so it must not contain a top-level "|")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelTable:
    code: str  # ISO 639-1, or "common"
    name: str
    # words whose count in the text picks the reading language (decimal, date order)
    cues: tuple[str, ...] = ()
    invoice_word: tuple[str, ...] = ()  # the word for "invoice"
    doc_word: tuple[
        str, ...
    ] = ()  # other documents with a number of their own (credit note, receipt)
    doc_qualifier: tuple[
        str, ...
    ] = ()  # a word between the document word and "No." ("Tax Invoice No")
    number_word: tuple[str, ...] = ()  # "No." / "number" after a document word
    number_label: tuple[str, ...] = ()  # one-word invoice-number labels ("Rechnungsnummer")
    number_of_invoice: tuple[str, ...] = ()  # "number" before "of invoice" ("N° de facture")
    bare_number_label: tuple[str, ...] = ()  # a bare number label heading its cell
    number_block: tuple[
        str, ...
    ] = ()  # words that make a number label another number (customer, order, VAT id)
    date_label: tuple[str, ...] = ()  # invoice-date labels ("Invoice date", "Rechnungsdatum")
    date_word: tuple[str, ...] = ()  # the bare word "date"
    date_block: tuple[str, ...] = ()  # words that make a date another date (due, delivery, period)
    total_strong: tuple[
        str, ...
    ] = ()  # labels of the amount to pay ("Grand total", "Gesamtbetrag")
    total_weak: tuple[str, ...] = ()  # generic total words ("Total", "Summe")
    total_block: tuple[
        str, ...
    ] = ()  # words that make a total-like line another amount (subtotal, net, paid)
    tax_word: tuple[str, ...] = ()  # names of the tax ("VAT", "MwSt", "TVA")
    tax_block: tuple[
        str, ...
    ] = ()  # words that make a tax line something else (tax id, base, rate)
    tax_included: tuple[str, ...] = ()  # "including" (the tax is inside the total)
    tax_total: tuple[str, ...] = ()  # labels of the tax total ("Total VAT")
    subtotal: tuple[str, ...] = ()  # labels of the amount before tax
    rounding: tuple[str, ...] = ()  # rounding lines
    discount: tuple[str, ...] = ()  # discount lines
    vendor_label: tuple[str, ...] = ()  # seller labels ("From:", "Lieferant")
    buyer_label: tuple[str, ...] = ()  # buyer labels ("Bill to", "Kunde")
    not_vendor_word: tuple[str, ...] = ()  # words a vendor name never contains
    not_vendor_script: tuple[str, ...] = ()  # the same, in scripts without word boundaries
    not_vendor_short: tuple[str, ...] = ()  # short words a vendor name never contains
    greeting: tuple[str, ...] = ()  # greetings and copy marks that start a line that is no name
    status_partially_paid: tuple[str, ...] = ()  # status: partially paid
    status_overdue: tuple[str, ...] = ()  # status: overdue
    status_unpaid: tuple[str, ...] = ()  # status: unpaid
    status_paid: tuple[str, ...] = ()  # status: paid
    status_due: tuple[str, ...] = ()  # status: due (whole cell)
    status_void: tuple[str, ...] = ()  # status: void (whole cell)
    status_draft: tuple[str, ...] = ()  # status: draft (whole cell)
    status_label: tuple[str, ...] = ()  # payment-status labels
    title_credit_note: tuple[str, ...] = ()  # titles of a credit note
    title_invoice: tuple[str, ...] = ()  # titles of an invoice
    title_receipt: tuple[str, ...] = ()  # titles of a receipt
