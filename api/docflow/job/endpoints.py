from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header

from docflow.deps import CurrentPrincipal, SessionDep
from docflow.idempotency.endpoint import run_idempotent
from docflow.job.schemas import JobRead
from docflow.job.service import JobService
from docflow.openapi import AUTHENTICATED, error_responses

router = APIRouter(tags=["jobs"])

_IDEMPOTENT = {
    409: "Not allowed in the job's state (`invalid_state`), or a request with this "
    "Idempotency-Key is still being processed (`conflict`)"
}


@router.get(
    "/jobs/{job_id}", operation_id="jobs-get", responses=error_responses(*AUTHENTICATED, 404, 422)
)
def get_job(job_id: uuid.UUID, principal: CurrentPrincipal, session: SessionDep) -> JobRead:
    return JobRead.model_validate(JobService(session).get(principal, job_id))


@router.post(
    "/jobs/{job_id}/retry",
    operation_id="jobs-retry",
    response_model=JobRead,
    responses=error_responses(*AUTHENTICATED, 404, 409, 422, notes=_IDEMPOTENT),
)
def retry_job(
    job_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> object:
    return run_idempotent(
        session,
        principal,
        idempotency_key,
        f"POST /api/jobs/{job_id}/retry",
        None,
        lambda: (JobRead.model_validate(JobService(session).retry(principal, job_id)), {}),
    )


@router.post(
    "/jobs/{job_id}/cancel",
    operation_id="jobs-cancel",
    response_model=JobRead,
    responses=error_responses(*AUTHENTICATED, 404, 409, 422, notes=_IDEMPOTENT),
)
def cancel_job(
    job_id: uuid.UUID,
    principal: CurrentPrincipal,
    session: SessionDep,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> object:
    return run_idempotent(
        session,
        principal,
        idempotency_key,
        f"POST /api/jobs/{job_id}/cancel",
        None,
        lambda: (JobRead.model_validate(JobService(session).cancel(principal, job_id)), {}),
    )
