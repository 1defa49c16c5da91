"""Request and response bodies for objectives."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from app.core.http.listing import Page
from app.core.http.review import (
    REVIEW_NOT_NULLABLE,
    NeedsReview,
    NeedsReviewChange,
    ReadingNotes,
    ReadingNotesChange,
)
from app.core.http.schemas import PatchBody, RequestBody, ResourceRead, ref_field

REF = "A short reference, unique among the plan's objectives, that reports print and clients use."


class ObjectiveCreate(RequestBody):
    """A new objective under an outcome."""

    statement: str = Field(
        min_length=1,
        max_length=5000,
        description="What the objective is.",
        examples=["There is sufficient capacity in the social work workforce"],
    )
    ref: str | None = ref_field(
        REF + " Defaults to the first free `<outcome ref>.<n>`.", examples=["1.1.1"]
    )


class ObjectiveUpdate(PatchBody):
    """Changes to an objective: only the fields sent change. It cannot move to another outcome."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"statement", "ref"}) | REVIEW_NOT_NULLABLE

    statement: str | None = Field(
        default=None, min_length=1, max_length=5000, description="New statement."
    )
    ref: str | None = ref_field("New reference.")
    reading_notes: ReadingNotesChange = None
    needs_review: NeedsReviewChange = None


class ObjectiveRead(ResourceRead):
    """An objective: a step towards an outcome."""

    plan_id: str = Field(description="The plan it belongs to.")
    area_id: str = Field(description="The improvement area of its outcome.")
    outcome_id: str = Field(description="The outcome it belongs to.")
    ref: str = Field(description=REF, examples=["1.1.1"])
    statement: str = Field(
        description="What the objective is.",
        examples=["There is sufficient capacity in the social work workforce"],
    )
    position: int = Field(description="Its place in document order among the outcome's objectives.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview


class ObjectivePage(Page[ObjectiveRead]):
    """A page of objectives."""
