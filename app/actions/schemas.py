"""Request and response bodies for actions."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from pydantic import BaseModel, Field, model_validator

from app.core.http.listing import Page
from app.core.http.review import (
    REVIEW_NOT_NULLABLE,
    NeedsReview,
    NeedsReviewChange,
    NeedsReviewFilter,
    ReadingNotes,
    ReadingNotesChange,
)
from app.core.http.schemas import (
    MAX_FILTER_VALUES,
    Filters,
    Id,
    IsoDate,
    IsoDateTime,
    PatchBody,
    RequestBody,
    ResourceRead,
    TextFilters,
    ref_field,
)
from app.models import DeliveryStatus, Rag, RagFilter, Recurrence
from app.status_updates.schemas import StatusUpdateRead

REF = "A short reference, unique in the plan (`A1.3`; sub-actions `A4.5.2`)."
TIMESCALE = "The timescale as written in the plan: `May 23`, `Every Q`, `Ongoing`."
MAX_LEADS = 20


class Expansion(StrEnum):
    """Related data an action read can include."""

    success_criteria = "success_criteria"
    strategies = "strategies"
    lead_officers = "lead_officers"
    latest_update = "latest_update"
    children = "children"
    inspection_actions = "inspection_actions"


AS_OF = (
    "Answer with ratings, statuses and due dates as they stood at the end of this day: the "
    "latest status update effective on or before it, and the due date after the last "
    "revision made by then. `overdue` and `stale` are judged on that day."
)


def _any_of(description: str) -> Any:
    return Field(
        default=[],
        description=description + " Repeat for any of several.",
        max_length=MAX_FILTER_VALUES,
    )


class ActionFilters(BaseModel):
    """The filters of `GET /actions`, parsed once for the route and its fast path: a
    list means any of its values; different fields all apply."""

    plan_id: TextFilters = _any_of("Only actions of this plan.")
    area_id: TextFilters = _any_of("Only actions in this area.")
    outcome_id: TextFilters = _any_of("Only actions under this outcome.")
    objective_id: TextFilters = _any_of("Only actions under this objective.")
    parent_id: TextFilters = _any_of(
        "Only sub-actions of this action; `none` for top-level actions."
    )
    lead_officer_id: TextFilters = _any_of(
        "Only actions this officer leads; `me` for the officer the caller acts for."
    )
    rag: Filters[RagFilter] = _any_of(
        "Only actions with this current rating; `none` for not rated."
    )
    status: Filters[DeliveryStatus] = Field(
        default=[], description="Only actions with this delivery status. Repeatable."
    )
    inspection_action_id: TextFilters = _any_of("Only actions answering this inspection action.")
    strategy_id: TextFilters = _any_of("Only actions linked to this strategy.")
    ref: TextFilters = _any_of("Only the action with this ref.")
    due_before: IsoDate | None = Field(default=None, description="Due strictly before this date.")
    due_after: IsoDate | None = Field(default=None, description="Due strictly after this date.")
    overdue: bool | None = Field(
        default=None,
        description="true: past due and neither complete nor cancelled; false: not.",
    )
    updated_since: IsoDateTime | None = Field(
        default=None, description="Changed at or after this time (RFC 3339)."
    )
    q: str | None = Field(
        default=None, max_length=200, description="Text in the title, description, notes or ref."
    )
    slipped: bool | None = Field(
        default=None, description="true: the due date is later than the original one."
    )
    stale: bool | None = Field(
        default=None,
        description="true: open actions with no status update within their plan's "
        "update interval (`update_interval_days`).",
    )
    needs_review: NeedsReviewFilter = None
    as_of: IsoDate | None = Field(default=None, description=AS_OF)
    include_archived: bool = Field(default=False, description="Include archived actions.")


class ActionCreate(RequestBody):
    """A new action or sub-action.

    `area_id` is required unless `parent_id` is given (a sub-action takes its parent's area,
    outcome and objective unless told otherwise). The outcome must belong to the area and the
    objective to the outcome; an objective alone implies its outcome.
    """

    area_id: str | None = Field(default=None, max_length=40, description="The area it belongs to.")
    outcome_id: str | None = Field(default=None, max_length=40, description="Its outcome, if any.")
    objective_id: str | None = Field(
        default=None, max_length=40, description="Its objective, if any."
    )
    parent_id: str | None = Field(
        default=None, max_length=40, description="The action this is a sub-action of."
    )
    ref: str | None = ref_field(REF + " Assigned when left out.")
    title: str = Field(
        min_length=1,
        max_length=2000,
        description="What will be done.",
        examples=["Develop and recruit to the Principal Social Worker post"],
    )
    description: str | None = Field(default=None, max_length=10000, description="More detail.")
    notes: str | None = Field(
        default=None,
        max_length=5000,
        description="Notes written beside the action.",
        examples=["DfE adviser review – June 23"],  # noqa: RUF001
    )
    timescale: str | None = Field(
        default=None, max_length=100, description=TIMESCALE, examples=["May 23"]
    )
    due_date: date | None = Field(
        default=None,
        description="The due date, when it differs from what the timescale says.",
    )
    lead_officer_ids: list[Id] = Field(
        default_factory=list,
        max_length=MAX_LEADS,
        description="The accountable officers or roles, in order.",
    )


class ActionUpdate(PatchBody):
    """Changes to an action: only the fields sent change.

    Changing the due date (directly, or through a timescale that reads differently) needs
    `due_date_reason`; the reason is kept in the action's history.
    """

    not_nullable: ClassVar[frozenset[str]] = (
        frozenset({"title", "ref", "lead_officer_ids", "due_date_reason"}) | REVIEW_NOT_NULLABLE
    )

    outcome_id: str | None = Field(
        default=None,
        max_length=40,
        description="Move to this outcome of the same area; null for none.",
    )
    objective_id: str | None = Field(
        default=None, max_length=40, description="Move to this objective; null for none."
    )
    parent_id: str | None = Field(
        default=None,
        max_length=40,
        description="Make it a sub-action of this action; null for none.",
    )
    ref: str | None = ref_field("New ref.")
    title: str | None = Field(default=None, min_length=1, max_length=2000, description="New title.")
    description: str | None = Field(default=None, max_length=10000, description="New detail.")
    notes: str | None = Field(default=None, max_length=5000, description="New notes.")
    timescale: str | None = Field(default=None, max_length=100, description="New timescale text.")
    due_date: date | None = Field(
        default=None, description="New due date; null clears it.", examples=["2023-09-30"]
    )
    due_date_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="Why the due date changes. Required whenever it does.",
        examples=["Recruitment campaign delayed by the DfE review"],
    )
    lead_officer_ids: list[Id] | None = Field(
        default=None, max_length=MAX_LEADS, description="The new lead officers, replacing the old."
    )
    reading_notes: ReadingNotesChange = None
    needs_review: NeedsReviewChange = None

    @model_validator(mode="after")
    def reason_only_with_a_due_date_change(self) -> ActionUpdate:
        if "due_date_reason" in self.model_fields_set and not (
            {"due_date", "timescale"} & self.model_fields_set
        ):
            raise ValueError("due_date_reason is only taken with a change of due_date or timescale")
        return self


class OfficerSummary(ResourceRead):
    """A lead officer, as shown on an action."""

    name: str = Field(description="A person's name, or a role.")
    job_title: str | None = Field(description="Job title.")
    is_role: bool = Field(description="True for a role or group rather than a person.")


class CriterionSummary(ResourceRead):
    """A success criterion linked to the action."""

    statement: str = Field(description="What good looks like.")
    area_id: str | None = Field(description="Set when it describes the whole area.")
    outcome_id: str | None = Field(description="Set when it describes an outcome.")
    objective_id: str | None = Field(description="Set when it describes an objective.")


class StrategyOnAction(ResourceRead):
    """A strategy linked to the action, with the link's note. `id` is the strategy's."""

    link_id: str = Field(description="The strategy link's id.")
    title: str = Field(description="The strategy's title.")
    url: str | None = Field(description="Where the document lives.")
    note: str | None = Field(description="The link's note.")


class InspectionActionSummary(ResourceRead):
    """An inspection recommendation the action answers."""

    source: str = Field(description="Who made it.", examples=["Ofsted"])
    number: int = Field(description="Its number.", examples=[3])
    text: str = Field(description="The recommendation.")


class ActionSummary(ResourceRead):
    """A sub-action, as listed under its parent."""

    ref: str = Field(description=REF)
    title: str = Field(description="What will be done.")
    timescale: str | None = Field(description=TIMESCALE)
    due_date: date | None = Field(description="When it is due.")
    rag: Rag | None = Field(description="Current rating; null when not rated.")
    status: DeliveryStatus = Field(description="Current delivery status.")


class ActionRead(ResourceRead):
    """An action. Fields named in `expand` are filled in; the others are null."""

    plan_id: str = Field(description="The plan.")
    area_id: str = Field(description="The improvement area.")
    outcome_id: str | None = Field(description="The outcome, if any.")
    objective_id: str | None = Field(description="The objective, if any.")
    parent_id: str | None = Field(description="The parent action of a sub-action.")
    ref: str = Field(description=REF, examples=["A1.3"])
    title: str = Field(description="What will be done.")
    description: str | None = Field(description="More detail.")
    notes: str | None = Field(description="Notes written beside the action.")
    timescale: str | None = Field(description=TIMESCALE, examples=["May 23"])
    timescale_readable: bool = Field(
        description="False when the timescale text could not be read as a date or recurrence; "
        "the text is kept and no due date is guessed."
    )
    due_date: date | None = Field(description="When it is due now.", examples=["2023-05-31"])
    original_due_date: date | None = Field(description="The first due date it had.")
    due_date_revision_count: int = Field(description="How many times the due date has changed.")
    slippage_days: int | None = Field(
        description="Days between the original and the current due date; positive when late."
    )
    recurrence: Recurrence = Field(description="`none`, `ongoing`, `quarterly` or `monthly`.")
    rag: Rag | None = Field(description="Current rating; null when not rated.")
    status: DeliveryStatus = Field(description="Current delivery status.")
    last_update_date: date | None = Field(description="Effective date of the latest status update.")
    completed_date: date | None = Field(description="When it was completed.")
    overdue: bool = Field(description="Past its due date and neither complete nor cancelled.")
    position: int = Field(description="Its place in document order under its parent item.")
    reading_notes: ReadingNotes
    needs_review: NeedsReview
    lead_officers: list[OfficerSummary] = Field(description="The accountable officers, in order.")
    success_criteria: list[CriterionSummary] | None = Field(
        default=None, description="Expanded with `expand=success_criteria`."
    )
    strategies: list[StrategyOnAction] | None = Field(
        default=None, description="Expanded with `expand=strategies`."
    )
    inspection_actions: list[InspectionActionSummary] | None = Field(
        default=None, description="Expanded with `expand=inspection_actions`."
    )
    children: list[ActionSummary] | None = Field(
        default=None, description="Live sub-actions in order; expanded with `expand=children`."
    )
    latest_update: StatusUpdateRead | None = Field(
        default=None,
        description="The update that decides the current rating (latest by effective date, "
        "not corrected); expanded with `expand=latest_update`, null when there is none.",
    )


class ActionPage(Page[ActionRead]):
    """A page of actions."""
