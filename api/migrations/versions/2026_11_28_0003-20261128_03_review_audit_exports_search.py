"""review audit exports search — issue 4 (review, finalize, export, list)

- documents: the final invoice fields denormalised for the dashboard (vendor, invoice number,
  date, total, currency), a generated `search_text` behind a pg_trgm GIN index, one btree per
  sort key, and the business-duplicate flag (`duplicate_key`, `possible_duplicate_of`).
- document_field_changes: the review audit trail.
- finalized_records: the frozen output of finalized documents (UPDATE/DELETE refused by trigger).
- Triggers make `finalized` terminal: a finalized extraction row cannot change, a finalized
  document cannot leave `finalized`.

Revision ID: 20261128_03
Revises: 20261128_02
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "20261128_03"
down_revision: str | None = "20261128_02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TEXT_SQL = (
    "original_filename || chr(31) || coalesce(vendor_name, '') || chr(31) || "
    "coalesce(invoice_number, '')"
)


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")

    op.add_column("documents", sa.Column("vendor_name", sa.String(255), nullable=True))
    op.add_column("documents", sa.Column("invoice_number", sa.String(100), nullable=True))
    op.add_column("documents", sa.Column("invoice_date", sa.Date(), nullable=True))
    op.add_column("documents", sa.Column("total_amount", sa.Numeric(), nullable=True))
    op.add_column("documents", sa.Column("currency", sa.String(3), nullable=True))
    op.add_column(
        "documents",
        sa.Column("search_text", sa.Text(), sa.Computed(SEARCH_TEXT_SQL, persisted=True)),
    )
    op.add_column("documents", sa.Column("duplicate_key", sa.Text(), nullable=True))
    op.add_column("documents", sa.Column("possible_duplicate_of", sa.UUID(), nullable=True))
    op.create_foreign_key(
        "fk_documents_possible_duplicate_of",
        "documents",
        "documents",
        ["possible_duplicate_of"],
        ["id"],
    )

    op.create_index(
        "ix_documents_ws_filename",
        "documents",
        ["workspace_id", sa.text("lower(original_filename)"), "id"],
    )
    op.create_index(
        "ix_documents_ws_status_uploaded",
        "documents",
        ["workspace_id", "current_status", "uploaded_at", "id"],
    )
    op.create_index(
        "ix_documents_ws_vendor", "documents", ["workspace_id", sa.text("lower(vendor_name)"), "id"]
    )
    op.create_index("ix_documents_ws_total", "documents", ["workspace_id", "total_amount", "id"])
    op.create_index(
        "ix_documents_ws_invoice_date", "documents", ["workspace_id", "invoice_date", "id"]
    )
    op.create_index(
        "ix_documents_search_trgm",
        "documents",
        ["search_text"],
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_documents_ws_duplicate_key",
        "documents",
        ["workspace_id", "duplicate_key"],
        postgresql_where=sa.text("duplicate_key IS NOT NULL"),
    )

    op.create_table(
        "document_field_changes",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("document_id", sa.UUID(), nullable=False),
        sa.Column("workspace_id", sa.UUID(), nullable=False),
        sa.Column("user_id", sa.UUID(), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("field", sa.String(40), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("extracted_value", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_document_field_changes_document", "document_field_changes", ["document_id", "id"]
    )

    op.create_table(
        "finalized_records",
        sa.Column("document_id", sa.UUID(), nullable=False),
        sa.Column("workspace_id", sa.UUID(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("finalized_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finalized_by", sa.UUID(), nullable=True),
        sa.Column("record", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspaces.id"]),
        sa.ForeignKeyConstraint(["finalized_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("document_id"),
    )

    # Finalized is terminal, enforced by the database whatever code runs later.
    op.execute(
        """
        CREATE FUNCTION docflow_refuse_finalized_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'finalized % rows cannot be changed (%)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'restrict_violation';
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER finalized_records_immutable BEFORE UPDATE OR DELETE ON finalized_records "
        "FOR EACH ROW EXECUTE FUNCTION docflow_refuse_finalized_change()"
    )
    op.execute(
        "CREATE TRIGGER extraction_results_frozen BEFORE UPDATE OR DELETE ON extraction_results "
        "FOR EACH ROW WHEN (OLD.is_finalized) EXECUTE FUNCTION docflow_refuse_finalized_change()"
    )
    op.execute(
        "CREATE TRIGGER documents_finalized_terminal BEFORE UPDATE OF current_status ON documents "
        "FOR EACH ROW WHEN (OLD.current_status = 'finalized' "
        "AND NEW.current_status IS DISTINCT FROM 'finalized') "
        "EXECUTE FUNCTION docflow_refuse_finalized_change()"
    )

    # Per-status counts for the dashboard header: an append-only ledger fed by a trigger.
    op.create_table(
        "document_status_deltas",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("workspace_id", sa.UUID(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_document_status_deltas_workspace", "document_status_deltas", ["workspace_id"]
    )
    op.execute(
        """
        CREATE FUNCTION docflow_count_document_status() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO document_status_deltas (workspace_id, status, delta)
                VALUES (OLD.workspace_id, OLD.current_status, -1);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO document_status_deltas (workspace_id, status, delta)
                VALUES (NEW.workspace_id, NEW.current_status, 1);
            END IF;
            RETURN NULL;
        END
        $$
        """
    )
    op.execute(
        "CREATE TRIGGER documents_count_insert_delete AFTER INSERT OR DELETE ON documents "
        "FOR EACH ROW EXECUTE FUNCTION docflow_count_document_status()"
    )
    op.execute(
        "CREATE TRIGGER documents_count_status AFTER UPDATE OF current_status, workspace_id "
        "ON documents FOR EACH ROW WHEN (OLD.current_status IS DISTINCT FROM NEW.current_status "
        "OR OLD.workspace_id IS DISTINCT FROM NEW.workspace_id) "
        "EXECUTE FUNCTION docflow_count_document_status()"
    )
    op.execute(
        "INSERT INTO document_status_deltas (workspace_id, status, delta) "
        "SELECT workspace_id, current_status, count(*) FROM documents GROUP BY 1, 2"
    )

    # Existing extractions: fill the list columns from the extracted values (best effort: a value
    # that does not parse stays NULL, as it would through the application).
    op.execute(
        r"""
        CREATE FUNCTION pg_temp.docflow_try_date(v text) RETURNS date LANGUAGE plpgsql AS $$
        BEGIN
            IF v ~ '^\d{4}-\d{2}-\d{2}$' THEN RETURN v::date; END IF;
            RETURN NULL;
        EXCEPTION WHEN others THEN RETURN NULL;
        END $$
        """
    )
    op.execute(
        r"""
        UPDATE documents d SET
            vendor_name = left(f.vendor, 255),
            invoice_number = left(f.number, 100),
            invoice_date = pg_temp.docflow_try_date(f.invoice_date),
            total_amount = CASE WHEN f.total ~ '^-?\d{1,15}(\.\d{1,4})?$'
                                THEN f.total::numeric END,
            currency = CASE WHEN f.currency ~ '^[A-Z]{3}$' THEN f.currency END
        FROM (
            SELECT e.document_id,
                   e.structured_output_json #>> '{fields,vendor_name,value}' AS vendor,
                   e.structured_output_json #>> '{fields,invoice_number,value}' AS number,
                   e.structured_output_json #>> '{fields,invoice_date,value}' AS invoice_date,
                   e.structured_output_json #>> '{fields,total_amount,value}' AS total,
                   e.structured_output_json #>> '{fields,currency,value}' AS currency
            FROM extraction_results e
        ) f
        WHERE f.document_id = d.id
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS documents_count_status ON documents")
    op.execute("DROP TRIGGER IF EXISTS documents_count_insert_delete ON documents")
    op.execute("DROP FUNCTION IF EXISTS docflow_count_document_status()")
    op.drop_table("document_status_deltas")
    op.execute("DROP TRIGGER IF EXISTS documents_finalized_terminal ON documents")
    op.execute("DROP TRIGGER IF EXISTS extraction_results_frozen ON extraction_results")
    op.execute("DROP TRIGGER IF EXISTS finalized_records_immutable ON finalized_records")
    op.execute("DROP FUNCTION IF EXISTS docflow_refuse_finalized_change()")
    op.drop_table("finalized_records")
    op.drop_index("ix_document_field_changes_document", table_name="document_field_changes")
    op.drop_table("document_field_changes")
    for name in (
        "ix_documents_ws_duplicate_key",
        "ix_documents_search_trgm",
        "ix_documents_ws_invoice_date",
        "ix_documents_ws_total",
        "ix_documents_ws_vendor",
        "ix_documents_ws_status_uploaded",
        "ix_documents_ws_filename",
    ):
        op.drop_index(name, table_name="documents")
    op.drop_constraint("fk_documents_possible_duplicate_of", "documents", type_="foreignkey")
    for column in (
        "possible_duplicate_of",
        "duplicate_key",
        "search_text",
        "vendor_name",
        "invoice_number",
        "invoice_date",
        "total_amount",
        "currency",
    ):
        op.drop_column("documents", column)
