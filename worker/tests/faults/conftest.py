"""Fault tests: each starts the processes it breaks (workers, Redis, an API) and stops them; the
invariant checker runs after each (the `fault` marker, see the root conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests_support.api import upload
from tests_support.faults import Workers


@pytest.fixture
def workers(stack: Any, tmp_path: Path) -> Iterator[Workers]:
    started = Workers(stack, tmp_path)
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture
def upload_one(client: Any, invariants: Any):  # type: ignore[no-untyped-def]
    """upload_one(name, data) → the accepted item (its document is expected by the checker)."""

    def _upload(name: str, data: bytes, headers: dict[str, str] | None = None) -> dict[str, Any]:
        response = upload(client, (name, data), headers=headers)
        assert response.status_code == 202, response.text
        item: dict[str, Any] = response.json()["items"][0]
        assert item["status"] == "accepted"
        invariants.accepted.add(item["document"]["id"])
        return item

    return _upload
