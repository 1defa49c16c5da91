"""Actions: placement rules, due dates, lead officers, links, and the `/actions` query."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions import rendering
from app.actions.schemas import (
    ActionCreate,
    ActionPage,
    ActionRead,
    ActionSummary,
    ActionUpdate,
    CriterionSummary,
    Expansion,
    InspectionActionSummary,
    OfficerSummary,
    RagFilter,
    StrategyOnAction,
)
from app.actions.state import (
    CLOSED_STATUSES,
    deciding_update_id,
    end_of_day,
    has_lateral,
    is_overdue,
    live_at,
    overdue_clause,
    state_at,
    state_columns,
    state_of,
)
from app.actions.timescales import read_timescale
from app.core import audit, crud
from app.core.errors import ValidationFailed
from app.core.listing import ListParams, PageResult, SortField, contains, paginate
from app.core.refs import ensure_ref_free, next_child_ref, next_position
from app.core.security import Principal
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    Area,
    DeliveryStatus,
    DueDateRevision,
    InspectionAction,
    Objective,
    Officer,
    Outcome,
    Plan,
    StatusUpdate,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    new_id,
    utcnow,
)
from app.status_updates.schemas import StatusUpdateRead

ENTITY = "action"
SORTABLE = {
    "created_at": SortField(col(Action.created_at), "datetime"),
    "updated_at": SortField(col(Action.updated_at), "datetime"),
    "due_date": SortField(col(Action.due_date), "date", nullable=True),
    "original_due_date": SortField(col(Action.original_due_date), "date", nullable=True),
    "last_update_date": SortField(col(Action.last_update_date), "date", nullable=True),
    "ref": SortField(col(Action.ref), "str"),
    "title": SortField(col(Action.title), "str"),
    "position": SortField(col(Action.position), "int"),
    "status": SortField(col(Action.status), "str"),
    "rag": SortField(col(Action.rag), "str", nullable=True),
}


@dataclass(frozen=True)
class ActionFilters:
    """`/actions` filters: a list means any of its values; different fields all apply."""

    plan_id: Sequence[str] = ()
    area_id: Sequence[str] = ()
    outcome_id: Sequence[str] = ()
    objective_id: Sequence[str] = ()
    parent_id: Sequence[str] = ()
    lead_officer_id: Sequence[str] = ()
    rag: Sequence[RagFilter] = ()
    status: Sequence[DeliveryStatus] = ()
    inspection_action_id: Sequence[str] = ()
    strategy_id: Sequence[str] = ()
    ref: Sequence[str] = ()
    due_before: date | None = None
    due_after: date | None = None
    overdue: bool | None = None
    updated_since: datetime | None = None
    q: str | None = None
    slipped: bool | None = None
    stale: bool | None = None
    as_of: date | None = None
    include_archived: bool = False
    today: date = field(default_factory=date.today)
    stale_before: Mapping[str, date] = field(default_factory=dict)

    @property
    def reference_day(self) -> date:
        """The day "overdue" and "stale" are judged on: `as_of`, or today."""
        return self.as_of or self.today


def _filtered(filters: ActionFilters, state: dict[str, sa.ColumnElement[Any]]) -> sa.Select[Action]:
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
        ids = [v for v in filters.parent_id if v != "none"]
        either = [col(Action.parent_id).in_(ids)] if ids else []
        if "none" in filters.parent_id:
            either.append(col(Action.parent_id).is_(None))
        conditions.append(sa.or_(*either))
    if filters.rag:
        ratings = [r.value for r in filters.rag if r != RagFilter.none]
        either = [state["rag"].in_(ratings)] if ratings else []
        if RagFilter.none in filters.rag:
            either.append(state["rag"].is_(None))
        conditions.append(sa.or_(*either))
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
        overdue = overdue_clause(state, filters.reference_day)
        conditions.append(overdue if filters.overdue else sa.not_(overdue))
    if filters.slipped is not None:
        slipped = sa.and_(
            state["due_date"].is_not(None),
            col(Action.original_due_date).is_not(None),
            state["due_date"] > col(Action.original_due_date),
        )
        conditions.append(slipped if filters.slipped else sa.not_(slipped))
    if filters.stale is not None:
        stale = _stale_clause(state, filters)
        conditions.append(stale if filters.stale else sa.not_(stale))
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
    state: dict[str, sa.ColumnElement[Any]], filters: ActionFilters
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
        for plan_id, threshold in filters.stale_before.items()
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


async def _page(
    session: AsyncSession, params: ListParams, filters: ActionFilters, *, ids_only: bool
) -> PageResult[Any]:
    if filters.stale is not None and not filters.stale_before:
        thresholds = await stale_thresholds(session, filters.reference_day)
        filters = replace(filters, stale_before=thresholds)
    state = state_columns(filters.as_of)
    return await paginate(
        session,
        _filtered(filters, state),
        params=params,
        sortable=_sortable(state),
        default_sort=["created_at"],
        id_column=col(Action.id),
        extra_columns=state if filters.as_of and not ids_only else None,
        ids_only=ids_only,
    )


async def list_actions(
    *, session: AsyncSession, params: ListParams, filters: ActionFilters
) -> PageResult[Action]:
    """One page of actions matching every filter; `extras` holds each one's state."""
    return await _page(session, params, filters, ids_only=False)


