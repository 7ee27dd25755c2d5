"""Running part of a test with other settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settings_env(**values: str) -> Iterator[None]:
    """Set environment variables (e.g. DOCFLOW_TASK_QUEUE="x") for the block and rebuild the
    cached Settings (and the storage built from them); the previous values and Settings come
    back afterwards."""
    from docflow.config import get_settings
    from docflow.storage import get_storage

    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    get_settings.cache_clear()
    get_storage.cache_clear()
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()
        get_storage.cache_clear()
