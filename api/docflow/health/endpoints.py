from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from docflow.health.service import check_readiness

router = APIRouter(tags=["health"])


@router.get("/health", operation_id="health-live")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready", operation_id="health-ready")
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
