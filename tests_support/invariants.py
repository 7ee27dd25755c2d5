"""The promises Docflow makes, checked against a database and its file store: what must hold
after any fault, whatever broke. The fault tests run it after every test (the `fault` marker, see
conftest.py); an operator can run it against a stack:

    uv run python -m tests_support.invariants         # DOCFLOW_DATABASE_URL, DOCFLOW_STORAGE_*
    uv run python -m tests_support.invariants --storage /srv/docflow/storage   # a folder

It prints each violation and exits 1 when there is any. The rules:

- one job per accepted upload: every document has exactly one job (and every upload the caller saw
  accepted has its document);
- one stored file per document, no orphan files: each document's file exists and is its own, and
  so does each preview's image; no stored file (in the folder or the bucket, and none left in the
  staging folder) belongs to no document (a preview image belongs to the document its key names);
- at most one extraction result per document, written by an attempt that completed; a completed job
  has its result; no job completed twice;
- per attempt exactly one terminal event (`job_completed`, `job_failed`, `job_cancelled`) once the
  attempt ended, none while it runs; the job's status and attempt equal its last event's, and the
  document's status mirrors the job's (or is `finalized`);
- `seq` strictly increasing in the order things happened: a job's events, in `seq` order, never go
  back to an earlier attempt and nothing of an attempt follows its terminal event;
- no job `processing` past its lease, and no job `queued` past the re-enqueue interval (each with
  `settle` seconds of slack for the sweeper that is about to act).
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

if TYPE_CHECKING:
    from docflow.storage import Storage

TERMINAL = ("job_completed", "job_failed", "job_cancelled")
TERMINAL_STATUSES = ("completed", "failed", "cancelled")
# Review events describe the document, not the job's lifecycle.
DOCUMENT_EVENTS = ("document_reviewed", "document_finalized", "document_deleted")
_SHOWN = 10  # offending ids listed per rule


@dataclass(frozen=True)
class Violation:
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.detail}"


def check(
    storage_dir: Path | None = None,
    *,
    storage: Storage | None = None,
    accepted: Iterable[uuid.UUID | str] = (),
    settle: float | None = None,
) -> list[Violation]:
    """Every violation of the rules above in the current settings' database and file store:
    `storage`, else the folder `storage_dir`, else the settings' store. `accepted`: document ids
    the caller saw accepted. `settle`: seconds a job may sit past its lease or its re-enqueue
    time before it counts (default: the sweep interval + 5 s)."""
    from docflow.config import get_settings
    from docflow.db import get_engine
    from docflow.storage import get_storage
    from docflow.storage.local import LocalStorage

    settings = get_settings()
    if storage is None:
        storage = LocalStorage(storage_dir) if storage_dir is not None else get_storage()
    slack = settings.sweep_interval_seconds + 5.0 if settle is None else settle
    grace = max(2.0, settings.sweep_interval_seconds)
    with get_engine().connect() as conn:
        # One snapshot for every query: a worker busy meanwhile cannot make it look inconsistent.
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        found = [
            *_jobs_per_document(conn, {str(d) for d in accepted}),
            *_results(conn),
            *_events(conn),
            *_time(conn, slack, grace, settings.requeue_lost_after_seconds),
        ]
        stored = [str(p) for (p,) in conn.execute(text("SELECT stored_file_path FROM documents"))]
        previews = [
            str(k) for (k,) in conn.execute(text("SELECT storage_key FROM document_previews"))
        ]
        documents = {str(d) for (d,) in conn.execute(text("SELECT id FROM documents"))}
        conn.rollback()
    return found + _files(storage, stored, previews, documents)


def assert_invariants(
    storage_dir: Path | None = None,
    *,
    storage: Storage | None = None,
    accepted: Iterable[uuid.UUID | str] = (),
    settle: float | None = None,
) -> None:
    violations = check(storage_dir, storage=storage, accepted=accepted, settle=settle)
    assert not violations, "invariants violated:\n" + "\n".join(f"  {v}" for v in violations)


def _ids(rows: Iterable[Any]) -> str:
    values = [str(r[0]) for r in rows]
    more = f" (+{len(values) - _SHOWN} more)" if len(values) > _SHOWN else ""
    return ", ".join(values[:_SHOWN]) + more


def _rule(conn: Connection, rule: str, sql: str, **params: Any) -> list[Violation]:
    rows = list(conn.execute(text(sql), params))
    return [Violation(rule, _ids(rows))] if rows else []


def _jobs_per_document(conn: Connection, accepted: set[str]) -> list[Violation]:
    found = _rule(
        conn,
        "one job per document",
        "SELECT d.id, count(j.id) FROM documents d LEFT JOIN jobs j ON j.document_id = d.id "
        "GROUP BY d.id HAVING count(j.id) <> 1",
    )
    if accepted:
        present = {str(r[0]) for r in conn.execute(text("SELECT id FROM documents"))}
        missing = sorted(accepted - present)
        if missing:
            found.append(
                Violation("accepted upload without its document", _ids((m,) for m in missing))
            )
    found += _rule(
        conn,
        "document status mirrors its job",
        "SELECT d.id FROM documents d JOIN jobs j ON j.document_id = d.id "
        "WHERE d.current_status <> j.status AND NOT (d.current_status = 'finalized' "
        "AND j.status = 'completed')",
    )
    return found


def _results(conn: Connection) -> list[Violation]:
    return [
        *_rule(
            conn,
            "at most one result per document",
            "SELECT document_id FROM extraction_results GROUP BY document_id HAVING count(*) > 1",
        ),
        *_rule(
            conn,
            "a result comes from an attempt that completed",
            "SELECT r.document_id FROM extraction_results r JOIN jobs j ON j.document_id = "
            "r.document_id WHERE NOT EXISTS (SELECT 1 FROM job_events e WHERE e.job_id = j.id "
            "AND e.type = 'job_completed' AND (e.payload->>'attempt')::int = r.job_attempt)",
        ),
        *_rule(
            conn,
            "a completed job has its result",
            "SELECT j.id FROM jobs j WHERE j.status = 'completed' AND NOT EXISTS "
            "(SELECT 1 FROM extraction_results r WHERE r.document_id = j.document_id)",
        ),
        *_rule(
            conn,
            "no job completed twice",
            "SELECT job_id FROM job_events WHERE type = 'job_completed' "
            "GROUP BY job_id HAVING count(*) > 1",
        ),
    ]


def _events(conn: Connection) -> list[Violation]:
    jobs = {
        str(job_id): (status, attempt)
        for job_id, status, attempt in conn.execute(text("SELECT id, status, attempt FROM jobs"))
    }
    rows = conn.execute(
        text(
            "SELECT job_id, seq, type, payload->>'status', (payload->>'attempt')::int "
            "FROM job_events WHERE type <> ALL(:document_events) ORDER BY job_id, seq"
        ),
        {"document_events": list(DOCUMENT_EVENTS)},
    )
    by_job: dict[str, list[tuple[int, str, str, int]]] = {}
    for job_id, seq, type_, status, attempt in rows:
        by_job.setdefault(str(job_id), []).append((seq, type_, status, attempt))

    problems: dict[str, list[str]] = {}

    def bad(rule: str, job_id: str) -> None:
        problems.setdefault(rule, []).append(job_id)

    for job_id, (status, attempt) in jobs.items():
        events = by_job.get(job_id, [])
        if not events:
            bad("a job has events", job_id)
            continue
        _seq, _type, last_status, last_attempt = events[-1]
        if (last_status, last_attempt) != (status, attempt):
            bad("job status and attempt equal its last event's", job_id)
        terminal_per_attempt: dict[int, int] = {}
        previous_attempt, ended = 0, False
        for _seq, type_, _status, event_attempt in events:
            if event_attempt < previous_attempt or event_attempt > attempt:
                bad("seq order: attempts never go back", job_id)
                break
            if event_attempt > previous_attempt:
                previous_attempt, ended = event_attempt, False
            elif ended:
                bad("seq order: nothing of an attempt after its terminal event", job_id)
                break
            if type_ in TERMINAL:
                terminal_per_attempt[event_attempt] = terminal_per_attempt.get(event_attempt, 0) + 1
                ended = True
        for n in range(1, attempt + 1):
            expected = 1 if n < attempt or status in TERMINAL_STATUSES else 0
            if terminal_per_attempt.get(n, 0) != expected:
                bad("per attempt exactly one terminal event (none while it runs)", job_id)
                break
    return [Violation(rule, _ids((j,) for j in ids)) for rule, ids in problems.items()]


def _time(conn: Connection, slack: float, grace: float, lost_after: float) -> list[Violation]:
    return [
        *_rule(
            conn,
            "no job processing past its lease",
            "SELECT id FROM jobs WHERE status = 'processing' AND (lease_expires_at IS NULL OR "
            "lease_expires_at < now() - make_interval(secs => :slack))",
            slack=slack,
        ),
        *_rule(
            conn,
            "no job queued past the re-enqueue interval",
            "SELECT id FROM jobs WHERE status = 'queued' AND ("
            "(enqueued_at IS NULL AND updated_at < now() - make_interval(secs => :never_sent)) "
            "OR enqueued_at < now() - make_interval(secs => :lost))",
            never_sent=grace + slack,
            lost=lost_after + slack,
        ),
    ]


def _files(
    storage: Storage, stored: list[str], previews: list[str], documents: set[str]
) -> list[Violation]:
    from docflow.document.preview import preview_owner

    found: list[Violation] = []
    keys = set(stored)
    if len(keys) != len(stored):
        shared = sorted({k for k in stored if stored.count(k) > 1})
        found.append(Violation("one stored file per document", _ids((k,) for k in shared)))
    present = set(storage.iter_keys())
    missing = sorted(keys - present)
    if missing:
        found.append(Violation("a document's file exists", _ids((k,) for k in missing)))
    missing_previews = sorted(set(previews) - present)
    if missing_previews:
        found.append(Violation("a preview's image exists", _ids((k,) for k in missing_previews)))
    staging = storage.staging_dir
    staged = {f"staging/{p.name}" for p in staging.iterdir() if p.is_file()}
    # A preview image belongs to its document by its key (its row may not be written yet).
    owned = {k for k in present if str(preview_owner(k)) in documents}
    orphans = sorted((present - keys - set(previews) - owned) | staged)
    if orphans:
        found.append(Violation("no orphan files", _ids((o,) for o in orphans)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests_support.invariants", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--storage", type=Path, help="a storage folder (default: the settings' folder or bucket)"
    )
    parser.add_argument(
        "--settle",
        type=float,
        help="seconds a job may sit past its lease / re-enqueue time (default: sweep + 5)",
    )
    args = parser.parse_args(argv)
    violations = check(args.storage, settle=args.settle)
    for violation in violations:
        print(violation)  # noqa: T201 - the CLI's output
    if not violations:
        print("all invariants hold")  # noqa: T201
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
