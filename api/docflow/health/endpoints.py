from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from docflow.health.schemas import HealthRead, ReadinessRead
from docflow.health.service import check_readiness
from docflow.openapi import error_responses

router = APIRouter(tags=["health"])


@router.get("/health", operation_id="health-live")
def health() -> HealthRead:
    return HealthRead(status="ok")


@router.get(
    "/ready",
    operation_id="health-ready",
    response_model=ReadinessRead,
    responses=error_responses(
        503, notes={503: "A dependency is down (`not_ready`): details.checks names which"}
    ),
)
async def ready() -> JSONResponse:
    checks = await run_in_threadpool(check_readiness)
    failed = [name for name, ok in checks.items() if not ok]
    if failed:
        return JSONResponse(
            {
                "error": {
                    "code": "not_ready",
                    "message": f"Not ready: {', '.join(failed)} unavailable.",
                    "details": {"checks": checks},
                }
            },
            status_code=503,
        )
    return JSONResponse({"status": "ready", "checks": checks})
