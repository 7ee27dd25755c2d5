"""Sign-in attempts are limited per account and per client address, in Redis, and recover."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

PASSWORD = "correct horse battery staple"
# The limit's window. Every attempt in a test must land inside one window, and each checks a
# password (Argon2): on a loaded machine three checks took over 2 s, and the window ran out.
WINDOW = 6


@pytest.fixture
def limits(stack: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from docflow.config import get_settings

    monkeypatch.setenv("DOCFLOW_LOGIN_RATE_WINDOW_SECONDS", str(WINDOW))
    monkeypatch.setenv("DOCFLOW_LOGIN_MAX_FAILURES_PER_ACCOUNT", "3")
    monkeypatch.setenv("DOCFLOW_LOGIN_MAX_FAILURES_PER_ADDRESS", "5")
    get_settings.cache_clear()
    stack.redis_client().flushdb()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def app_client(stack: Any, limits: None) -> Iterator[TestClient]:
    from docflow.main import create_app

    with TestClient(create_app(), base_url="http://testserver") as c:
        yield c


def _login(client: TestClient, email: str, password: str = PASSWORD) -> Any:
    return client.post("/api/auth/login", json={"email": email, "password": password})


def _wait_until_allowed(
    client: TestClient,
    email: str,
    deadline_s: float = WINDOW + 3.0,
    waiting: frozenset[int] = frozenset({429}),
) -> Any:
    deadline = time.monotonic() + deadline_s
    while True:
        answer = _login(client, email)
        if answer.status_code not in waiting or time.monotonic() > deadline:
            return answer
        time.sleep(0.1)


def test_failures_per_account_are_limited_and_the_limit_recovers(
    app_client: TestClient, make_user: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    other = make_user("reviewer", password=PASSWORD)
    for _ in range(3):
        assert _login(app_client, user.email, "wrong").status_code == 401
    blocked = _login(app_client, user.email)  # even the right password waits out the window
    assert blocked.status_code == 429
    assert blocked.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(blocked.headers["retry-after"]) <= WINDOW
    assert "set-cookie" not in blocked.headers
    # The same address may still sign in to another account (its own limit is higher).
    assert _login(app_client, other.email).status_code == 200
    # After the window the account can sign in again.
    started = time.monotonic()
    assert _wait_until_allowed(app_client, user.email).status_code == 200
    assert time.monotonic() - started < WINDOW + 2


def test_unknown_accounts_are_limited_like_known_ones(app_client: TestClient) -> None:
    for _ in range(3):
        assert _login(app_client, "nobody@example.test", "x").status_code == 401
    assert _login(app_client, "nobody@example.test", "x").status_code == 429


def test_a_successful_sign_in_clears_the_account_count(
    app_client: TestClient, make_user: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    for _ in range(2):
        assert _login(app_client, user.email, "wrong").status_code == 401
    assert _login(app_client, user.email).status_code == 200
    for _ in range(2):
        assert _login(app_client, user.email, "wrong").status_code == 401
    assert _login(app_client, user.email).status_code == 200


def test_failures_per_address_are_limited_across_accounts(
    app_client: TestClient, make_user: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    for i in range(5):  # five accounts, one failure each: the address's limit
        assert _login(app_client, f"guess-{i}@example.test", "x").status_code == 401
    blocked = _login(app_client, user.email)
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1
    assert _wait_until_allowed(app_client, user.email).status_code == 200


def test_sign_in_is_refused_while_redis_is_down_but_tokens_work(
    stack: Any, app_client: TestClient, make_user: Any
) -> None:
    user = make_user("reviewer", password=PASSWORD)
    stack.stop_redis()
    try:
        answer = _login(app_client, user.email)
        assert answer.status_code == 503
        assert "set-cookie" not in answer.headers
        me = app_client.get("/api/auth/me", headers={"Authorization": f"Bearer {user.token}"})
        assert me.status_code == 200
    finally:
        stack.start_redis()
    answer = _wait_until_allowed(app_client, user.email, waiting=frozenset({429, 503}))
    assert answer.status_code == 200


def test_parallel_wrong_passwords_cannot_race_past_the_limit(
    stack: Any, make_user: Any, tmp_path: Any
) -> None:
    # 120 wrong passwords for one account at once, against a real uvicorn process (its thread
    # pool checks passwords in parallel): exactly the limit (10) get to try, the rest are 429.
    import asyncio

    import httpx

    from tests_support.servers import api_server

    user = make_user("reviewer", password=PASSWORD)
    env = {
        "DOCFLOW_LOGIN_MAX_FAILURES_PER_ACCOUNT": "10",
        "DOCFLOW_LOGIN_MAX_FAILURES_PER_ADDRESS": "1000",
        "DOCFLOW_LOGIN_RATE_WINDOW_SECONDS": "300",
    }

    async def attack(base: str) -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=120)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
            return await asyncio.gather(
                *(
                    client.post("/api/auth/login", json={"email": user.email, "password": "x"})
                    for _ in range(120)
                )
            )

    stack.redis_client().flushdb()
    try:
        with api_server({**stack.env, **env}, tmp_path / "api.log") as base:
            answers = asyncio.run(attack(base))
            statuses = [a.status_code for a in answers]
            assert statuses.count(401) == 10, statuses
            assert statuses.count(429) == 110, statuses
            refused = next(a for a in answers if a.status_code == 429)
            assert refused.json()["error"]["code"] == "rate_limited"
            assert 1 <= int(refused.headers["retry-after"]) <= 300
            # The right password waits out the window too.
            right = httpx.post(
                f"{base}/api/auth/login", json={"email": user.email, "password": PASSWORD}
            )
            assert right.status_code == 429
    finally:
        stack.redis_client().flushdb()
