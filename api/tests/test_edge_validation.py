"""Input PostgreSQL cannot store is refused where it comes in (422 in the envelope), never left to
fail in a query (500): a NUL character in any string a client sends, a number past a bigint, a
forged list cursor. Driven by the OpenAPI document, so a new body field or parameter is covered
without a new test."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.tests.review.seeding import seed_document
from api.tests.test_errors import assert_envelope
from docflow.main import app

DOC: dict[str, Any] = app.openapi()
BEYOND_BIGINT = 2**63

# A valid body for every operation that takes JSON: each string field in turn then carries a NUL.
EXAMPLE_BODIES: dict[str, dict[str, Any]] = {
    "auth-login": {"email": "someone@example.test", "password": "not the password"},
    "auth-create_token": {"name": "ci"},
    "users-create": {"email": "new-user@example.test", "display_name": "New", "role": "viewer"},
    "users-update": {"display_name": "Renamed"},
    "documents-review": {"fields": {"vendor_name": "ACME"}},
}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in DOC["paths"].items() for method, op in ops.items()]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = DOC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _takes_string(schema: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    return any(_resolve(o).get("type") == "string" and "enum" not in o for o in options)


def _json_body(op: dict[str, Any]) -> dict[str, Any] | None:
    content = op.get("requestBody", {}).get("content", {})
    return (
        _resolve(content["application/json"]["schema"]) if "application/json" in content else None
    )


def _with_nul(name: str) -> str:
    return "a\x00b@example.test" if name == "email" else "a\x00" + "b" * 15


def _url(path: str) -> str:
    return path.format(
        **{p: uuid.uuid4() for p in ("document_id", "job_id", "user_id", "token_id")}
    )


@pytest.fixture
def admin_user(make_user: Any) -> Any:
    return make_user("admin")


@pytest.fixture
def admin(stack: Any, admin_user: Any) -> Iterator[TestClient]:
    """An in-process client signed in as an admin, that shows a 500 as a 500."""
    from docflow.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        c.headers["Authorization"] = f"Bearer {admin_user.token}"
        yield c


def test_every_json_body_has_an_example() -> None:
    with_bodies = {op["operationId"] for _, _, op in _operations() if _json_body(op) is not None}
    assert with_bodies == set(EXAMPLE_BODIES)


def test_a_nul_in_any_string_of_a_body_is_422(admin: Any) -> None:
    checked = []
    for method, path, op in _operations():
        schema = _json_body(op)
        if schema is None:
            continue
        example = EXAMPLE_BODIES[op["operationId"]]
        for name, prop in schema.get("properties", {}).items():
            if not _takes_string(prop):
                continue
            answer = admin.request(
                method.upper(), _url(path), json={**example, name: _with_nul(name)}
            )
            error = assert_envelope(answer, 422, "validation_error")
            assert [d["field"] for d in error["details"]] == [f"body.{name}"], (path, error)
            checked.append(f"{op['operationId']}.{name}")
    assert {"auth-login.email", "auth-login.password", "users-create.email"} <= set(checked)
    assert {"auth-create_token.name", "users-update.display_name"} <= set(checked)


def test_sign_in_with_a_nul_is_422_without_credentials(stack: Any) -> None:
    from docflow.main import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as anonymous:
        for body in (
            {"email": "a\x00b@example.test", "password": "whatever it is"},
            {"email": "someone@example.test", "password": "pass\x00word"},
        ):
            answer = anonymous.post("/api/auth/login", json=body)
            assert_envelope(answer, 422, "validation_error")


def test_a_nul_in_a_review_field_is_422(admin: Any, admin_user: Any) -> None:
    document_id = seed_document(admin_user.workspace_id)
    for fields in ({"vendor_name": "a\x00b"}, {"status": "paid\x00"}, {"a\x00": "x"}):
        answer = admin.put(
            f"/api/documents/{document_id}/review",
            json={"fields": fields},
            headers={"If-Match": '"1"'},
        )
        assert_envelope(answer, 422, "validation_error")


def test_query_parameters_with_a_nul_or_past_a_bigint_are_refused(admin: Any) -> None:
    checked = []
    for method, path, op in _operations():
        for param in op.get("parameters", []):
            if param["in"] != "query":
                continue
            schema = param["schema"]
            options = schema.get("anyOf", [schema])
            if any(o.get("type") == "integer" for o in options):
                values: tuple[Any, ...] = (BEYOND_BIGINT, -BEYOND_BIGINT)
            elif _takes_string(schema):
                values = ("a\x00b",)
            else:
                continue
            for value in values:
                answer = admin.request(method.upper(), _url(path), params={param["name"]: value})
                assert_envelope(answer, 422, "validation_error")
                checked.append(f"{op['operationId']}.{param['name']}")
    assert {"events-list_events.after", "events-list_job_events.after"} <= set(checked)
    assert {"events-stream_job.after", "documents-list.q", "documents-list.cursor"} <= set(checked)


def _cursor(sort: str, values: list[Any]) -> str:
    raw = json.dumps({"s": sort, "v": values, "id": str(uuid.uuid4()), "m": False})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("sort", "values"),
    [
        ("filename", ["a\x00"]),
        ("vendor", ["\x00"]),
        ("status", ["queued\x00", "2026-01-01T00:00:00+00:00"]),
        ("total", ["1e999999"]),
        ("-total", ["-1E+100000"]),
    ],
)
def test_a_forged_cursor_is_422(admin: Any, sort: str, values: list[Any]) -> None:
    answer = admin.get("/api/documents", params={"sort": sort, "cursor": _cursor(sort, values)})
    error = assert_envelope(answer, 422, "validation_error")
    assert error["details"][0]["field"] == "query.cursor"


def test_an_event_seq_past_a_bigint_is_422_on_every_way_to_resume(
    admin: Any, admin_user: Any
) -> None:
    document_id = seed_document(admin_user.workspace_id, status="completed")
    job_id = admin.get(f"/api/documents/{document_id}").json()["job"]["id"]
    for path in (f"/api/jobs/{job_id}/events", "/api/events", f"/api/jobs/{job_id}/stream"):
        answer = admin.get(path, params={"after": BEYOND_BIGINT})
        error = assert_envelope(answer, 422, "validation_error")
        assert error["details"][0]["field"] == "query.after"
    answer = admin.get(f"/api/jobs/{job_id}/stream", headers={"Last-Event-ID": str(BEYOND_BIGINT)})
    error = assert_envelope(answer, 422, "validation_error")
    assert error["details"][0]["field"] == "header.Last-Event-ID"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"name": "\xff\xfe"}',  # not UTF-8
        b'{"name": "x", "n": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # past the parser's depth
        b'{"name": ',  # cut short
    ],
    ids=["not-utf8", "too-deep", "truncated"],
)
def test_a_body_that_is_not_json_is_422(admin: Any, raw: bytes) -> None:
    answer = admin.post("/api/tokens", content=raw, headers={"Content-Type": "application/json"})
    error = assert_envelope(answer, 422, "validation_error")
    assert error["details"][0]["type"] == "json_invalid"
