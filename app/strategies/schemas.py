"""Request and response bodies for strategies and detailed action plans."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PLAN_ID_EXAMPLE, PatchBody, RequestBody, ResourceRead, id_field
from app.models import Strategy, StrategyBase

# The shape of a web address only; the service never fetches it.
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
URL_DESCRIPTION = (
    "Where the document lives: an `http` or `https` address. Only its shape is checked; "
    "the service never fetches it."
)


class StrategyCreate(StrategyBase, RequestBody):
    """A new strategy or detailed action plan, in a plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    plan_id: str = id_field(
        "The plan it belongs to; it must exist and not be archived.", examples=[PLAN_ID_EXAMPLE]
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        pattern=URL_PATTERN,
        description=URL_DESCRIPTION,
        examples=["https://www.example.gov.uk/directorate-business-plan"],
    )


class StrategyUpdate(PatchBody):
    """Changes to a strategy: only the fields sent change. A strategy stays in its plan."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"title"})

    title: str | None = Field(default=None, min_length=1, max_length=300, description="New title.")
    url: str | None = Field(
        default=None,
        max_length=2000,
        pattern=URL_PATTERN,
        description="New address; null clears it. " + URL_DESCRIPTION,
    )
    owner: str | None = Field(
        default=None, max_length=200, description="New owner; null clears it."
    )


class StrategyRead(StrategyBase, ResourceRead):
    """A strategy or detailed action plan that actions contribute to."""

    # Every field is always sent, so the contract marks them all required.
    model_config = ConfigDict(  # type: ignore[assignment]
        from_attributes=True, json_schema_serialization_defaults_required=True
    )

    plan_id: str = Field(description="The plan it belongs to.")
    action_count: int = Field(ge=0, description="How many live actions link to it.", examples=[3])

    @classmethod
    def of(cls, strategy: Strategy, action_count: int) -> StrategyRead:
        return cls.model_validate({**strategy.model_dump(), "action_count": action_count})


class StrategyPage(Page[StrategyRead]):
    """A page of strategies."""
