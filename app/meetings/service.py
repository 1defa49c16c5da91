"""Board meetings, monthly schedules, and the snapshot frozen for each meeting's papers."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Duplicate, MeetingNotHeld, NotFound, SnapshotTaken, ValidationFailed
from app.core.http.idempotency import Idempotency
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import audit, crud
from app.meetings.schemas import (
    ActionMovement,
    MeetingCreate,
    MeetingRead,
    MeetingSchedule,
    MeetingScheduleCreate,
    MeetingSnapshotRead,
    MeetingUpdate,
    SnapshotContent,
    SnapshotMovement,
)
from app.models import Meeting, MeetingSnapshot, Plan, Rag, clock, new_id
from app.plans.schemas import ActionNode, PlanTree
from app.plans.tree import plan_tree
from app.reports.quarterly import movement, movement_counts
from app.reports.schemas import GroupBy
from app.reports.service import exceptions, summary

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
        id_column=col(Meeting.id),
        extra_columns={"snapshot_id": snapshot_id},
    )


def page_reads(result: PageResult[Meeting]) -> list[MeetingRead]:
    """A page's meetings as the API shows them, their snapshot ids read with the page."""
    return [
        MeetingRead.of(meeting, extras["snapshot_id"])
        for meeting, extras in zip(result.rows, result.extras, strict=True)
    ]


async def _live_plan(session: AsyncSession, plan_id: str) -> Plan:
    """The plan named in a body: 422 when there is none, 409 when it is archived."""
    plan = await session.get(Plan, plan_id)
    if plan is None:
        raise ValidationFailed(
            f"No plan with id '{plan_id}'.",
            field="body.plan_id",
            message="no plan with this id",
            type="not_found",
        )
    crud.refuse_if_archived(plan, "plan")
    return plan


async def _ensure_day_free(
    session: AsyncSession,
    *,
    plan_id: str,
    board: str,
    day: dt.date,
    exclude_id: str | None = None,
) -> None:
    """409 naming the meeting the board already has about the plan on that day."""
    statement = sa.select(col(Meeting.id)).where(
        col(Meeting.plan_id) == plan_id, col(Meeting.board) == board, col(Meeting.date) == day
    )
    if exclude_id is not None:
        statement = statement.where(col(Meeting.id) != exclude_id)
    existing = await session.scalar(statement)
    if existing is not None:
        raise Duplicate(
            f"{board} already has a meeting about this plan on {day.isoformat()}: "
            f"meeting '{existing}'.",
            extra={"blocking": [{"type": ENTITY, "id": existing}]},
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
    plan = await _live_plan(session, data.plan_id)
    await _ensure_day_free(session, plan_id=plan.id, board=data.board, day=data.date)
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
                extra={"blocking": [{"type": SNAPSHOT_ENTITY, "id": current.snapshot_id}]},
            )
        await _ensure_day_free(
            session, plan_id=meeting.plan_id, board=board, day=day, exclude_id=meeting.id
        )
    return await crud.update(session, meeting, changes, actor=actor, entity_type=ENTITY)


def monthly_dates(first: dt.date, months: int) -> Iterator[dt.date]:
    """`months` days, one a month from `first`, on its day of the month or the month's last."""
    for offset in range(months):
        year, month = divmod(first.month - 1 + offset, 12)
        year += first.year
        last = calendar.monthrange(year, month + 1)[1]
        yield dt.date(year, month + 1, min(first.day, last))


async def create_schedule(
    *,
    session: AsyncSession,
    data: MeetingScheduleCreate,
    actor: Principal,
    idempotency: Idempotency,
) -> MeetingSchedule:
    """Create the monthly meetings the board does not have yet, in one transaction."""
    plan = await _live_plan(session, data.plan_id)
    days = list(monthly_dates(data.first_date, data.months))
    taken = set(
        (
            await session.scalars(
                sa.select(col(Meeting.date)).where(
                    col(Meeting.plan_id) == plan.id,
                    col(Meeting.board) == data.board,
                    col(Meeting.date).in_(days),
                )
            )
        ).all()
    )
    created: list[Meeting] = []
    for index, day in enumerate(days):
        if day in taken:
            continue
        meeting = Meeting(
            id=new_id("meet"),
            plan_id=plan.id,
            board=data.board,
            date=day,
            partners_attending=index % data.partners_every == 0,
        )
        session.add(meeting)
        created.append(meeting)
    await session.flush()
    for meeting in created:
        audit.record(
            session,
            actor=actor,
            entity_type=ENTITY,
            entity_id=meeting.id,
            operation="create",
            changes=audit.created(crud.snapshot(meeting)),
        )
    result = MeetingSchedule(
        items=[MeetingRead.of(m, None) for m in created],
        skipped_dates=[day for day in days if day in taken],
    )
    idempotency.remember(session, status_code=201, body=result.model_dump(mode="json"))
    await session.commit()
    return result


# Snapshots


async def _snapshot_of(session: AsyncSession, meeting_id: str) -> MeetingSnapshot | None:
    return await session.scalar(
        sa.select(MeetingSnapshot).where(col(MeetingSnapshot.meeting_id) == meeting_id)
    )


