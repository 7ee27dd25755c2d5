"""GET /documents: search, filters, sorts, keyset cursor, per-status counts, business duplicates —
and one end-to-end run through the real worker."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from api.tests.review.seeding import INVOICE, seed_document
from tests_support.api import SAMPLES, upload, wait_for_job

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def _page(client: Any, **params: Any) -> dict[str, Any]:
    response = client.get("/api/documents", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _all(client: Any, **params: Any) -> list[dict[str, Any]]:
    """Walk every page with the cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(100):
        body = _page(client, **params, **({"cursor": cursor} if cursor else {}))
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("the cursor never ended")


@pytest.fixture
def catalogue(user) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Twelve documents with varied names, vendors, totals, dates and statuses."""
    ws = user.workspace_id
    ids: dict[str, Any] = {}
    rows = [
        ("a-invoice.pdf", "Zeta Corp", "Z-100", "2026-01-05", "100.00", "completed"),
        ("B-invoice.pdf", "alpha gmbh", "A-7", "2026-02-01", "2500.50", "completed"),
        ("c-receipt.pdf", "Beta Ltd", "B-2", None, "19.99", "completed"),
        ("d-scan.pdf", None, None, None, None, "completed"),
        ("e-scan.pdf", "Gamma SA", "G-1", "2025-12-31", None, "completed"),
        ("f.pdf", "Delta AG", "D-10", "2026-01-05", "100.00", "completed"),
        ("g.pdf", "Epsilon", "E-1", "2026-03-03", "-50.00", "completed"),
    ]
    for i, (name, vendor, number, day, total, status) in enumerate(rows):
        fields = {
            **INVOICE,
            "vendor_name": vendor,
            "invoice_number": number,
            "invoice_date": day,
            "total_amount": total,
        }
        ids[name] = seed_document(
            ws, filename=name, fields=fields, status=status, uploaded_at=T0 + timedelta(hours=i)
        )
    for i, status in enumerate(("queued", "processing", "failed", "cancelled", "failed")):
        name = f"{status}-{i}.pdf"
        ids[name] = seed_document(
            ws, filename=name, status=status, uploaded_at=T0 + timedelta(hours=10 + i)
        )
    return ids


def test_default_list_is_newest_first_with_counts(client, catalogue) -> None:
    body = _page(client)
    names = [i["original_filename"] for i in body["items"]]
    assert names[0] == "failed-4.pdf"
    assert names[-1] == "a-invoice.pdf"
    assert len(names) == 12
    assert body["next_cursor"] is None
    assert body["counts"] == {
        "queued": 1,
        "processing": 1,
        "completed": 7,
        "failed": 2,
        "cancelled": 1,
        "finalized": 0,
    }
    item = next(i for i in body["items"] if i["original_filename"] == "B-invoice.pdf")
    assert item["vendor_name"] == "alpha gmbh"
    assert item["invoice_number"] == "A-7"
    assert item["invoice_date"] == "2026-02-01"
    assert item["total_amount"] == "2500.50"
    assert item["currency"] == "EUR"
    assert item["is_finalized"] is False
    assert item["possible_duplicate_of"] is None
    assert item["job"]["status"] == "completed"


_COLUMN = {"vendor": "vendor_name", "total": "total_amount", "invoice_date": "invoice_date"}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("filename", ["a-invoice.pdf", "B-invoice.pdf", "c-receipt.pdf", "cancelled-3.pdf"]),
        ("-filename", ["queued-0.pdf", "processing-1.pdf", "g.pdf", "failed-4.pdf"]),
        ("uploaded_at", ["a-invoice.pdf", "B-invoice.pdf", "c-receipt.pdf"]),
        ("-uploaded_at", ["failed-4.pdf", "cancelled-3.pdf", "failed-2.pdf"]),
        ("vendor", ["alpha gmbh", "Beta Ltd", "Delta AG", "Epsilon", "Gamma SA", "Zeta Corp"]),
        ("-vendor", ["Zeta Corp", "Gamma SA", "Epsilon", "Delta AG", "Beta Ltd", "alpha gmbh"]),
        ("total", ["-50.00", "19.99", "100.00", "100.00", "2500.50"]),
        ("-total", ["2500.50", "100.00", "100.00", "19.99", "-50.00"]),
        ("invoice_date", ["2025-12-31", "2026-01-05", "2026-01-05", "2026-02-01", "2026-03-03"]),
        ("-invoice_date", ["2026-03-03", "2026-02-01", "2026-01-05", "2026-01-05", "2025-12-31"]),
    ],
)
def test_every_sort_walks_every_row_once_in_order(client, catalogue, sort, expected) -> None:
    items = _all(client, sort=sort, limit=2)
    assert len({i["id"] for i in items}) == len(items) == 12
    key = sort.lstrip("-")
    descending = sort.startswith("-")
    if key not in _COLUMN:
        assert [i["original_filename"] for i in items][: len(expected)] == expected
        return
    values = [i[_COLUMN[key]] for i in items]
    present = [v for v in values if v is not None]
    assert present == expected
    assert values[len(present) :] == [None] * (12 - len(present))  # missing last, both ways
    # ties (equal values, and all the missing ones) are ordered by id in the sort's direction
    groups: dict[Any, list[str]] = {}
    for item, value in zip(items, values, strict=True):
        groups.setdefault(value, []).append(item["id"])
    for ids in groups.values():
        assert ids == sorted(ids, reverse=descending)


def test_status_sort_groups_statuses_then_upload_time(client, catalogue) -> None:
    for sort in ("status", "-status"):
        items = _all(client, sort=sort, limit=3)
        assert len({i["id"] for i in items}) == 12
        pairs = [(i["current_status"], i["uploaded_at"]) for i in items]
        assert pairs == sorted(pairs, reverse=sort.startswith("-"))


def test_equal_sort_values_are_ordered_by_id(client, user) -> None:
    ids = [seed_document(user.workspace_id, filename="same.pdf", uploaded_at=T0) for _ in range(5)]
    for sort, reverse in (("uploaded_at", False), ("-uploaded_at", True), ("-filename", True)):
        got = [i["id"] for i in _all(client, sort=sort, limit=2)]
        assert got == sorted((str(i) for i in ids), reverse=reverse)


def test_q_searches_filename_vendor_and_invoice_number_case_insensitively(
    client, catalogue
) -> None:
    def names(q: str) -> list[str]:
        return sorted(i["original_filename"] for i in _page(client, q=q)["items"])

    assert names("SCAN") == ["d-scan.pdf", "e-scan.pdf"]
    assert names("ALPHA") == ["B-invoice.pdf"]
    assert names("gmbh") == ["B-invoice.pdf"]
    assert names("d-10") == ["f.pdf"]
    assert names("invoice") == ["B-invoice.pdf", "a-invoice.pdf"]
    assert names("100%") == []  # LIKE wildcards are literal
    assert names("_") == []
    assert names("a-invoice.pdfZeta") == []  # never matches across two fields
    body = _page(client, q="scan")
    assert body["counts"]["completed"] == 2
    assert sum(body["counts"].values()) == 2


def test_status_filter_is_repeatable_and_counts_ignore_it(client, catalogue) -> None:
    body = _page(client, status=["failed", "cancelled"])
    assert sorted(i["current_status"] for i in body["items"]) == ["cancelled", "failed", "failed"]
    assert body["counts"]["completed"] == 7  # the other tabs still show their counts
    assert _page(client, status="queued")["items"][0]["original_filename"] == "queued-0.pdf"


def test_finalized_filter(client, catalogue) -> None:
    document_id = catalogue["g.pdf"]
    assert client.post(f"/api/documents/{document_id}/finalize").status_code == 200
    finalized = _page(client, finalized="true")
    assert [i["id"] for i in finalized["items"]] == [str(document_id)]
    assert finalized["counts"] == {
        "queued": 0,
        "processing": 0,
        "completed": 0,
        "failed": 0,
        "cancelled": 0,
        "finalized": 1,
    }
    others = _page(client, finalized="false")["items"]
    assert len(others) == 11
    assert str(document_id) not in {i["id"] for i in others}
    assert _page(client, status="finalized")["items"][0]["is_finalized"] is True


def test_upload_date_range(client, catalogue) -> None:
    def names(**params: Any) -> list[str]:
        return [i["original_filename"] for i in _all(client, sort="uploaded_at", **params)]

    assert names(uploaded_from="2026-05-01T13:00:00Z", uploaded_to="2026-05-01T15:00:00Z") == [
        "B-invoice.pdf",
        "c-receipt.pdf",
    ]
    assert names(uploaded_from="2026-05-01T14:00:00+02:00", uploaded_to="2026-05-01T13:00:00") == [
        "a-invoice.pdf"
    ]
    assert len(names(uploaded_from="2026-05-01", uploaded_to="2026-05-01")) == 9  # whole day
    assert names(uploaded_from="2026-05-02") == ["failed-2.pdf", "cancelled-3.pdf", "failed-4.pdf"]
    assert len(names(uploaded_to="2026-05-01T22:00:00Z")) == 7


def test_limit_and_cursor(client, catalogue) -> None:
    first = _page(client, limit=5)
    assert len(first["items"]) == 5
    assert first["next_cursor"]
    second = _page(client, limit=5, cursor=first["next_cursor"])
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})
    # the cursor carries the position, not the filters: it keeps working under new filters
    filtered = _page(client, limit=5, cursor=first["next_cursor"], status="completed")
    assert all(i["current_status"] == "completed" for i in filtered["items"])
    assert len(_page(client, limit=200)["items"]) == 12


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 201}, "query.limit"),
        ({"limit": "ten"}, "query.limit"),
        ({"status": "done"}, "query.status.0"),
        ({"status": ["failed", "nope"]}, "query.status.1"),
        ({"finalized": "maybe"}, "query.finalized"),
        ({"sort": "size"}, "query.sort"),
        ({"sort": "--filename"}, "query.sort"),
        ({"uploaded_from": "yesterday"}, "query.uploaded_from"),
        ({"uploaded_to": "2026-02-30"}, "query.uploaded_to"),
        ({"uploaded_from": "2026-05-02", "uploaded_to": "2026-05-01"}, "query.uploaded_to"),
        ({"q": "x" * 201}, "query.q"),
        ({"q": "tab\there"}, "query.q"),
        ({"cursor": "not-a-cursor"}, "query.cursor"),
        ({"cursor": base64.urlsafe_b64encode(b'{"s":"-uploaded_at"}').decode()}, "query.cursor"),
    ],
)
def test_invalid_parameters_are_422_with_the_field_named(client, user, params, field) -> None:
    response = client.get("/api/documents", params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["message"]
    assert field in [d["field"] for d in error["details"]], error


def test_a_cursor_belongs_to_its_sort(client, catalogue) -> None:
    cursor = _page(client, limit=2, sort="vendor")["next_cursor"]
    payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert payload["s"] == "vendor"
    response = client.get("/api/documents", params={"cursor": cursor, "sort": "-vendor"})
    assert response.status_code == 422
    assert "sort=vendor" in response.json()["error"]["message"]


def test_the_list_is_scoped_to_the_workspace(client, user, make_user, catalogue) -> None:
    stranger = make_user("reviewer")
    seed_document(stranger.workspace_id, filename="theirs.pdf")
    body = client.get(
        "/api/documents", headers={"Authorization": f"Bearer {stranger.token}"}
    ).json()
    assert [i["original_filename"] for i in body["items"]] == ["theirs.pdf"]
    assert body["counts"]["completed"] == 1
    assert all(i["original_filename"] != "theirs.pdf" for i in _page(client, q="theirs")["items"])


def test_business_duplicates_are_flagged(client, user, make_user) -> None:
    ws = user.workspace_id
    original = seed_document(ws, filename="first.pdf", uploaded_at=T0)
    same = {**INVOICE, "vendor_name": "  acme SUPPLIES gmbh ", "invoice_number": "inv 2026/0042"}
    copy = seed_document(ws, filename="second.pdf", fields=same, uploaded_at=T0 + timedelta(days=1))
    other_total = seed_document(
        ws,
        filename="third.pdf",
        fields={**INVOICE, "total_amount": "1.00"},
        uploaded_at=T0 + timedelta(days=2),
    )
    no_number = seed_document(
        ws,
        filename="fourth.pdf",
        fields={**INVOICE, "invoice_number": None},
        uploaded_at=T0 + timedelta(days=3),
    )
    elsewhere = make_user("reviewer")
    seed_document(
        elsewhere.workspace_id, filename="other-workspace.pdf", uploaded_at=T0 - timedelta(days=1)
    )

    flags = {i["original_filename"]: i["possible_duplicate_of"] for i in _page(client)["items"]}
    assert flags == {
        "first.pdf": None,
        "second.pdf": str(original),
        "third.pdf": None,
        "fourth.pdf": None,
    }
    assert client.get(f"/api/documents/{copy}").json()["possible_duplicate_of"] == str(original)

    # a review that makes the third match flags it; one that changes the copy's number clears it
    assert (
        client.put(
            f"/api/documents/{other_total}/review",
            json={"fields": {"total_amount": "1190.00"}},
            headers={"If-Match": '"1"'},
        ).status_code
        == 200
    )
    assert (
        client.put(
            f"/api/documents/{copy}/review",
            json={"fields": {"invoice_number": "INV-2026-0043"}},
            headers={"If-Match": '"1"'},
        ).status_code
        == 200
    )
    flags = {i["original_filename"]: i["possible_duplicate_of"] for i in _page(client)["items"]}
    assert flags["third.pdf"] == str(original)
    assert flags["second.pdf"] is None
    # when the original stops matching, the next earliest becomes the one the others point at
    assert (
        client.put(
            f"/api/documents/{original}/review",
            json={"fields": {"vendor_name": "Someone Else"}},
            headers={"If-Match": '"1"'},
        ).status_code
        == 200
    )
    flags = {i["original_filename"]: i["possible_duplicate_of"] for i in _page(client)["items"]}
    assert flags == {"first.pdf": None, "second.pdf": None, "third.pdf": None, "fourth.pdf": None}
    assert str(no_number) in {i["id"] for i in _page(client)["items"]}


@pytest.mark.timeout(180)
def test_end_to_end_through_the_real_worker(client, worker) -> None:
    """Upload two copies of a sample invoice (different bytes, same invoice), let the worker
    process them, then find, review, finalize and export — the list columns and the duplicate
    flag come from the worker's store stage."""
    sample = SAMPLES / "invoice-01-us.pdf"
    expected = json.loads((SAMPLES / "expected-fields.json").read_text())[sample.name]
    first = upload(client, sample).json()["items"][0]
    wait_for_job(client, first["job"]["id"], {"completed"}, timeout=120)
    second = upload(client, ("copy-of-invoice.pdf", sample.read_bytes() + b"\n%copy\n")).json()
    second_item = second["items"][0]
    job = wait_for_job(client, second_item["job"]["id"], {"completed", "failed"}, timeout=120)
    assert job["status"] == "completed", job

    vendor = expected["vendor_name"]
    items = _page(client, q=vendor[:6].lower(), sort="vendor")["items"]
    assert len(items) == 2
    by_name = {i["original_filename"]: i for i in items}
    original = by_name[sample.name]
    copy = by_name["copy-of-invoice.pdf"]
    assert original["vendor_name"] == vendor
    assert original["invoice_number"] == expected["invoice_number"]
    assert Decimal(original["total_amount"]) == Decimal(expected["total_amount"])
    assert original["possible_duplicate_of"] is None
    assert copy["possible_duplicate_of"] == original["id"]

    document = client.get(f"/api/documents/{original['id']}")
    reviewed = client.put(
        f"/api/documents/{original['id']}/review",
        json={"fields": {"status": "approved"}},
        headers={"If-Match": document.headers["ETag"]},
    )
    assert reviewed.status_code == 200, reviewed.text
    assert client.post(f"/api/documents/{original['id']}/finalize").status_code == 200
    exported = client.get(f"/api/documents/{original['id']}/export/json").json()
    assert exported["fields"]["vendor_name"] == vendor
    assert exported["fields"]["status"] == "approved"
    assert exported["document"]["sha256"] == original["sha256"]


