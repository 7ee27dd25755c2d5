"""Backups that restore: `npm run backup -- DIR` and `npm run restore -- DIR [--force]`.

A backup folder holds
    database.dump    pg_dump, custom format
    files/<key>      every stored file the dump references (the documents' files and their
                     first-page previews), copied through the Storage interface
    manifest.json    the format, the Alembic revision, and each file's key, size and SHA-256 (for
                     object storage it is the bucket's listing as of the dump)

Consistency: one REPEATABLE READ transaction exports its snapshot; pg_dump dumps exactly that
snapshot (`--snapshot`) and the same transaction lists the stored keys (documents, previews).
So the files copied are the ones the dump references: a file uploaded after the snapshot is not in
the backup, and neither is its row. A file deleted after the snapshot (before it was copied) fails
the backup loudly; run it again.

Restore refuses a database that has any table, or a storage that holds any file, unless `force`
(then the public schema is dropped and the storage's files deleted first). Every file's SHA-256 is
checked against the manifest before anything is written.
"""

from __future__ import annotations

import glob
import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from docflow.storage import Storage

FORMAT = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
FILES = "files"
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    folder: Path
    documents: int
    files: int
    bytes: int


def pg_tool(name: str) -> str:
    """The newest `pg_dump`/`pg_restore` installed (a dump needs a client at least as new as the
    server): Debian's versioned folders first, then PATH."""

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.parent.name)
        except ValueError:
            return 0.0

    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version, reverse=True)
    if found:
        return found[0]
    on_path = shutil.which(name)
    if on_path is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client (postgresql-client)")
    return on_path


def libpq_url(database_url: str) -> str:
    """The SQLAlchemy URL as libpq takes it (no `+driver`)."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def backup(database_url: str, storage: Storage, folder: Path) -> BackupSummary:
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: back up into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            # The snapshot stays valid while this transaction is open: dump it, then list keys.
            _run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={folder / DUMP}",
                    f"--dbname={libpq_url(database_url)}",
                ]
            )
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            documents = conn.execute(
                text("SELECT stored_file_path, sha256 FROM documents ORDER BY stored_file_path")
            ).all()
            previews = conn.execute(
                text("SELECT storage_key, sha256 FROM document_previews ORDER BY storage_key")
            ).all()
            conn.rollback()
    finally:
        engine.dispose()
    files: list[dict[str, Any]] = []
    total = 0
    for key, expected in [*documents, *previews]:
        digest, size = _copy_out(storage, key, folder / FILES)
        if digest != expected:
            raise BackupError(f"{key}: stored file does not match its row's SHA-256")
        files.append({"key": key, "sha256": digest, "size": size})
        total += size
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "alembic_revision": revision,
        "database": DUMP,
        "files": files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return BackupSummary(folder, len(documents), len(files), total)


def restore(database_url: str, storage: Storage, folder: Path, *, force: bool = False) -> int:
    """Restore a backup folder; returns the number of files restored."""
    manifest = _read_manifest(folder)
    for entry in manifest["files"]:  # all verified before anything is written
        digest, _ = _hash(_safe(folder / FILES, entry["key"]))
        if digest != entry["sha256"]:
            raise BackupError(f"{entry['key']}: the file does not match the manifest's SHA-256")
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
            if tables and not force:
                raise BackupError(
                    f"the database has {tables} table(s): restore into an empty database, or "
                    "pass --force to replace it"
                )
            keys = list(storage.iter_keys())
            if keys and not force:
                raise BackupError(
                    f"the storage holds {len(keys)} file(s): restore into empty storage, or pass "
                    "--force to replace them"
                )
            if tables:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    for key in keys:
        storage.delete(key)
    _run(
        [
            pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={libpq_url(database_url)}",
            str(folder / DUMP),
        ]
    )
    for entry in manifest["files"]:
        _copy_in(storage, _safe(folder / FILES, entry["key"]), entry["key"])
    return len(manifest["files"])


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError as exc:
        raise BackupError(f"{folder} holds no {MANIFEST}: not a Docflow backup") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    if not (folder / DUMP).is_file():
        raise BackupError(f"{folder / DUMP} is missing")
    return manifest


def _safe(base: Path, key: str) -> Path:
    target = (base / key).resolve()
    if base.resolve() not in target.parents:
        raise BackupError(f"{key!r} escapes the backup folder")
    return target


def _copy_out(storage: Storage, key: str, base: Path) -> tuple[str, int]:
    target = _safe(base, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    try:
        source = storage.open(key)
    except FileNotFoundError as exc:
        raise BackupError(
            f"{key}: the stored file is missing (see `npm run storage:check`)"
        ) from exc
    with source, open(target, "wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _copy_in(storage: Storage, source: Path, key: str) -> None:
    staged = storage.stage()
    try:
        with open(source, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                staged.write(chunk)
        storage.commit(staged, key)
    except BaseException:
        storage.discard(staged)
        raise


def _hash(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError as exc:
        raise BackupError(f"{path} is missing from the backup") from exc
    return digest.hexdigest(), size


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        shown = command[0].rsplit("/", 1)[-1]
        raise BackupError(f"{shown} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