async def list_action_ids(
    *, session: AsyncSession, params: ListParams, filters: ActionFilters
) -> PageResult[str]:
    """The ids of one page of actions matching every filter, for a reader of their own."""
    return await _page(session, params, filters, ids_only=True)


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


async def action_state_as_of(
    session: AsyncSession, action_ids: Collection[str], as_of: date
) -> dict[str, dict[str, Any]]:
    """The state of these actions at the end of `as_of`, from the recorded history."""
    if not action_ids:
        return {}
    statement = state_at(as_of, col(Action.id).in_(action_ids), lateral=has_lateral(session))
    rows = (await session.execute(statement)).all()
    return {row.id: state_of(row) for row in rows}


async def get_action(*, session: AsyncSession, action_id: str) -> Action:
    return await crud.fetch(session, Action, action_id, "action")


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
    today = today or date.today()
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
    """The action as asked for, and its plain representation (whose digest is the ETag).

    `action` is the stored action, or its read already rendered with `expand` by the
    database (see `rendering`). Without `as_of` the plain representation is the expanded
    one with its expansions left out, so the action is read once.
    """
    if isinstance(action, ActionRead):
        read = action
    elif as_of is None:
        read = await read_action(session=session, action=action, expand=expand)
    else:
        plain = await read_action(session=session, action=action)
        read = await read_action(session=session, action=action, expand=expand, as_of=as_of)
        return read, plain
    return read, plain_of(read, expand)


def plain_of(read: ActionRead, expand: Collection[Expansion]) -> ActionRead:
    """The plain representation of an action read with these expansions."""
    # Lead officers are part of the plain action: expanding them changes nothing.
    left_out = {e.value for e in expand} - {Expansion.lead_officers.value}
    return read.model_copy(update=dict.fromkeys(left_out)) if left_out else read


# Writing.


async def _load_in_plan(
    session: AsyncSession, model: Any, entity_id: str, *, field: str, label: str
) -> Any:
    entity = await session.get(model, entity_id)
    if entity is None:
        raise ValidationFailed(
            f"No {label} with id '{entity_id}'.",
            field=f"body.{field}",
            message=f"no {label} with this id",
            type="not_found",
        )
    return entity


@dataclass
class Placement:
    area: Area
    outcome: Outcome | None
    objective: Objective | None
    parent: Action | None


