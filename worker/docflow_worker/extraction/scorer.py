"""The learned scorer: which candidate to keep, and how sure to be of it.

The model (scorer_model.json, trained by bench/extraction/train.py on the labelled sets) is,
per field, a logistic regression over the candidate's named features (features.py, the
rules' own confidence among them) followed by an isotonic map fitted on held-out folds, so
its output is a calibrated probability that the value is right. Where the rules leave
several candidates (invoice number, invoice date), the candidate with the highest
probability is kept; for the other fields the rules' cross-checked pick stands and the model
gives its confidence. The file is required: without it extraction fails loudly (the job
fails) instead of reading nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docflow_worker.extraction import EMPTY, FIELD_NAMES, ExtractedFields
from docflow_worker.extraction.candidates import field_value
from docflow_worker.extraction.extract import read
from docflow_worker.extraction.features import candidate_features, options
from docflow_worker.extraction.model import load_model
from docflow_worker.parsing import ParsedDocument

if TYPE_CHECKING:
    from docflow_worker.extraction.candidates import Candidate
    from docflow_worker.extraction.extract import Reading

MODEL = load_model()


def choose(name: str, reading: Reading) -> tuple[Candidate | None, float]:
    """The kept candidate of a field and its confidence (0 when there is none).

    The candidate with the highest calibrated probability is kept (the rules' pick unless a
    rival is strictly more probable). Its confidence is that probability, capped by the
    rules' evidence-based confidence (features.calibrate): the labelled sets hold few wrong
    fields, so what the rules know to be risky (an arithmetic mismatch, a date-shaped number,
    an unlabelled date, a currency guessed from the country) must not read as certain.
    """
    kept = options(name, reading)
    if not kept:
        return None, 0.0
    rivals = reading.candidates.get(name, []) or kept
    model = MODEL[name]
    scored = []
    for candidate in kept:
        vector = candidate_features(name, candidate, reading, rivals)
        scored.append((model.probability(vector), vector["rule_confidence"], candidate))
    best_p, cap, best = scored[0]
    for p, rule_confidence, candidate in scored[1:]:
        if p > best_p:  # strictly better than the rules' pick
            best_p, cap, best = p, rule_confidence, candidate
    return best, min(best_p, cap)


def extract(doc: ParsedDocument) -> ExtractedFields:
    """The rules' candidates (extract.read), chosen and given a confidence by the model."""
    reading = read(doc)
    if reading.document_type == "other":
        return ExtractedFields("other", dict.fromkeys(FIELD_NAMES, EMPTY))
    fields = {}
    for name in FIELD_NAMES:
        candidate, confidence = choose(name, reading)
        fields[name] = field_value(candidate, confidence)
    return ExtractedFields(reading.document_type, fields)
