"""One validated Settings object, read from DOCFLOW_* environment variables."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


_DEV_PWA_ORIGINS = frozenset({"http://127.0.0.1:3000", "http://localhost:3000"})


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DOCFLOW_", env_file=None, extra="ignore")

    environment: str = Field(default="development", pattern="^(development|test|production)$")
    database_url: str = "postgresql+psycopg://docflow@127.0.0.1:55432/docflow"
    redis_url: str = "redis://127.0.0.1:56379/0"
    broker_url: str | None = None
    # Where original files live: `local` (the folder `storage_dir`) or `s3` (any S3-compatible
    # object store; uploads are still received into `storage_dir`/staging, then sent to the
    # bucket). Credentials: `s3_access_key_id` / `s3_secret_access_key` when set, otherwise the
    # standard AWS chain (AWS_ACCESS_KEY_ID…, AWS_PROFILE, ~/.aws, an instance or task role).
    storage_dir: Path = REPO_ROOT / ".data" / "storage"
    storage_backend: Literal["local", "s3"] = "local"
    s3_bucket: str | None = None
    s3_prefix: str = ""
    s3_region: str | None = None
    s3_endpoint_url: str | None = None  # MinIO, Ceph, R2…; None: AWS S3
    s3_addressing_style: Literal["auto", "path", "virtual"] = "auto"
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    # Objects above the threshold go up (and come down to workers) in parts of `part_size_mb`,
    # `s3_max_concurrency` parts at a time: what one transfer holds in memory is bounded by that.
    s3_multipart_threshold_mb: int = Field(default=8, ge=5)
    s3_part_size_mb: int = Field(default=8, ge=5)
    s3_max_concurrency: int = Field(default=4, ge=1)
    # A store that does not answer: each request tries `s3_max_attempts` times (botocore's
    # standard retry mode), then uploads answer 503 + Retry-After and workers retry the job later.
    s3_connect_timeout_seconds: float = Field(default=5.0, gt=0)
    s3_read_timeout_seconds: float = Field(default=30.0, gt=0)
    s3_max_attempts: int = Field(default=3, ge=1)

    max_upload_mb: int = Field(default=25, ge=1)
    max_files_per_request: int = Field(default=50, ge=1)
    # What one client can hold (docflow.request_limits): a request body must keep coming — the
    # server waits for it at most `grace` seconds plus one second per `min_bytes_per_second`
    # received, and never `idle_timeout` seconds for the next bytes (408 otherwise); bodies other
    # than uploads are capped at `max_request_body_kb` (413); each user has at most
    # `max_concurrent_uploads_per_user` uploads running in one API process (429).
    request_body_grace_seconds: float = Field(default=10.0, gt=0)
    request_body_min_bytes_per_second: int = Field(default=1024, ge=1)
    request_body_idle_timeout_seconds: float = Field(default=30.0, gt=0)
    max_request_body_kb: int = Field(default=1024, ge=1)
    max_concurrent_uploads_per_user: int = Field(default=8, ge=1)
    # The API's connection pool: a request waits at most `db_pool_timeout_seconds` for a
    # connection, then answers 503 with Retry-After.
    db_pool_size: int = Field(default=10, ge=1)
    db_max_overflow: int = Field(default=20, ge=0)
    db_pool_timeout_seconds: float = Field(default=10.0, gt=0)

    event_channel_prefix: str = "docflow"
    # Live events (WS /api/ws, SSE /api/jobs/{id}/stream). A stream more than
    # `event_client_queue_max` events behind is closed with a resume hint (never buffered more).
    event_client_queue_max: int = Field(default=1000, ge=10)
    event_heartbeat_seconds: float = Field(default=15.0, gt=0)
    event_hub_poll_seconds: float = Field(default=2.0, gt=0)
    event_slow_close_seconds: float = Field(default=10.0, gt=0)
    sse_max_lifetime_seconds: float = Field(default=300.0, gt=0)
    sse_retry_ms: int = Field(default=2000, ge=0)
    event_auth_recheck_seconds: float = Field(default=60.0, gt=0)  # revoked → stream closed
    task_queue: str = "docflow"

    # Worker time limits (seconds). The broker's visibility timeout must exceed the hard limit, so
    # a running task's message is never handed to a second worker.
    task_soft_time_limit: int = 120
    task_hard_time_limit: int = 150
    broker_visibility_timeout: int = 600
    # A claimed job's lease: the worker renews it every `job_heartbeat_seconds` (default a third of
    # the lease) while a stage runs, so a live worker keeps its job however slow the stage, and a
    # dead one's job is sent again within lease + sweep interval.
    job_lease_seconds: int = Field(default=15, ge=3)
    job_heartbeat_seconds: float | None = Field(default=None, gt=0)
    stage_timeout_seconds: float = 60.0
    sweep_interval_seconds: float = Field(default=5.0, gt=0)
    requeue_lost_after_seconds: int = 900
    # A worker whose database becomes unreachable (or whose transaction deadlocks) tries the same
    # transaction again, with backoff, for this long before giving the job back to the broker.
    db_retry_seconds: float = Field(default=30.0, ge=0)
    # A job whose worker dies this many times (hard limit, OOM) in one attempt ends `failed`.
    max_worker_losses: int = Field(default=2, ge=0)

    idempotency_ttl_days: int = Field(default=30, ge=30)  # DESIGN.md: kept at least 30 days
    # How often a worker's sweeper deletes expired idempotency records.
    idempotency_purge_interval_seconds: float = 3600.0
    idempotency_lease_seconds: int = 300

    # Document lifecycle (docflow.lifecycle). Finalized documents finalized more than
    # `retention_days` ago are deleted by the sweeper (off when unset). The storage drift check
    # runs every `storage_check_interval_seconds` in the sweeper (and as `npm run storage:check`):
    # documents without their file are reported (logged at error), files without a document are
    # removed once they have been orphans for `storage_orphan_grace_seconds`.
    retention_days: int | None = Field(
        default=None,
        ge=1,
        description="finalized documents finalized more than this many days ago are deleted by "
        "the sweeper, each audit-logged as `document.purged` (unset: off)",
    )
    retention_purge_interval_seconds: float = Field(
        default=3600.0, gt=0, description="how often the sweeper looks for documents past retention"
    )
    storage_check_interval_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="how often the sweeper runs the storage drift check (`npm run storage:check` "
        "runs it once)",
    )
    storage_orphan_grace_seconds: float = Field(
        default=3600.0,
        ge=0,
        description="a stored file without a document is removed once it has been one this long",
    )

    # Browser origins. The API's own origin is always trusted. `cors_origins` may call the API
    # cross-origin with credentials (an explicit list, never "*"); they and `allowed_ws_origins`
    # are trusted for cookie-authenticated requests and WebSocket handshakes (e.g. the PWA's origin
    # when it proxies /api). In development the PWA's default origins are trusted too.
    cors_origins: list[str] = []
    allowed_ws_origins: list[str] = []
    # Host names the API answers to (the Host header, port ignored; "*.example.com" matches its
    # subdomains; "*" turns the check off). Anything else is refused with 400: a DNS-rebinding
    # page must not pass as the API's own origin. The default covers loopback use.
    trusted_hosts: list[str] = ["localhost", "127.0.0.1", "::1"]
    # Reverse proxies (IPs or CIDR networks) whose X-Forwarded-For / -Proto are believed; none by
    # default, so a client can never choose the address the sign-in limits and the audit see.
    trusted_proxies: list[str] = []

    # First admin, created at start-up when no user exists (development prints a demo login).
    bootstrap_admin_email: str | None = None
    bootstrap_admin_password: str | None = None
    secret_key: str = "dev-insecure-secret-change-me"

    # Sign-in sessions (cookie) and login rate limits (Redis, fixed windows).
    session_cookie_name: str = "docflow_session"
    session_max_age_hours: int = Field(default=168, ge=1)
    session_cookie_secure: bool | None = None  # None: Secure whenever the request is HTTPS
    login_rate_window_seconds: int = Field(default=300, ge=1)
    login_max_failures_per_account: int = Field(default=10, ge=1)
    login_max_failures_per_address: int = Field(default=50, ge=1)

    # Logs: one JSON object per line (request_id, job_id, document_id, workspace_id included), or
    # "text" for a human at a terminal.
    log_format: str = Field(default="json", pattern="^(json|text)$")
    # Who may read /metrics (the API) and the worker's metrics server: a request carrying
    # `Authorization: Bearer <metrics_token>` (when set), or any client whose address is in
    # `metrics_allowed_networks` (IPs or CIDR networks; loopback only by default).
    metrics_token: str | None = None
    metrics_allowed_networks: list[str] = ["127.0.0.1/32", "::1/128"]
    # The worker's metrics server (Prometheus text format at /metrics), one per worker host: off
    # unless a port is set. Pool processes share PROMETHEUS_MULTIPROC_DIR (prometheus-client's
    # multiprocess mode; a temporary folder when unset).
    worker_metrics_port: int | None = Field(default=None, ge=1, le=65535)
    worker_metrics_host: str = "127.0.0.1"

    @property
    def broker(self) -> str:
        return self.broker_url or self.redis_url

    @property
    def heartbeat_interval(self) -> float:
        return self.job_heartbeat_seconds or self.job_lease_seconds / 3

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    @property
    def trusted_origins(self) -> frozenset[str]:
        origins = {o.rstrip("/").lower() for o in (*self.cors_origins, *self.allowed_ws_origins)}
        if self.environment == "development":
            origins |= _DEV_PWA_ORIGINS
        return frozenset(origins)

    @model_validator(mode="after")
    def _check_limits(self) -> Settings:
        if self.storage_backend == "s3" and not self.s3_bucket:
            raise ValueError("DOCFLOW_S3_BUCKET must be set when DOCFLOW_STORAGE_BACKEND=s3")
        if (self.s3_access_key_id is None) != (self.s3_secret_access_key is None):
            raise ValueError(
                "set both DOCFLOW_S3_ACCESS_KEY_ID and DOCFLOW_S3_SECRET_ACCESS_KEY, or neither "
                "(the standard AWS credential chain)"
            )
        if self.broker_visibility_timeout <= self.task_hard_time_limit:
            raise ValueError("broker_visibility_timeout must exceed task_hard_time_limit")
        if self.task_soft_time_limit >= self.task_hard_time_limit:
            raise ValueError("task_soft_time_limit must be below task_hard_time_limit")
        if not self.trusted_hosts:
            raise ValueError("trusted_hosts must name at least one host (or '*')")
        if self.heartbeat_interval * 2 > self.job_lease_seconds:
            raise ValueError(
                "job_heartbeat_seconds must be at most half of job_lease_seconds (a live worker "
                "would lose its job to one late heartbeat)"
            )
        for network in self.metrics_allowed_networks:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise ValueError(
                    f"metrics_allowed_networks: {network!r} is not an IP address or network"
                ) from None
        if any(o.strip() == "*" for o in (*self.cors_origins, *self.allowed_ws_origins)):
            raise ValueError("origins must be listed explicitly: '*' is refused (credentials)")
        if self.environment == "production":
            if self.secret_key.startswith("dev-insecure") or len(self.secret_key) < 32:
                raise ValueError(
                    "DOCFLOW_SECRET_KEY must be set to a real secret (32+ chars) in production"
                )
            password = self.bootstrap_admin_password
            if password is not None and (len(password) < 12 or password == "docflow-demo"):
                raise ValueError(
                    "DOCFLOW_BOOTSTRAP_ADMIN_PASSWORD must be a real password (12+ chars) "
                    "in production"
                )
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
