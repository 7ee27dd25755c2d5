"""E-invoices through the real pipeline: uploaded over the API, parsed and extracted by a real
worker process, read back as a client would — every field of every sample right, from the XML."""

from __future__ import annotations

import json
from pathlib import Path

from tests_support.api import upload, wait_for_job

EINVOICES = Path(__file__).resolve().parents[3] / "samples" / "einvoice"


def test_einvoice_samples_give_their_fields_through_the_api(client, worker) -> None:
    expected = json.loads((EINVOICES / "expected-fields.json").read_text())
    files = [EINVOICES / name for name in sorted(expected)]
    kinds = {p.suffix for p in files}
    assert kinds == {".pdf", ".xml"}
    response = upload(client, *files)
    assert response.status_code == 202, response.text
    items = response.json()["items"]
    assert [i["status"] for i in items] == ["accepted"] * len(files)

    wrong: list[str] = []
    for path, item in zip(files, items, strict=True):
        job = wait_for_job(client, item["job"]["id"], timeout=120)
        assert job["status"] == "completed", (path.name, job)
        doc = client.get(f"/api/documents/{item['document']['id']}").json()
        extraction = doc["extraction"]
        want = expected[path.name]
        assert extraction["parse_method"] == ("xml" if path.suffix == ".xml" else "pdf_text")
        assert extraction["document_type"] == want["document_type"]
        output = extraction["structured_output_json"]
        for name, value in want["fields"].items():
            field = output["fields"][name]
            if field["value"] != value:
                wrong.append(f"{path.name} {name}: {field['value']!r} != {value!r}")
            if value is not None:
                assert field["confidence"] == 1.0
                assert field["source"]["xpath"].startswith(("/rsm:", "/ubl:"))
        flagged = sorted(n for n, f in output["fields"].items() if "warning" in f)
        assert flagged == sorted(want["warnings"]), path.name
        einvoice = output["einvoice"]
        assert einvoice["syntax"] == want["syntax"]
        assert (einvoice["due_date"] or {}).get("value") == want["due_date"]
        assert len(einvoice["line_items"]) == len(want["line_items"])
        # The list columns come from the XML's values too.
        listed = client.get("/api/documents", params={"q": want["fields"]["invoice_number"]})
        assert item["document"]["id"] in [d["id"] for d in listed.json()["items"]]
    assert wrong == []
