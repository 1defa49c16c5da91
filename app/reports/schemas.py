"""The shapes of the board's reports. Scripts build board papers on these: changes are additive."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from app.models import DeliveryStatus, Rag


class GroupBy(StrEnum):
    """What a summary groups actions by."""

    area = "area"
    officer = "officer"
    inspection_action = "inspection_action"


class Counts(BaseModel):
    """Actions counted by rating and by delivery status."""

    actions: int = Field(description="How many actions.")
    by_rating: dict[str, int] = Field(
        description="Keys `red`, `amber`, `green`, `blue`, `not_rated`.",
        examples=[{"red": 1, "amber": 3, "green": 10, "blue": 2, "not_rated": 41}],
    )
    by_status: dict[str, int] = Field(
        description="Keys `not_started`, `in_progress`, `complete`, `deferred`, `cancelled`."
    )


class PlanRef(BaseModel):
    """The plan a report is about."""

    id: str = Field(description="The plan's id.")
    title: str = Field(description="Its title.")
    organisation: str = Field(description="Its organisation.")
    version_label: str | None = Field(description="Its version label.")


class ActionRef(BaseModel):
    """An action as reports name it."""

    action_id: str = Field(description="The action's id.")
    ref: str = Field(description="Its ref.", examples=["A1.3"])
    title: str = Field(description="Its title.")
    rag: Rag | None = Field(description="Its rating on the report's day; null when not rated.")
    status: DeliveryStatus = Field(description="Its status on the report's day.")
    due_date: date | None = Field(description="Its due date on the report's day.")
    lead_officers: list[str] = Field(description="Its lead officers' names.")


class SummaryGroup(Counts):
    """The counts for one area, officer or inspection action."""

    key: str | None = Field(description="The group's id; null for actions with no officer.")
    label: str = Field(description="The group's name, as reports print it.")


class Summary(BaseModel):
    """Counts by rating and status on a day, grouped."""

    plan: PlanRef = Field(description="The plan.")
    as_of: date = Field(description="The day the counts describe (end of day).")
    group_by: GroupBy = Field(description="What the groups are.")
    totals: Counts = Field(description="All live actions of the plan.")
    groups: list[SummaryGroup] = Field(
        description="One per group, in document or name order. An action with two lead "
        "officers or two inspection actions counts in each of its groups."
    )


class ExceptionReason(StrEnum):
    """Why the board must see an action."""

    red = "red"
    overdue = "overdue"
    slipped = "slipped"
    stale = "stale"
    amber_two_quarters = "amber_two_quarters"
    no_update_in_quarter = "no_update_in_quarter"


class ExceptionItem(ActionRef):
    """An action the board must see, and why."""

    reasons: list[ExceptionReason] = Field(description="Every reason it is an exception.")
    days_overdue: int | None = Field(description="Days past its due date, when overdue.")
    last_update_date: date | None = Field(description="Its latest update's effective date.")


class Exceptions(BaseModel):
    """What the board must see on a day: red, overdue, slipped, or without updates."""

    plan: PlanRef = Field(description="The plan.")
    as_of: date = Field(description="The day (end of day).")
    items: list[ExceptionItem] = Field(description="Exceptions, in document order.")
    counts: dict[str, int] = Field(description="How many items give each reason.")
