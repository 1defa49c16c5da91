"""Request and response bodies for plans."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead
from app.models import (
    PlanBase,
    PlanStatus,
    RatingDefinitions,
    RatingDefinitionsSource,
)


class MeetingCadence(RequestBody):
    """How often the board overseeing a plan meets, as the plan states it."""

    board: str = Field(
        min_length=1,
        max_length=200,
        description="The board that oversees the plan.",
        examples=["Good and Beyond Board"],
    )
    frequency: Literal["weekly", "fortnightly", "monthly", "quarterly"] = Field(
        description="How often it meets."
    )
    partners_every: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Partners attend every this many meetings (2: every second meeting); "
        "null when the plan does not say.",
        examples=[2],
    )


class PlanCreate(PlanBase, RequestBody):
    """A new plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    rating_definitions: RatingDefinitions = Field(
        default_factory=RatingDefinitions,
        description="What each rating means for this plan; the service's defaults apply "
        "where left out, and when all are left out the plan shows "
        "`rating_definitions_source: service_default`.",
    )
    meeting_schedule: MeetingCadence | None = Field(
        default=None, description="How often the board overseeing the plan meets."
    )


class PlanUpdate(PatchBody):
    """Changes to a plan: only the fields sent change."""

    not_nullable: ClassVar[frozenset[str]] = frozenset(
        {"title", "organisation", "status", "rating_definitions"}
    )

    title: str | None = Field(default=None, min_length=1, max_length=500, description="New title.")
    organisation: str | None = Field(
        default=None, min_length=1, max_length=200, description="New organisation."
    )
    version_label: str | None = Field(
        default=None, max_length=100, description="New version label; null clears it."
    )
    status: PlanStatus | None = Field(default=None, description="New status.")
    description: str | None = Field(
        default=None, max_length=20000, description="New introduction; null clears it."
    )
    rating_definitions: RatingDefinitions | None = Field(
        default=None,
        description="New rating definitions, all four; from then on they are the plan's own.",
    )
    meeting_schedule: MeetingCadence | None = Field(
        default=None, description="New meeting schedule; null clears it."
    )


class PlanRead(PlanBase, ResourceRead):  # type: ignore[misc]
    """A plan."""

    rating_definitions: RatingDefinitions = Field(description="What each rating means.")
    rating_definitions_source: RatingDefinitionsSource = Field(
        description="`plan` when the definitions are the plan's own words; `service_default` "
        "when the plan gave none and these are the service's defaults, not the plan's."
    )
    meeting_schedule: MeetingCadence | None = Field(
        description="How often the board overseeing the plan meets, as the plan states it; "
        "null when it does not say."
    )


class PlanPage(Page[PlanRead]):
    """A page of plans."""
