"""A meeting's board pack, from its snapshot: the frozen reports, the movement since the
board's previous snapshot, and the trend over the board's earlier snapshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.state import deciding_update_id, end_of_day
from app.meetings.schemas import ActionMovement, MeetingSnapshotRead, SnapshotContent
from app.models import Action, DueDateRevision, Meeting, MeetingSnapshot, Plan, StatusUpdate
from app.plans.schemas import ActionNode
from app.reports.pack import (
    MOVEMENT_WORDS,
    REASON_WORDS,
    STATUS_WORDS,
    BoardPack,
    InspectionLine,
    PackAction,
    RatingCounts,
    SlippedLine,
    definitions,
    download_name,
    rating_key,
    uk_date,
)
from app.reports.schemas import ExceptionItem, ExceptionReason, Movement

# The trend: this snapshot and up to seven of the board's earlier ones.
TREND_SNAPSHOTS = 8


def _meeting_name(meeting: Meeting) -> str:
    return f"{meeting.board} meeting, {uk_date(meeting.date)}"


async def _trend(
    session: AsyncSession, meeting: Meeting, read: MeetingSnapshotRead
) -> list[RatingCounts]:
    """The board's earlier snapshots' totals, oldest first, then this one's."""
    earlier = (
        await session.execute(
            sa.select(col(Meeting.date), col(MeetingSnapshot.content)["summary"]["totals"])
            .join(Meeting, col(Meeting.id) == col(MeetingSnapshot.meeting_id))
            .where(
                col(Meeting.plan_id) == meeting.plan_id,
                col(Meeting.board) == meeting.board,
                col(Meeting.date) < meeting.date,
            )
            .order_by(col(Meeting.date).desc(), col(Meeting.id).desc())
            .limit(TREND_SNAPSHOTS - 1)
        )
    ).all()
    points = [
        RatingCounts(uk_date(day), int(totals["actions"]), dict(totals["by_rating"]))
        for day, totals in reversed(earlier)
    ]
    totals = read.content.summary.totals
    points.append(
        RatingCounts(uk_date(meeting.date), totals.actions, totals.by_rating.model_dump())
    )
    return points


async def _what_was_said(
    session: AsyncSession, action_ids: Sequence[str], day: dt.date
) -> dict[str, tuple[str, str]]:
    """Each action's narrative and next steps from its deciding update on the day."""
    if not action_ids:
        return {}
    rows = await session.execute(
        sa.select(col(Action.id), col(StatusUpdate.narrative), col(StatusUpdate.next_steps))
        .join(StatusUpdate, col(StatusUpdate.id) == deciding_update_id(day))
        .where(col(Action.id).in_(action_ids))
    )
    return {action_id: (narrative or "", steps or "") for action_id, narrative, steps in rows}


async def _revisions(
    session: AsyncSession, action_ids: Sequence[str], day: dt.date
) -> dict[str, DueDateRevision]:
    """Each action's last due-date revision made by the end of the day."""
    if not action_ids:
        return {}
    latest: dict[str, DueDateRevision] = {}
    for revision in await session.scalars(
        sa.select(DueDateRevision)
        .where(
            col(DueDateRevision.action_id).in_(action_ids),
            col(DueDateRevision.changed_at) < end_of_day(day),
        )
        .order_by(col(DueDateRevision.changed_at), col(DueDateRevision.id))
    ):
        latest[revision.action_id] = revision
    return latest


def _walk(content: SnapshotContent) -> list[tuple[str, ActionNode]]:
    """Every action of the frozen tree with its area's ref, in document order."""
    found: list[tuple[str, ActionNode]] = []

    def walk(area_ref: str, nodes: Sequence[ActionNode]) -> None:
        for node in nodes:
            found.append((area_ref, node))
            walk(area_ref, node.sub_actions)

    for area in content.tree.areas:
        for outcome in area.outcomes:
            for objective in outcome.objectives:
                walk(area.ref, objective.actions)
            walk(area.ref, outcome.actions)
        walk(area.ref, area.actions)
    return found


def _line(
    area_ref: str,
    node: ActionNode,
    move: ActionMovement | None,
    item: ExceptionItem | None,
    said: tuple[str, str],
) -> PackAction:
    """One action's line: its movement (`move`) and exception (`item`) when it has them."""
    narrative, steps = said
    return PackAction(
        ref=node.ref,
        title=node.title,
        area_ref=area_ref,
        lead_officers="; ".join(officer.name for officer in node.lead_officers),
        timescale=node.timescale or "",
        due_date=node.due_date,
        rating=rating_key(node.rag),
        previous_rating=rating_key(move.previous_rag) if move else None,
        movement=MOVEMENT_WORDS[move.movement if move else Movement.not_rated],
        status=STATUS_WORDS[node.status.value],
        last_update_date=node.last_update_date,
        days_overdue=item.days_overdue if item else None,
        reasons=[REASON_WORDS[reason] for reason in item.reasons] if item else [],
        narrative=narrative,
        next_steps=steps,
    )


