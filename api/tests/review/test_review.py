"""PUT /documents/{id}/review, POST /documents/{id}/finalize, GET /documents/{id}/history."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from api.tests.review.seeding import INVOICE, seed_document
from docflow.db import get_engine


def _get(client: Any, document_id: Any) -> tuple[dict[str, Any], str]:
    response = client.get(f"/api/documents/{document_id}")
    assert response.status_code == 200
    return response.json(), response.headers["ETag"]


def _review(client: Any, document_id: Any, fields: dict[str, Any], **headers: str) -> Any:
    return client.put(
        f"/api/documents/{document_id}/review",
        json={"fields": fields},
        headers={k.replace("_", "-"): v for k, v in headers.items()},
    )


def _events(client: Any, job_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(f"/api/jobs/{job_id}/events").json()["items"]
    return items


def test_review_changes_only_the_fields_sent_and_moves_the_version(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    body, etag = _get(client, document_id)
    assert etag == '"1"'

    response = _review(
        client,
        document_id,
        {"total_amount": "1200.00", "vendor_name": "ACME Supplies"},
        If_Match=etag,
    )

    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    document = response.json()
    assert document.keys() == body.keys()  # the same shape as GET /documents/{id}
    assert document["extraction"]["version"] == 2
    assert document["extraction"]["reviewed_output_json"] == {
        "fields": {"total_amount": "1200.00", "vendor_name": "ACME Supplies"}
    }
    # the extracted output is untouched: the review screen shows extracted vs corrected
    extracted = document["extraction"]["structured_output_json"]["fields"]
    assert extracted["total_amount"]["value"] == INVOICE["total_amount"]
    assert _get(client, document_id)[1] == '"2"'

    # the list shows the corrected values
    item = client.get("/api/documents").json()["items"][0]
    assert item["vendor_name"] == "ACME Supplies"
    assert item["total_amount"] == "1200.00"

    events = [e for e in _events(client, body["job"]["id"]) if e["type"] == "document_reviewed"]
    assert len(events) == 1
    assert events[0]["document_id"] == str(document_id)
    assert events[0]["data"]["version"] == 2
    assert events[0]["data"]["fields"] == ["total_amount", "vendor_name"]


def test_review_without_if_match_is_428(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    response = _review(client, document_id, {"currency": "USD"})
    assert response.status_code == 428
    assert response.json()["error"]["code"] == "precondition_required"
    star = _review(client, document_id, {"currency": "USD"}, If_Match="*")
    assert star.status_code == 428
    assert _get(client, document_id)[1] == '"1"'


def test_stale_if_match_is_412_with_the_current_copy(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    assert _review(client, document_id, {"currency": "USD"}, If_Match='"1"').status_code == 200

    stale = _review(client, document_id, {"currency": "GBP"}, If_Match='"1"')

    assert stale.status_code == 412
    error = stale.json()["error"]
    assert error["code"] == "version_conflict"
    assert error["details"]["version"] == 2
    assert error["details"]["current"]["extraction"]["reviewed_output_json"] == {
        "fields": {"currency": "USD"}
    }
    assert stale.headers["ETag"] == '"2"'
    for garbage in ("2", 'W/"2"', '"two"'):
        assert (
            _review(client, document_id, {"currency": "GBP"}, If_Match=garbage).status_code == 412
        )


def test_review_is_409_unless_completed(client, user) -> None:
    for status in ("queued", "processing", "failed", "cancelled"):
        document_id = seed_document(user.workspace_id, status=status)
        response = _review(client, document_id, {"currency": "USD"}, If_Match='"0"')
        assert response.status_code == 409, status
        assert response.json()["error"]["code"] == "invalid_state"
        assert response.json()["error"]["details"] == {"status": status}


@pytest.mark.parametrize(
    ("fields", "field", "fragment"),
    [
        ({"invoice_date": "02/11/2026"}, "invoice_date", "YYYY-MM-DD"),
        ({"invoice_date": "2026-02-30"}, "invoice_date", "not a calendar date"),
        ({"invoice_date": "2026-13-01"}, "invoice_date", "not a calendar date"),
        ({"total_amount": "1,190.00"}, "total_amount", "no grouping"),
        ({"total_amount": "1190,00"}, "total_amount", "'.' as the separator"),
        ({"total_amount": "1190.001"}, "total_amount", "at most 2 decimal places"),
        ({"total_amount": "1e3"}, "total_amount", "decimal number"),
        ({"tax_amount": "12.5.0"}, "tax_amount", "decimal number"),
        ({"total_amount": "\uff11\uff12"}, "total_amount", "decimal number"),
        ({"total_amount": "12.5\n"}, "total_amount", "decimal number"),
        ({"invoice_date": "\uff12\uff10\uff12\uff16-01-01"}, "invoice_date", "YYYY-MM-DD"),
        ({"currency": "EUR\n"}, "currency", "ISO 4217"),
        (
            {"currency": "JPY", "total_amount": "1190.50"},
            "total_amount",
            "JPY amounts have at most 0",
        ),
        ({"currency": "EURO"}, "currency", "ISO 4217"),
        ({"currency": "XYZ"}, "currency", "ISO 4217"),
        ({"currency": "eur"}, "currency", "ISO 4217"),
        ({"vendor_name": "x" * 201}, "vendor_name", "at most 200 characters"),
        ({"invoice_number": "   "}, "invoice_number", "send null to clear"),
        ({"invoice_number": "A\x00B"}, "invoice_number", "control characters"),
        ({"total": "10.00"}, "total", "unknown field"),
        ({"total_amount": 10.5}, "total_amount", "string or null"),
    ],
)
def test_invalid_values_are_422_per_field(client, user, fields, field, fragment) -> None:
    document_id = seed_document(user.workspace_id)
    response = _review(client, document_id, fields, If_Match='"1"')
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    messages = {d["field"]: d["message"] for d in error["details"]}
    assert f"body.fields.{field}" in messages, messages
    assert fragment in messages[f"body.fields.{field}"]
    assert _get(client, document_id)[1] == '"1"'  # nothing changed


def test_several_invalid_fields_are_reported_together(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    response = _review(
        client,
        document_id,
        {"currency": "ZZZ", "invoice_date": "yesterday", "status": "paid"},
        If_Match='"1"',
    )
    assert response.status_code == 422
    fields = sorted(d["field"] for d in response.json()["error"]["details"])
    assert fields == ["body.fields.currency", "body.fields.invoice_date"]


def test_currency_minor_units_and_valid_values_are_accepted(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    response = _review(
        client,
        document_id,
        {
            "currency": "BHD",
            "total_amount": "-12.345",
            "invoice_date": "2024-02-29",
            "tax_amount": None,
        },
        If_Match='"1"',
    )
    assert response.status_code == 200, response.text
    reviewed = response.json()["extraction"]["reviewed_output_json"]["fields"]
    assert reviewed == {
        "currency": "BHD",
        "total_amount": "-12.345",
        "invoice_date": "2024-02-29",
        "tax_amount": None,
    }


def test_body_must_be_an_object_of_fields(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    for body in ({}, {"fields": []}, {"fields": {}}, {"fields": {"currency": "USD"}, "extra": 1}):
        response = client.put(
            f"/api/documents/{document_id}/review", json=body, headers={"If-Match": '"1"'}
        )
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "validation_error"


def test_a_no_op_edit_keeps_the_version(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    response = _review(client, document_id, {"currency": INVOICE["currency"]}, If_Match='"1"')
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    assert client.get(f"/api/documents/{document_id}/history").json()["items"] == []


def test_history_records_each_changed_field(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    _review(client, document_id, {"total_amount": "1200.00", "currency": "EUR"}, If_Match='"1"')
    _review(client, document_id, {"total_amount": "1300.00"}, If_Match='"2"')
    _review(client, document_id, {"total_amount": None}, If_Match='"3"')
    assert client.post(f"/api/documents/{document_id}/finalize").status_code == 200

    items = client.get(f"/api/documents/{document_id}/history").json()["items"]

    assert [
        (i["action"], i["field"], i["old_value"], i["new_value"], i["version"]) for i in items
    ] == [
        ("edit", "total_amount", "1190.00", "1200.00", 2),  # currency EUR was unchanged
        ("edit", "total_amount", "1200.00", "1300.00", 3),
        ("edit", "total_amount", "1300.00", None, 4),
        ("finalize", None, None, None, 5),
    ]
    assert {i["extracted_value"] for i in items[:3]} == {"1190.00"}
    assert {i["user_id"] for i in items} == {str(user.user_id)}
    assert all(i["changed_at"] for i in items)


def test_finalize_freezes_the_document(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    _review(client, document_id, {"vendor_name": "Acme Corrected"}, If_Match='"1"')

    response = client.post(f"/api/documents/{document_id}/finalize")

    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"3"'
    document = response.json()
    assert document["current_status"] == "finalized"
    assert document["extraction"]["is_finalized"] is True
    assert document["extraction"]["finalized_at"]
    events = [
        e for e in _events(client, document["job"]["id"]) if e["type"] == "document_finalized"
    ]
    assert len(events) == 1
    assert events[0]["status"] == "finalized"
    assert events[0]["data"]["version"] == 3

    again = client.post(f"/api/documents/{document_id}/finalize")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "invalid_state"
    edit = _review(client, document_id, {"vendor_name": "Late"}, If_Match='"3"')
    assert edit.status_code == 409
    listed = client.get("/api/documents", params={"finalized": "true"}).json()["items"]
    assert [i["id"] for i in listed] == [str(document_id)]
    assert listed[0]["is_finalized"] is True


def test_finalize_is_409_unless_completed(client, user) -> None:
    for status in ("queued", "processing", "failed", "cancelled"):
        document_id = seed_document(user.workspace_id, status=status)
        response = client.post(f"/api/documents/{document_id}/finalize")
        assert response.status_code == 409, status
        assert response.json()["error"]["details"] == {"status": status}


def test_finalize_with_a_stale_if_match_is_412(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    _review(client, document_id, {"currency": "USD"}, If_Match='"1"')
    response = client.post(f"/api/documents/{document_id}/finalize", headers={"If-Match": '"1"'})
    assert response.status_code == 412
    ok = client.post(f"/api/documents/{document_id}/finalize", headers={"If-Match": '"2"'})
    assert ok.status_code == 200


def test_the_database_refuses_to_change_finalized_rows(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    assert client.post(f"/api/documents/{document_id}/finalize").status_code == 200
    for statement in (
        "UPDATE finalized_records SET version = 99 WHERE document_id = :id",
        "DELETE FROM finalized_records WHERE document_id = :id",
        "UPDATE extraction_results SET reviewed_output_json = '{}' WHERE document_id = :id",
        "UPDATE documents SET current_status = 'completed' WHERE id = :id",
    ):
        with pytest.raises(Exception, match="cannot be changed"), get_engine().begin() as conn:
            conn.execute(text(statement), {"id": document_id})


def test_review_and_finalize_need_write_and_stay_in_the_workspace(client, user, make_user) -> None:
    document_id = seed_document(user.workspace_id)
    viewer = make_user("viewer", user.workspace_id)
    headers = {"Authorization": f"Bearer {viewer.token}", "If-Match": '"1"'}
    response = client.put(
        f"/api/documents/{document_id}/review",
        json={"fields": {"currency": "USD"}},
        headers=headers,
    )
    assert response.status_code == 403
    assert client.post(f"/api/documents/{document_id}/finalize", headers=headers).status_code == 403
    assert client.get(f"/api/documents/{document_id}/history", headers=headers).status_code == 200

    stranger = make_user("reviewer")
    headers = {"Authorization": f"Bearer {stranger.token}", "If-Match": '"1"'}
    response = client.put(
        f"/api/documents/{document_id}/review",
        json={"fields": {"currency": "USD"}},
        headers=headers,
    )
    assert response.status_code == 404
    assert client.post(f"/api/documents/{document_id}/finalize", headers=headers).status_code == 404
    assert client.get(f"/api/documents/{document_id}/history", headers=headers).status_code == 404
