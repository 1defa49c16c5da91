"""Request and response bodies for board meetings and their snapshots."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.core.http.listing import Page
from app.core.http.schemas import PLAN_ID_EXAMPLE, PatchBody, RequestBody, ResourceRead, id_field
from app.models import Meeting, MeetingFrequency, MeetingSnapshot, Rag
from app.plans.schemas import PlanTree
from app.reports.schemas import Exceptions, Movement, MovementCounts, Summary

BOARD = (
    'The board that meets: "GABB" (the Good and Beyond Board), "CSLT" (the Children\'s '
    "Services Leadership Team) or another named board. Compared exactly, case included."
)
PARTNERS = "Whether partner agencies attend (GABB: every second meeting)."


class MeetingCreate(RequestBody):
    """A new board meeting. A board meets at most once a day about a plan."""

    plan_id: str = id_field(
        "The plan the meeting oversees; it must exist and not be archived.",
        examples=[PLAN_ID_EXAMPLE],
    )
    board: str = Field(min_length=1, max_length=100, description=BOARD, examples=["GABB"])
    date: dt.date = Field(description="The day of the meeting.", examples=["2023-07-31"])
    partners_attending: bool = Field(default=False, description=PARTNERS)
    title: str | None = Field(
        default=None,
        max_length=200,
        description="A title for the papers.",
        examples=["Good and Beyond Board, July 2023"],
    )
    notes: str | None = Field(
        default=None, max_length=5000, description="Notes: agenda items, apologies, decisions."
    )


class MeetingUpdate(PatchBody):
    """Changes to a meeting: only the fields sent change. A meeting stays with its plan;
    once its snapshot is taken, its board and date cannot change."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"board", "date", "partners_attending"})

    board: str | None = Field(default=None, min_length=1, max_length=100, description="New board.")
    date: dt.date | None = Field(default=None, description="New day of the meeting.")
    partners_attending: bool | None = Field(
        default=None, description="Whether partner agencies attend."
    )
    title: str | None = Field(default=None, max_length=200, description="New title; null clears.")
    notes: str | None = Field(default=None, max_length=5000, description="New notes; null clears.")


class MeetingRead(ResourceRead):
    """A board meeting."""

    model_config = ConfigDict(from_attributes=True)

    plan_id: str = Field(description="The plan the meeting oversees.")
    board: str = Field(description=BOARD, examples=["GABB"])
    date: dt.date = Field(description="The day of the meeting.", examples=["2023-07-31"])
    partners_attending: bool = Field(description=PARTNERS)
    title: str | None = Field(description="A title for the papers.")
    notes: str | None = Field(description="Notes: agenda items, apologies, decisions.")
    snapshot_id: str | None = Field(
        description="The snapshot taken for the meeting's papers; null until one is taken."
    )

    @classmethod
    def of(cls, meeting: Meeting, snapshot_id: str | None) -> MeetingRead:
        return cls.model_validate({**meeting.model_dump(), "snapshot_id": snapshot_id})


class MeetingPage(Page[MeetingRead]):
    """A page of meetings."""


class MeetingScheduleCreate(RequestBody):
    """A run of meetings of one board, such as a year of GABB meetings. What the body leaves
    out comes from the plan's `meeting_schedule`, then from the service's defaults."""

    plan_id: str = id_field(
        "The plan the meetings oversee; it must exist and not be archived.",
        examples=[PLAN_ID_EXAMPLE],
    )
    board: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description=BOARD + " Left out: the board the plan's meeting schedule names, or "
        '"GABB" when the plan has no schedule.',
    )
    frequency: MeetingFrequency | None = Field(
        default=None,
        description="How often the board meets. Left out: the plan's meeting schedule's, or "
        "monthly when the plan has no schedule.",
    )
    first_date: dt.date = Field(
        description="The first meeting's day. Monthly and quarterly meetings fall on the same "
        "day of the month (the month's last day when it is shorter); weekly and fortnightly "
        "ones on the same day of the week.",
        examples=["2023-04-27"],
    )
    months: int = Field(
        default=12,
        ge=1,
        le=24,
        description="How many months the run covers from `first_date`: 12 monthly meetings "
        "in a year, 4 quarterly ones, 52 or 53 weekly ones.",
    )
    partners_every: int | None = Field(
        default=None,
        ge=1,
        le=24,
        description="Partners attend the first meeting and every n-th one after it: 2 means "
        "the 1st, 3rd, 5th...; 1 means every meeting. Left out: the plan's meeting schedule's "
        "(no meeting marked when the schedule does not say), or 2 when the plan has none.",
    )


