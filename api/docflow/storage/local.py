from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from docflow.storage.base import StagedFile, discard_staged, stage_in


class LocalStorage:
    """Files under one folder: `staging/` while receiving, then `<aa>/<bb>/<uuid>.<ext>`."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.staging_dir.mkdir(parents=True, exist_ok=True)

    @property
    def staging_dir(self) -> Path:
        return self.root / "staging"

    def stage(self) -> StagedFile:
        return stage_in(self.staging_dir)

    def discard(self, staged: StagedFile) -> None:
        discard_staged(staged)

    def commit(self, staged: StagedFile, key: str) -> str:
        staged.close()
        target = self._resolve(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.path, target)
        return key

    def put(self, key: str, data: bytes) -> str:
        target = self._resolve(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written beside its place and renamed over it: a reader sees the old file or the new one.
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        try:
            temporary.write_bytes(data)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return key

    def delete(self, key: str) -> None:
        self._resolve(key).unlink(missing_ok=True)

    def open(self, key: str) -> BinaryIO:
        return open(self._resolve(key), "rb")  # noqa: SIM115 - the caller streams and closes it

    def iter_keys(self) -> Iterator[str]:
        staging = self.staging_dir
        for path in sorted(self.root.rglob("*")):
            # A dot file is a `put` being written (or one a crash left): not a stored key.
            if path.is_file() and staging not in path.parents and not path.name.startswith("."):
                yield path.relative_to(self.root).as_posix()

    @contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        path = self._resolve(key)
        if not path.is_file():
            raise FileNotFoundError(key)
        yield path  # the folder's own file: nothing to copy or remove

    def _resolve(self, key: str) -> Path:
        target = (self.root / key).resolve()
        if self.root not in target.parents:
            raise ValueError("storage key escapes the storage root")
        return target