def test_counts_stay_exact_when_the_status_ledger_is_folded(client, user) -> None:
    from sqlalchemy import text

    from docflow.db import get_engine

    ids = [seed_document(user.workspace_id, status="queued") for _ in range(40)]
    with get_engine().begin() as conn:  # 80 more ledger rows: queued → processing → failed
        conn.execute(text("UPDATE documents SET current_status = 'processing'"))
        conn.execute(
            text("UPDATE documents SET current_status = 'failed' WHERE id = ANY(:ids)"),
            {"ids": ids[:10]},
        )
    expected = {"queued": 0, "processing": 30, "failed": 10}
    first = _page(client)["counts"]  # reads 90 rows, then folds them
    second = _page(client)["counts"]
    assert {k: first[k] for k in expected} == expected
    assert second == first
    with get_engine().connect() as conn:
        rows = conn.execute(text("SELECT count(*) FROM document_status_deltas")).scalar_one()
    assert rows <= 6
    assert _page(client, finalized="false")["counts"]["processing"] == 30


def _seed_many(workspace_id: Any, count: int, *, name: str, start: datetime) -> None:
    """`count` documents `<name>-<i>.pdf` in one statement, one a second from `start`: every 7th
    failed (without extracted values but for every 14th), the others completed with a vendor and
    a total."""
    from sqlalchemy import text

    from docflow.db import get_engine

    with get_engine().begin() as conn:
        conn.execute(
            text(
                """
                INSERT INTO documents (id, workspace_id, original_filename, stored_file_path,
                    mime_type, file_size, sha256, uploaded_at, current_status, vendor_name,
                    total_amount)
                SELECT gen_random_uuid(), :ws, :name || '-' || i || '.pdf', 'documents/x.pdf',
                       'application/pdf', 1000, md5(:name || i), :start + make_interval(secs => i),
                       CASE WHEN i % 7 = 0 THEN 'failed' ELSE 'completed' END,
                       CASE WHEN i % 7 <> 0 OR i % 14 = 0 THEN 'Vendor ' || (i % 13) END,
                       CASE WHEN i % 7 <> 0 THEN (i % 100) + 0.25 END
                FROM generate_series(1, :n) AS i
                """
            ),
            {"ws": workspace_id, "n": count, "name": name, "start": start},
        )


