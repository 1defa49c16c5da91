"""The shapes of the board's reports. Scripts build board papers on these: changes are additive."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from app.models import DeliveryStatus, Rag, RatingDefinitions


class GroupBy(StrEnum):
    """What a summary groups actions by."""

    area = "area"
    officer = "officer"
    inspection_action = "inspection_action"


class RatingCounts(BaseModel):
    """Actions counted by rating."""

    red: int = Field(description="Rated red.", examples=[1])
    amber: int = Field(description="Rated amber.", examples=[3])
    green: int = Field(description="Rated green.", examples=[10])
    blue: int = Field(description="Rated blue (complete).", examples=[2])
    not_rated: int = Field(description="Not rated.", examples=[41])


class StatusCounts(BaseModel):
    """Actions counted by delivery status."""

    not_started: int = Field(description="Not started.", examples=[30])
    in_progress: int = Field(description="In progress.", examples=[23])
    complete: int = Field(description="Complete.", examples=[2])
    deferred: int = Field(description="Deferred.", examples=[1])
    cancelled: int = Field(description="Cancelled.", examples=[1])


class Counts(BaseModel):
    """Actions counted by rating and by delivery status."""

    actions: int = Field(description="How many actions.", examples=[57])
    by_rating: RatingCounts = Field(description="By rating.")
    by_status: StatusCounts = Field(description="By delivery status.")


class PlanRef(BaseModel):
    """The plan a report is about."""

    id: str = Field(description="The plan's id.")
    title: str = Field(description="Its title.")
    organisation: str = Field(description="Its organisation.")
    version_label: str | None = Field(description="Its version label.")
    key: str | None = Field(
        default=None,
        description="The plan's key (`stockton-2023`), which names its report downloads; null "
        "when it has none (downloads are then named by its id).",
        examples=["stockton-2023"],
    )


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


class ReasonCounts(BaseModel):
    """How many exceptions give each reason."""

    red: int = Field(description="Rated red.", examples=[1])
    overdue: int = Field(description="Past their due date and open.", examples=[4])
    slipped: int = Field(description="Due later than first planned.", examples=[2])
    stale: int = Field(description="Open with no recent update.", examples=[6])
    amber_two_quarters: int = Field(description="Amber at two quarter ends running.")
    no_update_in_quarter: int = Field(description="Open with no update in the quarter.")


class Exceptions(BaseModel):
    """What the board must see on a day: red, overdue, slipped, or without updates."""

    plan: PlanRef = Field(description="The plan.")
    as_of: date = Field(description="The day (end of day).")
    items: list[ExceptionItem] = Field(description="Exceptions, in document order.")
    counts: ReasonCounts = Field(description="How many items give each reason.")


class Movement(StrEnum):
    """How an action's rating moved between two quarter ends (red < amber < green < blue)."""

    improved = "improved"
    declined = "declined"
    unchanged = "unchanged"
    newly_rated = "newly_rated"
    no_longer_rated = "no_longer_rated"
    not_rated = "not_rated"


class Period(BaseModel):
    """The quarter a report covers."""

    label: str = Field(description="The quarter.", examples=["2023-24-Q2"])
    start: date = Field(description="Its first day.", examples=["2023-07-01"])
    end: date = Field(description="Its last day.", examples=["2023-09-30"])
    closed: bool = Field(description="True once the quarter has ended.")
    previous: str = Field(description="The quarter before.", examples=["2023-24-Q1"])
    next: str = Field(description="The quarter after.", examples=["2023-24-Q3"])


class AreaQuarter(Counts):
    """One area's counts at the quarter's end and its updates during the quarter."""

    area_id: str = Field(description="The area.")
    ref: str = Field(description="Its ref.")
    title: str = Field(description="Its title.")
    updates_in_quarter: int = Field(description="Status updates effective in the quarter.")


class MovementCounts(BaseModel):
    """How ratings moved from the previous quarter's end to this one's."""

    improved: int = Field(description="Rating went up.")
    declined: int = Field(description="Rating went down (a withdrawn rating is not counted here).")
    unchanged: int = Field(description="Same rating (still not rated is not counted).")
    newly_rated: int = Field(description="Not rated before, rated now.")
    no_longer_rated: int = Field(description="Rated before, not rated now: a rating withdrawn.")