async def _placement(
    session: AsyncSession,
    *,
    area_id: str | None,
    outcome_id: str | None,
    objective_id: str | None,
    parent_id: str | None,
    moving: Action | None = None,
) -> Placement:
    """Check that area, outcome, objective and parent agree, and load them.

    A new sub-action named without an outcome or objective takes its parent's.
    """
    parent = None
    if parent_id is not None:
        parent = await _load_in_plan(session, Action, parent_id, field="parent_id", label="action")
        crud.refuse_if_archived(parent, "parent action")
        if moving is not None:
            await _refuse_cycle(session, moving=moving, new_parent=parent)
        elif outcome_id is None and objective_id is None:
            outcome_id, objective_id = parent.outcome_id, parent.objective_id
    if area_id is None:
        if parent is None:
            raise ValidationFailed(
                "An action needs an area_id, or a parent_id to take the area from.",
                field="body.area_id",
                message="required unless parent_id is given",
                type="missing",
            )
        area_id = parent.area_id
    area = await _load_in_plan(session, Area, area_id, field="area_id", label="area")
    crud.refuse_if_archived(area, "area")
    objective = None
    if objective_id is not None:
        objective = await _load_in_plan(
            session, Objective, objective_id, field="objective_id", label="objective"
        )
        crud.refuse_if_archived(objective, "objective")
        if outcome_id is None:
            outcome_id = objective.outcome_id
        elif objective.outcome_id != outcome_id:
            raise ValidationFailed(
                "The objective belongs to another outcome.",
                field="body.objective_id",
                message=f"belongs to outcome '{objective.outcome_id}', not '{outcome_id}'",
                type="inconsistent",
            )
    outcome = None
    if outcome_id is not None:
        outcome = await _load_in_plan(
            session, Outcome, outcome_id, field="outcome_id", label="outcome"
        )
        crud.refuse_if_archived(outcome, "outcome")
        if outcome.area_id != area.id:
            raise ValidationFailed(
                "The outcome belongs to another area.",
                field="body.outcome_id",
                message=f"belongs to area '{outcome.area_id}', not '{area.id}'",
                type="inconsistent",
            )
    if parent is not None and parent.plan_id != area.plan_id:
        raise ValidationFailed(
            "The parent action is in another plan.",
            field="body.parent_id",
            message="in another plan",
            type="cross_plan",
        )
    return Placement(area=area, outcome=outcome, objective=objective, parent=parent)


async def _refuse_cycle(session: AsyncSession, *, moving: Action, new_parent: Action) -> None:
    ancestor: Action | None = new_parent
    seen: set[str] = set()
    while ancestor is not None and ancestor.id not in seen:
        if ancestor.id == moving.id:
            raise ValidationFailed(
                "An action cannot be a sub-action of itself or of its own sub-actions.",
                field="body.parent_id",
                message="would make a cycle",
                type="cycle",
            )
        seen.add(ancestor.id)
        ancestor = await session.get(Action, ancestor.parent_id) if ancestor.parent_id else None


async def _officers(session: AsyncSession, officer_ids: Sequence[str]) -> list[str]:
    unique = list(dict.fromkeys(officer_ids))
    if not unique:
        return []
    found = {
        officer.id: officer
        for officer in (
            await session.scalars(sa.select(Officer).where(col(Officer.id).in_(unique)))
        ).all()
    }
    missing = [officer_id for officer_id in unique if officer_id not in found]
    archived = [
        officer_id for officer_id in unique if officer_id in found and found[officer_id].archived_at
    ]
    if missing or archived:
        problem = (
            f"unknown: {', '.join(missing)}" if missing else f"archived: {', '.join(archived)}"
        )
        raise ValidationFailed(
            f"Lead officers must exist and be live ({problem}).",
            field="body.lead_officer_ids",
            message=problem,
            type="not_found" if missing else "archived",
        )
    return unique


async def _set_leads(session: AsyncSession, action_id: str, officer_ids: Sequence[str]) -> None:
    await session.execute(
        sa.delete(ActionLeadOfficer).where(col(ActionLeadOfficer.action_id) == action_id)
    )
    for position, officer_id in enumerate(officer_ids, start=1):
        session.add(
            ActionLeadOfficer(action_id=action_id, officer_id=officer_id, position=position)
        )


async def _current_leads(session: AsyncSession, action_id: str) -> list[str]:
    return list(
        (
            await session.scalars(
                sa.select(col(ActionLeadOfficer.officer_id))
                .where(col(ActionLeadOfficer.action_id) == action_id)
                .order_by(col(ActionLeadOfficer.position))
            )
        ).all()
    )


async def _default_ref(session: AsyncSession, placement: Placement) -> str:
    plan_id = placement.area.plan_id
    if placement.parent is not None:
        return await next_child_ref(session, Action, plan_id=plan_id, prefix=placement.parent.ref)
    return await next_child_ref(
        session, Action, plan_id=plan_id, prefix=f"A{placement.area.number}"
    )


