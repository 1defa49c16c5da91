"""Reports: each computed from the recorded history as it stood at the end of a day."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.state import (
    deciding_spans,
    end_of_day,
    has_lateral,
    is_overdue,
    live_at,
    live_until,
    state_at,
    state_of,
)
from app.core.db.rows import plain_rows
from app.inspection_actions.service import live_in_plan
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    Area,
    DeliveryStatus,
    InspectionAction,
    Officer,
    Plan,
    Rag,
)
from app.models.base import UTCDateTime
from app.reports.schemas import (
    ActionRef,
    Counts,
    ExceptionItem,
    ExceptionReason,
    Exceptions,
    GroupBy,
    PlanRef,
    RatingCounts,
    ReasonCounts,
    StatusCounts,
    Summary,
    SummaryGroup,
)

RATING_KEYS = ("red", "amber", "green", "blue", "not_rated")
STATUS_KEYS = tuple(s.value for s in DeliveryStatus)
OPEN = (DeliveryStatus.not_started, DeliveryStatus.in_progress)


@dataclass
class ActionAt:
    """An action with its state on a day and its lead officers."""

    action: Any  # the action's columns, from `state_at`, as a named tuple
    rag: Rag | None
    status: DeliveryStatus
    due_date: date | None
    last_update_date: date | None
    completed_date: date | None
    leads: list[tuple[str, str]]
    previous_rag: Rag | None = None  # at the `previous` day asked of `actions_at`

    def ref_fields(self) -> dict[str, Any]:
        """The fields of its `ActionRef`, for the models that extend it."""
        return {
            "action_id": self.action.id,
            "ref": self.action.ref,
            "title": self.action.title,
            "rag": self.rag,
            "status": self.status,
            "due_date": self.due_date,
            "lead_officers": [name for _, name in self.leads],
        }

    def ref(self) -> ActionRef:
        return ActionRef(**self.ref_fields())


def plan_ref(plan: Plan) -> PlanRef:
    return PlanRef(
        id=plan.id,
        title=plan.title,
        organisation=plan.organisation,
        version_label=plan.version_label,
        key=plan.seed_key,
    )


_PLAN_ID: sa.BindParameter[str] = sa.bindparam("plan_id")

# What the reports read of each action: what identifies and places it, not its long texts.
REPORT_COLUMNS = tuple(
    col(column)
    for column in (
        Action.id,
        Action.ref,
        Action.title,
        Action.area_id,
        Action.parent_id,
        Action.timescale,
        Action.original_due_date,
    )
)


async def lead_officers(session: AsyncSession, plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """Each of the plan's actions' lead officers, as (id, name) pairs in their order."""
    leads: dict[str, list[tuple[str, str]]] = defaultdict(list)
    in_plan = sa.select(col(Action.id)).where(col(Action.plan_id) == plan.id)
    for action_id, officer_id, name in (
        await session.execute(
            sa.select(col(ActionLeadOfficer.action_id), col(Officer.id), col(Officer.name))
            .join(Officer, col(Officer.id) == col(ActionLeadOfficer.officer_id))
            .where(col(ActionLeadOfficer.action_id).in_(in_plan))
            .order_by(col(ActionLeadOfficer.position), col(Officer.id))
        )
    ).all():
        leads[action_id].append((officer_id, name))
    return leads


def _action_leads() -> Any:
    """Each action's lead officers' ids and names, as two arrays in their order: a
    `LATERAL` probe of the action's links (PostgreSQL). Grouping the whole plan's links
    instead read every plan's links, which at L cost about half as much again."""
    # One total order for both arrays, so that each id stays beside its name.
    order = (col(ActionLeadOfficer.position), col(Officer.id))
    return (
        sa.select(
            sa.func.array_agg(aggregate_order_by(col(Officer.id), *order)).label("ids"),
            sa.func.array_agg(aggregate_order_by(col(Officer.name), *order)).label("names"),
        )
        .select_from(ActionLeadOfficer)
        .join(Officer, col(Officer.id) == col(ActionLeadOfficer.officer_id))
        .where(col(ActionLeadOfficer.action_id) == col(Action.id))
        .lateral("leads")
    )


@lru_cache(maxsize=64)
def _actions_at(day: date, previous: date | None, lateral: bool) -> sa.Select[Any]:
    """The statement of `actions_at` for these days, the plan's id bound when it runs.

    Kept for reuse: building it costs more than running it for a small plan, and every
    plan's report of a quarter asks the same days."""
    statement = state_at(
        day,
        col(Action.plan_id) == _PLAN_ID,
        live_at(day),
        columns=REPORT_COLUMNS,
        previous=previous,
        lateral=lateral,
    )
    if lateral:
        leads_of = _action_leads()
        statement = statement.add_columns(
            leads_of.c.ids.label("lead_ids"), leads_of.c.names.label("lead_names")
        ).outerjoin(leads_of, sa.true())
    return statement


