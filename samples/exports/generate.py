"""Regenerate the sample exports in this folder from a real run:

    uv run python samples/exports/generate.py

Starts a private PostgreSQL + Redis and a real Celery worker (tests_support.servers), uploads
three sample invoices through the API, waits for the worker, corrects one field of one of them
(PUT /review), finalizes all three and writes what the export endpoints return:
invoice-01-us.json/.csv (single exports) and bulk.csv / bulk.ndjson / bulk.json (GET /api/exports).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from tests_support.api import SAMPLES, upload, wait_for_job  # noqa: E402
from tests_support.servers import (  # noqa: E402
    start_stack,
    start_worker,
    stop_stack,
    stop_worker,
    use_stack,
)

INVOICES = ("invoice-01-us.pdf", "invoice-03-de.pdf", "invoice-09-es.pdf")


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="docflow-sample-exports-"))
    stack = start_stack(tmp)
    worker = None
    try:
        use_stack(stack)
        worker = start_worker(stack.env, tmp / "worker.log")

        from fastapi.testclient import TestClient

        from docflow.auth.service import AuthService
        from docflow.db import unit_of_work
        from docflow.main import create_app

        with unit_of_work() as session:
            auth = AuthService(session)
            user = auth.create_workspace_with_admin(
                "Samples", "samples@example.test", None, "admin"
            )
            token = auth.issue_token(user.id, "samples").secret
        with TestClient(create_app()) as client:
            client.headers["Authorization"] = f"Bearer {token}"
            ids = []
            for name in INVOICES:
                item = upload(client, SAMPLES / name).json()["items"][0]
                job = wait_for_job(client, item["job"]["id"], timeout=120)
                assert job["status"] == "completed", job
                ids.append(item["document"]["id"])
            first = client.get(f"/api/documents/{ids[0]}")
            reviewed = client.put(
                f"/api/documents/{ids[0]}/review",
                json={"fields": {"status": "approved"}},
                headers={"If-Match": first.headers["ETag"], "Idempotency-Key": "sample-review"},
            )
            assert reviewed.status_code == 200, reviewed.text
            for document_id in ids:
                response = client.post(f"/api/documents/{document_id}/finalize")
                assert response.status_code == 200, response.text
            for fmt in ("json", "csv"):
                response = client.get(f"/api/documents/{ids[0]}/export/{fmt}")
                (HERE / f"invoice-01-us.{fmt}").write_bytes(response.content)
            for fmt in ("csv", "ndjson", "json"):
                response = client.get("/api/exports", params={"format": fmt, "sort": "uploaded_at"})
                (HERE / f"bulk.{fmt}").write_bytes(response.content)
        print(f"wrote {', '.join(sorted(p.name for p in HERE.iterdir() if p.suffix != '.py'))}")
        return 0
    finally:
        stop_worker(worker)
        from docflow.db import get_engine

        get_engine().dispose()
        stop_stack(stack)


if __name__ == "__main__":
    raise SystemExit(main())
