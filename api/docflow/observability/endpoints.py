"""GET /metrics: Prometheus' text format, for the clients `metrics_token` /
`metrics_allowed_networks` allow (403 otherwise). Not part of the API's OpenAPI document."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from docflow.errors import Forbidden
from docflow.observability.metrics import CONTENT_TYPE, access_allowed, render

router = APIRouter(include_in_schema=False)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    client = request.client.host if request.client else None
    if not access_allowed(client, request.headers.get("authorization")):
        raise Forbidden("Metrics are available to allowed networks or with the metrics token only.")
    return Response(render(system_state=True), media_type=CONTENT_TYPE)
