"""The API with the faults of `fault_injection` that the environment switches on:
`uvicorn tests_support.faulty_api:app`."""

from __future__ import annotations

from docflow.main import app
from tests_support.fault_injection import install

install()

__all__ = ["app"]
