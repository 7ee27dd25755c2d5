"""The worker host's metrics, for Prometheus: the pool processes write their values to
PROMETHEUS_MULTIPROC_DIR (prometheus-client's multiprocess mode) and the worker's main process
serves them all over HTTP at `worker_metrics_host:worker_metrics_port` /metrics, to the clients
`metrics_token` / `metrics_allowed_networks` allow (the API's rule). Off unless the port is set.

`prepare()` must run before prometheus_client is first imported (the package's __init__ calls it):
the library picks its multiprocess storage at import time.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from docflow.config import get_settings

log = logging.getLogger(__name__)

_server: WSGIServer | None = None


def prepare() -> None:
    """When the metrics server is on: make sure PROMETHEUS_MULTIPROC_DIR names a folder, emptied
    (values of an earlier run must not be served again)."""
    if get_settings().worker_metrics_port is None:
        return
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        folder = tempfile.mkdtemp(prefix="docflow-worker-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = folder
    path = Path(folder)
    if path.is_dir():
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    path.mkdir(parents=True, exist_ok=True)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # scrapes are not worth a line
        pass


def _app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    from docflow.observability.metrics import CONTENT_TYPE, access_allowed, render

    if environ.get("PATH_INFO") not in ("/metrics", "/"):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found\n"]
    if not access_allowed(environ.get("REMOTE_ADDR"), environ.get("HTTP_AUTHORIZATION")):
        start_response("403 Forbidden", [("Content-Type", "application/json")])
        return [
            b'{"error":{"code":"forbidden","message":"Metrics are available to allowed '
            b'networks or with the metrics token only.","details":null}}'
        ]
    body = render(system_state=False)
    start_response("200 OK", [("Content-Type", CONTENT_TYPE), ("Content-Length", str(len(body)))])
    return [body]


def start() -> None:
    """In the worker's main process: serve /metrics on a daemon thread (once)."""
    global _server
    settings = get_settings()
    if settings.worker_metrics_port is None or _server is not None:
        return
    _server = make_server(
        settings.worker_metrics_host,
        settings.worker_metrics_port,
        _app,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=_server.serve_forever, name="metrics-server", daemon=True).start()
    log.info(
        "worker metrics on http://%s:%s/metrics",
        settings.worker_metrics_host,
        settings.worker_metrics_port,
    )


def stop() -> None:
    global _server
    if _server is not None:
        _server.shutdown()
        _server.server_close()
        _server = None


def process_exited(pid: int) -> None:
    """A pool process ended: its live gauges no longer count (multiprocess mode)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
