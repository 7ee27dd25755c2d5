"""The OpenAPI document the PWA generates its typed client from: complete (every JSON answer and
error declared), and true (real answers validate against what it declares, strictly: a key the
document does not name fails)."""

from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from api.tests.review.seeding import seed_document
from docflow.cli import main as cli_main
from docflow.document.fields import FIELD_NAMES
from docflow.document.schemas import ExtractedFieldsRead, ReviewedFieldsRead
from docflow.export.schemas import ExportFieldsRead
from docflow.main import app
from docflow.openapi import openapi_json
from tests_support.api import minimal_pdf, upload, wait_for_job

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOC: dict[str, Any] = app.openapi()
# Answers that are files or streams, not JSON objects (their bytes are no schema's business).
DOWNLOADS = {"exports-bulk"}
NOT_JSON = {
    "auth-logout",
    "documents-delete",  # 204, no body
    "documents-download_file",
    "documents-get_preview",  # an image
    "documents-export_csv",
    "events-stream_job",
}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, op) for path, ops in DOC["paths"].items() for method, op in ops.items()]


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = DOC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _objects(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas an answer can be: through refs, arrays and unions."""
    schema = _resolve(schema)
    if schema.get("type") == "array":
        return _objects(schema["items"])
    for union in ("oneOf", "anyOf"):
        if union in schema:
            return [o for s in schema[union] for o in _objects(s)]
    return [schema]


# --- the document -------------------------------------------------------------------------------
def test_operation_ids_are_tag_dash_name_and_unique() -> None:
    ids = [op["operationId"] for _, _, op in _operations()]
    assert len(ids) == len(set(ids))
    for _, path, op in _operations():
        assert re.fullmatch(rf"{op['tags'][0]}-[a-z_]+", op["operationId"]), (path, op)


def test_every_json_success_answer_declares_an_object_with_properties() -> None:
    for method, path, op in _operations():
        successes = {s: r for s, r in op["responses"].items() if s.startswith("2")}
        assert successes, (method, path)
        for status, response in successes.items():
            content = response.get("content", {})
            if "application/json" not in content or op["operationId"] in DOWNLOADS:
                assert op["operationId"] in NOT_JSON | DOWNLOADS, (method, path, status)
                continue
            for schema in _objects(content["application/json"]["schema"]):
                assert schema.get("properties"), (method, path, status, schema)


def test_every_error_answer_is_the_error_envelope() -> None:
    assert "HTTPValidationError" not in json.dumps(DOC)
    envelopes = {
        "#/components/schemas/ErrorEnvelope",
        "#/components/schemas/VersionConflictEnvelope",
    }
    for method, path, op in _operations():
        errors = {s: r for s, r in op["responses"].items() if s[0] in "45"}
        if op["operationId"] != "health-live":
            assert errors, (method, path)
        for status, response in errors.items():
            schema = response["content"]["application/json"]["schema"]
            assert schema.get("$ref") in envelopes, (method, path, status)
        if path != "/api/health" and op["operationId"] not in {"health-ready", "auth-login"}:
            assert {"401", "403"} <= errors.keys(), (method, path)
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in errors, (method, path)


def test_every_operation_that_reads_a_body_declares_the_body_limits() -> None:
    # docflow.request_limits may refuse any request body: too slow (408) or too large (413).
    readers = [(m, p, op) for m, p, op in _operations() if "requestBody" in op]
    assert len(readers) >= 6
    for method, path, op in readers:
        assert {"408", "413", "422"} <= op["responses"].keys(), (method, path)
    assert "429" in DOC["paths"]["/api/documents/upload"]["post"]["responses"]


def test_the_field_models_name_every_invoice_field() -> None:
    for model in (ExtractedFieldsRead, ReviewedFieldsRead, ExportFieldsRead):
        assert tuple(model.model_fields) == FIELD_NAMES


def test_the_cli_writes_the_document_deterministically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "openapi.json"
    cli_main(["openapi", "--out", str(out)])
    cli_main(["openapi"])
    printed = capsys.readouterr().out
    assert out.read_text() == printed == openapi_json(app) + "\n"
    assert json.loads(printed) == DOC
    assert printed == json.dumps(json.loads(printed), indent=2, sort_keys=True) + "\n"


# --- real answers against it --------------------------------------------------------------------
def _strict(schema: Any) -> Any:
    """Every object schema that names its properties names all of them."""
    if isinstance(schema, dict):
        out = {k: _strict(v) for k, v in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_strict(s) for s in schema]
    return schema


STRICT_COMPONENTS = _strict(copy.deepcopy(DOC["components"]))


def conforms(response: Any, path: str) -> Any:
    """Validate `response` against what the document declares for its method, `path` (the
    template) and status; return its body."""
    method = response.request.method.lower()
    declared = DOC["paths"][path][method]["responses"][str(response.status_code)]
    schema = declared["content"]["application/json"]["schema"]
    body = response.json()
    validator = Draft202012Validator(
        {**schema, "components": STRICT_COMPONENTS},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert errors == [], f"{method.upper()} {path} {response.status_code}: {errors}"
    return body


DOCUMENT = "/api/documents/{document_id}"
UPLOAD = "/api/documents/upload"


def test_upload_answers_match_the_document(client: Any) -> None:
    pdf = minimal_pdf()
    first = conforms(upload(client, ("a.pdf", pdf)), UPLOAD)
    accepted = first["items"][0]
    assert accepted["status"] == "accepted"
    assert "duplicate_of" not in accepted  # nulls are left out of the upload's answer
    assert "started_at" not in accepted["job"]

    again = conforms(upload(client, ("b.pdf", pdf), ("empty.txt", b"")), UPLOAD)
    duplicate, rejected = again["items"]
    assert duplicate["duplicate_of"] == accepted["document"]["id"]
    assert duplicate["document"]["duplicate_of"] == accepted["document"]["id"]
    assert rejected == {
        "filename": "empty.txt",
        "status": "rejected",
        "error": {"code": "empty_file", "message": "The file is empty."},
    }

    keyed = {"Idempotency-Key": f"k-{uuid.uuid4()}"}
    conforms(upload(client, ("k.pdf", minimal_pdf("k")), headers=keyed), UPLOAD)
    conforms(upload(client, ("k.pdf", minimal_pdf("k")), headers=keyed), UPLOAD)  # the replay

    refused = conforms(upload(client, ("x.bin", b"\x00\x01"), ("e.txt", b"")), UPLOAD)
    assert [item["status"] for item in refused["error"]["details"]["items"]] == ["rejected"] * 2
    conforms(client.get("/api/documents"), "/api/documents")


def test_document_detail_review_and_finalize_answers_match_the_document(
    client: Any, user: Any
) -> None:
    document_id = seed_document(user.workspace_id)
    queued_id = seed_document(user.workspace_id, status="queued", filename="queued.pdf")

    assert conforms(client.get(f"/api/documents/{queued_id}"), DOCUMENT)["extraction"] is None
    detail = client.get(f"/api/documents/{document_id}")
    body = conforms(detail, DOCUMENT)
    assert detail.headers["ETag"] == '"1"'
    assert body["extraction"]["reviewed_output_json"] is None

    review = f"/api/documents/{document_id}/review"
    edit = {"fields": {"vendor_name": "ACME", "tax_amount": None}}
    reviewed = conforms(
        client.put(review, json=edit, headers={"If-Match": '"1"'}), DOCUMENT + "/review"
    )
    assert reviewed["extraction"]["reviewed_output_json"] == edit
    conforms(client.get(f"/api/documents/{document_id}"), DOCUMENT)

    stale = conforms(
        client.put(review, json=edit, headers={"If-Match": '"1"'}), DOCUMENT + "/review"
    )
    assert stale["error"]["details"]["current"]["extraction"]["version"] == 2
    conforms(client.put(review, json=edit), DOCUMENT + "/review")  # 428
    invalid = {"fields": {"invoice_date": "soon"}}
    conforms(client.put(review, json=invalid, headers={"If-Match": '"2"'}), DOCUMENT + "/review")

    conforms(client.get(f"/api/documents/{document_id}/history"), DOCUMENT + "/history")
    conforms(client.post(f"/api/documents/{document_id}/finalize"), DOCUMENT + "/finalize")
    conforms(client.post(f"/api/documents/{document_id}/finalize"), DOCUMENT + "/finalize")  # 409
    record = client.get(f"/api/documents/{document_id}/export/json")
    assert conforms(record, DOCUMENT + "/export/json")["fields"]["vendor_name"] == "ACME"
    conforms(client.get(f"/api/documents/{uuid.uuid4()}"), DOCUMENT)  # 404
    conforms(client.get("/api/documents/not-an-id"), DOCUMENT)  # 422


def test_jobs_events_and_account_answers_match_the_document(
    client: Any, user: Any, signed_in: Any
) -> None:
    failed_id = seed_document(user.workspace_id, status="failed")
    job_id = client.get(f"/api/documents/{failed_id}").json()["job"]["id"]
    conforms(client.get(f"/api/jobs/{job_id}"), "/api/jobs/{job_id}")
    conforms(client.post(f"/api/jobs/{job_id}/retry"), "/api/jobs/{job_id}/retry")
    conforms(client.post(f"/api/jobs/{job_id}/retry"), "/api/jobs/{job_id}/retry")  # 409
    conforms(client.post(f"/api/jobs/{job_id}/cancel"), "/api/jobs/{job_id}/cancel")
    conforms(client.get(f"/api/jobs/{job_id}/events"), "/api/jobs/{job_id}/events")
    conforms(client.get("/api/events", params={"after": 0}), "/api/events")
    conforms(client.get("/api/events/latest"), "/api/events/latest")

    admin, admin_user = signed_in("admin")
    conforms(admin.get("/api/auth/me"), "/api/auth/me")
    created = admin.post("/api/users", json={"email": f"{uuid.uuid4().hex[:8]}@example.test"})
    user_id = conforms(created, "/api/users")["id"]
    conforms(admin.get("/api/users"), "/api/users")
    conforms(admin.get(f"/api/users/{user_id}"), "/api/users/{user_id}")
    conforms(admin.patch(f"/api/users/{user_id}", json={"role": "viewer"}), "/api/users/{user_id}")
    conforms(admin.get(f"/api/users/{admin_user.user_id}/tokens"), "/api/users/{user_id}/tokens")
    conforms(admin.get("/api/audit-events"), "/api/audit-events")
    token = conforms(admin.post("/api/tokens", json={"name": "ci"}), "/api/tokens")
    conforms(admin.get("/api/tokens"), "/api/tokens")
    conforms(admin.delete(f"/api/tokens/{token['id']}"), "/api/tokens/{token_id}")
    conforms(client.get("/api/users"), "/api/users")  # 403
    conforms(client.get("/api/auth/me", headers={"Authorization": "Bearer nope"}), "/api/auth/me")
    conforms(client.get("/api/health"), "/api/health")
    conforms(client.get("/api/ready"), "/api/ready")


def test_refused_bodies_match_the_document(client: Any) -> None:
    json_type = {"Content-Type": "application/json"}
    too_large = b'{"name": "' + b"x" * (1025 * 1024) + b'"}'
    conforms(client.post("/api/tokens", content=too_large, headers=json_type), "/api/tokens")
    not_utf8 = b'{"email": "\xff@example.test", "password": "x"}'
    refused = client.post("/api/auth/login", content=not_utf8, headers=json_type)
    assert refused.status_code == 422  # as the README says of invalid JSON (it was a 400)
    conforms(refused, "/api/auth/login")


def test_an_extraction_by_the_worker_matches_the_document(client: Any, worker: Any) -> None:
    answer = conforms(upload(client, SAMPLES / "invoice-01-us.pdf"), UPLOAD)
    job = wait_for_job(client, answer["items"][0]["job"]["id"])
    assert job["status"] == "completed", job
    body = conforms(client.get(f"/api/documents/{job['document_id']}"), DOCUMENT)
    fields = body["extraction"]["structured_output_json"]["fields"]
    found = [f for f in fields.values() if f["value"] is not None]
    assert found
    assert all({"page", "box", "span"} <= f["source"].keys() for f in found)
