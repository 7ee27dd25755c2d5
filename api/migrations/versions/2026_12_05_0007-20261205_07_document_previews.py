"""document previews — a server-rendered image of each PDF's first page

- document_previews: at most one row per document (its id is the key), naming the stored image
  (`previews/<document id>/page-1.webp`), its media type, pixel size, byte size and SHA-256 (the
  ETag, and what a backup verifies). The worker writes it during the parse stage, after the image
  is stored; a re-run overwrites the image and updates the row. No row: no preview (not a PDF, not
  parsed yet, or the render failed).

Revision ID: 20261205_07
Revises: 20261205_06
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261205_07"
down_revision: str | None = "20261205_06"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "document_previews",
        sa.Column(
            "document_id",
            sa.UUID(),
            sa.ForeignKey("documents.id", name="document_previews_document_id_fkey"),
            primary_key=True,
        ),
        sa.Column("storage_key", sa.String(500), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
    )


def downgrade() -> None:
    op.drop_table("document_previews")
