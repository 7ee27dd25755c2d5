"""Small helpers that act like an API client would."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import httpx

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TERMINAL = {"completed", "failed", "cancelled"}
# What every completed job reports, in this order (DESIGN.md's event types, from queue to done).
SEVEN_EVENTS = [
    "job_queued",
    "job_started",
    "document_parsing_started",
    "document_parsing_completed",
    "field_extraction_started",
    "field_extraction_completed",
    "job_completed",
]


def upload(
    client: httpx.Client | Any,
    *files: tuple[str, bytes] | Path,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    parts = []
    for f in files:
        if isinstance(f, Path):
            parts.append(("files", (f.name, f.read_bytes(), "application/octet-stream")))
        else:
            parts.append(("files", (f[0], f[1], "application/octet-stream")))
    return client.post("/api/documents/upload", files=parts, headers=headers or {})


def wait_for_job(
    client: httpx.Client | Any, job_id: str, statuses: set[str] | None = None, timeout: float = 60
) -> dict[str, Any]:
    wanted = statuses or TERMINAL
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(f"/api/jobs/{job_id}").json()
        if job.get("status") in wanted:
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} stuck in {job.get('status')}: {job}")
        time.sleep(0.05)


def job_events(client: httpx.Client | Any, job_id: str, after: int = 0) -> list[dict[str, Any]]:
    body = client.get(f"/api/jobs/{job_id}/events", params={"after": after}).json()
    items: list[dict[str, Any]] = body["items"]
    return items


def minimal_pdf(text: str = "Invoice INV-1 Total 10.00 USD", pad: int = 0) -> bytes:
    """A valid one-page PDF with a text layer, built by hand (no generator needed). `pad`: that
    many random bytes in a stream object no page uses (a large file that parses as fast)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if pad:
        filler = os.urandom(pad)
        objects.append(
            b"<< /Length " + str(pad).encode() + b" >>\nstream\n" + filler + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