async def create_action(*, session: AsyncSession, data: ActionCreate, actor: Principal) -> Action:
    """Add an action (or sub-action) at the end of its parent item."""
    placement = await _placement(
        session,
        area_id=data.area_id,
        outcome_id=data.outcome_id if data.outcome_id or not data.parent_id else None,
        objective_id=data.objective_id,
        parent_id=data.parent_id,
    )
    if (
        data.parent_id
        and placement.parent is not None
        and data.outcome_id is None
        and data.objective_id is None
    ):
        placement.outcome = (
            await session.get(Outcome, placement.parent.outcome_id)
            if placement.parent.outcome_id
            else None
        )
        placement.objective = (
            await session.get(Objective, placement.parent.objective_id)
            if placement.parent.objective_id
            else None
        )
    plan = await session.get(Plan, placement.area.plan_id)
    if plan is not None:
        crud.refuse_if_archived(plan, "plan")
    leads = await _officers(session, data.lead_officer_ids)
    ref = data.ref or await _default_ref(session, placement)
    await ensure_ref_free(session, Action, plan_id=placement.area.plan_id, ref=ref, label=ENTITY)
    timescale = read_timescale(data.timescale)
    due_date = data.due_date if data.due_date is not None else timescale.due_date
    siblings = (
        col(Action.parent_id) == placement.parent.id
        if placement.parent is not None
        else sa.and_(col(Action.area_id) == placement.area.id, col(Action.parent_id).is_(None))
    )
    action = Action(
        id=new_id("act"),
        plan_id=placement.area.plan_id,
        area_id=placement.area.id,
        outcome_id=placement.outcome.id if placement.outcome else None,
        objective_id=placement.objective.id if placement.objective else None,
        parent_id=placement.parent.id if placement.parent else None,
        ref=ref,
        title=data.title,
        description=data.description,
        notes=data.notes,
        timescale=data.timescale,
        timescale_readable=timescale.readable,
        due_date=due_date,
        original_due_date=due_date,
        recurrence=timescale.recurrence,
        position=await next_position(session, Action, siblings),
    )
    session.add(action)
    await session.flush()
    await _set_leads(session, action.id, leads)
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=action.id,
        operation="create",
        changes=audit.created({**crud.snapshot(action), "lead_officer_ids": leads}),
    )
    await session.commit()
    return action


async def update_action(
    *, session: AsyncSession, action: Action, data: ActionUpdate, actor: Principal
) -> Action:
    """Apply the fields sent. A due date that changes needs a reason, kept in the history."""
    crud.refuse_if_archived(action, ENTITY)
    changes = data.changes()
    reason = changes.pop("due_date_reason", None)
    lead_ids = changes.pop("lead_officer_ids", None)
    placement_fields = {"outcome_id", "objective_id", "parent_id"} & set(changes)
    if placement_fields:
        placement = await _placement(
            session,
            area_id=action.area_id,
            outcome_id=changes.get("outcome_id", action.outcome_id),
            objective_id=changes.get("objective_id", action.objective_id),
            parent_id=changes.get("parent_id", action.parent_id),
            moving=action,
        )
        changes["outcome_id"] = placement.outcome.id if placement.outcome else None
        changes["objective_id"] = placement.objective.id if placement.objective else None
    if "ref" in changes:
        await ensure_ref_free(
            session,
            Action,
            plan_id=action.plan_id,
            ref=changes["ref"],
            label=ENTITY,
            exclude_id=action.id,
        )
    if "timescale" in changes:
        timescale = read_timescale(changes["timescale"])
        changes["timescale_readable"] = timescale.readable
        changes["recurrence"] = timescale.recurrence
        if "due_date" not in changes:
            changes["due_date"] = timescale.due_date
    due_changes = "due_date" in changes and changes["due_date"] != action.due_date
    if due_changes and action.due_date is not None and not reason:
        raise ValidationFailed(
            "Changing the due date needs a reason: send due_date_reason.",
            field="body.due_date_reason",
            message="required when the due date changes",
            type="missing",
        )
    if due_changes and action.original_due_date is None:
        changes["original_due_date"] = changes["due_date"]
    extra: dict[str, Any] = {}
    if due_changes and reason:
        extra["due_date_reason"] = {"before": None, "after": reason}
        session.add(
            DueDateRevision(
                id=new_id("rev"),
                action_id=action.id,
                from_date=action.due_date,
                to_date=changes["due_date"],
                reason=reason,
                actor=actor.name,
                actor_key_id=actor.key_id,
            )
        )
        changes["due_date_revision_count"] = action.due_date_revision_count + 1
    if lead_ids is not None:
        leads = await _officers(session, lead_ids)
        before = await _current_leads(session, action.id)
        if leads != before:
            await _set_leads(session, action.id, leads)
            extra["lead_officer_ids"] = {"before": before, "after": leads}
    return await crud.update(
        session, action, changes, actor=actor, entity_type=ENTITY, extra_audit=extra
    )


