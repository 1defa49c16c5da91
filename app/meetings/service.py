"""Board meetings: reading, listing, adding and changing them one at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, Duplicate, SnapshotTaken
from app.core.http.idempotency import Idempotency
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import crud
from app.core.resources.refs import holder
from app.meetings.schemas import (
    MeetingCreate,
    MeetingRead,
    MeetingUpdate,
)
from app.models import Meeting, MeetingSnapshot, Plan, new_id

ENTITY = "meeting"
SNAPSHOT_ENTITY = "meeting_snapshot"
SORTABLE = {
    "date": SortField(col(Meeting.date), "date"),
    "created_at": SortField(col(Meeting.created_at), "datetime"),
}


async def read_meeting(*, session: AsyncSession, meeting: Meeting) -> MeetingRead:
    """The meeting as the API shows it, with the id of its snapshot if one is taken."""
    snapshot_id = await session.scalar(
        sa.select(col(MeetingSnapshot.id)).where(col(MeetingSnapshot.meeting_id) == meeting.id)
    )
    return MeetingRead.of(meeting, snapshot_id)


@dataclass(frozen=True)
class MeetingFilters:
    plan_id: Sequence[str] = ()
    board: Sequence[str] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    partners_attending: bool | None = None


async def list_meetings(
    *, session: AsyncSession, params: ListParams, filters: MeetingFilters
) -> PageResult[Meeting]:
    """One page of meetings matching the filters, by date unless sorted otherwise."""
    conditions: list[sa.ColumnElement[bool]] = []
    if filters.plan_id:
        conditions.append(col(Meeting.plan_id).in_(filters.plan_id))
    if filters.board:
        conditions.append(col(Meeting.board).in_(filters.board))
    if filters.date_from is not None:
        conditions.append(col(Meeting.date) >= filters.date_from)
    if filters.date_to is not None:
        conditions.append(col(Meeting.date) <= filters.date_to)
    if filters.partners_attending is not None:
        conditions.append(col(Meeting.partners_attending) == filters.partners_attending)
    snapshot_id = (
        sa.select(col(MeetingSnapshot.id))
        .where(col(MeetingSnapshot.meeting_id) == col(Meeting.id))
        .correlate(Meeting)
        .scalar_subquery()
    )
    return await paginate(
        session,
        sa.select(Meeting).where(*conditions),
        params=params,
        sortable=SORTABLE,
        default_sort=["date"],
        extra_columns={"snapshot_id": snapshot_id},
    )


def page_reads(result: PageResult[Meeting]) -> list[MeetingRead]:
    """A page's meetings as the API shows them, their snapshot ids read with the page."""
    return [
        MeetingRead.of(meeting, extras["snapshot_id"])
        for meeting, extras in zip(result.rows, result.extras, strict=True)
    ]


async def live_plan(session: AsyncSession, plan_id: str) -> Plan:
    """The plan named in a body: 422 when there is none, 409 when it is archived."""
    return await crud.live_in_body(session, Plan, plan_id, field="plan_id", label="plan")


async def ensure_day_free(
    session: AsyncSession,
    *,
    plan_id: str,
    board: str,
    day: dt.date,
    exclude_id: str | None = None,
) -> None:
    """409 naming the meeting the board already has about the plan on that day."""
    existing = await holder(
        session,
        Meeting,
        col(Meeting.plan_id) == plan_id,
        col(Meeting.board) == board,
        col(Meeting.date) == day,
        exclude_id=exclude_id,
    )
    if existing is not None:
        raise Duplicate(
            f"{board} already has a meeting about this plan on {day.isoformat()}: "
            f"meeting '{existing}'.",
            blocking=[Blocker(type=ENTITY, id=existing)],
        )


async def create_meeting(
    *,
    session: AsyncSession,
    data: MeetingCreate,
    actor: Principal,
    idempotency: Idempotency,
    location_for: Callable[[str], str],
) -> MeetingRead:
    """Add a meeting of a board about a live plan, with its audit event, in one transaction."""
    plan = await live_plan(session, data.plan_id)
    await ensure_day_free(session, plan_id=plan.id, board=data.board, day=data.date)
    meeting = Meeting(
        id=new_id("meet"),
        plan_id=plan.id,
        board=data.board,
        date=data.date,
        partners_attending=data.partners_attending,
        title=data.title,
        notes=data.notes,
    )
    read = MeetingRead.of(meeting, None)
    idempotency.remember(
        session,
        status_code=201,
        body=read.model_dump(mode="json"),
        location=location_for(meeting.id),
    )
    await crud.create(session, meeting, actor=actor, entity_type=ENTITY)
    return read


async def update_meeting(
    *,
    session: AsyncSession,
    meeting: Meeting,
    current: MeetingRead,
    data: MeetingUpdate,
    actor: Principal,
) -> Meeting:
    """Change a meeting; its board and date are fixed once its snapshot is taken."""
    changes = data.changes()
    board = changes.get("board", meeting.board)
    day = changes.get("date", meeting.date)
    if (board, day) != (meeting.board, meeting.date):
        if current.snapshot_id is not None:
            raise SnapshotTaken(
                f"The meeting's snapshot '{current.snapshot_id}' was taken as of "
                f"{meeting.date.isoformat()}; its board and date can no longer change.",
                blocking=[Blocker(type=SNAPSHOT_ENTITY, id=current.snapshot_id)],
            )
        await ensure_day_free(
            session, plan_id=meeting.plan_id, board=board, day=day, exclude_id=meeting.id
        )
    return await crud.update(session, meeting, changes, actor=actor, entity_type=ENTITY)
