"""review audit exports search — issue 4 (review, finalize, export, list)

Revision ID: 20261128_03
Revises: 20261128_02
Create Date: 2026-11-28
"""

from collections.abc import Sequence

revision: str = "20261128_03"
down_revision: str | None = "20261128_02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