async def archive_action(*, session: AsyncSession, action: Action, actor: Principal) -> Action:
    """Archive an action with no live sub-actions; its links are kept."""
    blocking = await crud.live_children(session, Action, col(Action.parent_id), action.id, "action")
    return await crud.archive(session, action, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_action(*, session: AsyncSession, action: Action, actor: Principal) -> Action:
    parents: list[tuple[str, Any, str | None]] = [
        ("parent action", Action, action.parent_id),
        ("objective", Objective, action.objective_id),
        ("outcome", Outcome, action.outcome_id),
        ("area", Area, action.area_id),
        ("plan", Plan, action.plan_id),
    ]
    archived_parent = None
    for label, model, parent_id in parents:
        parent = await session.get(model, parent_id) if parent_id else None
        if parent is not None and parent.archived_at is not None:
            archived_parent = label
            break
    return await crud.restore(
        session, action, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )


# Links between an action and other plan items.


@dataclass(frozen=True)
class LinkKind:
    """One kind of link: its join table, the other side's model and how the API names it."""

    entity_type: str
    label: str
    model: Any
    table: Any
    other_column: str
    per_plan: bool = True


CRITERION_LINK = LinkKind(
    "success_criterion",
    "success criterion",
    SuccessCriterion,
    ActionSuccessCriterion,
    "criterion_id",
)
OFFICER_LINK = LinkKind(
    "officer", "officer", Officer, ActionLeadOfficer, "officer_id", per_plan=False
)
INSPECTION_LINK = LinkKind(
    "inspection_action",
    "inspection action",
    InspectionAction,
    ActionInspectionAction,
    "inspection_action_id",
)


async def _link_target(session: AsyncSession, action: Action, kind: LinkKind, other_id: str) -> Any:
    other = await crud.fetch(session, kind.model, other_id, kind.label)
    if kind.per_plan and other.plan_id != action.plan_id:
        raise ValidationFailed(
            f"The {kind.label} belongs to another plan; links stay within one plan.",
            field=f"path.{kind.other_column}",
            message="in another plan",
            type="cross_plan",
        )
    return other


def _link_row(action: Action, kind: LinkKind, other_id: str) -> sa.ColumnElement[bool]:
    return sa.and_(
        kind.table.action_id == action.id, getattr(kind.table, kind.other_column) == other_id
    )


async def link(
    *, session: AsyncSession, action: Action, kind: LinkKind, other_id: str, actor: Principal
) -> bool:
    """Link the action and the other item; True when a new link was made."""
    crud.refuse_if_archived(action, ENTITY)
    other = await _link_target(session, action, kind, other_id)
    crud.refuse_if_archived(other, kind.label)
    exists = await session.scalar(sa.select(sa.exists().where(_link_row(action, kind, other_id))))
    if exists:
        return False
    row = kind.table(action_id=action.id, **{kind.other_column: other_id})
    if kind is OFFICER_LINK:
        row.position = await next_position(
            session, ActionLeadOfficer, col(ActionLeadOfficer.action_id) == action.id
        )
    session.add(row)
    action.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=action.id,
        operation="link",
        changes={kind.other_column: {"before": None, "after": other_id}},
    )
    await session.commit()
    return True


async def unlink(
    *, session: AsyncSession, action: Action, kind: LinkKind, other_id: str, actor: Principal
) -> bool:
    """Remove the link; the audit log keeps it. True when a link was removed."""
    crud.refuse_if_archived(action, ENTITY)
    await _link_target(session, action, kind, other_id)
    result = await session.execute(sa.delete(kind.table).where(_link_row(action, kind, other_id)))
    if not getattr(result, "rowcount", 0):
        return False
    action.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=action.id,
        operation="unlink",
        changes={kind.other_column: {"before": other_id, "after": None}},
    )
    await session.commit()
    return True