async def _previous_snapshot(session: AsyncSession, meeting: Meeting) -> MeetingSnapshot | None:
    """The snapshot of the same board's latest earlier meeting about the plan that has one."""
    return await session.scalar(
        sa.select(MeetingSnapshot)
        .join(Meeting, col(Meeting.id) == col(MeetingSnapshot.meeting_id))
        .where(
            col(Meeting.plan_id) == meeting.plan_id,
            col(Meeting.board) == meeting.board,
            col(Meeting.date) < meeting.date,
        )
        .order_by(col(Meeting.date).desc(), col(Meeting.id).desc())
        .limit(1)
    )


def _actions(tree: PlanTree) -> Iterator[ActionNode]:
    """Every action in the tree, sub-actions after their parent, in document order."""

    def walk(nodes: Sequence[ActionNode]) -> Iterator[ActionNode]:
        for node in nodes:
            yield node
            yield from walk(node.sub_actions)

    for area in tree.areas:
        for outcome in area.outcomes:
            for objective in outcome.objectives:
                yield from walk(objective.actions)
            yield from walk(outcome.actions)
        yield from walk(area.actions)


def rating_movement(previous: PlanTree | None, current: PlanTree) -> SnapshotMovement:
    """How each action's rating moved between two snapshots' trees, matched by ref."""
    if previous is None:
        return SnapshotMovement(counts=movement_counts([]), actions=[])
    before = {node.ref: node for node in _actions(previous)}
    after = {node.ref: node for node in _actions(current)}
    rows: list[ActionMovement] = []
    only_before = [(ref, node) for ref, node in before.items() if ref not in after]
    for ref, shown in [*after.items(), *only_before]:
        old, new = before.get(ref), after.get(ref)
        old_rag: Rag | None = old.rag if old else None
        new_rag: Rag | None = new.rag if new else None
        rows.append(
            ActionMovement(
                ref=ref,
                action_id=shown.id,
                title=shown.title,
                previous_rag=old_rag,
                current_rag=new_rag,
                in_previous=old is not None,
                in_current=new is not None,
                movement=movement(old_rag, new_rag),
            )
        )
    return SnapshotMovement(counts=movement_counts(row.movement for row in rows), actions=rows)


async def _read_snapshot(
    session: AsyncSession, meeting: Meeting, snapshot: MeetingSnapshot
) -> MeetingSnapshotRead:
    previous = await _previous_snapshot(session, meeting)
    content = SnapshotContent.model_validate(snapshot.content)
    previous_tree = SnapshotContent.model_validate(previous.content).tree if previous else None
    return MeetingSnapshotRead.of(
        snapshot,
        content=content,
        previous=previous,
        movement=rating_movement(previous_tree, content.tree),
    )


async def get_snapshot(*, session: AsyncSession, meeting: Meeting) -> MeetingSnapshotRead:
    snapshot = await _snapshot_of(session, meeting.id)
    if snapshot is None:
        raise NotFound(
            f"Meeting '{meeting.id}' has no snapshot yet; POST to take one (editor role)."
        )
    return await _read_snapshot(session, meeting, snapshot)


async def create_snapshot(
    *,
    session: AsyncSession,
    meeting: Meeting,
    actor: Principal,
    idempotency: Idempotency,
    location: str,
) -> MeetingSnapshotRead:
    """Freeze the plan as of the meeting's date: once per meeting, never changed after."""
    existing = await _snapshot_of(session, meeting.id)
    if existing is not None:
        raise SnapshotTaken(
            f"Meeting '{meeting.id}' already has snapshot '{existing.id}', taken "
            f"{existing.taken_at.isoformat()}; a snapshot is taken once and never changed.",
            extra={"blocking": [{"type": SNAPSHOT_ENTITY, "id": existing.id}]},
        )
    if meeting.date > clock.today():
        raise MeetingNotHeld(
            f"The meeting is on {meeting.date.isoformat()}, which has not come yet; a snapshot "
            "freezes the plan as it stood on the meeting's date, so take it on or after that day."
        )
    plan = await session.get(Plan, meeting.plan_id)
    if plan is None:  # pragma: no cover - the foreign key keeps the plan
        raise NotFound(f"No plan with id '{meeting.plan_id}'.")
    content = SnapshotContent(
        summary=await summary(
            session=session, plan=plan, as_of=meeting.date, group_by=GroupBy.area
        ),
        exceptions=await exceptions(session=session, plan=plan, as_of=meeting.date),
        tree=await plan_tree(session=session, plan=plan, as_of=meeting.date),
    )
    snapshot = MeetingSnapshot(
        id=new_id("snap"),
        meeting_id=meeting.id,
        plan_id=plan.id,
        as_of=meeting.date,
        taken_by=actor.name,
        taken_by_key_id=actor.key_id,
        content=content.model_dump(mode="json"),
    )
    session.add(snapshot)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        entity_type=SNAPSHOT_ENTITY,
        entity_id=snapshot.id,
        operation="create",
        changes=audit.created(_audited(snapshot)),
    )
    read = await _read_snapshot(session, meeting, snapshot)
    idempotency.remember(
        session, status_code=201, body=read.model_dump(mode="json"), location=location
    )
    await session.commit()
    return read


def _audited(snapshot: MeetingSnapshot) -> dict[str, Any]:
    """The snapshot's fields for its audit event; the content itself is too big to repeat."""
    return snapshot.model_dump(mode="json", exclude={"content"})
