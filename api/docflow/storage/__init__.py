"""Where original files live. The interface is small so object storage can replace the folder."""

from __future__ import annotations

from functools import lru_cache

from docflow.config import get_settings
from docflow.storage.base import StagedFile, Storage
from docflow.storage.local import LocalStorage

__all__ = ["Storage", "StagedFile", "get_storage"]


@lru_cache
def get_storage() -> Storage:
    return LocalStorage(get_settings().storage_dir)
