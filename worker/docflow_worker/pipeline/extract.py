"""Extract stage: find the invoice fields, each with a confidence and its source location.
An e-invoice (an uploaded XML, or a PDF carrying one) gives its fields from the XML."""

from __future__ import annotations

from docflow_worker.einvoice import extract_einvoice
from docflow_worker.extraction import extract_fields
from docflow_worker.pipeline.context import PipelineContext

name = "extracting"


def run(ctx: PipelineContext) -> None:
    assert ctx.parsed is not None
    if ctx.parsed.xml is not None:
        ctx.extraction = extract_einvoice(ctx.parsed)
    else:
        ctx.extraction = extract_fields(ctx.parsed)
