"""A stored document's shown and downloaded name ends with an extension matching its detected
type: a text file sent as `invoice.html` is `invoice.html.txt`, so the downloaded file opens as
text, never as a page (the type comes from the bytes, the name from the client)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import text

from tests_support.api import minimal_pdf, upload

TEXT = b"Invoice INV-42\nTotal 10.00 USD\n<script>alert(1)</script>\n"  # markup, but not first


def _image(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format=fmt)
    return out.getvalue()


@pytest.mark.parametrize(
    ("sent", "content", "shown"),
    [
        ("invoice.html", TEXT, "invoice.html.txt"),
        ("invoice.svg", TEXT, "invoice.svg.txt"),
        ("setup.exe", TEXT, "setup.exe.txt"),
        ("scan.pdf", _image("PNG"), "scan.pdf.png"),
        ("report", minimal_pdf("report"), "report.pdf"),
        ("fax.pdf", _image("TIFF"), "fax.pdf.tif"),
        # Names that already match keep them, whatever their case or spelling.
        ("photo.JPEG", _image("JPEG"), "photo.JPEG"),
        ("notes.TXT", TEXT, "notes.TXT"),
        ("fax.tiff", _image("TIFF"), "fax.tiff"),
        ("invoice.pdf", minimal_pdf(), "invoice.pdf"),
    ],
)
def test_the_shown_name_gets_the_detected_types_extension(
    client: Any, sent: str, content: bytes, shown: str
) -> None:
    response = upload(client, (sent, content))
    assert response.status_code == 202, response.text
    item = response.json()["items"][0]
    assert item["status"] == "accepted"
    assert item["filename"] == shown
    assert item["document"]["original_filename"] == shown
    download = client.get(f"/api/documents/{item['document']['id']}/file")
    assert download.status_code == 200
    assert f'filename="{shown}"' in download.headers["content-disposition"]


def test_a_long_name_keeps_its_bound_with_the_extension_added(client: Any) -> None:
    response = upload(client, ("a" * 196 + ".html", TEXT))
    name = response.json()["items"][0]["filename"]
    assert len(name) <= 200
    assert name.endswith(".txt")


def test_a_document_stored_before_is_downloaded_under_a_matching_name(
    client: Any, db_session: Any
) -> None:
    item = upload(client, ("page.txt", TEXT)).json()["items"][0]
    db_session.execute(
        text("UPDATE documents SET original_filename = 'page.html' WHERE id = :id"),
        {"id": item["document"]["id"]},
    )
    db_session.commit()
    download = client.get(f"/api/documents/{item['document']['id']}/file")
    disposition = download.headers["content-disposition"]
    assert re.search(r'filename="page\.html\.txt"', disposition), disposition
