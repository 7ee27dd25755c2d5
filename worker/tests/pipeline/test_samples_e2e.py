"""The sample folder uploaded in one request goes through the real worker."""

from __future__ import annotations

import json

from tests_support.api import SAMPLES, SEVEN_EVENTS, job_events, upload, wait_for_job


def test_sample_folder_in_one_request(client, worker) -> None:
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".pdf", ".png", ".txt"})
    assert len([f for f in files if f.name.startswith("invoice-")]) >= 10
    response = upload(client, *files)
    assert response.status_code == 202, response.text
    items = response.json()["items"]
    assert [i["status"] for i in items] == ["accepted"] * len(files)

    for item in items:
        job = wait_for_job(client, item["job"]["id"], timeout=120)
        events = job_events(client, item["job"]["id"])
        seqs = [e["seq"] for e in events]
        assert seqs == sorted(seqs)
        assert len(set(seqs)) == len(seqs)
        types = [e["type"] for e in events]
        if item["filename"].startswith("broken"):
            assert job["status"] == "failed"
            assert job["error_message"]
            assert types[-1] == "job_failed"
            assert events[-1]["data"]["error"] == job["error_message"]
            doc = client.get(f"/api/documents/{item['document']['id']}").json()
            assert doc["current_status"] == "failed"
            assert doc["preview"] is None
        else:
            assert job["status"] == "completed", (item["filename"], job)
            assert [t for t in types if t in SEVEN_EVENTS] == SEVEN_EVENTS
            doc = client.get(f"/api/documents/{item['document']['id']}").json()
            assert doc["current_status"] == "completed"
            fields = doc["extraction"]["structured_output_json"]["fields"]
            assert set(fields) >= {"vendor_name", "invoice_number", "total_amount", "currency"}
            assert doc["extraction"]["raw_text"]
            if item["filename"].endswith(".pdf"):  # each PDF's first page, rendered
                assert doc["preview"]["width"] == 900, item["filename"]
                assert 900 < doc["preview"]["height"] <= 1800, item["filename"]
            json.dumps(doc)  # serialisable end to end
