"""auth sessions roles audit — issue 6 (accounts and access)

Revision ID: 20261128_02
Revises: ceb269069e1c
Create Date: 2026-11-28
"""

from collections.abc import Sequence

revision: str = "20261128_02"
down_revision: str | None = "ceb269069e1c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