def _inspection_lines(
    content: SnapshotContent, by_id: dict[str, tuple[str, ActionNode]], position: dict[str, int]
) -> list[InspectionLine]:
    """Each inspection action with the snapshot's actions answering it, in plan order."""
    return [
        InspectionLine(
            label=f"{i.source} Improvement Action {i.number}",
            text=i.text,
            actions=[
                (by_id[a][1].ref, rating_key(by_id[a][1].rag))
                for a in sorted((a for a in i.action_ids if a in by_id), key=position.__getitem__)
            ],
            gap=not any(a in by_id for a in i.action_ids),
        )
        for i in content.tree.inspection_actions
    ]


def _slipped_lines(
    slipped_ids: Sequence[str],
    by_id: dict[str, tuple[str, ActionNode]],
    revisions: dict[str, DueDateRevision],
) -> list[SlippedLine]:
    """The slipped exceptions, each with the reason of its last revision by the day."""
    lines = []
    for action_id in slipped_ids:
        if action_id not in by_id:
            continue
        node = by_id[action_id][1]
        revision = revisions.get(action_id)
        lines.append(
            SlippedLine(
                ref=node.ref,
                title=node.title,
                from_date=node.original_due_date,
                to_date=node.due_date,
                reason=revision.reason if revision else "",
                changed_on=revision.changed_at.date() if revision else None,
            )
        )
    return lines


async def _previous_meeting(
    session: AsyncSession, meeting: Meeting, read: MeetingSnapshotRead
) -> str:
    """What the movement is counted since: the board's previous meeting with a snapshot."""
    before = (
        await session.get(Meeting, read.previous_meeting_id) if read.previous_meeting_id else None
    )
    if before is None:
        return f"the previous {meeting.board} meeting (none has a snapshot)"
    return f"the {_meeting_name(before)}"


async def meeting_pack(
    *, session: AsyncSession, meeting: Meeting, plan: Plan, read: MeetingSnapshotRead
) -> BoardPack:
    """The meeting's pack: everything from the frozen snapshot, except what was said about
    each exception and why a due date slipped, read from the append-only history as it
    stood on the meeting's day."""
    content = read.content
    exceptions = content.exceptions.items
    flagged = [item.action_id for item in exceptions]
    said = await _what_was_said(session, flagged, read.as_of)
    slipped_ids = [i.action_id for i in exceptions if ExceptionReason.slipped in i.reasons]
    revisions = await _revisions(session, slipped_ids, read.as_of)
    moved = {row.ref: row for row in read.movement.actions}
    nodes = _walk(content)
    by_id = {node.id: (area_ref, node) for area_ref, node in nodes}
    reasons = {item.action_id: item for item in exceptions}
    rows = {
        node.id: _line(
            area_ref, node, moved.get(node.ref), reasons.get(node.id), said.get(node.id, ("", ""))
        )
        for area_ref, node in nodes
    }
    summary = content.summary
    return BoardPack(
        kind=f"{meeting.board} meeting pack",
        plan_title=content.tree.plan.title,
        organisation=content.tree.plan.organisation,
        version_label=content.tree.plan.version_label,
        heading=_meeting_name(meeting),
        covers=f"The plan as it stood at the end of {uk_date(read.as_of)}",
        produced_at=read.taken_at,
        filename=download_name(
            plan.seed_key or plan.id, meeting.board, "meeting-pack", read.as_of.isoformat()
        ),
        totals=RatingCounts(
            "All areas", summary.totals.actions, summary.totals.by_rating.model_dump()
        ),
        areas=[RatingCounts(g.label, g.actions, g.by_rating.model_dump()) for g in summary.groups],
        movement_since=await _previous_meeting(session, meeting, read),
        movement=read.movement.counts,
        trend_caption=f"Ratings at each {meeting.board} snapshot",
        trend=await _trend(session, meeting, read),
        exceptions=[rows[i] for i in flagged if i in rows],
        overdue=[rows[i.action_id] for i in exceptions if i.days_overdue is not None],
        slipped=_slipped_lines(slipped_ids, by_id, revisions),
        inspections=_inspection_lines(
            content, by_id, {node.id: index for index, (_, node) in enumerate(nodes)}
        ),
        actions=list(rows.values()),
        definitions=definitions(content.tree.plan.rating_definitions),
    )
