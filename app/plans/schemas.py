"""Request and response bodies for plans."""

from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from app.actions.schemas import ActionRead
from app.core.http.listing import Page
from app.core.http.review import (
    NeedsReview,
    ReadingNotes,
)
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead
from app.models import (
    MeetingFrequency,
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
    frequency: MeetingFrequency = Field(description="How often it meets.")
    partners_every: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="Partners attend every this many meetings (2: every second meeting); "
        "null when the plan does not say.",
        examples=[2],
    )


PLAN_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]{0,99}$"
KEY_DESCRIPTION = (
    "The plan's business key, unique and the same in every environment: lower-case letters, "
    "digits and hyphens (`stockton-2023`)."
)


class PlanCreate(PlanBase, RequestBody):
    """A new plan."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)  # type: ignore[assignment]

    key: str | None = Field(
        default=None, pattern=PLAN_KEY_PATTERN, description=KEY_DESCRIPTION + " Optional."
    )

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

    key: str | None = Field(
        default=None, pattern=PLAN_KEY_PATTERN, description="New key; null clears it."
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
    key: str | None = Field(
        validation_alias=AliasChoices("key", "seed_key"),
        description=KEY_DESCRIPTION,
        examples=["stockton-2023"],
    )


class PlanPage(Page[PlanRead]):
    """A page of plans."""


class CriterionNode(BaseModel):
    """A success criterion and the actions it is linked to."""

    id: str = Field(description="The criterion's id.")
    statement: str = Field(description="What good looks like.")
    action_ids: list[str] = Field(description="The live actions it is linked to.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview


class ActionNode(ActionRead):
    """An action with its success criteria, strategies and inspection actions expanded."""

    sub_actions: list[ActionNode] = Field(description="Its live sub-actions, in order.")


class ObjectiveNode(BaseModel):
    """An objective with its criteria and actions."""

    id: str = Field(description="The objective's id.")
    ref: str = Field(description="Its ref.", examples=["1.1.1"])
    statement: str = Field(description="The objective.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    actions: list[ActionNode] = Field(description="Its actions, in order.")


class OutcomeNode(BaseModel):
    """An outcome with its objectives, criteria, and actions that have no objective."""

    id: str = Field(description="The outcome's id.")
    ref: str = Field(description="Its ref.", examples=["1.1"])
    number: str | None = Field(description="Its printed number, if the plan gives one.")
    statement: str = Field(description="The outcome.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    objectives: list[ObjectiveNode] = Field(description="Its objectives, in order.")
    actions: list[ActionNode] = Field(description="Actions under it with no objective.")


class AreaNode(BaseModel):
    """An improvement area with everything under it."""

    id: str = Field(description="The area's id.")
    ref: str = Field(description="Its ref.", examples=["1"])
    number: int = Field(description="Its number.")
    title: str = Field(description="Its title.")
    aim: str | None = Field(description="Its aim.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    outcomes: list[OutcomeNode] = Field(description="Its outcomes, in order.")
    actions: list[ActionNode] = Field(description="Actions under it with no outcome.")


class InspectionActionNode(BaseModel):
    """An inspection recommendation and the actions that answer it."""

    id: str = Field(description="Its id.")
    source: str = Field(description="Who made it.")
    number: int = Field(description="Its number.")
    text: str = Field(description="The recommendation.")
    action_ids: list[str] = Field(description="The live actions that answer it.")


class PlanTree(BaseModel):
    """The whole live plan, nested in document order."""

    plan: PlanRead = Field(description="The plan itself.")
    areas: list[AreaNode] = Field(description="Its improvement areas, in order.")
    inspection_actions: list[InspectionActionNode] = Field(
        description="Its inspection recommendations, by number."
    )