class QuarterAction(ActionRef):
    """One action's line in the quarterly report (the CSV and the XLSX actions sheet)."""

    area_ref: str = Field(description="Its area's ref.")
    parent_ref: str | None = Field(description="Its parent action's ref, for sub-actions.")
    timescale: str | None = Field(description="Its timescale as written.")
    previous_rag: Rag | None = Field(description="Its rating at the previous quarter's end.")
    movement: Movement = Field(description="How its rating moved.")
    last_update_date: date | None = Field(description="Its latest update's effective date.")
    completed_date: date | None = Field(description="When it was completed.")
    days_overdue: int | None = Field(description="Days past due at the quarter's end.")
    due_next_quarter: bool = Field(description="Due in the next quarter and still open.")
    updates_in_quarter: int = Field(description="Status updates effective in the quarter.")
    latest_narrative: str | None = Field(description="Its latest narrative in the quarter.")
    latest_next_steps: str | None = Field(
        description="Its latest next steps in the quarter, as the update giving them says."
    )
    exceptions: list[ExceptionReason] = Field(description="Why the board must see it, if so.")


class SlippedDueDate(ActionRef):
    """A due date moved later during the quarter."""

    from_date: date | None = Field(description="The due date before.")
    to_date: date | None = Field(description="The due date after.")
    reason: str = Field(description="The reason given.")
    changed_at: datetime = Field(description="When it was changed.")


class QuarterUpdates(BaseModel):
    """Status updates effective in the quarter (corrected ones left out)."""

    total: int = Field(description="How many.")
    by_area: list[AreaCount] = Field(description="How many per area.")


class AreaCount(BaseModel):
    """A count for one area."""

    area_id: str = Field(description="The area.")
    ref: str = Field(description="Its ref.")
    count: int = Field(description="The count.")


class InspectionQuarter(BaseModel):
    """An inspection recommendation and the live actions answering it."""

    inspection_action_id: str = Field(description="Its id.")
    source: str = Field(description="Who made it.")
    number: int = Field(description="Its number.")
    text: str = Field(description="The recommendation.")
    actions: list[ActionRef] = Field(description="Live actions tagged with it, with ratings.")
    no_live_action: bool = Field(description="True when no live action answers it: a gap.")


class QuarterRatings(BaseModel):
    """The plan's live actions by rating at one quarter's end: a point of the trend."""

    label: str = Field(description="The quarter.", examples=["2023-24-Q1"])
    end: date = Field(description="Its last day, when the ratings were read.")
    actions: int = Field(description="Live actions then.")
    by_rating: RatingCounts = Field(description="The actions by rating then.")


class QuarterlyReport(BaseModel):
    """The quarterly Quality Assurance report for CSLT and the Good and Beyond Board."""

    plan: PlanRef = Field(description="The plan.")
    period: Period = Field(description="The quarter.")
    computed_at: datetime = Field(description="When this was computed.")
    totals: Counts = Field(description="All live actions at the quarter's end.")
    areas: list[AreaQuarter] = Field(description="Per area, in document order.")
    movement: MovementCounts = Field(description="Rating movement over the quarter.")
    completed: list[QuarterAction] = Field(description="Completed in the quarter.")
    overdue: list[QuarterAction] = Field(description="Overdue at the quarter's end.")
    due_next_quarter: list[QuarterAction] = Field(description="Open and due next quarter.")
    slipped: list[SlippedDueDate] = Field(description="Due dates moved later in the quarter.")
    exceptions: list[QuarterAction] = Field(
        description="Red; amber for two quarter ends running; open with no update in the "
        "quarter; slipped in the quarter."
    )
    updates: QuarterUpdates = Field(description="Status updates in the quarter.")
    inspection_actions: list[InspectionQuarter] = Field(
        description="Each inspection action with its actions and their ratings."
    )
    actions: list[QuarterAction] = Field(description="Every live action, in document order.")
    trend: list[QuarterRatings] = Field(
        description="Ratings at the end of each of the last four to eight quarters, oldest "
        "first, ending with this one (whose counts are `totals`); it starts no earlier than "
        "the quarter of the plan's first update, but always shows four quarters."
    )
    rating_definitions: RatingDefinitions = Field(description="What each rating means here.")


QuarterUpdates.model_rebuild()