def _expected_order(
    workspace_id: Any, sort: str, *, name: str = "", status: str | None = None
) -> list[str]:
    """The ids of the workspace's documents named `<name>…` (of `status`) in `sort` order, worked
    out here: values ascending (or descending), ties by id the same way, missing values last by
    id."""
    from sqlalchemy import text

    from docflow.db import get_engine

    with get_engine().connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id::text, uploaded_at, lower(original_filename), lower(vendor_name), "
                "total_amount FROM documents WHERE workspace_id = :ws "
                "AND starts_with(original_filename, :name) "
                "AND (CAST(:status AS text) IS NULL OR current_status = :status)"
            ),
            {"ws": workspace_id, "name": name, "status": status},
        ).all()
    column = {"uploaded_at": 1, "filename": 2, "vendor": 3, "total": 4}[sort.lstrip("-")]
    descending = sort.startswith("-")
    present = sorted(
        (r for r in rows if r[column] is not None),
        key=lambda r: (r[column], r[0]),
        reverse=descending,
    )
    missing = sorted((r[0] for r in rows if r[column] is None), reverse=descending)
    return [r[0] for r in present] + missing


def test_a_broad_search_caps_its_counts_and_pages_exactly(client, user) -> None:
    """1,200 matches, all older than the other 300 documents (the newest-first order reaches them
    last): the counts stop at 1,001 matches and say so; every page is still exact."""
    ws = user.workspace_id
    _seed_many(ws, 1200, name="bulk", start=T0)
    _seed_many(ws, 300, name="other", start=T0 + timedelta(days=1))

    body = _page(client, q="BULK")
    assert body["counts_capped"] is True
    assert sum(body["counts"].values()) == 1001
    assert body["counts"]["completed"] <= 1029
    assert body["counts"]["failed"] <= 171
    assert [i["original_filename"] for i in body["items"][:2]] == ["bulk-1200.pdf", "bulk-1199.pdf"]
    assert len(body["items"]) == 50
    for sort in ("-uploaded_at", "uploaded_at", "total", "-vendor", "filename"):
        got = [i["id"] for i in _all(client, q="bulk", sort=sort, limit=200)]
        assert got == _expected_order(ws, sort, name="bulk-"), sort
    failed = [i["id"] for i in _all(client, q="bulk", status="failed", sort="vendor", limit=50)]
    assert failed == _expected_order(ws, "vendor", name="bulk-", status="failed")
    assert len(failed) == 171


