"""Where original files live: a local folder (the default) or an S3-compatible bucket, chosen by
DOCFLOW_STORAGE_BACKEND. Both stage uploads locally and share one interface (base.Storage)."""

from __future__ import annotations

from functools import lru_cache

from docflow.config import get_settings
from docflow.storage.base import StagedFile, Storage
from docflow.storage.local import LocalStorage

__all__ = ["Storage", "StagedFile", "get_storage"]


@lru_cache
def get_storage() -> Storage:
    settings = get_settings()
    if settings.storage_backend == "s3":
        from docflow.storage.s3 import S3Storage  # boto3 is imported only when it is used

        return S3Storage(settings)
    return LocalStorage(settings.storage_dir)
