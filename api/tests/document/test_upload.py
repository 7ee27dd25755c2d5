"""POST /api/documents/upload as a client sees it: per-file validation, limits, names, storage,
duplicates, streaming memory and Idempotency-Key. Real PostgreSQL and Redis; uvicorn where the
wire matters (declared sizes, slow bodies, the server's memory)."""

from __future__ import annotations

import io
import os
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest
from PIL import Image
from sqlalchemy import text

from tests_support.api import minimal_pdf, upload
from tests_support.servers import api_server
from tests_support.settings import settings_env

# --- helpers ------------------------------------------------------------------------------------

STORED_PATH = re.compile(r"^documents/[0-9a-f]{2}/[0-9a-f-]{36}\.(pdf|png|jpg|tif|txt)$")


def image_bytes(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, format=fmt)
    return out.getvalue()


GOOD = {
    "invoice.pdf": (minimal_pdf(), "application/pdf"),
    "scan.png": (image_bytes("PNG"), "image/png"),
    "photo.jpg": (image_bytes("JPEG"), "image/jpeg"),
    "fax.tif": (image_bytes("TIFF"), "image/tiff"),
    "note.txt": (b"Invoice INV-7\nTotal 12.50 EUR\n", "text/plain"),
}
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def counts() -> dict[str, int]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        return {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("documents", "jobs", "idempotency_records")
        } | {
            # A worker may be running: count what the upload itself writes.
            "job_queued": conn.execute(
                text("SELECT count(*) FROM job_events WHERE type = 'job_queued'")
            ).scalar_one()
        }


def storage_root() -> Path:
    from docflow.config import get_settings

    return Path(get_settings().storage_dir).resolve()


def stored_files() -> set[str]:
    """What uploads store: every file under the storage root except the first-page previews, which
    the worker writes for earlier documents whenever their jobs run (never an upload's doing)."""
    root = storage_root()
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.relative_to(root).parts[0] != "previews"
    }


def staging_files() -> list[Path]:
    return [p for p in (storage_root() / "staging").iterdir() if p.is_file()]


def document_row(document_id: str) -> dict[str, Any]:
    from docflow.db import get_engine

    with get_engine().connect() as conn:
        row = (
            conn.execute(text("SELECT * FROM documents WHERE id = :id"), {"id": document_id})
            .mappings()
            .one()
        )
        return dict(row)


def multipart_body(parts: list[tuple[bytes, bytes]], boundary: str) -> bytes:
    """A multipart body built by hand so a filename can carry any bytes. A name starting with
    `*=` is sent as the RFC 5987 `filename*` parameter instead."""
    out = bytearray()
    for raw_name, content in parts:
        out += f"--{boundary}\r\n".encode()
        if raw_name.startswith(b"*="):
            param = b"filename*" + raw_name[1:]
        else:
            param = b'filename="' + raw_name + b'"'
        out += b'Content-Disposition: form-data; name="files"; ' + param + b"\r\n"
        out += b"Content-Type: application/octet-stream\r\n\r\n"
        out += content + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out)


def post_raw(client: Any, parts: list[tuple[bytes, bytes]], **headers: str) -> httpx.Response:
    boundary = uuid.uuid4().hex
    return client.post(  # type: ignore[no-any-return]
        "/api/documents/upload",
        content=multipart_body(parts, boundary),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}", **headers},
    )