async def actions_at(
    session: AsyncSession,
    plan: Plan,
    day: date,
    *,
    previous: date | None = None,
) -> list[ActionAt]:
    """The plan's actions live at the end of `day`, in document order, with their state then
    (and their rating at the end of `previous`, when given).

    On PostgreSQL one statement reads it all, the lead officers grouped by action beside
    the actions; on SQLite the lead officers are a second statement."""
    lateral = has_lateral(session)
    statement = _actions_at(day, previous, lateral)
    rows = plain_rows(await session.execute(statement, {"plan_id": plan.id}))
    leads = (
        {
            row.id: list(zip(row.lead_ids, row.lead_names, strict=True))
            for row in rows
            if row.lead_ids
        }
        if lateral
        else await lead_officers(session, plan)
    )
    return [
        ActionAt(
            action=row,
            leads=leads.get(row.id, []),
            previous_rag=Rag(row.state_previous_rag)
            if previous is not None and row.state_previous_rag is not None
            else None,
            **state_of(row),
        )
        for row in _document_order(rows)
    ]


def _document_order(actions: Sequence[sa.Row[Any]]) -> list[sa.Row[Any]]:
    """By ref, numbers as numbers: A1.2 before A1.10, each sub-action after its parent, and
    refs a client wrote with letters ("A1.3a") sorted among them without failing."""

    def key(action: sa.Row[Any]) -> tuple[tuple[int, int, str], ...]:
        parts = action.ref.removeprefix("A").split(".")
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)

    return sorted(actions, key=key)


def rating_key(rag: Rag | str | None) -> str:
    """The key a rating counts under (ratings are string enums; no rating is `not_rated`)."""
    return str(rag.value if isinstance(rag, Rag) else rag or "not_rated")


def rating_counts(ratings: Counter[str]) -> RatingCounts:
    return RatingCounts.model_validate({key: ratings[key] for key in RATING_KEYS})


def count(items: Iterable[ActionAt]) -> Counts:
    # Ratings and statuses are string enums: each counts under its value.
    ratings: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    total = 0
    for item in items:
        total += 1
        ratings[rating_key(item.rag)] += 1
        statuses[item.status] += 1
    return Counts(
        actions=total,
        by_rating=rating_counts(ratings),
        by_status=StatusCounts.model_validate({key: statuses[key] for key in STATUS_KEYS}),
    )


@lru_cache(maxsize=16)
def _ratings_at(days: int) -> sa.Select[Any]:
    """The statement of `ratings_at` for this many days, its values bound when it runs
    (`day_0`, `end_0`, …, `last_day` and the plan's id): built once, as `_actions_at` is."""
    each = [
        sa.select(
            sa.bindparam(f"day_{number}", type_=sa.Date).label("day"),
            sa.bindparam(f"end_{number}", type_=UTCDateTime).label("ends"),
        )
        for number in range(days)
    ]
    asked = (each[0] if days == 1 else sa.union_all(*each)).subquery("days")
    spans = deciding_spans(
        lambda update: (
            col(update.plan_id) == _PLAN_ID,
            col(update.effective_date) <= sa.bindparam("last_day", type_=sa.Date),
        )
    )
    return (
        sa.select(asked.c.day, spans.c.rag, sa.func.count())
        .select_from(asked)
        .join(Action, sa.and_(col(Action.plan_id) == _PLAN_ID, live_until(asked.c.ends)))
        .outerjoin(
            spans,
            sa.and_(
                spans.c.action_id == col(Action.id),
                spans.c.effective_date <= asked.c.day,
                sa.or_(spans.c.until.is_(None), spans.c.until > asked.c.day),
            ),
        )
        .group_by(asked.c.day, spans.c.rag)
    )


async def ratings_at(
    session: AsyncSession, plan: Plan, days: Sequence[date]
) -> dict[date, RatingCounts]:
    """How many of the plan's live actions had each rating at the end of each day, counted
    as `count` counts `actions_at`, in one statement for all the days (a report's trend)
    that reads each of the plan's updates once (`deciding_spans`)."""
    if not days:
        return {}
    values: dict[str, Any] = {"plan_id": plan.id, "last_day": max(days)}
    for number, day in enumerate(days):
        values[f"day_{number}"] = day
        values[f"end_{number}"] = end_of_day(day)
    counted: dict[date, Counter[str]] = {day: Counter() for day in days}
    for day, rag, number in await session.execute(_ratings_at(len(days)), values):
        counted[day][rating_key(rag)] += number
    return {day: rating_counts(ratings) for day, ratings in counted.items()}


