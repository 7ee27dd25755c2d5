"""GET /documents/{id}/export/{json,csv} and GET /exports (bulk, streamed)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psutil
import pytest

from api.tests.review.seeding import INVOICE, seed_document, seed_finalized_bulk
from docflow.auth.principal import Principal
from docflow.db import new_session
from docflow.document.schemas import DocumentFilters, DocumentOrder
from docflow.export.formats import csv_record, neutralise
from docflow.export.service import ExportService
from tests_support.servers import api_server


def _finalized(client: Any, workspace_id: Any, **kwargs: Any) -> Any:
    document_id = seed_document(workspace_id, **kwargs)
    response = client.post(f"/api/documents/{document_id}/finalize")
    assert response.status_code == 200, response.text
    return document_id


def test_export_before_finalize_is_409(client, user) -> None:
    for status in ("completed", "queued", "failed"):
        document_id = seed_document(user.workspace_id, status=status)
        for fmt in ("json", "csv"):
            response = client.get(f"/api/documents/{document_id}/export/{fmt}")
            assert response.status_code == 409, (status, fmt)
            assert response.json()["error"]["code"] == "invalid_state"


def test_json_export_holds_metadata_final_fields_and_is_byte_identical(client, user) -> None:
    document_id = seed_document(user.workspace_id, filename="Rechnung März.pdf", content=b"%PDF x")
    client.put(
        f"/api/documents/{document_id}/review",
        json={"fields": {"total_amount": "1200.00", "status": None}},
        headers={"If-Match": '"1"'},
    )
    finalized = client.post(f"/api/documents/{document_id}/finalize").json()

    first = client.get(f"/api/documents/{document_id}/export/json")
    second = client.get(f"/api/documents/{document_id}/export/json")

    assert first.status_code == 200
    assert first.content == second.content
    assert first.headers["ETag"] == f'"{hashlib.sha256(first.content).hexdigest()}"'
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["content-type"] == "application/json"
    assert first.headers["Content-Disposition"] == (
        "attachment; filename=\"Rechnung Marz.json\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.json"
    )
    record = first.json()
    assert record["document"] == {
        "id": str(document_id),
        "filename": "Rechnung März.pdf",
        "mime_type": "application/pdf",
        "file_size": 6,
        "sha256": hashlib.sha256(b"%PDF x").hexdigest(),
        "uploaded_at": record["document"]["uploaded_at"],
        "document_type": "invoice",
        "page_count": 1,
    }
    assert record["fields"] == {**INVOICE, "total_amount": "1200.00", "status": None}
    assert record["version"] == 3
    assert record["finalized_by"] == str(user.user_id)
    assert record["finalized_at"].endswith("Z")
    finalized_at = datetime.fromisoformat(finalized["extraction"]["finalized_at"])
    assert datetime.fromisoformat(record["finalized_at"]) == finalized_at
    # sorted keys, fixed indentation, a final newline: the bytes are a function of the record
    assert (
        first.content
        == (json.dumps(record, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode()
    )

    not_modified = client.get(
        f"/api/documents/{document_id}/export/json",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert not_modified.status_code == 304


def test_csv_export_is_rfc4180_and_byte_identical(client, user) -> None:
    document_id = _finalized(client, user.workspace_id, filename='inv, "quoted".pdf')
    first = client.get(f"/api/documents/{document_id}/export/csv")
    second = client.get(f"/api/documents/{document_id}/export/csv")
    assert first.status_code == 200
    assert first.content == second.content
    assert first.headers["ETag"] == f'"{hashlib.sha256(first.content).hexdigest()}"'
    assert first.headers["content-type"] == "text/csv; charset=utf-8"
    assert first.headers["Content-Disposition"].startswith(
        'attachment; filename="inv_ _quoted_.csv"'
    )
    text = first.content.decode("utf-8")
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2
    assert "\n" not in text.replace("\r\n", "")
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    assert header[:3] == ["document_id", "filename", "mime_type"]
    values = dict(zip(header, row, strict=True))
    assert values["filename"] == 'inv, "quoted".pdf'
    assert '"inv, ""quoted"".pdf"' in text  # RFC 4180 quoting
    assert values["total_amount"] == INVOICE["total_amount"]
    assert values["version"] == "2"


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, user) -> None:
    hostile = {
        "vendor_name": '=HYPERLINK("http://evil.example","x")',
        "invoice_number": "+1-555",
        "invoice_date": "\t2026-01-01",
        "tax_amount": "-2+3+cmd|' /C calc'!A0",
        "total_amount": "-12.50",  # a plain negative amount stays a number
        "currency": "\rUSD",
        "status": "@SUM(A1:A9)",
    }
    document_id = _finalized(client, user.workspace_id, fields=hostile, filename="-cmd.pdf")
    text = client.get(f"/api/documents/{document_id}/export/csv").content.decode()
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    values = dict(zip(header, row, strict=True))
    assert values["vendor_name"] == "'" + hostile["vendor_name"]
    assert values["invoice_number"] == "'+1-555"
    assert values["invoice_date"] == "'\t2026-01-01"
    assert values["tax_amount"] == "'" + hostile["tax_amount"]
    assert values["total_amount"] == "-12.50"
    assert values["currency"] == "'\rUSD"
    assert values["status"] == "'@SUM(A1:A9)"
    assert values["filename"] == "'-cmd.pdf"
    # JSON is data, not a spreadsheet: values are exported as they are
    record = client.get(f"/api/documents/{document_id}/export/json").json()
    assert record["fields"] == hostile


def test_neutralise_covers_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r", "\0"):
        assert neutralise(f"{start}1+1") == f"'{start}1+1"
    for safe in ("", "1+1", "-1", "-12.50", "a=b", " =1"):
        assert neutralise(safe) == safe
    # PostgreSQL text cannot hold NUL, but a rendered CSV never carries one either
    assert csv_record(_minimal("\0=x")).startswith(b"'=x,")


def _minimal(value: str) -> dict[str, Any]:
    return {
        "document": {
            "id": value,
            "filename": "f",
            "mime_type": "m",
            "file_size": 1,
            "sha256": "s",
            "uploaded_at": "u",
            "document_type": "invoice",
            "page_count": 1,
        },
        "fields": {},
        "finalized_at": "t",
        "finalized_by": None,
        "version": 1,
    }


def test_export_needs_the_export_right_and_stays_in_the_workspace(client, user, make_user) -> None:
    document_id = _finalized(client, user.workspace_id)
    viewer = make_user("viewer", user.workspace_id)
    ok = client.get(
        f"/api/documents/{document_id}/export/csv",
        headers={"Authorization": f"Bearer {viewer.token}"},
    )
    assert ok.status_code == 200
    stranger = make_user("reviewer")
    for path in (f"/api/documents/{document_id}/export/json", "/api/exports"):
        response = client.get(path, headers={"Authorization": f"Bearer {stranger.token}"})
        assert response.status_code == (404 if "documents" in path else 200)
        if path == "/api/exports":  # another workspace's bulk export is empty, not theirs
            assert response.text.count("\r\n") == 1


def test_bulk_export_has_finalized_documents_matching_the_list_filters(client, user) -> None:
    base = datetime(2026, 3, 1, tzinfo=UTC)
    a = _finalized(client, user.workspace_id, filename="alpha.pdf", uploaded_at=base)
    b = _finalized(
        client,
        user.workspace_id,
        filename="beta.pdf",
        uploaded_at=base + timedelta(days=1),
        fields={**INVOICE, "vendor_name": "Beta Ltd", "invoice_number": "B-1"},
    )
    seed_document(user.workspace_id, filename="gamma.pdf")  # completed, not finalized
    seed_document(user.workspace_id, filename="delta.pdf", status="failed")

    ndjson = client.get("/api/exports", params={"format": "ndjson", "sort": "uploaded_at"})
    assert ndjson.status_code == 200
    assert ndjson.headers["content-type"] == "application/x-ndjson"
    assert ndjson.headers["Content-Disposition"].startswith(
        'attachment; filename="docflow-export.ndjson"'
    )
    lines = ndjson.content.decode().splitlines()
    assert [json.loads(line)["document"]["id"] for line in lines] == [str(a), str(b)]
    single = client.get(f"/api/documents/{a}/export/json").json()
    assert json.loads(lines[0]) == single  # the same record as the single export

    as_json = client.get("/api/exports", params={"format": "json", "sort": "-uploaded_at"}).json()
    assert [r["document"]["id"] for r in as_json] == [str(b), str(a)]

    as_csv = client.get("/api/exports", params={"format": "csv", "q": "beta"})
    rows = list(csv.reader(io.StringIO(as_csv.content.decode(), newline="")))
    assert len(rows) == 2
    assert rows[1][0] == str(b)

    ranged = client.get(
        "/api/exports",
        params={"format": "ndjson", "uploaded_from": "2026-03-02", "uploaded_to": "2026-03-02"},
    )
    assert [json.loads(x)["document"]["id"] for x in ranged.content.decode().splitlines()] == [
        str(b)
    ]
    none = client.get("/api/exports", params={"format": "json", "status": "failed"})
    assert none.json() == []
    assert client.get("/api/exports", params={"format": "xml"}).status_code == 422
    assert client.get("/api/exports", params={"sort": "size"}).status_code == 422


def _bulk_bytes_and_peak(principal: Principal) -> tuple[int, int, int]:
    session = new_session()
    try:
        export = ExportService(session).bulk(
            principal, DocumentFilters(), DocumentOrder(), "ndjson"
        )
        tracemalloc.start()
        total = lines = 0
        for chunk in export.chunks:
            total += len(chunk)
            lines += chunk.count(b"\n")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return total, lines, peak
    finally:
        session.close()


@pytest.mark.timeout(240)
def test_bulk_export_of_10000_rows_streams_in_bounded_memory(stack, user, tmp_path) -> None:
    seed_finalized_bulk(user.workspace_id, 1_000, start=datetime(2026, 1, 1, tzinfo=UTC))
    principal = Principal(user.user_id, user.workspace_id, "reviewer", "token")
    small_bytes, small_lines, small_peak = _bulk_bytes_and_peak(principal)
    assert small_lines == 1_000
    seed_finalized_bulk(user.workspace_id, 9_000, start=datetime(2026, 2, 1, tzinfo=UTC))

    # In process: Python allocations while streaming stay flat as the row count grows tenfold.
    total, lines, peak = _bulk_bytes_and_peak(principal)
    assert lines == 10_000
    assert total > 9 * small_bytes
    assert peak < 6 * 1024 * 1024, peak
    assert peak < small_peak * 2 + 512 * 1024, (small_peak, peak)

    # A real uvicorn process: its RSS barely moves while it streams all 10,000 rows.
    with api_server(stack.env, tmp_path / "api.log") as base:
        pid = next(
            p.pid
            for p in psutil.process_iter(["cmdline"])
            if "uvicorn" in " ".join(p.info["cmdline"] or [])
            and base.rsplit(":", 1)[1] in " ".join(p.info["cmdline"] or [])
        )
        proc = psutil.Process(pid)
        headers = {"Authorization": f"Bearer {user.token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=60) as c:
            c.get("/api/exports", params={"format": "ndjson", "limit": 1})  # warm up imports, pools
            baseline = proc.memory_info().rss
            peak_rss = baseline
            done = threading.Event()

            def sample() -> None:
                nonlocal peak_rss
                while not done.is_set():
                    peak_rss = max(peak_rss, proc.memory_info().rss)
                    time.sleep(0.005)

            sampler = threading.Thread(target=sample)
            sampler.start()
            received = 0
            count = 0
            try:
                with c.stream("GET", "/api/exports", params={"format": "csv"}) as response:
                    assert response.status_code == 200
                    for chunk in response.iter_bytes():
                        received += len(chunk)
                        count += chunk.count(b"\r\n")
            finally:
                done.set()
                sampler.join()
        assert count == 10_001  # header + rows
        growth = peak_rss - baseline
        assert growth < 24 * 1024 * 1024, (growth, received)
        assert growth < received, (growth, received)


def test_every_export_that_sends_data_is_audited(client, user, make_user) -> None:
    document_id = _finalized(client, user.workspace_id)
    first = client.get(f"/api/documents/{document_id}/export/json")
    assert first.status_code == 200
    again = client.get(
        f"/api/documents/{document_id}/export/json",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 304  # the client already has these bytes: nothing was exported
    assert client.get(f"/api/documents/{document_id}/export/csv").status_code == 200
    bulk = client.get("/api/exports", params={"format": "ndjson", "q": "acme", "sort": "total"})
    assert bulk.status_code == 200

    admin = make_user("admin", user.workspace_id)
    audit = client.get("/api/audit-events", headers={"Authorization": f"Bearer {admin.token}"})
    assert audit.status_code == 200
    exports = [e for e in audit.json() if e["action"].endswith(".exported")]
    assert [(e["action"], e["data"]["format"]) for e in reversed(exports)] == [
        ("document.exported", "json"),
        ("document.exported", "csv"),
        ("documents.exported", "ndjson"),
    ]
    assert all(e["actor_id"] == str(user.user_id) for e in exports)
    assert exports[-1]["target_id"] == str(document_id)
    assert exports[0]["data"]["filters"] == {"q": "acme"}
    assert exports[0]["data"]["sort"] == "total"
