"""DELETE /api/documents/{id} as clients see it: what goes with the document (its file and its
preview too), who may delete, a finalized document, a second delete, the live `document_deleted`
event, and a worker that was processing the document when it was deleted."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from api.tests.review.seeding import seed_document
from tests_support.api import minimal_pdf, upload, wait_for_job
from tests_support.live import read_until, subscribe, ws_client
from tests_support.servers import api_server

TABLES = (
    "documents",
    "jobs",
    "extraction_results",
    "document_field_changes",
    "finalized_records",
    "document_previews",
)


def rows_of(document_id: str) -> dict[str, int]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        found = {
            table: int(
                conn.execute(
                    text(
                        f"SELECT count(*) FROM {table} WHERE "
                        f"{'id' if table == 'documents' else 'document_id'} = :id"
                    ),
                    {"id": document_id},
                ).scalar_one()
            )
            for table in TABLES
        }
        found["events"] = int(
            conn.execute(
                text(
                    "SELECT count(*) FROM job_events WHERE document_id = :id "
                    "AND type <> 'document_deleted'"
                ),
                {"id": document_id},
            ).scalar_one()
        )
    return found


GONE = dict.fromkeys((*TABLES, "events"), 0)


def audit_of(document_id: str) -> list[tuple[str, str | None, dict[str, Any]]]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return [
            (action, str(actor) if actor else None, data)
            for action, actor, data in conn.execute(
                text(
                    "SELECT action, actor_id, data FROM audit_events WHERE target_id = :id "
                    "ORDER BY created_at"
                ),
                {"id": document_id},
            )
        ]


def stored_file(document_id: str) -> Path:
    from docflow.config import get_settings
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        key = conn.execute(
            text("SELECT stored_file_path FROM documents WHERE id = :id"), {"id": document_id}
        ).scalar_one()
    return Path(get_settings().storage_dir) / key


def preview_file(document_id: str) -> Path:
    from docflow.config import get_settings
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        key = conn.execute(
            text("SELECT storage_key FROM document_previews WHERE document_id = :id"),
            {"id": document_id},
        ).scalar_one()
    return Path(get_settings().storage_dir) / key


def uploaded(client: Any, name: str = "invoice.pdf", body: bytes | None = None) -> dict[str, Any]:
    response = upload(client, (name, body or minimal_pdf(f"Invoice {uuid.uuid4()} 10.00 EUR")))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    return item


def test_a_reviewed_document_goes_with_its_file_job_events_and_results(
    client: Any, user: Any, worker: Any
) -> None:
    item = uploaded(client)
    document_id, job_id = item["document"]["id"], item["job"]["id"]
    assert wait_for_job(client, job_id)["status"] == "completed"
    etag = client.get(f"/api/documents/{document_id}").headers["ETag"]
    saved = client.put(
        f"/api/documents/{document_id}/review",
        json={"fields": {"vendor_name": "Corrected GmbH"}},
        headers={"If-Match": etag},
    )
    assert saved.status_code == 200, saved.text
    path = stored_file(document_id)
    assert path.is_file()
    assert all(
        rows_of(document_id)[t] >= 1 for t in ("documents", "jobs", "events", "document_previews")
    )
    preview = client.get(f"/api/documents/{document_id}").json()["preview"]
    assert client.get(preview["url"]).status_code == 200
    preview_path = preview_file(document_id)
    assert preview_path.is_file()

    response = client.delete(f"/api/documents/{document_id}")

    assert response.status_code == 204, response.text
    assert response.content == b""
    assert rows_of(document_id) == GONE
    assert not path.exists()
    assert not preview_path.exists()
    assert client.get(f"/api/documents/{document_id}").status_code == 404
    assert client.get(f"/api/jobs/{job_id}").status_code == 404
    assert client.get(f"/api/documents/{document_id}/file").status_code == 404
    assert client.get(preview["url"]).status_code == 404
    listed = client.get("/api/documents").json()
    assert document_id not in [d["id"] for d in listed["items"]]
    assert sum(listed["counts"].values()) == 0
    (action, actor, data) = audit_of(document_id)[0]
    assert (action, actor, data["status"]) == ("document.deleted", str(user.user_id), "completed")

    again = client.delete(f"/api/documents/{document_id}")
    assert again.status_code == 404
    assert again.json()["error"]["code"] == "not_found"


def test_viewers_may_not_delete_and_other_workspaces_see_nothing(
    client: Any, user: Any, make_user: Any
) -> None:
    from fastapi.testclient import TestClient

    from docflow.main import create_app

    document_id = str(seed_document(user.workspace_id))
    viewer = make_user("viewer", user.workspace_id)
    stranger = make_user("admin")
    with TestClient(create_app(), base_url="http://testserver") as other:
        other.headers["Authorization"] = f"Bearer {viewer.token}"
        refused = other.delete(f"/api/documents/{document_id}")
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
        other.headers["Authorization"] = f"Bearer {stranger.token}"
        hidden = other.delete(f"/api/documents/{document_id}")
        assert hidden.status_code == 404
        assert hidden.json()["error"]["code"] == "not_found"
    assert client.delete(f"/api/documents/{uuid.uuid4()}").status_code == 404
    assert client.delete("/api/documents/not-a-uuid").status_code == 422
    assert rows_of(document_id)["documents"] == 1


def test_a_finalized_document_is_deleted_by_an_admin_only_and_audited(
    client: Any, user: Any, make_user: Any
) -> None:
    from fastapi.testclient import TestClient

    from docflow.main import create_app

    document_id = str(seed_document(user.workspace_id))
    assert client.post(f"/api/documents/{document_id}/finalize").status_code == 200

    refused = client.delete(f"/api/documents/{document_id}")
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "invalid_state"
    assert refused.json()["error"]["details"] == {"status": "finalized"}
    assert rows_of(document_id)["finalized_records"] == 1

    admin = make_user("admin", user.workspace_id)
    with TestClient(create_app(), base_url="http://testserver") as c:
        c.headers["Authorization"] = f"Bearer {admin.token}"
        assert c.delete(f"/api/documents/{document_id}").status_code == 204
        assert c.get(f"/api/documents/{document_id}/export/json").status_code == 404
    assert rows_of(document_id) == GONE
    [(action, actor, data)] = audit_of(document_id)
    assert (action, actor, data["status"]) == ("document.deleted", str(admin.user_id), "finalized")


def test_a_document_named_as_an_original_can_be_deleted(client: Any, user: Any) -> None:
    body = minimal_pdf(f"Same {uuid.uuid4()}")
    first = uploaded(client, "a.pdf", body)
    second = uploaded(client, "b.pdf", body)
    assert second["duplicate_of"] == first["document"]["id"]
    assert client.delete(f"/api/documents/{first['document']['id']}").status_code == 204
    assert client.get(f"/api/documents/{second['document']['id']}").json()["duplicate_of"] is None


@pytest.fixture(scope="module")
def live_api(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with api_server(stack.env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def test_live_streams_get_document_deleted(live_api: str, client: Any, user: Any) -> None:
    document_id = str(seed_document(user.workspace_id))

    async def watch() -> dict[str, Any]:
        async with ws_client(live_api, user.token) as ws:
            await subscribe(ws, "all", None)
            assert client.delete(f"/api/documents/{document_id}").status_code == 204
            got = await read_until(ws, lambda r: bool(r.events), 20)
            return got.events[-1]

    event = asyncio.run(watch())
    assert event["type"] == "document_deleted"
    assert event["document_id"] == document_id
    assert event["status"] == "deleted"
    # The record keeps it too: a client resuming from an older seq learns of the deletion.
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        kept = conn.execute(
            text("SELECT type FROM job_events WHERE document_id = :id"), {"id": document_id}
        ).all()
    assert [t for (t,) in kept] == ["document_deleted"]


def test_deleting_while_the_worker_processes_it_cancels_and_nothing_comes_back(
    client: Any, worker: Any, tmp_path: Path
) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests_support.invariants import check

    path = tmp_path / "long.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(150):
        for line in range(50):
            pdf.drawString(40, 800 - line * 14, f"Page {page} line {line} INV-{page} 12.50 EUR")
        pdf.showPage()
    pdf.save()
    item = uploaded(client, "long.pdf", path.read_bytes())
    document_id, job_id = item["document"]["id"], item["job"]["id"]
    job = wait_for_job(client, job_id, {"processing", "completed", "failed"})
    assert job["status"] == "processing"
    stored = stored_file(document_id)
    log_before = len(worker.log())

    assert client.delete(f"/api/documents/{document_id}").status_code == 204

    until = time.monotonic() + 60
    while f"job {job_id} attempt 1 stopped" not in worker.log()[log_before:]:
        assert time.monotonic() < until, worker.log()[log_before:][-3000:]
        time.sleep(0.1)
    new_log = worker.log()[log_before:]
    mine = [line for line in new_log.splitlines() if job_id in line]
    assert not [line for line in mine if "ERROR" in line or "Traceback" in line], mine
    assert "Traceback" not in new_log
    assert rows_of(document_id) == GONE
    assert not stored.exists()
    assert client.get(f"/api/jobs/{job_id}").status_code == 404
    # The invariants hold (files other tests left behind are not this test's concern).
    assert [v for v in check() if v.rule != "no orphan files"] == []
