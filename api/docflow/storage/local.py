from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from docflow.storage.base import StagedFile


class LocalStorage:
    """Files under one folder: `staging/` while receiving, then `<aa>/<bb>/<uuid>.<ext>`."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        (self.root / "staging").mkdir(parents=True, exist_ok=True)

    def stage(self) -> StagedFile:
        path = self.root / "staging" / f"{uuid.uuid4().hex}.part"
        return StagedFile(path=path, handle=open(path, "wb"))  # noqa: SIM115 - closed by StagedFile

    def discard(self, staged: StagedFile) -> None:
        staged.close()
        staged.path.unlink(missing_ok=True)

    def commit(self, staged: StagedFile, key: str) -> str:
        staged.close()
        target = self._resolve(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged.path, target)
        return key

    def delete(self, key: str) -> None:
        self._resolve(key).unlink(missing_ok=True)

    def open(self, key: str) -> BinaryIO:
        return open(self._resolve(key), "rb")  # noqa: SIM115 - the caller streams and closes it

    def iter_keys(self) -> Iterator[str]:
        staging = self.root / "staging"
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and staging not in path.parents:
                yield path.relative_to(self.root).as_posix()

    def local_path(self, key: str) -> Path:
        return self._resolve(key)

    def _resolve(self, key: str) -> Path:
        target = (self.root / key).resolve()
        if self.root not in target.parents:
            raise ValueError("storage key escapes the storage root")
        return target
