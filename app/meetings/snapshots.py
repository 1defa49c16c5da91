"""The snapshot of the plan frozen for each meeting's papers, and how ratings moved since the
same board's previous one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, MeetingNotHeld, NotFound, SnapshotTaken
from app.core.http.idempotency import Idempotency
from app.core.resources import audit
from app.meetings.schemas import (
    ActionMovement,
    MeetingSnapshotRead,
    SnapshotContent,
    SnapshotMovement,
)
from app.meetings.service import SNAPSHOT_ENTITY
from app.models import Meeting, MeetingSnapshot, Plan, Rag, clock, new_id
from app.plans.schemas import ActionNode, PlanTree
from app.plans.tree import plan_tree
from app.reports.quarterly import movement, movement_counts
from app.reports.schemas import GroupBy
from app.reports.service import exceptions, summary


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
            blocking=[Blocker(type=SNAPSHOT_ENTITY, id=existing.id)],
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
