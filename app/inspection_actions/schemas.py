"""Request and response bodies for inspection actions (recommendations)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pydantic import ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PLAN_ID_EXAMPLE, PatchBody, RequestBody, ResourceRead, id_field
from app.models import InspectionAction, InspectionActionBase


class InspectionActionCreate(InspectionActionBase, RequestBody):
    """A new inspection recommendation, in a plan. Source and number are unique in the plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    plan_id: str = id_field(
        "The plan it belongs to; it must exist and not be archived.", examples=[PLAN_ID_EXAMPLE]
    )


class InspectionActionUpdate(PatchBody):
    """Changes to an inspection action: only the fields sent change. It stays in its plan."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"source", "number", "text"})

    source: str | None = Field(
        default=None, min_length=1, max_length=100, description="New source."
    )
    number: int | None = Field(default=None, ge=1, le=10000, description="New number.")
    text: str | None = Field(default=None, min_length=1, max_length=5000, description="New text.")


class InspectionActionRead(InspectionActionBase, ResourceRead):
    """An inspection recommendation and the actions that answer it."""

    # Every field is always sent, so the contract marks them all required.
    model_config = ConfigDict(  # type: ignore[assignment]
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    plan_id: str = Field(description="The plan it belongs to.")
    action_ids: list[str] = Field(
        description="The live actions tagged as answering it, in order of their `ref`.",
        examples=[["act_0123456789abcdef0123"]],
    )

    @classmethod
    def of(
        cls, inspection_action: InspectionAction, action_ids: Sequence[str]
    ) -> InspectionActionRead:
        return cls.model_validate({**inspection_action.model_dump(), "action_ids": action_ids})


class InspectionActionPage(Page[InspectionActionRead]):
    """A page of inspection actions."""
