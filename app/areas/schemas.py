"""Request and response bodies for improvement areas."""

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

REF = "A short reference, unique in the plan, that reports print and clients filter by."


class AreaCreate(RequestBody):
    """A new improvement area (theme)."""

    number: int = Field(ge=1, le=999, description="The area's number in the plan.", examples=[1])
    title: str = Field(
        min_length=1, max_length=300, description="The area's title.", examples=["Our People"]
    )
    aim: str | None = Field(
        default=None,
        max_length=5000,
        description="What the area sets out to achieve.",
        examples=["Ensuring we have the right people in the right place ..."],
    )
    ref: str | None = ref_field(REF + " Defaults to the number.", examples=["1"])


class AreaUpdate(PatchBody):
    """Changes to an area: only the fields sent change."""

    not_nullable: ClassVar[frozenset[str]] = (
        frozenset({"number", "title", "ref"}) | REVIEW_NOT_NULLABLE
    )

    number: int | None = Field(default=None, ge=1, le=999, description="New number.")
    title: str | None = Field(default=None, min_length=1, max_length=300, description="New title.")
    aim: str | None = Field(default=None, max_length=5000, description="New aim; null clears it.")
    ref: str | None = ref_field("New reference.")
    reading_notes: ReadingNotesChange = None
    needs_review: NeedsReviewChange = None


class AreaRead(ResourceRead):
    """An improvement area."""

    plan_id: str = Field(description="The plan it belongs to.")
    ref: str = Field(description=REF, examples=["1"])
    number: int = Field(description="The area's number in the plan.", examples=[1])
    title: str = Field(description="The area's title.", examples=["Our People"])
    aim: str | None = Field(description="What the area sets out to achieve.")
    position: int = Field(description="Its place in document order among the plan's areas.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview


class AreaPage(Page[AreaRead]):
    """A page of areas."""
