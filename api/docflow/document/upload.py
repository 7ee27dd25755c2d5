"""Receiving a multipart upload: each part is streamed to staging storage in constant memory while
its SHA-256, size and type are computed. Nothing here touches the database."""

from __future__ import annotations

import errno
from collections.abc import AsyncIterator
from dataclasses import dataclass

from python_multipart.multipart import MultipartParser, parse_options_header

from docflow.document.files import sanitize_filename, sniff_mime, sniff_xml, unsupported_reason
from docflow.errors import (
    DocflowError,
    EmptyFile,
    InsufficientStorage,
    PayloadTooLarge,
    StorageUnavailable,
    UnsafeXml,
    UnsupportedMediaType,
    ValidationFailed,
)
from docflow.storage import StagedFile, Storage

FIELD_NAME = b"files"
# Form fields other than `files` are read and thrown away: together they may weigh this much.
MAX_IGNORED_BYTES = 64 * 1024


@dataclass
class ReceivedFile:
    filename: str
    staged: StagedFile | None
    mime_type: str | None = None
    error: DocflowError | None = None
    raw_filename: bytes = b""

    @property
    def accepted(self) -> bool:
        return self.error is None


class _Receiver:
    def __init__(self, storage: Storage, max_bytes: int, max_files: int) -> None:
        self.storage = storage
        self.max_bytes = max_bytes
        self.max_files = max_files
        self.files: list[ReceivedFile] = []
        self._current: ReceivedFile | None = None
        self._header_field = b""
        self._header_value = b""
        self._headers: dict[bytes, bytes] = {}
        self._ignored = 0

    # python-multipart callbacks -------------------------------------------------------------
    def on_part_begin(self) -> None:
        self._headers = {}

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        self._headers[self._header_field.strip().lower()] = self._header_value.strip()
        self._header_field = b""
        self._header_value = b""

    def on_headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        if params.get(b"name") != FIELD_NAME:
            self._current = None  # other form fields are ignored
            return
        if len(self.files) >= self.max_files:
            raise PayloadTooLarge(f"At most {self.max_files} files per request.")
        # RFC 7578 forbids `filename*` in multipart; browsers send raw UTF-8 in `filename`.
        raw_name = params.get(b"filename", b"")
        received = ReceivedFile(
            filename=sanitize_filename(raw_name), staged=self.storage.stage(), raw_filename=raw_name
        )
        self.files.append(received)
        self._current = received

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        current = self._current
        if current is None:
            self._ignored += end - start
            if self._ignored > MAX_IGNORED_BYTES:
                raise PayloadTooLarge(
                    f"Form fields other than 'files' are limited to {MAX_IGNORED_BYTES // 1024} KB."
                )
            return
        if current.staged is None:
            return
        current.staged.write(data[start:end])
        if current.staged.size > self.max_bytes:
            self.storage.discard(current.staged)
            current.staged = None
            limit_mb = self.max_bytes // (1024 * 1024)
            current.error = PayloadTooLarge(f"The file is larger than the {limit_mb} MB limit.")

    def on_part_end(self) -> None:
        current = self._current
        self._current = None
        if current is None or current.staged is None:
            return
        staged = current.staged
        staged.close()
        if staged.size == 0:
            current.error = EmptyFile("The file is empty.")
        else:
            current.mime_type = sniff_mime(staged.head)
            xml = sniff_xml(staged.head) if current.mime_type is None else None
            if xml is not None and xml.declares_dtd:
                current.error = UnsafeXml(unsupported_reason(staged.head))
            elif current.mime_type is None:
                current.error = UnsupportedMediaType(unsupported_reason(staged.head))
            else:
                # From the raw name again: a nameless file becomes "upload.<ext of its type>".
                current.filename = sanitize_filename(current.raw_filename, current.mime_type)
        if current.error is not None:
            self.storage.discard(staged)
            current.staged = None

    def discard_all(self) -> None:
        for f in self.files:
            if f.staged is not None:
                self.storage.discard(f.staged)
                f.staged = None


def _storage_error(exc: OSError) -> DocflowError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return InsufficientStorage(
            "The server has no room to store this file right now; try again later.",
            headers={"Retry-After": "60"},
        )
    return StorageUnavailable()


async def receive_files(
    content_type: str | None,
    body: AsyncIterator[bytes],
    storage: Storage,
    *,
    max_bytes: int,
    max_files: int,
) -> list[ReceivedFile]:
    """Stream a multipart body into staged files. On any exception nothing is left behind."""
    ctype, params = parse_options_header(content_type or "")
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary:
        raise ValidationFailed(
            "Send the documents as multipart/form-data in the field 'files'.",
            details=[{"field": "body.files", "message": "multipart/form-data required"}],
        )
    receiver = _Receiver(storage, max_bytes, max_files)
    parser = MultipartParser(
        boundary,
        callbacks={
            "on_part_begin": receiver.on_part_begin,
            "on_part_data": receiver.on_part_data,
            "on_part_end": receiver.on_part_end,
            "on_header_field": receiver.on_header_field,
            "on_header_value": receiver.on_header_value,
            "on_header_end": receiver.on_header_end,
            "on_headers_finished": receiver.on_headers_finished,
        },
    )
    try:
        async for chunk in body:
            parser.write(chunk)
        parser.finalize()
    except DocflowError:
        receiver.discard_all()
        raise
    except OSError as exc:
        # Writing the staged file failed: the server's problem, never the request's (a 4xx here
        # would tell an offline outbox to give the upload up).
        receiver.discard_all()
        raise _storage_error(exc) from exc
    except Exception as exc:
        receiver.discard_all()
        raise ValidationFailed(
            "The multipart body is malformed.",
            details=[{"field": "body", "message": str(exc)[:200]}],
        ) from exc
    if receiver._current is not None:  # body ended inside a part
        receiver.discard_all()
        raise ValidationFailed("The multipart body ended before the file did.")
    if not receiver.files:
        raise ValidationFailed(
            "No files: send one or more files in the multipart field 'files'.",
            details=[{"field": "body.files", "message": "required"}],
        )
    return receiver.files
