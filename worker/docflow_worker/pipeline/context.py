from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from docflow.events.publisher import NewEvent
from docflow.job.service import WorkerClaim
from docflow_worker.extraction import ExtractedFields
from docflow_worker.parsing import ParsedDocument


@dataclass
class PipelineContext:
    """What one attempt knows as it moves through the stages."""

    claim: WorkerClaim
    document_id: uuid.UUID
    file_path: Path
    mime_type: str
    boundary_at: float  # time.monotonic() of the last stage boundary written
    parsed: ParsedDocument | None = None
    extraction: ExtractedFields | None = None
    # Events of stage boundaries not written yet (carried into the next transaction).
    unrecorded: list[NewEvent] = field(default_factory=list)


class StageFailed(Exception):
    """A stage could not do its work; the message is shown to the reviewer as the job's error."""
