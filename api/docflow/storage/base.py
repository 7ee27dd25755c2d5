"""The storage interface. Uploads are always received into a local staging folder (hashed and
sniffed while they stream in); `commit` then gives the staged file its permanent key in the store.
Every backend raises FileNotFoundError for a key it does not hold and
docflow.errors.StorageUnavailable when the store cannot be reached."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
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
    @property
    def staging_dir(self) -> Path:
        """The local folder uploads are received into (empty when no upload is running)."""
        ...

    def stage(self) -> StagedFile: ...

    def discard(self, staged: StagedFile) -> None: ...

    def commit(self, staged: StagedFile, key: str) -> str:
        """Store a staged file under its permanent key (the staged file is gone afterwards);
        returns the key. Raises StorageUnavailable (the staged file is then left to `discard`)."""
        ...

    def put(self, key: str, data: bytes) -> str:
        """Store small bytes made in memory (a preview image) under `key`, replacing what is there,
        without the uploads' staging folder; returns the key. Raises StorageUnavailable."""
        ...

    def delete(self, key: str) -> None:
        """Remove a stored file; a key that is not there is not an error."""
        ...

    def open(self, key: str) -> BinaryIO:
        """The stored file, to read as a stream (the caller closes it)."""
        ...

    def iter_keys(self) -> Iterator[str]:
        """Every stored key (not the staging area), for the drift check and backups."""
        ...

    def local_copy(self, key: str) -> AbstractContextManager[Path]:
        """A filesystem path holding the file, for the workers that parse it, valid inside the
        `with` block: the folder's own file, or a temporary download removed afterwards."""
        ...


def stage_in(folder: Path) -> StagedFile:
    """A new staged file in `folder` (every backend stages locally)."""
    path = folder / f"{uuid.uuid4().hex}.part"
    return StagedFile(path=path, handle=open(path, "wb"))  # noqa: SIM115 - closed by StagedFile


def discard_staged(staged: StagedFile) -> None:
    staged.close()
    staged.path.unlink(missing_ok=True)
