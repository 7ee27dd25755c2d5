"""Racing reviewers, racing finalizes, and offline replays — against a real uvicorn process, so the
requests really run at the same time on separate connections."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import text

from api.tests.review.seeding import INVOICE, seed_document
from docflow.db import get_engine
from tests_support.servers import api_server


@pytest.fixture(scope="module")
def server(stack, tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with api_server(stack.env, tmp_path_factory.mktemp("api") / "api.log") as base:
        yield base


def _together(calls: list[Callable[[], httpx.Response]]) -> list[httpx.Response]:
    """Run the calls in threads released at the same instant."""
    barrier = threading.Barrier(len(calls))
    results: list[httpx.Response | BaseException | None] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except BaseException as exc:  # surfaced below
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    responses: list[httpx.Response] = []
    for r in results:
        assert isinstance(r, httpx.Response), r
        responses.append(r)
    return responses


def _client(server: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=server, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def _put(server: str, token: str, document_id: Any, fields: dict[str, Any], **headers: str):  # type: ignore[no-untyped-def]
    def call() -> httpx.Response:
        with _client(server, token) as c:
            return c.put(
                f"/api/documents/{document_id}/review", json={"fields": fields}, headers=headers
            )

    return call


def _finalize(server: str, token: str, document_id: Any, **headers: str):  # type: ignore[no-untyped-def]
    def call() -> httpx.Response:
        with _client(server, token) as c:
            return c.post(f"/api/documents/{document_id}/finalize", headers=headers)

    return call


def _count(sql: str, **params: Any) -> int:
    with get_engine().connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _events(document_id: Any, event_type: str) -> int:
    return _count(
        "SELECT count(*) FROM job_events WHERE document_id = :d AND type = :t",
        d=document_id,
        t=event_type,
    )


def test_two_reviewers_racing_on_one_version_one_wins_one_gets_412(server, user, make_user) -> None:
    other = make_user("reviewer", user.workspace_id)
    for _ in range(3):
        document_id = seed_document(user.workspace_id)
        a, b = _together(
            [
                _put(
                    server,
                    user.token,
                    document_id,
                    {"vendor_name": "From A"},
                    **{"If-Match": '"1"'},
                ),
                _put(
                    server,
                    other.token,
                    document_id,
                    {"vendor_name": "From B"},
                    **{"If-Match": '"1"'},
                ),
            ]
        )
        assert sorted([a.status_code, b.status_code]) == [200, 412], (a.text, b.text)
        winner, loser = (a, b) if a.status_code == 200 else (b, a)
        assert winner.headers["ETag"] == '"2"'
        assert loser.json()["error"]["code"] == "version_conflict"
        current = loser.json()["error"]["details"]["current"]
        assert (
            current["extraction"]["reviewed_output_json"]
            == winner.json()["extraction"]["reviewed_output_json"]
        )
        assert _events(document_id, "document_reviewed") == 1
        assert (
            _count(
                "SELECT count(*) FROM document_field_changes WHERE document_id = :d", d=document_id
            )
            == 1
        )


def _send_and_drop(
    server: str, token: str, path: str, body: bytes, headers: dict[str, str]
) -> None:
    """Send a request and hang up without reading the answer: the answer is lost."""
    url = urlsplit(server)
    lines = [
        f"PUT {path} HTTP/1.1",
        f"Host: {url.netloc}",
        f"Authorization: Bearer {token}",
        "Content-Type: application/json",
        f"Content-Length: {len(body)}",
        *(f"{k}: {v}" for k, v in headers.items()),
        "",
        "",
    ]
    with socket.create_connection((url.hostname or "127.0.0.1", url.port or 80)) as sock:
        sock.sendall("\r\n".join(lines).encode() + body)
        sock.shutdown(socket.SHUT_WR)


def test_an_edit_replayed_after_its_answer_was_lost_gets_the_stored_answer(
    server, user, make_user
) -> None:
    document_id = seed_document(user.workspace_id)
    path = f"/api/documents/{document_id}/review"
    body = b'{"fields": {"total_amount": "1250.00"}}'
    headers = {"If-Match": '"1"', "Idempotency-Key": "offline-edit-1"}

    _send_and_drop(server, user.token, path, body, headers)
    deadline = time.monotonic() + 15
    while (
        _count("SELECT version FROM extraction_results WHERE document_id = :d", d=document_id) != 2
    ):
        assert time.monotonic() < deadline, "the dropped request never landed"
        time.sleep(0.05)
    # meanwhile someone else edits: the replay's If-Match is stale now
    other = make_user("reviewer", user.workspace_id)
    with _client(server, other.token) as c:
        later = c.put(path, json={"fields": {"currency": "USD"}}, headers={"If-Match": '"2"'})
        assert later.status_code == 200

    with _client(server, user.token) as c:
        replay = c.put(path, content=body, headers={**headers, "Content-Type": "application/json"})
        assert replay.status_code == 200, replay.text
        assert replay.headers["ETag"] == '"2"'  # the answer the first attempt got
        assert replay.json()["extraction"]["reviewed_output_json"] == {
            "fields": {"total_amount": "1250.00"}
        }
        # applied once: one audit row and one event for it
        assert _events(document_id, "document_reviewed") == 2
        history = c.get(f"/api/documents/{document_id}/history").json()["items"]
        assert [(h["field"], h["new_value"]) for h in history] == [
            ("total_amount", "1250.00"),
            ("currency", "USD"),
        ]
        # the same key for a different edit is refused
        reused = c.put(
            path, json={"fields": {"total_amount": "9.99"}}, headers={**headers, "If-Match": '"3"'}
        )
        assert reused.status_code == 422
        assert reused.json()["error"]["code"] == "idempotency_key_reused"
        # without the key, the stale If-Match is a plain 412
        stale = c.put(
            path, content=body, headers={"If-Match": '"1"', "Content-Type": "application/json"}
        )
        assert stale.status_code == 412


def test_idempotency_key_is_checked_before_if_match(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    path = f"/api/documents/{document_id}/review"
    first = client.put(
        path,
        json={"fields": {"status": "paid"}},
        headers={"If-Match": '"1"', "Idempotency-Key": "k1"},
    )
    assert first.status_code == 200
    client.put(path, json={"fields": {"status": "due"}}, headers={"If-Match": '"2"'})
    replay = client.put(
        path,
        json={"fields": {"status": "paid"}},
        headers={"If-Match": '"1"', "Idempotency-Key": "k1"},
    )
    assert replay.status_code == 200
    assert replay.json() == first.json()
    assert replay.headers["ETag"] == first.headers["ETag"] == '"2"'
    # a failed attempt (428) stores nothing: the same key works once the request is fixed
    key = {"Idempotency-Key": "k2"}
    assert client.put(path, json={"fields": {"status": "x"}}, headers=key).status_code == 428
    fixed = client.put(path, json={"fields": {"status": "x"}}, headers={**key, "If-Match": '"3"'})
    assert fixed.status_code == 200


def test_finalize_replayed_with_its_key_returns_the_first_answer(client, user) -> None:
    document_id = seed_document(user.workspace_id)
    path = f"/api/documents/{document_id}/finalize"
    first = client.post(path, headers={"Idempotency-Key": "fin-1"})
    second = client.post(path, headers={"Idempotency-Key": "fin-1"})
    assert first.status_code == second.status_code == 200
    assert second.json() == first.json()
    assert second.headers["ETag"] == first.headers["ETag"]
    assert client.post(path, headers={"Idempotency-Key": "fin-2"}).status_code == 409
    assert _events(document_id, "document_finalized") == 1


def test_ten_concurrent_finalizes_exactly_one_wins(server, user) -> None:
    document_id = seed_document(user.workspace_id)
    responses = _together([_finalize(server, user.token, document_id) for _ in range(10)])
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 9, [r.text for r in responses]
    assert all(
        r.json()["error"]["code"] == "invalid_state" for r in responses if r.status_code == 409
    )
    assert _events(document_id, "document_finalized") == 1
    assert (
        _count("SELECT count(*) FROM finalized_records WHERE document_id = :d", d=document_id) == 1
    )
    assert (
        _count(
            "SELECT count(*) FROM document_field_changes "
            "WHERE document_id = :d AND action = 'finalize'",
            d=document_id,
        )
        == 1
    )


def test_finalize_racing_an_edit_never_loses_the_edit(server, user, make_user) -> None:
    other = make_user("reviewer", user.workspace_id)
    for _ in range(6):
        document_id = seed_document(user.workspace_id)
        edit, finalize = _together(
            [
                _put(
                    server,
                    other.token,
                    document_id,
                    {"vendor_name": "Edited"},
                    **{"If-Match": '"1"'},
                ),
                _finalize(server, user.token, document_id),
            ]
        )
        assert finalize.status_code == 200, finalize.text
        assert edit.status_code in (200, 409), edit.text
        with _client(server, user.token) as c:
            exported = c.get(f"/api/documents/{document_id}/export/json").json()
        if edit.status_code == 200:  # the edit came first: the frozen record holds it
            assert exported["fields"]["vendor_name"] == "Edited"
            assert exported["version"] == 3
        else:  # finalize came first: the edit was refused, nothing changed after
            assert edit.json()["error"]["code"] == "invalid_state"
            assert exported["fields"]["vendor_name"] == INVOICE["vendor_name"]
            assert exported["version"] == 2
        stored = _count(
            "SELECT version FROM extraction_results WHERE document_id = :d", d=document_id
        )
        assert stored == exported["version"]
