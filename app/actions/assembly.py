"""Actions as the API shows them: a page or one action with its expansions, read in a
fixed number of statements whatever the page's size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions import rendering
from app.actions.query import action_state_as_of, list_action_ids, list_actions
from app.actions.schemas import (
    ActionFilters,
    ActionPage,
    ActionRead,
    ActionSummary,
    CriterionSummary,
    Expansion,
    InspectionActionSummary,
    OfficerSummary,
    StrategyOnAction,
)
from app.actions.state import (
    deciding_update_id,
    is_overdue,
)
from app.core.http.listing import ListParams
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    DeliveryStatus,
    InspectionAction,
    Officer,
    StatusUpdate,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    clock,
)
from app.status_updates.schemas import StatusUpdateRead


async def page_of_actions(
    *,
    session: AsyncSession,
    params: ListParams,
    filters: ActionFilters,
    expand: Collection[Expansion],
) -> ActionPage:
    """One page of actions as the API shows them, with the expansions asked for.

    On PostgreSQL without `as_of`, the page's ids are found first and the database renders
    the actions; otherwise the actions are loaded and assembled here.
    """
    if rendering.renders(session, filters.as_of):
        found = await list_action_ids(session=session, params=params, filters=filters)
        items = await rendering.render_actions(session, found.rows, expand)
        return ActionPage(items=items, total=found.total, next_cursor=found.next_cursor)
    result = await list_actions(session=session, params=params, filters=filters)
    states = {a.id: extra for a, extra in zip(result.rows, result.extras, strict=True)}
    items = await read_actions(
        session=session,
        actions=result.rows,
        expand=expand,
        today=filters.as_of,
        states=states if filters.as_of else None,
    )
    return ActionPage(items=items, total=result.total, next_cursor=result.next_cursor)


Loader = Callable[[AsyncSession, Collection[str]], Awaitable[Mapping[str, Sequence[BaseModel]]]]

# Reading: one query per kind of related data for a whole page, never one per action.


Summary = TypeVar("Summary", bound=BaseModel)


def _grouped(rows: Sequence[sa.Row[str, Any]], summary: type[Summary]) -> dict[str, list[Summary]]:
    """(action id, related row) pairs as each action's list of summaries, in row order."""
    grouped: dict[str, list[Summary]] = defaultdict(list)
    for action_id, related in rows:
        grouped[action_id].append(summary.model_validate(related))
    return grouped


# The statements are built once, with the page's ids bound at execution: building a
# statement and computing its cache key cost more than running it.
_IDS: sa.BindParameter[list[str]] = sa.bindparam("ids", expanding=True)

_OFFICER: sa.Table = Officer.__table__  # type: ignore[attr-defined]
# Plain rows, not ORM objects, for what a page shows many of: nothing here is changed.
_LEAD_OFFICERS: sa.Select[Any] = (
    sa.select(col(ActionLeadOfficer.action_id).label("for_action"), *_OFFICER.c)
    .join(Officer, col(Officer.id) == col(ActionLeadOfficer.officer_id))
    .where(col(ActionLeadOfficer.action_id).in_(_IDS))
    # A total order: positions can tie (two links added at once), and so can names.
    .order_by(col(ActionLeadOfficer.position), col(Officer.name), col(Officer.id))
)

_CRITERIA = (
    sa.select(col(ActionSuccessCriterion.action_id), SuccessCriterion)
    .join(SuccessCriterion, col(SuccessCriterion.id) == col(ActionSuccessCriterion.criterion_id))
    .where(
        col(ActionSuccessCriterion.action_id).in_(_IDS),
        col(SuccessCriterion.archived_at).is_(None),
    )
    .order_by(col(SuccessCriterion.position), col(SuccessCriterion.id))
)

_STRATEGIES = (
    sa.select(StrategyLink, Strategy)
    .join(Strategy, col(Strategy.id) == col(StrategyLink.strategy_id))
    .where(col(StrategyLink.action_id).in_(_IDS), col(StrategyLink.archived_at).is_(None))
    .order_by(col(StrategyLink.created_at), col(StrategyLink.id))
)

_INSPECTION_ACTIONS = (
    sa.select(col(ActionInspectionAction.action_id), InspectionAction)
    .join(
        InspectionAction,
        col(InspectionAction.id) == col(ActionInspectionAction.inspection_action_id),
    )
    .where(col(ActionInspectionAction.action_id).in_(_IDS))
    .order_by(col(InspectionAction.source), col(InspectionAction.number))
)

_CHILDREN = (
    sa.select(Action)
    .where(col(Action.parent_id).in_(_IDS), col(Action.archived_at).is_(None))
    .order_by(col(Action.position), col(Action.id))
)


def _ids(action_ids: Collection[str]) -> dict[str, list[str]]:
    return {"ids": list(action_ids)}


async def _lead_officers(
    session: AsyncSession, action_ids: Collection[str]
) -> dict[str, list[OfficerSummary]]:
    grouped: dict[str, list[OfficerSummary]] = defaultdict(list)
    for row in (await session.execute(_LEAD_OFFICERS, _ids(action_ids))).all():
        grouped[row.for_action].append(OfficerSummary.model_validate(row))
    return grouped


async def _criteria(
    session: AsyncSession, action_ids: Collection[str]
) -> dict[str, list[CriterionSummary]]:
    rows = (await session.execute(_CRITERIA, _ids(action_ids))).all()
    return _grouped(rows, CriterionSummary)


