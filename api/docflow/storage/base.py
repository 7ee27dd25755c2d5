from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol


@dataclass
class StagedFile:
    """A file being received: written to a staging area while its hash and size are computed."""

    path: Path
    handle: BinaryIO
    size: int = 0
    head: bytes = b""
    sha256: hashlib._Hash = field(default_factory=hashlib.sha256)

    def write(self, chunk: bytes) -> None:
        if len(self.head) < 8192:
            self.head += chunk[: 8192 - len(self.head)]
        self.sha256.update(chunk)
        self.handle.write(chunk)
        self.size += len(chunk)

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.close()


class Storage(Protocol):
    def stage(self) -> StagedFile: ...

    def discard(self, staged: StagedFile) -> None: ...

    def commit(self, staged: StagedFile, key: str) -> str:
        """Move a staged file to its permanent key; returns the stored path (key)."""
        ...

    def delete(self, key: str) -> None: ...

    def open(self, key: str) -> BinaryIO: ...

    def iter_keys(self) -> Iterator[str]:
        """Every stored key (not the staging area), for the drift check and backups."""
        ...

    def local_path(self, key: str) -> Path:
        """A filesystem path for workers that parse the file."""
        ...
