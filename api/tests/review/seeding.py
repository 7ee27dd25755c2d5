"""Test data for review, export and list tests: documents put straight into a state through the
models and repositories (what the worker's store stage would have written), so a test does not
wait for the pipeline. One end-to-end test goes through the real worker instead."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text

from docflow.db import get_engine, unit_of_work
from docflow.document.fields import FIELD_NAMES
from docflow.document.repository import DocumentRepository
from docflow.models import Document, ExtractionResult, Job

INVOICE = {
    "vendor_name": "Acme Supplies GmbH",
    "invoice_number": "INV-2026-0042",
    "invoice_date": "2026-11-02",
    "total_amount": "1190.00",
    "tax_amount": "190.00",
    "currency": "EUR",
    "status": "due",
}


def structured(values: dict[str, str | None]) -> dict[str, Any]:
    return {
        "document_type": "invoice",
        "fields": {
            name: {
                "value": values.get(name),
                "confidence": 0.9 if values.get(name) is not None else 0.0,
                "source": {"page": 1, "box": [10, 20, 200, 40]} if values.get(name) else None,
            }
            for name in FIELD_NAMES
        },
    }


def seed_document(
    workspace_id: uuid.UUID,
    *,
    status: str = "completed",
    filename: str = "invoice.pdf",
    fields: dict[str, str | None] | None = None,
    uploaded_at: datetime | None = None,
    uploaded_by: uuid.UUID | None = None,
    content: bytes | None = None,
) -> uuid.UUID:
    """A document with its job in `status`; completed ones get an extraction result with `fields`
    (default: INVOICE) and their list columns indexed, as the store stage does."""
    document_id = uuid.uuid4()
    body = content if content is not None else f"file {document_id}".encode()
    with unit_of_work() as session:
        document = Document(
            id=document_id,
            workspace_id=workspace_id,
            uploaded_by=uploaded_by,
            original_filename=filename,
            stored_file_path=f"documents/{document_id}.pdf",
            mime_type="application/pdf",
            file_size=len(body),
            sha256=hashlib.sha256(body).hexdigest(),
            current_status=status,
        )
        if uploaded_at is not None:
            document.uploaded_at = uploaded_at
        session.add(document)
        session.flush()
        done = status == "completed"
        session.add(
            Job(
                document_id=document_id,
                workspace_id=workspace_id,
                status=status,
                progress_percentage=100 if done else 0,
                current_stage=status,
                retry_count=0,
                attempt=1,
                completed_at=datetime.now(UTC) if done else None,
            )
        )
        session.flush()
        if done:
            repo = DocumentRepository(session)
            saved = repo.save_extraction(
                ExtractionResult(
                    document_id=document_id,
                    job_attempt=1,
                    raw_text="Invoice",
                    document_type="invoice",
                    page_count=1,
                    parse_method="text",
                    structured_output_json=structured(INVOICE if fields is None else fields),
                )
            )
            repo.index_extraction(saved)
    return document_id


def seed_preview(document_id: uuid.UUID | str) -> bytes:
    """A first-page preview for the document, as the parse stage stores and records it (a small
    WebP image); returns its bytes."""
    import io

    from PIL import Image

    from docflow.document.preview import preview_key
    from docflow.models import DocumentPreview
    from docflow.storage import get_storage

    document_id = uuid.UUID(str(document_id))
    out = io.BytesIO()
    Image.new("RGB", (120, 155), "white").save(out, format="WEBP")
    data = out.getvalue()
    key = get_storage().put(preview_key(document_id, "image/webp"), data)
    with unit_of_work() as session:
        DocumentRepository(session).save_preview(
            DocumentPreview(
                document_id=document_id,
                storage_key=key,
                media_type="image/webp",
                width=120,
                height=155,
                byte_size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    return data


def seed_finalized_bulk(workspace_id: uuid.UUID, count: int, *, start: datetime) -> None:
    """`count` finalized documents (documents, jobs, extraction results, finalized records) in a
    few set-based statements — fast enough for tens of thousands of rows."""
    params = {"ws": workspace_id, "n": count, "start": start}
    statements = [
        """
        CREATE TEMP TABLE seed ON COMMIT DROP AS
        SELECT gen_random_uuid() AS id, i,
               :start + make_interval(secs => i) AS uploaded_at,
               md5(i::text) || md5((i + 1)::text) AS sha
        FROM generate_series(1, :n) AS i
        """,
        """
        INSERT INTO documents (id, workspace_id, original_filename, stored_file_path, mime_type,
            file_size, sha256, uploaded_at, current_status, vendor_name, invoice_number,
            invoice_date, total_amount, currency)
        SELECT id, :ws, 'bulk-' || i || '.pdf', 'documents/' || id || '.pdf', 'application/pdf',
               1000 + i, sha, uploaded_at, 'finalized', 'Vendor ' || (i % 50),
               'B-' || i, DATE '2026-01-01' + (i % 300), (i % 1000) + 0.5, 'EUR'
        FROM seed
        """,
        """
        INSERT INTO jobs (id, document_id, workspace_id, status, progress_percentage,
            current_stage, retry_count, attempt, completed_at)
        SELECT gen_random_uuid(), id, :ws, 'completed', 100, 'completed', 0, 1, uploaded_at
        FROM seed
        """,
        """
        INSERT INTO extraction_results (id, document_id, job_attempt, raw_text, document_type,
            page_count, parse_method, structured_output_json, is_finalized, finalized_at, version)
        SELECT gen_random_uuid(), id, 1, 'Invoice', 'invoice', 1, 'text', '{}'::jsonb, true,
               uploaded_at + interval '1 hour', 2
        FROM seed
        """,
        """
        INSERT INTO finalized_records (document_id, workspace_id, version, finalized_at, record)
        SELECT id, :ws, 2, uploaded_at + interval '1 hour', jsonb_build_object(
            'schema', 'docflow.finalized/1',
            'document', jsonb_build_object(
                'id', id::text, 'filename', 'bulk-' || i || '.pdf',
                'mime_type', 'application/pdf', 'file_size', 1000 + i, 'sha256', sha,
                'uploaded_at', to_char(uploaded_at AT TIME ZONE 'UTC',
                                       'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                'document_type', 'invoice', 'page_count', 1),
            'fields', jsonb_build_object(
                'vendor_name', 'Vendor ' || (i % 50), 'invoice_number', 'B-' || i,
                'invoice_date', (DATE '2026-01-01' + (i % 300))::text,
                'total_amount', ((i % 1000) + 0.5)::text, 'tax_amount', NULL,
                'currency', 'EUR', 'status', NULL),
            'finalized_at', to_char((uploaded_at + interval '1 hour') AT TIME ZONE 'UTC',
                                    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            'finalized_by', NULL,
            'version', 2)
        FROM seed
        """,
    ]
    with get_engine().begin() as conn:
        for statement in statements:
            conn.execute(text(statement), params)
        conn.execute(text("ANALYZE documents"))


def an_hour_ago() -> datetime:
    return datetime.now(UTC) - timedelta(hours=1)
