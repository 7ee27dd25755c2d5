"""Caller side of the sandboxed parser: a warm host process, one forked child per file.

The host (``_host``) runs in its own session, so a timeout kills the host, the child and
any tesseract grandchild together; the next call starts a fresh host.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pathlib
import select
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from typing import Any

from docflow_worker.parsing import (
    EmbeddedXml,
    Page,
    PageImage,
    ParsedDocument,
    ParseError,
    ParseLimits,
    PreviewSize,
    Word,
)

HOST_START_TIMEOUT_S = 60.0

_SIGNAL_MESSAGES = {
    signal.SIGXCPU: "Parsing used too much CPU time (limit {cpu} s)",
    signal.SIGKILL: "The parser was killed (out of memory or time)",
    signal.SIGSEGV: "The parser crashed on this file (memory limit or malformed data)",
    signal.SIGABRT: "The parser ran out of memory or aborted (memory limit {mem} MB)",
    signal.SIGBUS: "The parser crashed on this file (bus error)",
}


class _Host:
    def __init__(self) -> None:
        env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONUNBUFFERED="1")
        self.owner_pid = os.getpid()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "docflow_worker.parsing._host"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
            env=env,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        message = self.read(time.monotonic() + HOST_START_TIMEOUT_S)
        if message is None or message.get("type") != "ready":
            self.kill()
            raise ParseError("The parser could not be started")

    def alive(self) -> bool:
        return self.owner_pid == os.getpid() and self.proc.poll() is None

    def kill(self) -> None:
        if self.owner_pid != os.getpid():
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()

    def send(self, request: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(request) + "\n").encode())
        self.proc.stdin.flush()

    def read(self, deadline: float) -> dict[str, Any] | None:
        """Next message, or None on EOF; raises TimeoutError past ``deadline``."""
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        message: dict[str, Any] = json.loads(line)
        return message


_lock = threading.Lock()
_host: _Host | None = None


def _get_host() -> _Host:
    global _host
    if _host is None or not _host.alive():
        if _host is not None:
            _host.kill()
        _host = _Host()
    return _host


def warm_up() -> None:
    """Start the parser host ahead of the first document (optional)."""
    with _lock:
        _get_host()


def _to_page(data: dict[str, Any]) -> Page:
    # Text layers written on some systems (macOS among them) store accents as separate combining
    # marks; the words and the page text get one spelling (NFC) so "é" matches "é" downstream.
    return Page(
        number=int(data["number"]),
        width=float(data["width"]),
        height=float(data["height"]),
        text=_nfc(str(data["text"])),
        words=tuple(Word(_nfc(w[0]), w[1], w[2], w[3], w[4]) for w in data["words"]),
    )


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


class _Stopped(Exception):
    """The request did not end normally: the host timed out (and was killed) or died."""

    def __init__(self, timed_out: bool) -> None:
        super().__init__("timed out" if timed_out else "the parser process died")
        self.timed_out = timed_out


def _exchange(
    request: dict[str, Any],
    timeout_s: float,
    on_message: Callable[[dict[str, Any]], float | None],
) -> dict[str, Any]:
    """Send one request to the host and hand each message to `on_message` (which may return an
    earlier deadline, a `time.monotonic()` value) until the host reports how the child ended;
    returns that `exit` message. Raises _Stopped on a timeout or a dead host (which is then
    replaced on the next call)."""
    global _host
    with _lock:
        host = _get_host()
        try:
            host.send(request)
        except (BrokenPipeError, OSError):
            host.kill()
            _host = host = _Host()
            host.send(request)
        deadline = time.monotonic() + timeout_s
        try:
            while True:
                message = host.read(deadline)
                if message is None:
                    host.kill()
                    _host = None
                    raise _Stopped(timed_out=False)
                if message.get("type") == "exit":
                    return message
                sooner = on_message(message)
                if sooner is not None:
                    deadline = min(deadline, sooner)
        except TimeoutError:
            host.kill()
            _host = None
            raise _Stopped(timed_out=True) from None
        except _Stopped:
            raise
        except BaseException:
            # Left mid-request (on_page raised: the job was cancelled; a soft time limit): the
            # host would hand this file's remaining pages to the next caller. Start afresh.
            host.kill()
            _host = None
            raise


def _stopped_error(stopped: _Stopped, timeout_s: float) -> ParseError:
    if stopped.timed_out:
        return ParseError(
            f"Parsing timed out after {timeout_s:g} s (the file is too large or too complex)"
        )
    return ParseError("The parser process died unexpectedly")


def _exit_problem(message: dict[str, Any], limits: ParseLimits) -> str | None:
    """What went wrong with a child that was killed or failed (None: it ended normally)."""
    if "signal" in message:
        template = _SIGNAL_MESSAGES.get(
            message["signal"], "The parser crashed on this file (signal {sig})"
        )
        return template.format(
            cpu=int(limits.timeout_s) + 1, mem=limits.memory_mb, sig=message["signal"]
        )
    if message.get("code"):
        return "The parser failed on this file (unexpected exit)"
    return None


def _page_image(message: dict[str, Any]) -> PageImage:
    return PageImage(
        data=base64.b64decode(message["data"]),
        media_type=str(message["media_type"]),
        width=int(message["width"]),
        height=int(message["height"]),
    )


def run_sandboxed(
    path: pathlib.Path,
    mime_type: str,
    *,
    limits: ParseLimits,
    on_page: Callable[[int, int], None] | None,
    preview: PreviewSize | None = None,
) -> ParsedDocument:
    request: dict[str, Any] = {
        "path": str(path.resolve()),
        "mime_type": mime_type,
        "max_pages": limits.max_pages,
        "max_pixels": limits.max_pixels,
        "timeout_s": limits.timeout_s,
        "memory_mb": limits.memory_mb,
    }
    if preview is not None and mime_type == "application/pdf":
        request["preview"] = [preview.width, preview.max_height]
    pages: list[Page] = []
    ocr_pages = 0
    xml: EmbeddedXml | None = None
    error: str | None = None
    parsed = False  # every page is in: what fails after this costs the preview only
    image: PageImage | None = None
    preview_error: str | None = None

    def collect(message: dict[str, Any]) -> float | None:
        nonlocal ocr_pages, xml, error, parsed, image, preview_error
        kind = message.get("type")
        if kind == "page":
            page = _to_page(message["page"])
            pages.append(page)
            ocr_pages += bool(message["page"].get("ocr"))
            if on_page is not None:
                on_page(page.number, int(message["count"]))
        elif kind == "xml":
            xml = EmbeddedXml(str(message["name"]), base64.b64decode(message["data"]))
        elif kind == "error":
            error = str(message["message"])
        elif kind == "parsed" and preview is not None:
            parsed = True
            return time.monotonic() + preview.timeout_s
        elif kind == "preview":
            image = _page_image(message)
        elif kind == "preview_error":
            preview_error = str(message["message"])
        return None

    try:
        ended = _exchange(request, limits.timeout_s, collect)
    except _Stopped as stopped:
        if not parsed:
            raise _stopped_error(stopped, limits.timeout_s) from None
        assert preview is not None
        preview_error = (
            f"rendering took longer than {preview.timeout_s:g} s"
            if stopped.timed_out
            else "the parser process died while rendering"
        )
    else:
        if error is not None:
            raise ParseError(error)
        problem = _exit_problem(ended, limits)
        if problem is not None:
            if not parsed:
                raise ParseError(problem)
            preview_error = preview_error or problem
    if not pages:
        raise ParseError("The document has no pages")
    if ocr_pages == 0:
        method = "pdf_text"
    elif ocr_pages == len(pages):
        method = "ocr"
    else:
        method = "mixed"
    if parsed and image is None and preview_error is None:
        preview_error = "no image was made"
    return ParsedDocument(
        pages=tuple(pages), method=method, xml=xml, preview=image, preview_error=preview_error
    )


def render_sandboxed(
    path: pathlib.Path, *, width: int, max_height: int, limits: ParseLimits
) -> PageImage:
    """The PDF's first page as an encoded image, rendered in a child of its own (see
    ``render_first_page``)."""
    request = {
        "op": "preview",
        "path": str(path.resolve()),
        "width": width,
        "max_height": max_height,
        "timeout_s": limits.timeout_s,
        "memory_mb": limits.memory_mb,
    }
    found: list[PageImage] = []
    error: str | None = None

    def collect(message: dict[str, Any]) -> None:
        nonlocal error
        kind = message.get("type")
        if kind == "preview":
            found.append(_page_image(message))
        elif kind == "error":
            error = str(message["message"])

    try:
        ended = _exchange(request, limits.timeout_s, collect)
    except _Stopped as stopped:
        raise _stopped_error(stopped, limits.timeout_s) from None
    if error is not None:
        raise ParseError(error)
    problem = _exit_problem(ended, limits)
    if problem is not None:
        raise ParseError(problem)
    if not found:
        raise ParseError("The page could not be rendered")
    return found[0]
