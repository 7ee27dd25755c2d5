"""email unique per workspace — issue 12 (a workspace admin must not learn of other workspaces)

An e-mail address was unique across all workspaces, so an admin adding a user whose address
belongs to another workspace got 409 `email_taken`: proof that the address has an account
elsewhere. It is now unique within a workspace only (409 still answers a duplicate there); sign-in
finds the account by address and password (the oldest account whose password matches). A plain
index keeps the look-up by address fast.

Revision ID: 20261204_05
Revises: 20261128_04
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261204_05"
down_revision: str | None = "20261128_04"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_constraint("users_email_key", "users", type_="unique")
    op.create_unique_constraint("uq_users_workspace_email", "users", ["workspace_id", "email"])
    op.create_index("ix_users_email", "users", ["email"])


def downgrade() -> None:
    # Fails while one address has accounts in two workspaces: resolve those first.
    op.drop_index("ix_users_email", table_name="users")
    op.drop_constraint("uq_users_workspace_email", "users", type_="unique")
    op.create_unique_constraint("users_email_key", "users", ["email"])
