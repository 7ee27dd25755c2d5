"""Polling fallback: GET /api/events and GET /api/jobs/{id}/events page by seq."""

from __future__ import annotations

import httpx

from tests_support.live import emit_events, http, new_job, table_events


def test_workspace_events_page_by_seq_and_stay_in_the_workspace(live_api, make_user) -> None:
    alice, bob = make_user("viewer"), make_user("reviewer")
    reviewer = make_user("reviewer", workspace_id=alice.workspace_id)
    job_a = new_job(live_api, reviewer.token, "Invoice A")
    job_b = new_job(live_api, bob.token, "Invoice B")
    emit_events(job_a, 7)
    emit_events(job_b, 3)
    everything = table_events(live_api, alice.token)  # every page, limit 1000

    pages, after = [], 0
    with http(live_api, alice.token) as client:
        while True:
            body = client.get("/api/events", params={"after": after, "limit": 3}).json()
            assert len(body["items"]) <= 3
            pages.append(body)
            if not body["has_more"]:
                break
            after = body["last_seq"]
        assert client.get("/api/events", params={"limit": 0}).status_code == 422
        assert client.get("/api/events", params={"after": -1}).status_code == 422
    items = [e for page in pages for e in page["items"]]
    assert items == everything
    assert {e["job_id"] for e in items} == {job_a}  # bob's workspace never shows
    seqs = [e["seq"] for e in items]
    assert seqs == sorted(set(seqs))
    assert all(p["last_seq"] == p["items"][-1]["seq"] for p in pages if p["items"])
    assert set(items[0]) == {
        "seq", "type", "job_id", "document_id", "status", "progress", "stage", "attempt", "at",
        "data",
    }  # fmt: skip

    with http(live_api, bob.token) as client:
        assert client.get(f"/api/jobs/{job_a}/events").status_code == 404


def test_latest_seq_is_the_workspaces_highest_and_a_resume_point(live_api, make_user) -> None:
    # A worker may still be adding events to these jobs: every check holds whatever it adds.
    alice, bob = make_user("viewer"), make_user("reviewer")
    reviewer = make_user("reviewer", workspace_id=alice.workspace_id)
    with http(live_api, alice.token) as client:
        assert client.get("/api/events/latest").json() == {"seq": 0}  # nothing yet
    job_a = new_job(live_api, reviewer.token, "Invoice A")
    emitted = emit_events(job_a, 4)
    job_b = new_job(live_api, bob.token, "Invoice B")
    emit_events(job_b, 3)  # another workspace's events, later
    with http(live_api, alice.token) as client:
        head = client.get("/api/events/latest").json()["seq"]
        mine = [e["seq"] for e in table_events(live_api, alice.token)]
        assert head >= emitted[-1]
        assert head in mine  # the workspace's own highest, never bob's
        assert client.get("/api/events/latest").json()["seq"] >= head
        # A resume from it returns exactly what happened after it.
        later = emit_events(job_a, 2)
        resumed = [e["seq"] for e in table_events(live_api, alice.token, after=head)]
        assert set(later) <= set(resumed)
        assert resumed == sorted(resumed)
        assert all(seq > head for seq in resumed)
    with httpx.Client(base_url=live_api) as client:
        refused = client.get("/api/events/latest")
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "unauthorized"
