"""The invariant checker finds what it is there to find (a checker that never fails proves
nothing), and its command line says so with its exit status."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests_support.api import minimal_pdf, upload
from tests_support.faults import private_queue
from tests_support.invariants import check, main


def _sql(statement: str, **params: Any) -> None:
    from docflow.db import get_engine

    with get_engine().begin() as conn:
        conn.execute(text(statement), params)


def _queued(client: Any, label: str) -> dict[str, Any]:
    with private_queue():  # nobody reads it: the job stays queued
        response = upload(client, (f"{label}.pdf", minimal_pdf(f"Invoice {label}")))
    assert response.status_code == 202, response.text
    item: dict[str, Any] = response.json()["items"][0]
    return item


def test_a_consistent_record_passes_and_each_broken_promise_is_named(
    client: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from docflow.config import get_settings

    storage = get_settings().storage_dir
    for path in storage.rglob("*"):  # files of earlier tests' documents (their rows are gone)
        if path.is_file():
            path.unlink()
    first, second, third = (_queued(client, label) for label in ("ONE", "TWO", "THREE"))
    assert check(accepted=[first["document"]["id"]]) == []
    assert main([]) == 0

    # A job processing long past its lease; one queued long past the re-enqueue interval; one
    # whose status no event describes; an orphan file; an accepted upload that is missing.
    _sql(
        "UPDATE jobs SET status = 'processing', lease_expires_at = now() - interval '1 hour' "
        "WHERE id = :j",
        j=first["job"]["id"],
    )
    _sql(
        "UPDATE jobs SET enqueued_at = now() - interval '1 day' WHERE id = :j",
        j=second["job"]["id"],
    )
    _sql("UPDATE jobs SET status = 'completed' WHERE id = :j", j=third["job"]["id"])
    (storage / "orphan.pdf").write_bytes(b"%PDF-1.4")
    rules = {v.rule for v in check(accepted=["00000000-0000-0000-0000-000000000000"])}
    assert rules == {
        "accepted upload without its document",
        "document status mirrors its job",
        "no job processing past its lease",
        "no job queued past the re-enqueue interval",
        "job status and attempt equal its last event's",
        "per attempt exactly one terminal event (none while it runs)",
        "a completed job has its result",
        "no orphan files",
    }
    capsys.readouterr()
    assert main([]) == 1
    assert "no orphan files: orphan.pdf" in capsys.readouterr().out
