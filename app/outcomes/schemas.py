"""Request and response bodies for outcomes."""

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

REF = "A short reference, unique among the plan's outcomes, that reports print and clients use."


class OutcomeCreate(RequestBody):
    """A new outcome under an improvement area."""

    number: str | None = Field(
        default=None,
        min_length=1,
        max_length=20,
        description="The outcome's number as the plan prints it, if it has one.",
        examples=["1.1"],
    )
    statement: str = Field(
        min_length=1,
        max_length=5000,
        description="What the outcome is.",
        examples=["A skilled, stable and well supported workforce"],
    )
    ref: str | None = ref_field(
        REF + " Defaults to the number when it is given and free, else to the "
        "first free `<area ref>.<n>`.",
        examples=["1.1"],
    )


class OutcomeUpdate(PatchBody):
    """Changes to an outcome: only the fields sent change. It cannot move to another area."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"statement", "ref"}) | REVIEW_NOT_NULLABLE

    number: str | None = Field(
        default=None, min_length=1, max_length=20, description="New number; null clears it."
    )
    statement: str | None = Field(
        default=None, min_length=1, max_length=5000, description="New statement."
    )
    ref: str | None = ref_field("New reference.")
    reading_notes: ReadingNotesChange = None
    needs_review: NeedsReviewChange = None


class OutcomeRead(ResourceRead):
    """An outcome: what an improvement area sets out to achieve."""

    plan_id: str = Field(description="The plan it belongs to.")
    area_id: str = Field(description="The improvement area it belongs to.")
    ref: str = Field(description=REF, examples=["1.1"])
    number: str | None = Field(
        description="The outcome's number as the plan prints it; null when it has none.",
        examples=["1.1"],
    )
    statement: str = Field(
        description="What the outcome is.",
        examples=["A skilled, stable and well supported workforce"],
    )
    position: int = Field(description="Its place in document order among the area's outcomes.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview


class OutcomePage(Page[OutcomeRead]):
    """A page of outcomes."""
