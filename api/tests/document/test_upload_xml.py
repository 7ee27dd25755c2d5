"""XML uploads: an e-invoice (UBL 2.1 Invoice/CreditNote, UN/CEFACT CII) is recognised by its root
element, whatever its name; any other XML, and XML declaring a DTD, are refused with a clear
error in the envelope."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests_support.api import upload

EINVOICES = Path(__file__).resolve().parents[3] / "samples" / "einvoice"
UBL = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;">]>\n'
    f'<Invoice xmlns="{UBL}">&b;</Invoice>\n'
).encode()
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    f'<Invoice xmlns="{UBL}">&x;</Invoice>\n'
).encode()


@pytest.mark.parametrize(
    ("sample", "sent_as", "shown_as"),
    [
        ("ubl-invoice.xml", "ubl-invoice.xml", "ubl-invoice.xml"),
        ("ubl-creditnote.xml", "credit.txt", "credit.txt.xml"),
        ("xrechnung-cii.xml", "", "upload.xml"),
    ],
)
def test_an_einvoice_xml_is_accepted_by_its_content(
    client: Any, sample: str, sent_as: str, shown_as: str
) -> None:
    data = (EINVOICES / sample).read_bytes()
    response = upload(client, (sent_as, data))
    assert response.status_code == 202, response.text
    item = response.json()["items"][0]
    assert item["status"] == "accepted"
    assert item["document"]["mime_type"] == "application/xml"
    assert item["filename"] == shown_as
    file = client.get(f"/api/documents/{item['document']['id']}/file")
    assert file.content == data
    assert file.headers["content-type"].startswith("application/xml")
    assert file.headers["x-content-type-options"] == "nosniff"


def test_xml_that_is_not_an_einvoice_is_an_unsupported_type(client: Any) -> None:
    response = upload(client, ("invoice.xml", b'<?xml version="1.0"?>\n<catalog><book/></catalog>'))
    assert response.status_code == 415, response.text
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type"
    assert "UBL 2.1" in error["message"]
    assert "<catalog>" in error["message"]
    # The right root element in the wrong namespace is not an e-invoice either.
    other = upload(client, ("a.xml", b'<?xml version="1.0"?><Invoice xmlns="urn:x"/>'))
    assert other.status_code == 415


@pytest.mark.parametrize("data", [LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_xml_declaring_a_dtd_is_refused_unread(client: Any, data: bytes) -> None:
    response = upload(client, ("invoice.xml", data))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "unsafe_xml"
    assert "DOCTYPE" in error["message"]
    assert "root:" not in response.text
    assert error["details"]["items"][0]["error"]["code"] == "unsafe_xml"
