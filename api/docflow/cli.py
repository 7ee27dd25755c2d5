"""Operational commands (`python -m docflow.cli …`; the settings come from DOCFLOW_* variables):

bootstrap [--demo]          the first admin (and the development demo account)
openapi [--out FILE]        the OpenAPI document (no server or database)
storage-check [--report-only]
                            the storage drift check (`npm run storage:check`); exit 1 when a
                            document's file is missing
backup DIR                  a consistent backup (`npm run backup -- DIR`)
restore DIR [--force]       restore it into an empty database and storage (`npm run restore`)
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy.exc import OperationalError

from docflow.auth.passwords import hash_password
from docflow.auth.repository import AuthRepository
from docflow.auth.service import AuthService
from docflow.config import REPO_ROOT, get_settings
from docflow.db import unit_of_work
from docflow.models import Role

DEMO_EMAIL = "demo@docflow.local"
DEMO_PASSWORD = "docflow-demo"
DEMO_TOKEN_FILE = REPO_ROOT / ".data" / "demo-token"


def bootstrap(
    demo: bool, token_file: Path = DEMO_TOKEN_FILE, api_url: str = "http://127.0.0.1:8000"
) -> None:
    settings = get_settings()
    with unit_of_work() as session:
        repo = AuthRepository(session)
        auth = AuthService(session)
        # The first admin comes from the environment; an existing account is never changed.
        email, password = settings.bootstrap_admin_email, settings.bootstrap_admin_password
        if email and password and repo.user_by_email(email) is None:
            auth.create_workspace_with_admin("Default", email, hash_password(password), Role.admin)
            print(f"[docflow] created admin {email}")
        if not demo:
            return
        if settings.environment == "production":
            sys.exit("refusing to create a demo account in production")
        user = repo.user_by_email(DEMO_EMAIL)
        if user is None:
            user = auth.create_workspace_with_admin(
                "Demo workspace", DEMO_EMAIL, hash_password(DEMO_PASSWORD), Role.admin
            )
        token = token_file.read_text().strip() if token_file.exists() else ""
        if not token or _token_invalid(auth, token):
            token = auth.issue_token(user.id, "demo (npm start)").secret
            token_file.parent.mkdir(parents=True, exist_ok=True)
            token_file.write_text(token + "\n")
    shown = (
        token_file.relative_to(REPO_ROOT) if token_file.is_relative_to(REPO_ROOT) else token_file
    )
    print(
        f"[docflow] demo account (admin): {DEMO_EMAIL} / {DEMO_PASSWORD}\n"
        f"[docflow] demo API token (also in {shown}): {token}\n"
        f'[docflow] try: curl -H "Authorization: Bearer $(cat {shown})" '
        f"{api_url}/api/documents\n"
        f"[docflow] or sign in: curl -c .data/cookies -H 'Content-Type: application/json' "
        f'-d \'{{"email":"{DEMO_EMAIL}","password":"{DEMO_PASSWORD}"}}\' '
        f"{api_url}/api/auth/login",
        flush=True,
    )


def _token_invalid(auth: AuthService, token: str) -> bool:
    try:
        auth.authenticate_token(token)
        return False
    except Exception:
        return True


def openapi(out: Path | None) -> None:
    """Write the app's OpenAPI document (deterministic: sorted keys) to `out`, or print it."""
    from docflow.main import app
    from docflow.openapi import openapi_json

    text = openapi_json(app)
    if out is None:
        print(text)
    else:
        out.write_text(text + "\n")


def storage_check(report_only: bool) -> int:
    """Run the drift check once and print what it found (JSON); 1 when documents lack files."""
    from docflow.lifecycle.service import LifecycleService
    from docflow.storage import get_storage

    grace = timedelta(seconds=get_settings().storage_orphan_grace_seconds)
    with unit_of_work() as session:
        report = LifecycleService(session, get_storage()).check_storage(
            grace=grace, remove=not report_only
        )
    print(
        json.dumps(
            {
                "documents": report.documents,
                "files": report.files,
                "documents_without_file": report.missing_files,
                "files_without_document": report.orphans,
                "previews_without_file": report.missing_previews,
                "removed": report.removed,
                "grace_seconds": grace.total_seconds(),
                "clean": report.clean,
            },
            indent=2,
        )
    )
    return 1 if report.missing_files else 0


def run_backup(folder: Path) -> int:
    from docflow.backup import BackupError, backup
    from docflow.storage import get_storage

    try:
        summary = backup(get_settings().database_url, get_storage(), folder)
    except OperationalError as exc:
        print(f"[docflow] backup failed: cannot reach the database: {exc.orig}", file=sys.stderr)
        return 1
    except BackupError as exc:
        print(f"[docflow] backup failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"[docflow] backup written to {summary.folder}: {summary.documents} document(s), "
        f"{summary.files} file(s), {summary.bytes} bytes"
    )
    return 0


def run_restore(folder: Path, force: bool) -> int:
    from docflow.backup import BackupError, restore
    from docflow.storage import get_storage

    try:
        files = restore(get_settings().database_url, get_storage(), folder, force=force)
    except OperationalError as exc:
        print(f"[docflow] restore failed: cannot reach the database: {exc.orig}", file=sys.stderr)
        return 1
    except BackupError as exc:
        print(f"[docflow] restore refused: {exc}", file=sys.stderr)
        return 1
    print(f"[docflow] restored the database and {files} file(s) from {folder}")
    return 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="docflow")
    sub = parser.add_subparsers(dest="command", required=True)
    boot = sub.add_parser("bootstrap", help="create the first admin (and the dev demo account)")
    boot.add_argument("--demo", action="store_true")
    boot.add_argument("--token-file", type=Path, default=DEMO_TOKEN_FILE, help=argparse.SUPPRESS)
    boot.add_argument("--api-url", default="http://127.0.0.1:8000", help=argparse.SUPPRESS)
    spec = sub.add_parser("openapi", help="print the OpenAPI document (JSON) without a server")
    spec.add_argument("--out", type=Path, help="write it to this file instead")
    check = sub.add_parser(
        "storage-check", help="report documents without files and files without documents"
    )
    check.add_argument(
        "--report-only", action="store_true", help="remove nothing (old orphans included)"
    )
    back = sub.add_parser("backup", help="write a consistent backup (database + files) to DIR")
    back.add_argument("folder", type=Path, metavar="DIR")
    rest = sub.add_parser("restore", help="restore a backup into an empty database and storage")
    rest.add_argument("folder", type=Path, metavar="DIR")
    rest.add_argument("--force", action="store_true", help="replace a non-empty target")
    args = parser.parse_args(argv)
    if args.command == "bootstrap":
        bootstrap(args.demo, args.token_file, args.api_url)
    elif args.command == "openapi":
        openapi(args.out)
    elif args.command == "storage-check":
        sys.exit(storage_check(args.report_only))
    elif args.command == "backup":
        sys.exit(run_backup(args.folder))
    elif args.command == "restore":
        sys.exit(run_restore(args.folder, args.force))


if __name__ == "__main__":
    main()
