"""Reading notes and the needs-review flag: how an imported plan item was read from its
source document, and whether the plan's owner has confirmed that reading."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import sqlalchemy as sa
from annotated_types import Len
from fastapi import Query
from pydantic import Field, StringConstraints

MAX_READING_NOTES = 50
ReadingNote = Annotated[str, StringConstraints(min_length=1, max_length=2000)]

READING_NOTES = (
    "Why the item reads as it does from its source document: what was split, joined, "
    "paired, inherited from the row above or given a date. Empty when the source said it "
    "plainly."
)
NEEDS_REVIEW = (
    "True while the plan's owner has still to confirm a reading choice described in "
    "`reading_notes`; an editor confirms by setting it to false."
)


ReadingNotesIn = Annotated[list[ReadingNote], Len(0, MAX_READING_NOTES)]
"""Reading notes in a request body."""

READING_NOTES_UPDATE = "New reading notes, replacing the old."
NEEDS_REVIEW_UPDATE = "False confirms the reading (the change is audited); true asks for review."

REVIEW_NOT_NULLABLE = frozenset({"reading_notes", "needs_review"})

# The two members as every plan item's representation and changes declare them.
ReadingNotes = Annotated[list[str], Field(description=READING_NOTES)]
NeedsReview = Annotated[bool, Field(description=NEEDS_REVIEW)]
ReadingNotesChange = Annotated[ReadingNotesIn | None, Field(description=READING_NOTES_UPDATE)]
NeedsReviewChange = Annotated[bool | None, Field(description=NEEDS_REVIEW_UPDATE)]

NeedsReviewFilter = Annotated[
    bool | None,
    Query(
        description="Only items whose reading the plan's owner has (false) or has not yet "
        "(true) confirmed."
    ),
]

S = TypeVar("S", bound=sa.Select[Any])


def where_needs_review(statement: S, column: Any, needs_review: bool | None) -> S:
    """The statement narrowed to items with this needs-review flag, when one is asked for."""
    if needs_review is None:
        return statement
    return statement.where(column.is_(sa.true()) if needs_review else column.is_(sa.false()))
