"""document lifecycle — issue 13 (delete, retention, storage drift check)

- job_events: no foreign keys to `jobs` and `documents` any more. A deleted document's events go
  with it, but one `document_deleted` event stays as the record of the deletion (clients that
  resume from a `seq` learn of it; the dashboard drops the row), naming ids that no longer exist.
- The finalized-rows trigger lets a deliberate purge delete (never update) a finalized document:
  the deleting transaction sets `docflow.purging` to `on` (SET LOCAL). Anything else is refused
  as before.
- storage_orphans: stored files without a document row, and when the drift check first saw each;
  a file is removed only once it has been an orphan for the grace period (an upload's file is
  committed a moment before its row).

Revision ID: 20261205_06
Revises: 20261204_05
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_06"
down_revision: str | None = "20261204_05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REFUSE = """
CREATE OR REPLACE FUNCTION docflow_refuse_finalized_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {allow}
    RAISE EXCEPTION 'finalized % rows cannot be changed (%)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$
"""
_ALLOW_PURGE = (
    "IF TG_OP = 'DELETE' AND current_setting('docflow.purging', true) = 'on' THEN "
    "RETURN OLD; END IF;"
)


def upgrade() -> None:
    op.drop_constraint("job_events_job_id_fkey", "job_events", type_="foreignkey")
    op.drop_constraint("job_events_document_id_fkey", "job_events", type_="foreignkey")
    op.execute(_REFUSE.format(allow=_ALLOW_PURGE))
    op.create_table(
        "storage_orphans",
        sa.Column("key", sa.String(500), primary_key=True),
        sa.Column(
            "first_seen_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_table("storage_orphans")
    op.execute(_REFUSE.format(allow=""))
    op.execute(
        "DELETE FROM job_events e WHERE NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = e.job_id)"
    )
    op.create_foreign_key(
        "job_events_document_id_fkey", "job_events", "documents", ["document_id"], ["id"]
    )
    op.create_foreign_key("job_events_job_id_fkey", "job_events", "jobs", ["job_id"], ["id"])
