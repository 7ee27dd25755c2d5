"""Session-wide test infrastructure: a private PostgreSQL (migrated once by Alembic), a private
Redis, and — for end-to-end tests — a real Celery worker process. Nothing is mocked."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests_support.servers import (
    Stack,
    WorkerProcess,
    start_stack,
    start_worker,
    stop_stack,
    stop_worker,
    use_stack,
)


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("stack")
    stack = start_stack(tmp)
    use_stack(stack)
    try:
        yield stack
    finally:
        from docflow.db import get_engine

        get_engine().dispose()
        stop_stack(stack)


_TABLES = (
    "job_events, extraction_results, jobs, idempotency_records, documents, api_tokens, users, "
    "workspaces"
)


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts from empty tables (truncation: the worker commits in its own process)."""
    if "stack" not in request.fixturenames:  # the closure: direct or through other fixtures
        yield
        return
    request.getfixturevalue("stack")
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from docflow.db import get_engine

    # A worker may still be finishing the previous test's job: TRUNCATE can then lose a
    # deadlock or wait on its locks. Retrying is safe — the worker's late writes simply fail.
    for attempt in range(10):
        try:
            with get_engine().begin() as conn:
                conn.execute(text("SET LOCAL lock_timeout = '5s'"))
                tables = [
                    r[0]
                    for r in conn.execute(
                        text(
                            "SELECT tablename FROM pg_tables WHERE schemaname='public' "
                            "AND tablename <> 'alembic_version'"
                        )
                    )
                ]
                conn.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
            break
        except DBAPIError:
            if attempt == 9:
                raise
            time.sleep(0.2)
    yield


@dataclass
class InvariantsCheck:
    """What the check after a `fault` test looks at: the file store (`storage`, else the folder
    `storage_dir`, default: the stack's folder) and the uploads the test saw accepted."""

    storage_dir: Path | None = None
    storage: Any = None  # a docflow.storage.Storage that outlives the test (e.g. a bucket)
    accepted: set[str] = field(default_factory=set)


@pytest.fixture
def invariants(stack: Stack) -> InvariantsCheck:
    return InvariantsCheck()


@pytest.fixture(autouse=True)
def _invariants_after_fault_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test marked `fault` starts with an empty storage folder (the tables are emptied anyway)
    and ends with the invariant checker (tests_support/invariants.py) finding nothing, once the
    processes it started are stopped."""
    if request.node.get_closest_marker("fault") is None:
        yield
        return
    request.getfixturevalue("_clean_database")
    check: InvariantsCheck = request.getfixturevalue("invariants")
    from docflow.config import get_settings

    storage = get_settings().storage_dir
    for path in sorted(storage.rglob("*"), reverse=True) if storage.is_dir() else []:
        if path.is_file():
            path.unlink()
    yield
    from tests_support.invariants import assert_invariants

    assert_invariants(check.storage_dir, storage=check.storage, accepted=check.accepted)


@pytest.fixture(scope="session")
def worker(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkerProcess]:
    log = tmp_path_factory.mktemp("worker") / "worker.log"
    proc = start_worker(stack.env, log)
    try:
        yield proc
    finally:
        stop_worker(proc)


@pytest.fixture
def db_session(stack: Stack) -> Iterator[object]:
    from docflow.db import new_session

    session = new_session()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@dataclass
class TestUser:
    user_id: uuid.UUID
    workspace_id: uuid.UUID
    email: str
    token: str
    role: str
    password: str | None = None


TEST_PASSWORD = "correct horse battery staple"


@pytest.fixture
def make_user(stack: Stack):  # type: ignore[no-untyped-def]
    """make_user(role="reviewer", workspace_id=None, password=None) → a user with an API token
    (and, with `password`, one who can sign in at POST /api/auth/login)."""
    from docflow.auth.passwords import hash_password
    from docflow.auth.service import AuthService
    from docflow.db import unit_of_work
    from docflow.models import User

    def _make(
        role: str = "reviewer", workspace_id: uuid.UUID | None = None, password: str | None = None
    ) -> TestUser:
        email = f"{role}-{uuid.uuid4().hex[:8]}@example.test"
        password_hash = hash_password(password) if password else None
        with unit_of_work() as session:
            auth = AuthService(session)
            if workspace_id is None:
                user = auth.create_workspace_with_admin(
                    "Test workspace", email, password_hash, role
                )
            else:
                user = User(
                    workspace_id=workspace_id, email=email, role=role, password_hash=password_hash
                )
                session.add(user)
                session.flush()
            issued = auth.issue_token(user.id, "test")
            return TestUser(user.id, user.workspace_id, email, issued.secret, role, password)

    return _make


@pytest.fixture
def signed_in(stack: Stack, make_user):  # type: ignore[no-untyped-def]
    """signed_in(role="reviewer", workspace_id=None) → (client, user): an in-process API client
    signed in through POST /api/auth/login (session cookie), sending X-CSRF-Token on every
    request like the PWA does, and no Authorization header."""
    from contextlib import ExitStack

    from fastapi.testclient import TestClient

    from docflow.main import create_app

    with ExitStack() as clients:

        def _sign_in(
            role: str = "reviewer", workspace_id: uuid.UUID | None = None
        ) -> tuple[TestClient, TestUser]:
            test_user = make_user(role, workspace_id, password=TEST_PASSWORD)
            c = clients.enter_context(TestClient(create_app(), base_url="http://testserver"))
            answer = c.post(
                "/api/auth/login", json={"email": test_user.email, "password": TEST_PASSWORD}
            )
            assert answer.status_code == 200, answer.text
            c.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
            return c, test_user

        yield _sign_in


@pytest.fixture
def user(make_user) -> TestUser:  # type: ignore[no-untyped-def]
    return make_user("reviewer")  # type: ignore[no-any-return]


@pytest.fixture
def client(stack: Stack, user: TestUser) -> Iterator[object]:
    """An in-process API client signed in (Bearer token) as `user`."""
    from fastapi.testclient import TestClient

    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        c.headers["Authorization"] = f"Bearer {user.token}"
        yield c
