"""The first-page preview as a client sees it: a parsed PDF's document names its preview (size and
type), GET /api/documents/{id}/preview answers the image under the same access rules as the file;
other documents (an image, plain text, a PDF that failed) have `preview: null` and a 404 there.
Through the real worker."""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import text

from docflow.main import create_app
from tests_support.api import SAMPLES, upload, wait_for_job


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, format="PNG")
    return out.getvalue()


def preview_rows(document_id: str) -> list[tuple[str, str, int, int, int]]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return [
            (str(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]))
            for r in conn.execute(
                text(
                    "SELECT storage_key, media_type, width, height, byte_size "
                    "FROM document_previews WHERE document_id = :id"
                ),
                {"id": document_id},
            )
        ]


def assert_no_preview(client: Any, document_id: str) -> None:
    assert client.get(f"/api/documents/{document_id}").json()["preview"] is None
    answer = client.get(f"/api/documents/{document_id}/preview")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"
    assert preview_rows(document_id) == []


def test_a_parsed_pdf_has_a_first_page_preview_and_other_documents_none(
    client: Any, user: Any, make_user: Any, worker: Any
) -> None:
    from docflow.config import get_settings

    pdf = (SAMPLES / "invoice-01-us.pdf").read_bytes()
    response = upload(
        client,
        ("invoice.pdf", pdf),
        ("scan.png", png_bytes()),
        ("notes.txt", f"Invoice {uuid.uuid4()} total 10.00 EUR\n".encode()),
        ("broken.pdf", (SAMPLES / "broken-truncated.pdf").read_bytes() + uuid.uuid4().bytes),
    )
    assert response.status_code == 202, response.text
    items = response.json()["items"]
    statuses = [wait_for_job(client, i["job"]["id"], timeout=120)["status"] for i in items]
    assert statuses == ["completed", "completed", "completed", "failed"]
    pdf_id = items[0]["document"]["id"]

    document = client.get(f"/api/documents/{pdf_id}")
    preview = document.json()["preview"]
    assert preview == {
        "url": f"/api/documents/{pdf_id}/preview",
        "width": 900,
        "height": preview["height"],
        "media_type": "image/webp",
    }
    # US Letter (612 x 792 pt) at 900 px wide.
    assert abs(preview["height"] - round(900 * 792 / 612)) <= 1

    answer = client.get(preview["url"])
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "image/webp"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Cache-Control"].startswith("private, max-age=")
    assert int(answer.headers["Content-Length"]) == len(answer.content)
    image = Image.open(io.BytesIO(answer.content))
    assert image.format == "WEBP"
    assert image.size == (preview["width"], preview["height"])
    gray = image.convert("L")
    dark = sum(gray.histogram()[:96])
    assert dark > 2000, "the page's text is drawn (not a blank page)"
    assert dark < 0.5 * image.width * image.height, "on a light page"
    # A client that has it revalidates for nothing.
    etag = answer.headers["ETag"]
    cached = client.get(preview["url"], headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""

    [(key, media_type, width, height, size)] = preview_rows(pdf_id)
    assert (media_type, width, height, size) == (
        "image/webp",
        preview["width"],
        preview["height"],
        len(answer.content),
    )
    assert (Path(get_settings().storage_dir) / key).read_bytes() == answer.content

    for item in items[1:]:
        assert_no_preview(client, item["document"]["id"])

    # Read access as for the file: a viewer of the workspace sees it, another workspace does not.
    viewer = make_user("viewer", user.workspace_id)
    stranger = make_user("admin")
    with TestClient(create_app(), base_url="http://testserver") as other:
        other.headers["Authorization"] = f"Bearer {viewer.token}"
        assert other.get(preview["url"]).content == answer.content
        other.headers["Authorization"] = f"Bearer {stranger.token}"
        hidden = other.get(preview["url"])
        assert hidden.status_code == 404
        assert hidden.json()["error"]["code"] == "not_found"
        del other.headers["Authorization"]
        assert other.get(preview["url"]).status_code == 401
    assert client.get(f"/api/documents/{uuid.uuid4()}/preview").status_code == 404
    assert client.get("/api/documents/not-a-uuid/preview").status_code == 422

    # The row is there but its image is gone: a 404 in the envelope, never a 500.
    (Path(get_settings().storage_dir) / key).unlink()
    missing = client.get(preview["url"])
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
