"""Prometheus metrics (prometheus-client). Every series is named here, once.

Counters and histograms are recorded where things happen, in the API and in the worker. A worker
host runs several pool processes: they write their values to PROMETHEUS_MULTIPROC_DIR
(prometheus-client's multiprocess mode) and the worker's main process serves them all
(docflow_worker.metrics_server). The API serves its own at /metrics (aggregating its processes
the same way when it runs several and the variable is set).

What is true of the whole system rather than of one process — jobs by state, the queue's depth and
its oldest job's age, stranded jobs — is read from PostgreSQL and Redis when /metrics is scraped,
by the API only, so a sum over every scraped process never counts it twice.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import redis
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from docflow.config import Settings, get_settings

log = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST
UNMATCHED_ROUTE = "unmatched"

# --- recorded where they happen --------------------------------------------------------------
HTTP_DURATION = Histogram(
    "docflow_http_request_duration_seconds",
    "HTTP request latency, by route template (not the raw path), method and status code.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
UPLOAD_BYTES = Counter(
    "docflow_upload_bytes", "Bytes of uploaded files accepted (stored for processing)."
)
UPLOAD_REJECTIONS = Counter(
    "docflow_upload_rejections",
    "Uploaded files refused, by reason (too_large, unsupported, empty, quota, ...).",
    ["reason"],
)
LIVE_CONNECTIONS = Gauge(
    "docflow_live_connections",
    "Open live-event streams, by kind (websocket, sse).",
    ["kind"],
    multiprocess_mode="livesum",
)
EVENTS_PUBLISHED = Counter(
    "docflow_events_published", "Job events published on Redis Pub/Sub after their commit."
)
EVENTS_DELIVERED = Counter(
    "docflow_events_delivered",
    "Job events sent to live clients, by kind (websocket, sse).",
    ["kind"],
)
STAGE_DURATION = Histogram(
    "docflow_stage_duration_seconds",
    "Time one processing stage took in the worker, by stage (parsing, extracting, storing).",
    ["stage"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
JOBS_FINISHED = Counter(
    "docflow_jobs_finished",
    "Processing attempts that ended, by outcome (completed, failed).",
    ["outcome"],
)

# --- read from PostgreSQL and Redis at scrape time (the API only) ----------------------------
JOB_STATES = ("queued", "processing", "completed", "failed", "cancelled")


class SystemStateCollector(Collector):
    """Jobs by state, queue depth, the oldest queued job's age and stranded jobs."""

    def collect(self) -> Iterator[Metric]:
        from docflow.db import unit_of_work
        from docflow.job.service import JobService

        jobs = GaugeMetricFamily("docflow_jobs", "Jobs by state (PostgreSQL).", labels=["state"])
        oldest = GaugeMetricFamily(
            "docflow_queue_oldest_age_seconds",
            "Age of the job that has been queued longest (0 when none is queued).",
        )
        stranded = GaugeMetricFamily(
            "docflow_jobs_stranded",
            "Jobs nobody is running: processing past their lease, or queued but never handed to "
            "the broker, for over a minute (the sweeper should pick them up).",
        )
        depth = GaugeMetricFamily(
            "docflow_queue_depth", "Messages waiting in the broker's queue (Redis)."
        )
        up = GaugeMetricFamily(
            "docflow_state_scrape_ok",
            "1 when PostgreSQL and Redis answered this scrape's state queries, else 0.",
            labels=["source"],
        )
        try:
            with unit_of_work() as session:
                stats = JobService(session).operational_stats()
            for state in sorted({*JOB_STATES, *stats.by_status}):
                jobs.add_metric([state], stats.by_status.get(state, 0))
            oldest.add_metric([], stats.oldest_queued_seconds)
            stranded.add_metric([], stats.stranded)
            up.add_metric(["postgresql"], 1)
            yield from (jobs, oldest, stranded)
        except Exception as exc:
            log.warning("metrics: job state unavailable: %s", exc)
            up.add_metric(["postgresql"], 0)
        try:
            depth.add_metric([], queue_depth())
            up.add_metric(["redis"], 1)
            yield depth
        except (redis.RedisError, OSError) as exc:
            log.warning("metrics: queue depth unavailable: %s", exc)
            up.add_metric(["redis"], 0)
        yield up


@lru_cache
def _broker_redis() -> redis.Redis:
    return redis.Redis.from_url(get_settings().broker, socket_timeout=2, socket_connect_timeout=2)


# Kombu's Redis transport keeps one list per queue and priority step (`<queue>\x06\x16<n>`).
_PRIORITY_STEPS = (0, 3, 6, 9)


def queue_depth() -> int:
    queue = get_settings().task_queue
    keys = [queue if step == 0 else f"{queue}\x06\x16{step}" for step in _PRIORITY_STEPS]
    pipe = _broker_redis().pipeline(transaction=False)
    for key in keys:
        pipe.llen(key)
    return sum(int(n) for n in pipe.execute())


# --- exposition --------------------------------------------------------------------------------
def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


class _Collectors(Collector):
    def __init__(self, collectors: Iterable[Any]) -> None:
        self.collectors = list(collectors)

    def collect(self) -> Iterator[Metric]:
        for collector in self.collectors:
            yield from collector.collect()


def render(*, system_state: bool) -> bytes:
    """The Prometheus text exposition of this process (or, in multiprocess mode, of every process
    writing to PROMETHEUS_MULTIPROC_DIR), plus the system state when asked."""
    registry = CollectorRegistry(auto_describe=False)
    if multiprocess_dir():
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry.register(_Collectors([REGISTRY]))
    if system_state:
        registry.register(SystemStateCollector())
    return generate_latest(registry)


def access_allowed(
    client_host: str | None, authorization: str | None, settings: Settings | None = None
) -> bool:
    """May this client read the metrics? The bearer token (when one is set) or an allowed
    network."""
    settings = settings or get_settings()
    if settings.metrics_token and authorization:
        scheme, _, credential = authorization.partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            credential.strip().encode(), settings.metrics_token.encode()
        ):
            return True
    if not client_host:
        return False
    try:
        address = ipaddress.ip_address(client_host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:127.0.0.1 from a dual-stack socket
    candidates = [address] if mapped is None else [address, mapped]
    return any(
        candidate in ipaddress.ip_network(network, strict=False)
        for network in settings.metrics_allowed_networks
        for candidate in candidates
        if candidate.version == ipaddress.ip_network(network, strict=False).version
    )