@pytest.fixture(scope="module")
def live_api(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn process (module-wide): the wire-level tests need real sockets."""
    log = tmp_path_factory.mktemp("api") / "api.log"
    with api_server(stack.env, log) as base:
        yield base


def _server_process(base: str) -> psutil.Process:
    port = base.rsplit(":", 1)[1]
    for proc in psutil.Process().children(recursive=True):
        try:
            cmd = proc.cmdline()
        except psutil.Error:
            continue
        if "uvicorn" in " ".join(cmd) and port in cmd:
            return proc
    raise AssertionError(f"no uvicorn process for {base}")


def _raw_request(base: str, head: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=10)
    sock.sendall(head.encode())
    return sock


def _keyed_upload_started(
    base: str, token: str, key: str, boundary: str, length: int
) -> socket.socket:
    """An upload with an Idempotency-Key whose headers are sent and whose body is not yet."""
    return _raw_request(
        base,
        "POST /api/documents/upload HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n"
        f"Authorization: Bearer {token}\r\n"
        f"Idempotency-Key: {key}\r\n"
        f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
        f"Content-Length: {length}\r\n\r\n",
    )


def _read_response(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    match = re.search(rb"(?i)content-length:\s*(\d+)", head)
    length = int(match.group(1)) if match else 0
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return status, rest


# --- several files, each validated on its own ------------------------------------------------


def test_every_file_is_judged_on_its_own(client: Any) -> None:
    files = [(name, data) for name, (data, _) in GOOD.items()]
    files += [
        ("setup.exe", EXE),
        ("archive.zip", ZIP),
        ("invoice-html.pdf", HTML),  # the name claims PDF, the bytes are HTML
        ("empty.pdf", b""),
    ]
    response = upload(client, *files)

    assert response.status_code == 202, response.text
    items = response.json()["items"]
    assert [i["filename"] for i in items] == [name for name, _ in files]
    by_name = {i["filename"]: i for i in items}
    for name, (_, mime) in GOOD.items():
        item = by_name[name]
        assert item["status"] == "accepted"
        assert item["document"]["mime_type"] == mime
        assert item["document"]["current_status"] == "queued"
        assert item["job"]["status"] == "queued"
        assert item["job"]["document_id"] == item["document"]["id"]
        assert item["job"]["attempt"] == 1
        assert "error" not in item
    rejected = {
        "setup.exe": "unsupported_media_type",
        "archive.zip": "unsupported_media_type",
        "invoice-html.pdf": "unsupported_media_type",
        "empty.pdf": "empty_file",
    }
    for name, code in rejected.items():
        item = by_name[name]
        assert item["status"] == "rejected"
        assert item["error"]["code"] == code
        assert item["error"]["message"]
        assert "document" not in item
        assert "job" not in item
    c = counts()
    assert (c["documents"], c["jobs"], c["job_queued"]) == (5, 5, 5)


def test_accepted_document_and_its_file_can_be_read_back(client: Any) -> None:
    pdf = minimal_pdf("Readback 42")
    item = upload(client, ("readback.pdf", pdf)).json()["items"][0]
    document_id = item["document"]["id"]

    got = client.get(f"/api/documents/{document_id}")
    assert got.status_code == 200
    assert got.json()["original_filename"] == "readback.pdf"
    assert got.json()["sha256"] == item["document"]["sha256"]
    assert got.json()["file_size"] == len(pdf)

    file = client.get(f"/api/documents/{document_id}/file")
    assert file.status_code == 200
    assert file.content == pdf
    assert file.headers["content-type"] == "application/pdf"
    assert file.headers["x-content-type-options"] == "nosniff"
    assert file.headers["content-disposition"].startswith("attachment;")

    job = client.get(f"/api/jobs/{item['job']['id']}")
    assert job.status_code == 200
    assert job.json()["document_id"] == document_id


@pytest.mark.parametrize(
    ("files", "status", "code"),
    [
        ([("a.exe", EXE)], 415, "unsupported_media_type"),
        ([("page.pdf", HTML)], 415, "unsupported_media_type"),
        ([("empty.pdf", b"")], 422, "empty_file"),
        ([("a.exe", EXE), ("empty.pdf", b"")], 415, "unsupported_media_type"),
        ([("empty.pdf", b""), ("a.zip", ZIP)], 422, "empty_file"),
    ],
)
def test_when_every_file_is_rejected_the_first_reason_is_the_status(
    client: Any, files: list[tuple[str, bytes]], status: int, code: str
) -> None:
    before_files = stored_files()
    response = upload(client, *files)

    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    items = error["details"]["items"]
    assert [i["filename"] for i in items] == [name for name, _ in files]
    assert all(i["status"] == "rejected" for i in items)
    assert items[0]["error"]["code"] == code
    assert counts()["documents"] == 0
    assert stored_files() == before_files
    assert staging_files() == []


def test_a_request_without_files_is_a_validation_error(client: Any) -> None:
    not_multipart = client.post("/api/documents/upload", json={"files": []})
    assert not_multipart.status_code == 422
    assert not_multipart.json()["error"]["code"] == "validation_error"

    other_field = client.post(
        "/api/documents/upload", files=[("attachment", ("a.pdf", minimal_pdf(), "x/y"))]
    )
    assert other_field.status_code == 422
    assert other_field.json()["error"]["code"] == "validation_error"
    assert other_field.json()["error"]["details"]

    truncated = client.post(
        "/api/documents/upload",
        content=multipart_body([(b"a.pdf", minimal_pdf())], "bnd")[:-40],
        headers={"Content-Type": "multipart/form-data; boundary=bnd"},
    )
    assert truncated.status_code == 422
    assert truncated.json()["error"]["code"] == "validation_error"
    assert counts()["documents"] == 0
    assert staging_files() == []


# --- size limits -------------------------------------------------------------------------------


@pytest.fixture
def small_limit_client(stack: Any, user: Any) -> Iterator[Any]:
    """An app instance built with DOCFLOW_MAX_UPLOAD_MB=1; the settings are restored after."""
    from fastapi.testclient import TestClient

    from docflow.config import get_settings
    from docflow.main import create_app

    with settings_env(DOCFLOW_MAX_UPLOAD_MB="1"):
        assert get_settings().max_upload_bytes == 1024 * 1024
        with TestClient(create_app()) as c:
            c.headers["Authorization"] = f"Bearer {user.token}"
            yield c


def test_a_file_over_the_limit_is_413_and_leaves_nothing(small_limit_client: Any) -> None:
    before_files = stored_files()
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024)  # one byte per digit past the 1 MB limit

    alone = upload(small_limit_client, ("big.pdf", big))
    assert alone.status_code == 413, alone.text
    assert alone.json()["error"]["code"] == "payload_too_large"
    assert "1 MB" in alone.json()["error"]["message"]
    assert alone.json()["error"]["details"]["items"][0]["error"]["code"] == "payload_too_large"

    mixed = upload(small_limit_client, ("big.pdf", big), ("small.pdf", minimal_pdf()))
    assert mixed.status_code == 202, mixed.text
    big_item, small_item = mixed.json()["items"]
    assert big_item["status"] == "rejected"
    assert big_item["error"]["code"] == "payload_too_large"
    assert small_item["status"] == "accepted"

    exactly = upload(small_limit_client, ("limit.pdf", b"%PDF-1.4\n".ljust(1024 * 1024, b"0")))
    assert exactly.status_code == 202, exactly.text

    assert counts()["documents"] == 2
    added = stored_files() - before_files
    assert len(added) == 2
    assert staging_files() == []


def test_a_huge_declared_length_is_refused_before_the_body_is_read(
    live_api: str, user: Any
) -> None:
    sock = _raw_request(
        live_api,
        "POST /api/documents/upload HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n"
        f"Authorization: Bearer {user.token}\r\n"
        "Content-Type: multipart/form-data; boundary=xyz\r\n"
        f"Content-Length: {50 * 1024**3}\r\n\r\n",
    )
    try:
        started = time.monotonic()
        status, body = _read_response(sock)  # we never send a byte of the body
        assert time.monotonic() - started < 5
    finally:
        sock.close()
    assert status == 413
    assert b'"payload_too_large"' in body
    assert counts()["documents"] == 0
    assert staging_files() == []


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        # The content is a PDF: a name without that extension gets it (issue 12).
        (b"../../etc/passwd", "passwd.pdf"),
        (b"..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        (b"/abs/path/inv.pdf", "inv.pdf"),
        (b"in\x00voice.pdf", "invoice.pdf"),
        (b"tab\tline\x1b[31m\x7f\x08\x0b.pdf", "tabline[31m.pdf"),
        (b"a" * 320 + b".pdf", None),
        ("invoice\u202efdp.exe".encode(), "invoicefdp.exe.pdf"),
        (b"\xff\xfe\xfd-latin1-\xe9t\xe9.pdf", None),
        (b"..", "upload.pdf"),
        (b"", "upload.pdf"),
        ("Rechnung März €.pdf".encode(), "Rechnung März €.pdf"),
        ("Re\u0301sume\u0301.pdf".encode(), "R\u00e9sum\u00e9.pdf"),  # NFC
        # RFC 7578 forbids `filename*` in form data: ignored, so the name is generated.
        (b"*=UTF-8''..%2F..%2Fa%0D%0Ab%00.exe", "upload.pdf"),
    ],
)
def test_filenames_are_sanitised_and_storage_names_generated(
    client: Any, raw: bytes, shown: str | None
) -> None:
    content = minimal_pdf(f"name test {uuid.uuid4().hex}")
    response = post_raw(client, [(raw, content)])

    assert response.status_code == 202, response.text
    item = response.json()["items"][0]
    name = item["filename"]
    assert name == item["document"]["original_filename"]
    if shown is not None:
        assert name == shown
    assert name
    assert len(name) <= 200
    assert "/" not in name
    assert "\\" not in name
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in name)
    assert not any(ch in name for ch in "\u202e\u202d\u200f\u200e\u2066\u2067\u2068\u2069")
    assert name not in {".", ".."}
    name.encode("utf-8")  # always valid text
    if raw.endswith(b".pdf") and len(raw) > 300:
        assert name.endswith(".pdf")
        assert name.startswith("a" * 100)

    row = document_row(item["document"]["id"])
    assert row["original_filename"] == name
    assert STORED_PATH.match(row["stored_file_path"]), row["stored_file_path"]
    assert item["document"]["id"] in row["stored_file_path"]
    on_disk = storage_root() / row["stored_file_path"]
    assert on_disk.is_file()
    assert on_disk.read_bytes() == content

    download = client.get(f"/api/documents/{item['document']['id']}/file")
    assert download.status_code == 200
    disposition = download.headers["content-disposition"]
    assert disposition.isascii()
    assert "\r" not in disposition
    assert "\n" not in disposition


def test_display_name_gets_no_extension_from_the_bytes_it_lies_about(client: Any) -> None:
    item = upload(client, ("invoice.pdf", b"just text, not a pdf\n")).json()["items"][0]
    assert item["status"] == "accepted"
    assert item["document"]["mime_type"] == "text/plain"
    row = document_row(item["document"]["id"])
    assert row["stored_file_path"].endswith(".txt")


# --- nothing left behind ---------------------------------------------------------------------


def test_rejected_files_leave_no_row_and_no_file(client: Any) -> None:
    before_files = stored_files()
    response = upload(
        client,
        ("empty.pdf", b""),
        ("keep.pdf", minimal_pdf("kept one")),
        ("bad.exe", EXE),
        ("page.pdf", HTML),
    )
    assert response.status_code == 202
    statuses = [i["status"] for i in response.json()["items"]]
    assert statuses == ["rejected", "accepted", "rejected", "rejected"]

    c = counts()
    assert c["documents"] == 1
    assert c["jobs"] == 1
    added = stored_files() - before_files
    assert len(added) == 1
    kept = response.json()["items"][1]["document"]["id"]
    assert document_row(kept)["stored_file_path"] in added
    assert staging_files() == []


# --- duplicates --------------------------------------------------------------------------------


def test_duplicate_content_is_flagged(client: Any, make_user: Any) -> None:
    pdf = minimal_pdf("duplicate me")
    first = upload(client, ("first.pdf", pdf)).json()["items"][0]
    assert first.get("duplicate_of") is None

    second = upload(client, ("second name.pdf", pdf)).json()["items"][0]
    assert second["status"] == "accepted"
    assert second["duplicate_of"] == first["document"]["id"]
    assert second["document"]["duplicate_of"] == first["document"]["id"]
    assert second["document"]["id"] != first["document"]["id"]

    both = upload(client, ("x.pdf", minimal_pdf("twins")), ("y.pdf", minimal_pdf("twins")))
    x, y = both.json()["items"]
    assert x.get("duplicate_of") is None
    assert y["duplicate_of"] == x["document"]["id"]

    # Another workspace's copy is not a duplicate of ours (and must not be revealed).
    other = make_user("reviewer")
    resp = client.post(
        "/api/documents/upload",
        files=[("files", ("first.pdf", pdf, "application/pdf"))],
        headers={"Authorization": f"Bearer {other.token}"},
    )
    assert resp.json()["items"][0].get("duplicate_of") is None


# --- streaming ---------------------------------------------------------------------------------


def test_a_large_upload_streams_in_constant_memory(live_api: str, user: Any) -> None:
    size = 20 * 1024 * 1024
    boundary = "streamingboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
        f'filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    chunk = os.urandom(256 * 1024)

    def body() -> Iterator[bytes]:
        yield head + b"%PDF-1.4\n"
        sent = len(b"%PDF-1.4\n")
        while sent < size:
            piece = chunk[: size - sent]
            sent += len(piece)
            yield piece
        yield tail

    auth = {"Authorization": f"Bearer {user.token}"}
    # Warm up first: the first upload imports and connects what every later one reuses.
    warm = httpx.post(
        f"{live_api}/api/documents/upload",
        files=[("files", ("warm.pdf", minimal_pdf("warm up"), "application/pdf"))],
        headers=auth,
    )
    assert warm.status_code == 202
    server = _server_process(live_api)
    peak = baseline = server.memory_info().rss
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, server.memory_info().rss)
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        response = httpx.post(
            f"{live_api}/api/documents/upload",
            content=body(),
            headers={
                "Authorization": f"Bearer {user.token}",
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Content-Length": str(len(head) + size + len(tail)),
            },
            timeout=60,
        )
    finally:
        done.set()
        sampler.join()
    assert response.status_code == 202, response.text
    item = response.json()["items"][0]
    assert item["document"]["file_size"] == size
    growth = peak - baseline
    assert growth < size // 8, f"server RSS grew by {growth / 1e6:.1f} MB for a 20 MB upload"


# --- Idempotency-Key ---------------------------------------------------------------------------


def test_a_replayed_key_returns_the_first_answer_and_creates_nothing(client: Any) -> None:
    pdf = minimal_pdf("idempotent upload")
    key = {"Idempotency-Key": f"upload-{uuid.uuid4()}"}
    first = upload(client, ("idem.pdf", pdf), headers=key)
    assert first.status_code == 202, first.text
    before = counts()
    before_files = stored_files()

    replay = upload(client, ("idem.pdf", pdf), headers=key)
    assert replay.status_code == 202
    assert replay.json() == first.json()
    assert counts() == before
    assert before["documents"] == 1
    assert before["jobs"] == 1
    assert before["job_queued"] == 1
    assert stored_files() == before_files
    assert staging_files() == []

    different = upload(client, ("idem.pdf", minimal_pdf("another file")), headers=key)
    assert different.status_code == 422, different.text
    assert different.json()["error"]["code"] == "idempotency_key_reused"
    assert counts()["documents"] == 1
    assert stored_files() == before_files

    renamed = upload(client, ("other-name.pdf", pdf), headers=key)
    assert renamed.status_code == 422

    # A different key with the same bytes is a new upload (flagged as a duplicate).
    fresh = upload(client, ("idem.pdf", pdf), headers={"Idempotency-Key": str(uuid.uuid4())})
    assert fresh.status_code == 202
    assert fresh.json()["items"][0]["duplicate_of"] == first.json()["items"][0]["document"]["id"]


def _forget_idempotency_records() -> None:
    """What the sweeper's purge does to records past their retention."""
    from docflow.db import get_engine

    with get_engine().begin() as conn:
        conn.execute(text("DELETE FROM idempotency_records"))


def test_a_key_replayed_after_its_record_expired_still_creates_nothing(client: Any) -> None:
    # An offline outbox can hold an upload longer than idempotency records are kept: the
    # document remembers its key, so the replay gets the same document and job back.
    pdf = minimal_pdf("sent from an old outbox")
    key = {"Idempotency-Key": f"upload-{uuid.uuid4()}"}
    first = upload(client, ("old.pdf", pdf), headers=key)
    assert first.status_code == 202, first.text
    before_files = stored_files()
    _forget_idempotency_records()

    replay = upload(client, ("old.pdf", pdf), headers=key)
    assert replay.status_code == 202, replay.text
    item, original = replay.json()["items"][0], first.json()["items"][0]
    assert item["status"] == "accepted"
    assert item["document"]["id"] == original["document"]["id"]
    assert item["job"]["id"] == original["job"]["id"]
    now = counts()
    assert (now["documents"], now["jobs"], now["job_queued"]) == (1, 1, 1)
    assert now["idempotency_records"] == 1  # answered again, and remembered again
    assert stored_files() == before_files
    assert staging_files() == []

    _forget_idempotency_records()
    other = upload(client, ("old.pdf", minimal_pdf("a different file")), headers=key)
    assert other.status_code == 422, other.text
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    assert counts()["documents"] == 1
    assert stored_files() == before_files


def test_keys_are_per_user(client: Any, make_user: Any, user: Any) -> None:
    key = {"Idempotency-Key": "shared-key"}
    mine = upload(client, ("a.pdf", minimal_pdf("mine")), headers=key)
    colleague = make_user("reviewer", workspace_id=user.workspace_id)
    theirs = client.post(
        "/api/documents/upload",
        files=[("files", ("b.pdf", minimal_pdf("theirs"), "application/pdf"))],
        headers={**key, "Authorization": f"Bearer {colleague.token}"},
    )
    assert mine.status_code == 202
    assert theirs.status_code == 202
    assert counts()["documents"] == 2


def test_a_key_covers_one_file(client: Any) -> None:
    response = upload(
        client,
        ("a.pdf", minimal_pdf("a")),
        ("b.pdf", minimal_pdf("b")),
        headers={"Idempotency-Key": "two-files"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert counts()["documents"] == 0
    # The key was released: a correct request with it works.
    ok = upload(client, ("a.pdf", minimal_pdf("a")), headers={"Idempotency-Key": "two-files"})
    assert ok.status_code == 202


def test_a_rejected_upload_under_a_key_can_be_sent_again(client: Any) -> None:
    key = {"Idempotency-Key": "empty-then-fixed"}
    empty = upload(client, ("a.pdf", b""), headers=key)
    assert empty.status_code == 422
    assert empty.json()["error"]["code"] == "empty_file"
    fixed = upload(client, ("a.pdf", minimal_pdf("fixed")), headers=key)
    assert fixed.status_code == 202


def test_a_key_is_not_reusable_on_another_endpoint(client: Any) -> None:
    key = f"cross-{uuid.uuid4()}"
    uploaded = upload(client, ("a.pdf", minimal_pdf("cross")), headers={"Idempotency-Key": key})
    assert uploaded.status_code == 202
    job_id = uploaded.json()["items"][0]["job"]["id"]

    cancel = client.post(f"/api/jobs/{job_id}/cancel", headers={"Idempotency-Key": key})
    assert cancel.status_code == 422
    assert cancel.json()["error"]["code"] == "idempotency_key_reused"

    # And the other way round: a key first used to cancel cannot carry an upload.
    key2 = f"cross2-{uuid.uuid4()}"
    cancelled = client.post(f"/api/jobs/{job_id}/cancel", headers={"Idempotency-Key": key2})
    assert cancelled.status_code == 200, cancelled.text
    again = upload(client, ("b.pdf", minimal_pdf("cross2")), headers={"Idempotency-Key": key2})
    assert again.status_code == 422
    assert again.json()["error"]["code"] == "idempotency_key_reused"
    assert counts()["documents"] == 1


def test_a_key_still_in_flight_is_409(live_api: str, user: Any) -> None:
    from docflow.db import get_engine

    key = f"slow-{uuid.uuid4()}"
    boundary = "slowboundary"
    body = multipart_body([(b"slow.pdf", minimal_pdf("slow upload"))], boundary)
    sock = _keyed_upload_started(live_api, user.token, key, boundary, len(body))
    try:
        sock.sendall(body[:100])  # the first request is now running, its body half sent
        deadline = time.monotonic() + 10
        with get_engine().connect() as conn:
            while not conn.execute(
                text("SELECT count(*) FROM idempotency_records WHERE key = :k"), {"k": key}
            ).scalar_one():
                assert time.monotonic() < deadline, "the first request never claimed its key"
                time.sleep(0.02)
                conn.rollback()

        second = httpx.post(
            f"{live_api}/api/documents/upload",
            content=body,
            headers={
                "Authorization": f"Bearer {user.token}",
                "Idempotency-Key": key,
                "Content-Type": f"multipart/form-data; boundary={boundary}",
            },
            timeout=10,
        )
        assert second.status_code == 409, second.text
        assert second.json()["error"]["code"] == "conflict"
        assert counts()["documents"] == 0

        sock.sendall(body[100:])
        status, first_body = _read_response(sock)
    finally:
        sock.close()
    assert status == 202, first_body
    assert counts()["documents"] == 1

    replay = httpx.post(
        f"{live_api}/api/documents/upload",
        content=body,
        headers={
            "Authorization": f"Bearer {user.token}",
            "Idempotency-Key": key,
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
        timeout=10,
    )
    assert replay.status_code == 202
    assert replay.json() == httpx.Response(202, content=first_body).json()
    assert counts()["documents"] == 1


@pytest.mark.fault
def test_a_connection_dropped_mid_upload_leaves_nothing_and_frees_its_key(
    live_api: str, user: Any
) -> None:
    # A tablet loses its connection halfway through a 2 MB upload: no row, no stored or staged
    # file, and the outbox's retry with the same key is not stuck behind a 409.
    key = f"dropped-{uuid.uuid4()}"
    boundary = "droppedboundary"
    pdf = minimal_pdf("dropped upload") + b"%" + b"x" * 2_000_000
    body = multipart_body([(b"dropped.pdf", pdf)], boundary)
    before_files = stored_files()
    sock = _keyed_upload_started(live_api, user.token, key, boundary, len(body))
    sock.sendall(body[: len(body) // 2])
    time.sleep(0.3)  # the server is streaming the first half to its staging folder
    sock.close()

    deadline = time.monotonic() + 10
    while staging_files() or counts()["idempotency_records"]:
        assert time.monotonic() < deadline, (staging_files(), counts())
        time.sleep(0.05)
    assert counts()["documents"] == 0
    assert stored_files() == before_files

    retry = httpx.post(
        f"{live_api}/api/documents/upload",
        content=body,
        headers={
            "Authorization": f"Bearer {user.token}",
            "Idempotency-Key": key,
            "Content-Type": f"multipart/form-data; boundary={boundary}",
        },
        timeout=30,
    )
    assert retry.status_code == 202, retry.text
    assert counts()["documents"] == 1


@contextmanager
def _api_with_file_size_limit(env: dict[str, str], log: Path, limit: int) -> Iterator[str]:
    """An API process that cannot write files larger than `limit` bytes: a write past it fails
    with EFBIG (SIGXFSZ ignored), the same OSError path as a full disk (ENOSPC)."""
    import resource
    import signal

    previous_signal = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        server = api_server(env, log)
        base = server.__enter__()  # the limit and the ignored signal are inherited
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_signal)
    try:
        yield base
    finally:
        server.__exit__(None, None, None)


@pytest.mark.fault
def test_a_full_disk_is_507_keeps_nothing_and_the_upload_can_be_sent_again(
    stack: Any, user: Any, tmp_path: Path, invariants: Any
) -> None:
    storage = tmp_path / "storage"
    invariants.storage_dir = storage
    env = {**stack.env, "DOCFLOW_STORAGE_DIR": str(storage)}
    key = {"Idempotency-Key": f"disk-full-{uuid.uuid4()}"}
    auth = {"Authorization": f"Bearer {user.token}"}
    big = minimal_pdf("no room for this one") + b"%" + b"x" * 2_000_000
    with (
        _api_with_file_size_limit(env, tmp_path / "api.log", 1_000_000) as base,
        httpx.Client(base_url=base, headers=auth, timeout=30) as http,
    ):
        full = upload(http, ("big.pdf", big), headers=key)
        assert full.status_code == 507, full.text
        error = full.json()["error"]
        assert error["code"] == "insufficient_storage"
        assert "try again" in error["message"]
        assert full.headers["Retry-After"] == "60"
        assert [p for p in storage.rglob("*") if p.is_file()] == []
        assert counts() == {
            "documents": 0,
            "jobs": 0,
            "idempotency_records": 0,  # released: the retry is not a 409
            "job_queued": 0,
        }
        # Room again (here: a file that fits): the same key goes through.
        fits = upload(http, ("big.pdf", minimal_pdf("fits")), headers=key)
        assert fits.status_code == 202, fits.text
