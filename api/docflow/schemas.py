"""Schemas shared by every domain: the error envelope, the types every client input is validated
with at the edge (strings PostgreSQL can store, event seqs that fit a bigint), and the annotation
for a JSON column that is returned exactly as stored while the OpenAPI document describes its
shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    GetCoreSchemaHandler,
    SerializeAsAny,
    SkipValidation,
)
from pydantic_core import CoreSchema

BIGINT_MAX = 2**63 - 1


def no_nul(value: str) -> str:
    """PostgreSQL text cannot hold U+0000: a client string carrying it is refused (422) where it
    comes in, before it reaches a query."""
    if "\x00" in value:
        raise ValueError("must not contain the NUL character (U+0000)")
    return value


Text = Annotated[str, AfterValidator(no_nul)]
"""Every string a client sends in a body: never NUL."""

Seq = Annotated[int, Field(ge=0, le=BIGINT_MAX)]
"""An event `seq` a client resumes after (`after=`, `Last-Event-ID`, WS `after`): a bigint."""


class ErrorRead(BaseModel):
    code: str = Field(description="Machine-readable, e.g. `not_found`, `invalid_state`.")
    message: str = Field(description="Human-readable, safe to show.")
    details: Any = Field(
        description="null, or what the code needs: `validation_error` lists the fields "
        "([{field, message, type?}]); others carry an object (e.g. {status})."
    )


class ErrorEnvelope(BaseModel):
    """Every error answer: `{"error": {"code", "message", "details"}}`."""

    error: ErrorRead


@dataclass(frozen=True)
class StoredJson:
    """`Annotated[dict[str, Any], StoredJson(Model)]`: a JSON(B) column passed through untouched
    — neither validated nor re-serialised through `Model`, so rows written by any earlier version
    keep their keys, numbers and key order byte for byte — while the OpenAPI document describes it
    as `Model` (the shape current writers produce)."""

    model: type[BaseModel]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        # Validation skipped (the dict passes as it is); serialised by its runtime type (a dict,
        # as before), not as `Model`; JSON schema: `Model`'s.
        documented: Any = SkipValidation[SerializeAsAny[self.model]]  # type: ignore[misc,name-defined]
        return handler.generate_schema(documented)
