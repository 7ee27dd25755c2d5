"""create_app(): middleware, error handlers, routers."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from docflow.auth.endpoints import router as auth_router
from docflow.config import get_settings
from docflow.db import check_database_durability, unavailable
from docflow.docs import install_api_docs
from docflow.document.endpoints import router as document_router
from docflow.errors import DocflowError
from docflow.events.endpoints import router as events_router
from docflow.events.hub import running_hub
from docflow.export.endpoints import router as export_router
from docflow.health.endpoints import router as health_router
from docflow.job.endpoints import router as job_router
from docflow.network import TrustedHosts
from docflow.observability.endpoints import router as metrics_router
from docflow.observability.logs import configure_logging
from docflow.observability.middleware import RequestContext
from docflow.request_limits import RequestBodyLimits
from docflow.review.endpoints import router as review_router
from docflow.user.endpoints import router as user_router

log = logging.getLogger("docflow")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
}


def _envelope(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {
            "field": ".".join(str(p) for p in err.get("loc", ())),
            "message": err.get("msg", "invalid"),
            "type": err.get("type", "invalid"),
        }
        for err in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DocflowError)
    async def _docflow_error(_: Request, exc: DocflowError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        body = _envelope("validation_error", "The request is invalid.", _validation_details(exc))
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI could not read the body as JSON (not UTF-8, nested past the parser's depth):
            # an invalid request like malformed JSON, answered the same way (422, json_invalid).
            body = _envelope(
                "validation_error",
                "The request is invalid.",
                [
                    {
                        "field": "body",
                        "message": "The body is not valid JSON.",
                        "type": "json_invalid",
                    }
                ],
            )
            return JSONResponse(body, status_code=422)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return JSONResponse(
            _envelope(code, message), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    @app.exception_handler(PoolTimeout)
    async def _database_unavailable(_: Request, exc: Exception) -> JSONResponse:
        # The pool stayed busy, or PostgreSQL is unreachable, restarting, or lost a connection
        # mid-request: nothing was committed, so the client may simply retry (docflow.db).
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        log.warning("database unavailable: %s", reason)
        error = unavailable(exc)
        assert error is not None
        return JSONResponse(error.body(), status_code=error.status_code, headers=error.headers)

    @app.exception_handler(Exception)
    async def _unhandled(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(
            _envelope("internal_error", "An unexpected error occurred."), status_code=500
        )


class SecurityHeaders:
    """Headers every HTTP answer carries (a pure ASGI middleware: it touches only the response's
    start message, so streamed answers such as SSE pass through untouched)."""

    _ALWAYS = (
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Content-Security-Policy", "frame-ancestors 'none'"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self._ALWAYS:
                    headers.setdefault(name, value)
                if https:
                    headers.setdefault(
                        "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
                    )
            await send(message)

        await self.app(scope, receive, send_with_headers)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # Refuses to start in production on a PostgreSQL that could lose commits (docflow.db).
    await asyncio.to_thread(check_database_durability, "API")
    async with running_hub(app):  # this process's one Redis subscription for live events
        yield


def create_app() -> FastAPI:
    configure_logging(get_settings().log_format)  # redacted, JSON lines; before any request
    app = FastAPI(
        lifespan=_lifespan,
        title="Docflow API",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # served by docflow.docs: local files, a real CSP
        redoc_url=None,
    )
    install_error_handlers(app)

    app.add_middleware(RequestBodyLimits)  # inside SecurityHeaders: its refusals get them too
    app.add_middleware(SecurityHeaders)

    settings = get_settings()
    app.add_middleware(TrustedHosts, hosts=settings.trusted_hosts)
    if settings.trusted_proxies:  # X-Forwarded-For / -Proto from these peers only
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    # Outermost: every answer (refusals included) gets its request id and its latency recorded.
    app.add_middleware(RequestContext)
    if settings.cors_origins:
        # An explicit allowlist only (Settings refuses "*"): credentials are allowed for exactly
        # these origins; without the setting the API is same-origin only.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=[o.rstrip("/") for o in settings.cors_origins],
            allow_credentials=True,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "Idempotency-Key",
                "If-Match",
                "If-None-Match",
                "Last-Event-ID",
                "X-CSRF-Token",
            ],
            expose_headers=["ETag", "Retry-After", "Content-Disposition", "Location"],
            max_age=600,
        )

    for router in (
        health_router,
        auth_router,
        user_router,
        document_router,
        job_router,
        events_router,
        review_router,
        export_router,
    ):
        app.include_router(router, prefix="/api")
    app.include_router(metrics_router)  # /metrics, outside /api (the PWA proxies only /api)
    install_api_docs(app)
    return app


app = create_app()
