"""The least an upload → Celery → PostgreSQL pipeline on the fixed stack can do per document, used
by floor.py: a FastAPI endpoint that reads one multipart file, writes it to disk, records it with
one INSERT and sends a Celery task; a task (same Celery settings as the real worker: Redis broker,
late acks, prefetch 1, JSON) that reads the file, claims and completes the row with two UPDATEs
and publishes one message on Redis Pub/Sub. No parsing, no extraction, no auth, no events table:
what remains is the frameworks' own cost, which the real pipeline cannot go below."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import psycopg
import redis
from celery import Celery
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

DSN = os.environ["FLOOR_DSN"]
REDIS_URL = os.environ["FLOOR_REDIS_URL"]
FOLDER = Path(os.environ["FLOOR_FOLDER"])

celery_app = Celery("floor", broker=REDIS_URL)
celery_app.conf.update(
    task_default_queue="floor",
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    worker_disable_rate_limits=True,
    worker_hijack_root_logger=False,
    worker_send_task_events=False,
    worker_enable_remote_control=False,
    broker_transport_options={"visibility_timeout": 600},
)

app = FastAPI()
_conn: psycopg.Connection[tuple[object, ...]] | None = None


def connection() -> psycopg.Connection[tuple[object, ...]]:
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg.connect(DSN)
    return _conn


def _record(doc_id: uuid.UUID, name: str, size: int) -> None:
    conn = connection()
    with conn.transaction():
        conn.execute(
            "INSERT INTO floor_docs (id, name, size, status) VALUES (%s, %s, %s, 'queued')",
            (doc_id, name, size),
        )


@app.post("/upload", status_code=202)
async def upload(request: Request) -> JSONResponse:
    form = await request.form()
    upload = form["file"]
    assert not isinstance(upload, str)
    data = await upload.read()
    doc_id = uuid.uuid4()
    (FOLDER / doc_id.hex).write_bytes(data)
    _record(doc_id, upload.filename or "", len(data))
    celery_app.send_task("floor.process", args=[str(doc_id)])
    return JSONResponse({"id": str(doc_id)}, status_code=202)


_redis: redis.Redis | None = None


@celery_app.task(name="floor.process")
def process(doc_id: str) -> None:
    global _redis
    (FOLDER / uuid.UUID(doc_id).hex).read_bytes()
    conn = connection()
    with conn.transaction():
        conn.execute("UPDATE floor_docs SET status = 'processing' WHERE id = %s", (doc_id,))
    with conn.transaction():
        conn.execute("UPDATE floor_docs SET status = 'completed' WHERE id = %s", (doc_id,))
    if _redis is None:
        _redis = redis.Redis.from_url(REDIS_URL)
    _redis.publish("floor", doc_id)
