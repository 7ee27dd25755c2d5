"""Store stage: the result row, the last events and the job's completion in one transaction.
The caller clears `ctx.unrecorded` once it committed (a failed commit is tried again with them)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from docflow.document.repository import DocumentRepository
from docflow.events.publisher import NewEvent
from docflow.job.service import JobService
from docflow.models import DocumentStatus, ExtractionResult, JobStatus
from docflow_worker.pipeline.context import PipelineContext

name = "storing"


def run(ctx: PipelineContext, session: Session) -> None:
    parsed, extraction = ctx.parsed, ctx.extraction
    assert parsed is not None
    assert extraction is not None
    found = sum(1 for f in extraction.fields.values() if f.value is not None)
    extracted = NewEvent(
        "field_extraction_completed",
        {"document_type": extraction.document_type, "fields_found": found},
        status=JobStatus.processing,
        progress=90,
        stage=name,
    )
    with JobService(session).completing(
        ctx.claim,
        events=[*ctx.unrecorded, extracted],
        data={"document_type": extraction.document_type, "pages": len(parsed.pages)},
        document_status_by_caller=True,
    ):
        documents = DocumentRepository(session)
        saved = documents.save_extraction(
            ExtractionResult(
                document_id=ctx.document_id,
                job_attempt=ctx.claim.attempt,
                raw_text=parsed.text,
                document_type=extraction.document_type,
                page_count=len(parsed.pages),
                parse_method=parsed.method,
                structured_output_json=extraction.to_json(),
            )
        )
        # The list's vendor/number/date/total columns, the business-duplicate flag (issue 4) and
        # the document's status, in one row write.
        documents.index_extraction(saved, status=DocumentStatus.completed)