def test_a_narrow_search_counts_exactly_and_pages_in_every_order(client, user) -> None:
    ws = user.workspace_id
    _seed_many(ws, 1200, name="bulk", start=T0)
    body = _page(client, q="bulk-77")  # bulk-77, bulk-770 … bulk-779
    assert body["counts_capped"] is False
    assert body["counts"]["completed"] + body["counts"]["failed"] == 11
    assert body["counts"]["failed"] == sum(1 for i in (77, *range(770, 780)) if i % 7 == 0)
    for sort in ("-uploaded_at", "total", "-total", "vendor", "-filename"):
        got = [i["id"] for i in _all(client, q="bulk-77", sort=sort, limit=3)]
        expected = _expected_order(ws, sort, name="bulk-77")
        assert got == expected, sort
        assert len(got) == 11
    assert _page(client)["counts_capped"] is False  # without a search counts are always exact


def test_a_status_tab_sorted_by_a_column_its_rows_mostly_lack(client, user) -> None:
    """Failed documents have no total and mostly no vendor: their tab sorted by either still
    lists every one of them, those with a value first."""
    ws = user.workspace_id
    _seed_many(ws, 700, name="doc", start=T0)
    for sort in ("vendor", "-vendor", "total", "-total"):
        got = [i["id"] for i in _all(client, status="failed", sort=sort, limit=30)]
        assert got == _expected_order(ws, sort, status="failed"), sort
        assert len(got) == 100
