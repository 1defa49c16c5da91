"""Building blocks for request and response schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator


class RequestBody(BaseModel):
    """A request body: unknown fields are rejected, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PatchBody(RequestBody):
    """A partial update: send only the fields to change.

    Fields named in `not_nullable` may be left out but may not be set to null.
    """

    not_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="before")
    @classmethod
    def refuse_null_for_required(cls, values: Any) -> Any:
        if isinstance(values, dict):
            nulls = sorted(k for k, v in values.items() if v is None and k in cls.not_nullable)
            if nulls:
                raise ValueError(f"cannot be null: {', '.join(nulls)}")
        return values

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class ResourceRead(BaseModel):
    """Fields every resource has."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.", examples=["plan_8d1e6c2a9b4f03e5d7a1"])
    created_at: datetime = Field(description="When it was created (RFC 3339, UTC).")
    updated_at: datetime = Field(description="When it last changed (RFC 3339, UTC).")
    archived_at: datetime | None = Field(description="When it was archived; null while it is live.")
