"""Who owes a status update this cycle."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class OwedAction(BaseModel):
    id: str = Field(description="The action's id.")
    ref: str = Field(description="Its ref.", examples=["A1.3"])
    title: str = Field(description="What will be done.")
    last_update_date: date | None = Field(description="Its latest update's effective date.")


class OfficerOwes(BaseModel):
    """A lead officer and the actions they lead with no update this cycle."""

    officer_id: str | None = Field(description="The officer; null for actions nobody leads.")
    name: str | None = Field(description="The officer's name.")
    email: str | None = Field(description="Where reminders go; null when none is known.")
    actions: list[OwedAction]


class UpdatesOwed(BaseModel):
    """The open actions with no status update in the plan's current update cycle."""

    plan_id: str
    cycle_start: date = Field(description="The first day of the current cycle.")
    cycle_end: date = Field(description="The last day of the current cycle.")
    officers: list[OfficerOwes] = Field(description="By lead officer, by name.")
