"""Schemas shared by every domain: the error envelope, and the annotation for a JSON column that is
returned exactly as stored while the OpenAPI document describes its shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field, GetCoreSchemaHandler, SerializeAsAny, SkipValidation
from pydantic_core import CoreSchema


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