async def summary(*, session: AsyncSession, plan: Plan, as_of: date, group_by: GroupBy) -> Summary:
    """Counts by rating and status at the end of `as_of`, grouped."""
    items = await actions_at(session, plan, as_of)
    groups: list[SummaryGroup] = []
    if group_by == GroupBy.area:
        areas = (
            await session.scalars(
                sa.select(Area)
                .where(col(Area.plan_id) == plan.id, col(Area.archived_at).is_(None))
                .order_by(col(Area.position))
            )
        ).all()
        for area in areas:
            members = [i for i in items if i.action.area_id == area.id]
            groups.append(
                SummaryGroup(
                    key=area.id, label=f"{area.ref} {area.title}", **count(members).model_dump()
                )
            )
    elif group_by == GroupBy.officer:
        names = sorted({lead for item in items for lead in item.leads}, key=lambda lead: lead[1])
        for officer_id, name in names:
            members = [i for i in items if (officer_id, name) in i.leads]
            groups.append(SummaryGroup(key=officer_id, label=name, **count(members).model_dump()))
        unled = [i for i in items if not i.leads]
        if unled:
            groups.append(
                SummaryGroup(key=None, label="No lead officer", **count(unled).model_dump())
            )
    else:
        tags = await inspection_tags(session, plan)
        for inspection, action_ids in tags:
            members = [i for i in items if i.action.id in action_ids]
            label = f"{inspection.source} Improvement Action {inspection.number}"
            groups.append(
                SummaryGroup(key=inspection.id, label=label, **count(members).model_dump())
            )
    return Summary(
        plan=plan_ref(plan), as_of=as_of, group_by=group_by, totals=count(items), groups=groups
    )


async def inspection_tags(
    session: AsyncSession, plan: Plan
) -> list[tuple[InspectionAction, set[str]]]:
    inspections = (await session.scalars(live_in_plan(plan.id))).all()
    tagged: dict[str, set[str]] = defaultdict(set)
    for inspection_id, action_id in (
        await session.execute(
            sa.select(
                col(ActionInspectionAction.inspection_action_id),
                col(ActionInspectionAction.action_id),
            ).where(
                col(ActionInspectionAction.inspection_action_id).in_([i.id for i in inspections])
            )
        )
    ).all():
        tagged[inspection_id].add(action_id)
    return [(inspection, tagged.get(inspection.id, set())) for inspection in inspections]


def exception_reasons(item: ActionAt, day: date, stale_before: date) -> list[ExceptionReason]:
    reasons = []
    if item.rag == Rag.red:
        reasons.append(ExceptionReason.red)
    if is_overdue(item.due_date, item.status, day):
        reasons.append(ExceptionReason.overdue)
    original = item.action.original_due_date
    if item.due_date is not None and original is not None and item.due_date > original:
        reasons.append(ExceptionReason.slipped)
    if item.status in OPEN and (
        item.last_update_date is None or item.last_update_date < stale_before
    ):
        reasons.append(ExceptionReason.stale)
    return reasons


async def exceptions(*, session: AsyncSession, plan: Plan, as_of: date) -> Exceptions:
    """Red, overdue, slipped, and stale (no update within the plan's update interval)."""
    items = await actions_at(session, plan, as_of)
    stale_before = as_of - timedelta(days=plan.update_interval_days)
    found = []
    for item in items:
        reasons = exception_reasons(item, as_of, stale_before)
        if reasons:
            found.append(_exception(item, reasons, as_of))
    tally = Counter(reason.value for item in found for reason in item.reasons)
    return Exceptions(
        plan=plan_ref(plan),
        as_of=as_of,
        items=found,
        counts=ReasonCounts.model_validate(
            {reason.value: tally.get(reason.value, 0) for reason in ExceptionReason}
        ),
    )


def _exception(item: ActionAt, reasons: list[ExceptionReason], day: date) -> ExceptionItem:
    overdue = ExceptionReason.overdue in reasons and item.due_date is not None
    return ExceptionItem(
        **item.ref_fields(),
        reasons=reasons,
        days_overdue=(day - item.due_date).days if overdue and item.due_date else None,
        last_update_date=item.last_update_date,
    )
