"""A client that sends an upload's body slowly (one byte at a time), over a raw socket: what a
tablet on a dying connection, or an attacker holding the API's resources, looks like."""

from __future__ import annotations

import asyncio
import re
from contextlib import suppress
from dataclasses import dataclass

BOUNDARY = "tricklingboundary"


@dataclass
class Trickle:
    """`POST /api/documents/upload` whose headers and first bytes go out at once and whose body
    then comes one byte per `interval` seconds, until `stop` is set or the server answers
    (`status`, `answer`: the answer's status and body)."""

    base: str
    token: str
    interval: float
    status: int | None = None
    answer: bytes = b""

    async def run(self, stop: asyncio.Event) -> None:
        host, port = self.base.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        part = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; '
            'filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n'
        ).encode()
        writer.write(
            (
                "POST /api/documents/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {self.token}\r\n"
                f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
                f"Content-Length: {len(part) + 100_000}\r\n\r\n"
            ).encode()
            + part
        )
        answered = asyncio.ensure_future(reader.read(65536))
        try:
            while not stop.is_set():
                with suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(answered), self.interval)
                if answered.done():
                    await self._read_answer(reader, answered.result())
                    return
                writer.write(b"0")
                with suppress(ConnectionError):
                    await writer.drain()
        finally:
            answered.cancel()
            writer.close()
            with suppress(Exception):
                await writer.wait_closed()

    async def _read_answer(self, reader: asyncio.StreamReader, data: bytes) -> None:
        """The answer's status and whole body (it may come in several segments)."""
        if not data.startswith(b"HTTP/1.1 "):
            return  # the connection closed without an answer
        self.status = int(data.split(b" ", 2)[1])
        with suppress(TimeoutError, ConnectionError):
            while b"\r\n\r\n" not in data:
                data += await asyncio.wait_for(reader.read(65536), 5)
            head, _, body = data.partition(b"\r\n\r\n")
            match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            length = int(match.group(1)) if match else 0
            while len(body) < length:
                more = await asyncio.wait_for(reader.read(65536), 5)
                if not more:
                    break
                body += more
            self.answer = body