async def _strategies(
    session: AsyncSession, action_ids: Collection[str]
) -> dict[str, list[StrategyOnAction]]:
    rows = (await session.execute(_STRATEGIES, _ids(action_ids))).all()
    grouped: dict[str, list[StrategyOnAction]] = defaultdict(list)
    for link, strategy in rows:
        grouped[link.action_id].append(
            StrategyOnAction.model_validate(
                {**strategy.model_dump(), "link_id": link.id, "note": link.note}
            )
        )
    return grouped


async def _inspection_actions(
    session: AsyncSession, action_ids: Collection[str]
) -> dict[str, list[InspectionActionSummary]]:
    rows = (await session.execute(_INSPECTION_ACTIONS, _ids(action_ids))).all()
    return _grouped(rows, InspectionActionSummary)


async def _children(
    session: AsyncSession, action_ids: Collection[str]
) -> dict[str, list[ActionSummary]]:
    rows = (await session.scalars(_CHILDREN, _ids(action_ids))).all()
    grouped: dict[str, list[ActionSummary]] = defaultdict(list)
    for child in rows:
        grouped[str(child.parent_id)].append(ActionSummary.model_validate(child))
    return grouped


async def read_actions(
    *,
    session: AsyncSession,
    actions: Sequence[Action],
    expand: Collection[Expansion] = (),
    today: date | None = None,
    states: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[ActionRead]:
    """Actions as the API shows them, with the requested expansions.

    `states` replaces each action's current rating, status and dates (for `as_of`).
    """
    if not actions:
        return []
    today = today or clock.today()
    ids = [a.id for a in actions]
    leads = await _lead_officers(session, ids)
    loaded: dict[str, Mapping[str, Any]] = {}
    loaders: dict[Expansion, Loader] = {
        Expansion.success_criteria: _criteria,
        Expansion.strategies: _strategies,
        Expansion.inspection_actions: _inspection_actions,
        Expansion.children: _children,
    }
    for expansion, loader in loaders.items():
        if expansion in expand:
            loaded[expansion.value] = await loader(session, ids)
    reads = []
    if Expansion.latest_update in expand:
        loaded["latest_update"] = await latest_updates(
            session, ids, as_of=today if states else None
        )
    for action in actions:
        fields = action.model_dump()
        fields.update((states or {}).get(action.id, {}))
        fields["overdue"] = is_overdue(fields["due_date"], DeliveryStatus(fields["status"]), today)
        fields["slippage_days"] = _slippage(fields["due_date"], action.original_due_date)
        fields["lead_officers"] = leads.get(action.id, [])
        for name, grouped in loaded.items():
            fields[name] = grouped.get(action.id, None if name == "latest_update" else [])
        reads.append(ActionRead.model_validate(fields))
    return reads


def _slippage(due: date | None, original: date | None) -> int | None:
    return (due - original).days if due is not None and original is not None else None


def _latest_updates(as_of: date | None) -> sa.Select[Any]:
    deciding = deciding_update_id(as_of)
    picked = (
        sa.select(deciding.label("update_id"))
        .where(col(Action.id).in_(_IDS))
        .cte("picked")
        # Kept apart so each probe runs once per action, not again inside the join.
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    updates = StatusUpdate.__table__  # type: ignore[attr-defined]
    return sa.select(*updates.c).join(picked, updates.c.id == picked.c.update_id)


_CURRENT_UPDATES = _latest_updates(None)


async def latest_updates(
    session: AsyncSession, action_ids: Collection[str], *, as_of: date | None = None
) -> dict[str, StatusUpdateRead]:
    """Each action's deciding update (latest effective, not corrected): one query for all.

    Each action finds its update by one backward probe of the (action, effective date,
    entry) index, so the cost follows the page, not the history.
    """
    statement = _CURRENT_UPDATES if as_of is None else _latest_updates(as_of)
    rows = (await session.execute(statement, _ids(action_ids))).all()
    return {row.action_id: StatusUpdateRead.of(row) for row in rows}


async def read_action(
    *,
    session: AsyncSession,
    action: Action,
    expand: Collection[Expansion] = (),
    as_of: date | None = None,
) -> ActionRead:
    states = await action_state_as_of(session, [action.id], as_of) if as_of else None
    reads = await read_actions(
        session=session, actions=[action], expand=expand, today=as_of, states=states
    )
    return reads[0]


async def read_action_and_version(
    *,
    session: AsyncSession,
    action: Action | ActionRead,
    expand: Collection[Expansion] = (),
    as_of: date | None = None,
) -> tuple[ActionRead, ActionRead]:
    """The action as asked for, and its unexpanded representation (whose digest is the ETag).

    `action` is the stored action, or its read already rendered with `expand` by the
    database (see `rendering`). Without `as_of` the unexpanded representation is the expanded
    one with its expansions left out, so the action is read once.
    """
    if isinstance(action, ActionRead):
        read = action
    elif as_of is None:
        read = await read_action(session=session, action=action, expand=expand)
    else:
        unexpanded = await read_action(session=session, action=action)
        read = await read_action(session=session, action=action, expand=expand, as_of=as_of)
        return read, unexpanded
    return read, unexpanded_of(read, expand)


def unexpanded_of(read: ActionRead, expand: Collection[Expansion]) -> ActionRead:
    """The unexpanded representation of an action read with these expansions."""
    # Lead officers are part of the unexpanded action: expanding them changes nothing.
    left_out = {e.value for e in expand} - {Expansion.lead_officers.value}
    return read.model_copy(update=dict.fromkeys(left_out)) if left_out else read
