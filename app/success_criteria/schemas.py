"""Request and response bodies for success criteria."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field, model_validator

from app.core.http.listing import Page
from app.core.http.review import (
    REVIEW_NOT_NULLABLE,
    NeedsReview,
    NeedsReviewChange,
    ReadingNotes,
    ReadingNotesChange,
)
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead, id_field

PARENT_FIELDS = ("area_id", "outcome_id", "objective_id")
ONE_PARENT = " Give exactly one of `area_id`, `outcome_id` and `objective_id`."
STATEMENT_EXAMPLE = "Social worker turnover has fallen below 15%"


class SuccessCriterionCreate(RequestBody):
    """A new success criterion, attached to exactly one area, outcome or objective."""

    statement: str = Field(
        min_length=1,
        max_length=5000,
        description="How the plan will know it has succeeded.",
        examples=[STATEMENT_EXAMPLE],
    )
    area_id: str | None = id_field("The improvement area it measures." + ONE_PARENT, optional=True)
    outcome_id: str | None = id_field("The outcome it measures." + ONE_PARENT, optional=True)
    objective_id: str | None = id_field("The objective it measures." + ONE_PARENT, optional=True)

    @model_validator(mode="after")
    def exactly_one_parent(self) -> SuccessCriterionCreate:
        given = [name for name in PARENT_FIELDS if getattr(self, name) is not None]
        if len(given) != 1:
            sent = f"; got {', '.join(given)}" if given else ""
            raise ValueError(f"give exactly one of area_id, outcome_id, objective_id{sent}")
        return self

    @property
    def parent_field(self) -> str:
        """The one parent field that was given."""
        return next(name for name in PARENT_FIELDS if getattr(self, name) is not None)


class SuccessCriterionUpdate(PatchBody):
    """Changes to a success criterion: its statement. It cannot move to another parent."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"statement"}) | REVIEW_NOT_NULLABLE

    statement: str | None = Field(
        default=None, min_length=1, max_length=5000, description="New statement."
    )
    reading_notes: ReadingNotesChange = None
    needs_review: NeedsReviewChange = None


class SuccessCriterionRead(ResourceRead):
    """A success criterion: how the plan will know an area, outcome or objective is achieved."""

    plan_id: str = Field(description="The plan it belongs to.")
    area_id: str | None = Field(
        description="The improvement area it is attached to; null when attached elsewhere."
    )
    outcome_id: str | None = Field(
        description="The outcome it is attached to; null when attached elsewhere."
    )
    objective_id: str | None = Field(
        description="The objective it is attached to; null when attached elsewhere."
    )
    statement: str = Field(
        description="How the plan will know it has succeeded.", examples=[STATEMENT_EXAMPLE]
    )
    position: int = Field(description="Its place in document order under its parent.")
    action_ids: list[str] = Field(
        description="The live actions linked to it, ordered by the actions' refs. Link and "
        "unlink with `PUT`/`DELETE /actions/{action_id}/success-criteria/{criterion_id}`."
    )
    reading_notes: ReadingNotes
    needs_review: NeedsReview


class SuccessCriterionPage(Page[SuccessCriterionRead]):
    """A page of success criteria."""