ScheduleField = Literal["board", "frequency", "partners_every"]


class MeetingSchedule(BaseModel):
    """The meetings a schedule created, the days it left alone, and the cadence it used."""

    items: list[MeetingRead] = Field(description="The meetings created, in date order.")
    skipped_dates: list[dt.date] = Field(
        description="Days the board already had a meeting about the plan; nothing was created "
        "or changed for them."
    )
    board: str = Field(description="The board the meetings are of.", examples=["GABB"])
    frequency: MeetingFrequency = Field(description="How often the meetings fall.")
    partners_every: int | None = Field(
        description="Partners attend every this many meetings; null when no meeting is marked."
    )
    from_plan: list[ScheduleField] = Field(
        description="The fields the body left out that were taken from the plan's meeting schedule."
    )
    service_defaults: list[ScheduleField] = Field(
        description="The fields the body left out that the plan does not state either, so the "
        "service's defaults were used."
    )


class SnapshotContent(BaseModel):
    """The plan as it stood at the end of the meeting's date, as the board papers show it."""

    summary: Summary = Field(description="Counts by rating and status, grouped by area.")
    exceptions: Exceptions = Field(description="What the board had to see that day.")
    tree: PlanTree = Field(description="The whole plan, with each action's state that day.")


class ActionMovement(BaseModel):
    """How one action's rating moved between the previous meeting's snapshot and this one."""

    ref: str = Field(description="The action's ref.", examples=["A1.3"])
    action_id: str = Field(description="The action's id.")
    title: str = Field(description="Its title, in the latest snapshot that has it.")
    previous_rag: Rag | None = Field(
        description="Its rating in the previous snapshot; null when not rated or not there."
    )
    current_rag: Rag | None = Field(
        description="Its rating in this snapshot; null when not rated or not there."
    )
    in_previous: bool = Field(description="Whether the previous snapshot has the action.")
    in_current: bool = Field(description="Whether this snapshot has the action.")
    movement: Movement = Field(
        description="How the rating moved (red < amber < green < blue). An action missing "
        "from a snapshot counts as not rated there."
    )


class SnapshotMovement(BaseModel):
    """Rating movement since the previous meeting's snapshot; empty when there is none."""

    counts: MovementCounts = Field(
        description="Actions improved, declined (including no longer rated), unchanged, and "
        "newly rated; actions not rated in either snapshot are not counted."
    )
    actions: list[ActionMovement] = Field(
        description="Every action in either snapshot: this snapshot's document order, then "
        "actions only the previous one has."
    )


class MeetingSnapshotRead(BaseModel):
    """The frozen state of the plan for a meeting, and how ratings moved since the last one.

    `content` never changes once taken; `movement` is worked out when read, from the
    snapshot of the same board's latest earlier meeting about the plan that has one.
    """

    id: str = Field(description="Opaque identifier.", examples=["snap_8d1e6c2a9b4f03e5d7a1"])
    meeting_id: str = Field(description="The meeting it was taken for.")
    plan_id: str = Field(description="The plan it describes.")
    as_of: dt.date = Field(description="The day it describes (end of day): the meeting's date.")
    taken_at: dt.datetime = Field(description="When it was taken (RFC 3339, UTC).")
    taken_by: str = Field(description="The name of the API key that took it.")
    content: SnapshotContent = Field(description="The frozen reports and plan tree.")
    previous_meeting_id: str | None = Field(
        description="The meeting whose snapshot `movement` compares with; null when the board "
        "has no earlier meeting about the plan with a snapshot."
    )
    previous_snapshot_id: str | None = Field(description="That meeting's snapshot.")
    movement: SnapshotMovement = Field(description="Rating movement since that snapshot.")

    @classmethod
    def of(
        cls,
        snapshot: MeetingSnapshot,
        *,
        content: SnapshotContent,
        previous: MeetingSnapshot | None,
        movement: SnapshotMovement,
    ) -> MeetingSnapshotRead:
        return cls(
            id=snapshot.id,
            meeting_id=snapshot.meeting_id,
            plan_id=snapshot.plan_id,
            as_of=snapshot.as_of,
            taken_at=snapshot.taken_at,
            taken_by=snapshot.taken_by,
            content=content,
            previous_meeting_id=previous.meeting_id if previous else None,
            previous_snapshot_id=previous.id if previous else None,
            movement=movement,
        )
