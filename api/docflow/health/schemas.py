from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class HealthRead(BaseModel):
    status: Literal["ok"]


class ReadinessChecksRead(BaseModel):
    """Whether each dependency answered."""

    postgres: bool
    redis: bool
    broker: bool


class ReadinessRead(BaseModel):
    status: Literal["ready"]
    checks: ReadinessChecksRead
