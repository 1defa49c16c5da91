"""Finding actions: the filters and sorts of `GET /actions`, and an action by id."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.schemas import ActionFilters
from app.actions.state import (
    CLOSED_STATUSES,
    end_of_day,
    live_at,
    overdue_clause,
    state_columns,
)
from app.core.errors import NotFound
from app.core.http.listing import ListParams, PageResult, SortField, contains, one_of, paginate
from app.core.resources import crud
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    Plan,
    StrategyLink,
    clock,
)

ENTITY = "action"
SORTABLE = {
    **SortField.timestamps(Action),
    "due_date": SortField(col(Action.due_date), "date", nullable=True),
    "original_due_date": SortField(col(Action.original_due_date), "date", nullable=True),
    "last_update_date": SortField(col(Action.last_update_date), "date", nullable=True),
    "ref": SortField(col(Action.ref), "str"),
    "title": SortField(col(Action.title), "str"),
    "position": SortField(col(Action.position), "int"),
    "status": SortField(col(Action.status), "str"),
    "rag": SortField(col(Action.rag), "str", nullable=True),
}


def reference_day(filters: ActionFilters) -> date:
    """The day "overdue" and "stale" are judged on: `as_of`, or today."""
    return filters.as_of or clock.today()


# One condition per filter the list takes, in the route's order: long, but read as a list.
def _filtered(
    filters: ActionFilters,
    state: dict[str, sa.ColumnElement[Any]],
    stale_before: Mapping[str, date],
) -> sa.Select[Action]:
    statement = sa.select(Action)
    conditions: list[sa.ColumnElement[bool]] = []
    for column, values in (
        (col(Action.plan_id), filters.plan_id),
        (col(Action.area_id), filters.area_id),
        (col(Action.outcome_id), filters.outcome_id),
        (col(Action.objective_id), filters.objective_id),
        (col(Action.ref), filters.ref),
    ):
        if values:
            conditions.append(column.in_(values))
    if filters.parent_id:
        conditions.append(one_of(col(Action.parent_id), filters.parent_id))
    if filters.rag:
        conditions.append(one_of(state["rag"], filters.rag))
    if filters.status:
        conditions.append(state["status"].in_([s.value for s in filters.status]))
    if filters.lead_officer_id:
        conditions.append(
            col(Action.id).in_(
                sa.select(col(ActionLeadOfficer.action_id)).where(
                    col(ActionLeadOfficer.officer_id).in_(filters.lead_officer_id)
                )
            )
        )
    if filters.inspection_action_id:
        conditions.append(
            col(Action.id).in_(
                sa.select(col(ActionInspectionAction.action_id)).where(
                    col(ActionInspectionAction.inspection_action_id).in_(
                        filters.inspection_action_id
                    )
                )
            )
        )
    if filters.strategy_id:
        conditions.append(
            col(Action.id).in_(
                sa.select(col(StrategyLink.action_id)).where(
                    col(StrategyLink.strategy_id).in_(filters.strategy_id),
                    col(StrategyLink.archived_at).is_(None),
                )
            )
        )
    if filters.due_before is not None:
        conditions.append(state["due_date"] < filters.due_before)
    if filters.due_after is not None:
        conditions.append(state["due_date"] > filters.due_after)
    if filters.overdue is not None:
        overdue = overdue_clause(state, reference_day(filters))
        conditions.append(overdue if filters.overdue else sa.not_(overdue))
    if filters.slipped is not None:
        slipped = sa.and_(
            state["due_date"].is_not(None),
            col(Action.original_due_date).is_not(None),
            state["due_date"] > col(Action.original_due_date),
        )
        conditions.append(slipped if filters.slipped else sa.not_(slipped))
    if filters.stale is not None:
        stale = _stale_clause(state, stale_before)
        conditions.append(stale if filters.stale else sa.not_(stale))
    if filters.needs_review is not None:
        conditions.append(
            col(Action.needs_review).is_(sa.true() if filters.needs_review else sa.false())
        )
    if filters.updated_since is not None:
        conditions.append(col(Action.updated_at) >= filters.updated_since)
    if filters.q:
        conditions.append(
            sa.or_(
                contains(col(Action.title), filters.q),
                contains(col(Action.description), filters.q),
                contains(col(Action.notes), filters.q),
                contains(col(Action.ref), filters.q),
            )
        )
    if not filters.include_archived:
        conditions.append(live_at(filters.as_of))
    return statement.where(*conditions)


def _stale_clause(
    state: dict[str, sa.ColumnElement[Any]], stale_before: Mapping[str, date]
) -> sa.ColumnElement[bool]:
    """Open actions with no update since their plan's update interval began."""
    per_plan = [
        sa.and_(
            col(Action.plan_id) == plan_id,
            sa.or_(
                state["last_update_date"] < threshold,
                sa.and_(
                    state["last_update_date"].is_(None),
                    col(Action.created_at) < end_of_day(threshold),
                ),
            ),
        )
        for plan_id, threshold in stale_before.items()
    ]
    return sa.and_(state["status"].not_in(CLOSED_STATUSES), sa.or_(sa.false(), *per_plan))


async def stale_thresholds(session: AsyncSession, day: date) -> dict[str, date]:
    """For each plan, the day before which an action's last update makes it stale."""
    rows = (await session.execute(sa.select(col(Plan.id), col(Plan.update_interval_days)))).all()
    return {plan_id: day - timedelta(days=interval) for plan_id, interval in rows}


def _sortable(state: dict[str, sa.ColumnElement[Any]]) -> dict[str, SortField]:
    return {
        **SORTABLE,
        "due_date": SortField(state["due_date"], "date", nullable=True),
        "last_update_date": SortField(state["last_update_date"], "date", nullable=True),
        "status": SortField(state["status"], "str"),
        "rag": SortField(state["rag"], "str", nullable=True),
    }


async def list_action_ids(
    *, session: AsyncSession, params: ListParams, filters: ActionFilters
) -> PageResult[str]:
    """The ids of one page of actions matching every filter, in the order asked for."""
    thresholds: Mapping[str, date] = {}
    if filters.stale is not None:
        thresholds = await stale_thresholds(session, reference_day(filters))
    state = state_columns(filters.as_of)
    return await paginate(
        session,
        _filtered(filters, state, thresholds),
        params,
        _sortable(state),
        ["created_at"],
        ids_only=True,
    )


async def get_action(*, session: AsyncSession, action_id: str) -> Action:
    return await crud.fetch(session, Action, action_id, "action")


async def find_action_by_ref(*, session: AsyncSession, plan_id: str, ref: str) -> Action:
    """The plan's action with this reference, archived or not, or a 404."""
    action = await session.scalar(
        sa.select(Action).where(col(Action.plan_id) == plan_id, col(Action.ref) == ref)
    )
    if action is None:
        raise NotFound(f"The plan has no action with reference '{ref}'.")
    return action
