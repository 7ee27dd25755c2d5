"""The models and the migrations describe the same schema (Alembic is the only way it changes)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from docflow.db import get_engine
from docflow.models import Base


def test_models_match_the_migrated_schema(stack) -> None:  # type: ignore[no-untyped-def]
    with get_engine().connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
