"""Extract stage: find the invoice fields, each with a confidence and its source location."""

from __future__ import annotations

from docflow_worker.extraction import extract_fields
from docflow_worker.pipeline.context import PipelineContext

name = "extracting"


def run(ctx: PipelineContext) -> None:
    assert ctx.parsed is not None
    ctx.extraction = extract_fields(ctx.parsed)
