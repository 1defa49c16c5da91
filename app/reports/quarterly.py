"""The quarterly Quality Assurance report, from the recorded history."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from app.actions.state import end_of_day, has_lateral, is_overdue
from app.core.db.rows import plain_rows
from app.core.http.schemas import EARLIEST
from app.models import (
    Action,
    Area,
    DueDateRevision,
    Plan,
    Rag,
    RatingDefinitions,
    StatusUpdate,
    clock,
    utcnow,
)
from app.reports.quarters import Quarter
from app.reports.schemas import (
    AreaCount,
    AreaQuarter,
    ExceptionReason,
    InspectionQuarter,
    Movement,
    MovementCounts,
    Period,
    QuarterAction,
    QuarterlyReport,
    QuarterRatings,
    QuarterUpdates,
    SlippedDueDate,
)
from app.reports.service import (
    OPEN,
    ActionAt,
    actions_at,
    count,
    inspection_tags,
    plan_ref,
    ratings_at,
)

RANK = {Rag.red: 0, Rag.amber: 1, Rag.green: 2, Rag.blue: 3}
# The trend shows at least the last four quarters and at most the last eight.
TREND_QUARTERS = (4, 8)


def movement(previous: Rag | None, current: Rag | None) -> Movement:
    if previous is None:
        return Movement.not_rated if current is None else Movement.newly_rated
    if current is None:
        return Movement.no_longer_rated
    if RANK[current] > RANK[previous]:
        return Movement.improved
    if RANK[current] < RANK[previous]:
        return Movement.declined
    return Movement.unchanged


def movement_counts(movements: Iterable[Movement]) -> MovementCounts:
    """The tally of rating movements, each counted under its own name, for every report."""
    moves = Counter(movements)
    return MovementCounts(
        improved=moves[Movement.improved],
        declined=moves[Movement.declined],
        unchanged=moves[Movement.unchanged],
        newly_rated=moves[Movement.newly_rated],
        no_longer_rated=moves[Movement.no_longer_rated],
    )


async def _updates_in(session: AsyncSession, plan: Plan, quarter: Quarter) -> list[Any]:
    """The plan's live updates effective in the quarter: action, area, narrative and next
    steps."""
    correction = aliased(StatusUpdate)
    return plain_rows(
        await session.execute(
            sa.select(
                col(StatusUpdate.action_id),
                col(StatusUpdate.area_id),
                col(StatusUpdate.narrative),
                col(StatusUpdate.next_steps),
            )
            .where(
                col(StatusUpdate.plan_id) == plan.id,
                col(StatusUpdate.effective_date) >= quarter.start,
                col(StatusUpdate.effective_date) <= quarter.end,
                ~sa.exists().where(col(correction.corrects_update_id) == col(StatusUpdate.id)),
            )
            .order_by(
                col(StatusUpdate.effective_date),
                col(StatusUpdate.created_at),
                col(StatusUpdate.id),
            )
        )
    )


async def _slipped_in(session: AsyncSession, plan: Plan, quarter: Quarter) -> list[DueDateRevision]:
    """Due dates moved later by revisions made during the quarter."""
    made_in_quarter = (
        col(DueDateRevision.changed_at) >= end_of_day(quarter.start - timedelta(days=1)),
        col(DueDateRevision.changed_at) < end_of_day(quarter.end),
        col(DueDateRevision.from_date).is_not(None),
        col(DueDateRevision.to_date) > col(DueDateRevision.from_date),
    )
    # Most actions were never revised; their count says so.
    revised = (col(Action.plan_id) == plan.id, col(Action.due_date_revision_count) > 0)
    if has_lateral(session):
        # The revised actions' ids first, as one array, then their revisions by the
        # (action, changed at) index. Joined the plain way, PostgreSQL's generic plan (used
        # from a connection's sixth run of the statement) scans every plan's revisions.
        revised_ids = sa.select(sa.func.array_agg(col(Action.id))).where(*revised)
        statement = (
            sa.select(DueDateRevision)
            .where(
                col(DueDateRevision.action_id)
                == sa.func.any(sa.cast(revised_ids.scalar_subquery(), ARRAY(sa.String))),
                *made_in_quarter,
            )
            .order_by(col(DueDateRevision.changed_at), col(DueDateRevision.id))
        )
    else:
        statement = (
            sa.select(DueDateRevision)
            .join(Action, col(Action.id) == col(DueDateRevision.action_id))
            .where(*revised, *made_in_quarter)
            .order_by(col(DueDateRevision.changed_at), col(DueDateRevision.id))
        )
    return list((await session.scalars(statement)).all())


def _quarter_reasons(
    item: ActionAt,
    previous: Rag | None,
    updated: bool,
    slipped: bool,
) -> list[ExceptionReason]:
    reasons = []
    if item.rag == Rag.red:
        reasons.append(ExceptionReason.red)
    if item.rag == Rag.amber and previous == Rag.amber:
        reasons.append(ExceptionReason.amber_two_quarters)
    if item.status in OPEN and not updated:
        reasons.append(ExceptionReason.no_update_in_quarter)
    if slipped:
        reasons.append(ExceptionReason.slipped)
    return reasons


def _action_rows(
    items: Sequence[ActionAt],
    updates: Sequence[Any],
    revisions: Sequence[DueDateRevision],
    area_refs: dict[str, str],
    quarter: Quarter,
) -> list[QuarterAction]:
    """One row per live action, with its movement, lateness and exceptions in the quarter."""
    refs = {item.action.id: item.action.ref for item in items}
    updates_per_action = Counter(update.action_id for update in updates)
    latest_narrative = {u.action_id: u.narrative for u in updates if u.narrative}
    latest_next_steps = {u.action_id: u.next_steps for u in updates if u.next_steps}
    slipped_ids = {revision.action_id for revision in revisions}
    rows: list[QuarterAction] = []
    end, following = quarter.end, quarter.next
    for item in items:
        previous = item.previous_rag
        overdue = is_overdue(item.due_date, item.status, end)
        due = item.due_date
        rows.append(
            QuarterAction(
                **item.ref_fields(),
                area_ref=area_refs.get(item.action.area_id, ""),
                parent_ref=refs.get(item.action.parent_id or ""),
                timescale=item.action.timescale,
                previous_rag=previous,
                movement=movement(previous, item.rag),
                last_update_date=item.last_update_date,
                completed_date=item.completed_date,
                days_overdue=(end - due).days if overdue and due else None,
                due_next_quarter=(
                    due is not None
                    and following.start <= due <= following.end
                    and item.status in OPEN
                ),
                updates_in_quarter=updates_per_action.get(item.action.id, 0),
                latest_narrative=latest_narrative.get(item.action.id),
                latest_next_steps=latest_next_steps.get(item.action.id),
                exceptions=_quarter_reasons(
                    item,
                    previous,
                    updated=item.action.id in updates_per_action,
                    slipped=item.action.id in slipped_ids,
                ),
            )
        )
    return rows


async def _inspections(
    session: AsyncSession, plan: Plan, items: Sequence[ActionAt]
) -> list[InspectionQuarter]:
    """Each inspection action with the live actions answering it, in report order."""
    position = {item.action.id: index for index, item in enumerate(items)}
    inspections = []
    for inspection, tagged in await inspection_tags(session, plan):
        answering = [
            items[index].ref() for index in sorted(position[i] for i in tagged if i in position)
        ]
        inspections.append(
            InspectionQuarter(
                inspection_action_id=inspection.id,
                source=inspection.source,
                number=inspection.number,
                text=inspection.text,
                actions=answering,
                no_live_action=not answering,
            )
        )
    return inspections


async def _trend(
    session: AsyncSession, plan: Plan, quarter: Quarter, items: Sequence[ActionAt]
) -> list[QuarterRatings]:
    """Ratings at the end of the last four to eight quarters, from the first quarter with an
    update but none ending before 1900, each counted as `totals` is (this quarter's are
    `items`)."""
    first_update = await session.scalar(
        sa.select(sa.func.min(col(StatusUpdate.effective_date))).where(
            col(StatusUpdate.plan_id) == plan.id
        )
    )
    fewest, most = TREND_QUARTERS
    quarters = [quarter]
    while len(quarters) < most:
        earlier = quarters[-1].previous
        if len(quarters) >= fewest and (first_update is None or earlier.end < first_update):
            break
        if earlier.end < EARLIEST:  # no date the service takes or gives is before 1900
            break
        quarters.append(earlier)
    ratings = await ratings_at(session, plan, [shown.end for shown in quarters[1:]])
    ratings[quarter.end] = count(items).by_rating
    return [
        QuarterRatings(
            label=shown.label,
            end=shown.end,
            actions=sum(ratings[shown.end].model_dump().values()),
            by_rating=ratings[shown.end],
        )
        for shown in reversed(quarters)
    ]


# Long only by the report's one constructor, which names each part where it is built.
async def quarterly_report(
    *, session: AsyncSession, plan: Plan, quarter: Quarter, today: date | None = None
) -> QuarterlyReport:
    """Everything the quarterly QA report holds, as it stood at the quarter's end."""
    today = today or clock.today()
    items = await actions_at(session, plan, quarter.end, previous=quarter.previous.end)
    updates = await _updates_in(session, plan, quarter)
    revisions = await _slipped_in(session, plan, quarter)
    areas = (
        await session.scalars(
            sa.select(Area)
            .where(col(Area.plan_id) == plan.id, col(Area.archived_at).is_(None))
            .order_by(col(Area.position))
        )
    ).all()
    rows = _action_rows(items, updates, revisions, {area.id: area.ref for area in areas}, quarter)
    updates_per_area = Counter(update.area_id for update in updates)
    by_id = {row.action_id: row for row in rows}
    in_area: dict[str, list[ActionAt]] = defaultdict(list)
    for item in items:
        in_area[item.action.area_id].append(item)
    inspections = await _inspections(session, plan, items)
    return QuarterlyReport(
        plan=plan_ref(plan),
        period=Period(
            label=quarter.label,
            start=quarter.start,
            end=quarter.end,
            closed=quarter.end < today,
            previous=quarter.previous.label,
            next=quarter.next.label,
        ),
        computed_at=utcnow(),
        totals=count(items),
        areas=[
            AreaQuarter(
                area_id=area.id,
                ref=area.ref,
                title=area.title,
                updates_in_quarter=updates_per_area.get(area.id, 0),
                **count(in_area[area.id]).model_dump(),
            )
            for area in areas
        ],
        movement=movement_counts(row.movement for row in rows),
        completed=[
            r for r in rows if r.completed_date and quarter.start <= r.completed_date <= quarter.end
        ],
        overdue=[r for r in rows if r.days_overdue is not None],
        due_next_quarter=[r for r in rows if r.due_next_quarter],
        slipped=[
            SlippedDueDate(
                **by_id[revision.action_id].model_dump(include=set(SlippedDueDate.model_fields)),
                from_date=revision.from_date,
                to_date=revision.to_date,
                reason=revision.reason,
                changed_at=revision.changed_at,
            )
            for revision in revisions
            if revision.action_id in by_id
        ],
        exceptions=[r for r in rows if r.exceptions],
        updates=QuarterUpdates(
            total=len(updates),
            by_area=[
                AreaCount(area_id=area.id, ref=area.ref, count=updates_per_area.get(area.id, 0))
                for area in areas
            ],
        ),
        inspection_actions=inspections,
        actions=rows,
        trend=await _trend(session, plan, quarter, items),
        rating_definitions=RatingDefinitions.model_validate(plan.rating_definitions),
    )
