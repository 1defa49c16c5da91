"""Actions as the API shows them, written as JSON by the database: the one rendering of an
action, for every read, write response and event.

A page of actions, one action or a plan's actions is read with all its expansions in one
statement. On PostgreSQL the database writes each action's JSON text exactly as pydantic
would serialise its `ActionRead` (same members in the same order, the same string escapes,
timestamps as `…Z` with microseconds only when there are some). The fast path of a page
(`app.fastpath.statements`) sends that text as it comes; the one of a single action has the
database build `json` values instead, which orjson writes out again as pydantic would
(`detail_json`). On SQLite the database builds JSON values with its own functions. The
routes validate what the database wrote into models.

With `as_of`, an action shows its rating, status and dates at the end of that day, and its
latest update then (`app.actions.state`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.schemas import (
    ActionRead,
    ActionSummary,
    CriterionSummary,
    Expansion,
    InspectionActionSummary,
    OfficerSummary,
    StrategyOnAction,
)
from app.actions.state import (
    CLOSED_STATUSES,
    STATE_FIELDS,
    deciding_update,
    live_at,
    state_columns,
)
from app.core.db.json_text import (
    MISSING,
    NULL,
    TEXT,
    Json,
    Style,
    check_fields,
    concat,
    constant,
    members,
    read_style,
    resource_fields,
    stored_fields,
)
from app.core.resources import crud
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    InspectionAction,
    Officer,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    clock,
)
from app.status_updates.schemas import Evidence, StatusUpdateRead

_ACTIONS = TypeAdapter(list[ActionRead])
_ACTION_COLUMNS: sa.ColumnCollection[str, Any] = Action.__table__.c  # type: ignore[attr-defined]
_IDS = sa.bindparam("ids", type_=postgresql.ARRAY(sa.String))
_ID_LIST: sa.BindParameter[list[str]] = sa.bindparam("ids", expanding=True)
ID = sa.bindparam("id", type_=sa.String)
_PLAN_ID = sa.bindparam("plan_id", type_=sa.String)
_TODAY = sa.bindparam("today", type_=sa.Date)


def _array(
    style: Style, item: sa.ColumnElement[Any], order: Sequence[Any], source: sa.Select[Any]
) -> Json:
    """The items of `source` (correlated to `Action`) as a JSON array, `[]` when none."""
    return style.array(item, order, source, Action)


def _lead_officers(style: Style) -> Json:
    officer = style.object(OfficerSummary, stored_fields(OfficerSummary, Officer))
    source = (
        sa.select(col(Officer.id))
        .join(ActionLeadOfficer, col(ActionLeadOfficer.officer_id) == col(Officer.id))
        .where(col(ActionLeadOfficer.action_id) == col(Action.id))
    )
    order = (col(ActionLeadOfficer.position), col(Officer.name), col(Officer.id))
    return _array(style, officer, order, source)


def _success_criteria(style: Style) -> Json:
    criterion = style.object(CriterionSummary, stored_fields(CriterionSummary, SuccessCriterion))
    source = (
        sa.select(col(SuccessCriterion.id))
        .join(
            ActionSuccessCriterion,
            col(ActionSuccessCriterion.criterion_id) == col(SuccessCriterion.id),
        )
        .where(
            col(ActionSuccessCriterion.action_id) == col(Action.id),
            col(SuccessCriterion.archived_at).is_(None),
        )
    )
    return _array(
        style, criterion, (col(SuccessCriterion.position), col(SuccessCriterion.id)), source
    )


def _strategies(style: Style) -> Json:
    strategy = style.object(
        StrategyOnAction,
        stored_fields(
            StrategyOnAction, Strategy, link_id=col(StrategyLink.id), note=col(StrategyLink.note)
        ),
    )
    source = (
        sa.select(col(Strategy.id))
        .join(StrategyLink, col(StrategyLink.strategy_id) == col(Strategy.id))
        .where(
            col(StrategyLink.action_id) == col(Action.id), col(StrategyLink.archived_at).is_(None)
        )
    )
    return _array(style, strategy, (col(StrategyLink.created_at), col(StrategyLink.id)), source)


def _inspection_actions(style: Style) -> Json:
    inspection = style.object(
        InspectionActionSummary, stored_fields(InspectionActionSummary, InspectionAction)
    )
    source = (
        sa.select(col(InspectionAction.id))
        .join(
            ActionInspectionAction,
            col(ActionInspectionAction.inspection_action_id) == col(InspectionAction.id),
        )
        .where(col(ActionInspectionAction.action_id) == col(Action.id))
    )
    return _array(
        style, inspection, (col(InspectionAction.source), col(InspectionAction.number)), source
    )


def _children(style: Style) -> Json:
    child = sa.orm.aliased(Action, name="child")
    summary = style.object(ActionSummary, stored_fields(ActionSummary, child))
    source = sa.select(col(child.id)).where(
        col(child.parent_id) == col(Action.id), col(child.archived_at).is_(None)
    )
    return _array(style, summary, (col(child.position), col(child.id)), source)


def _latest_update(style: Style, as_of: date | None) -> Json:
    """The deciding update (latest effective, by the end of `as_of` when given, not
    corrected): never superseded, by its definition, and never archived."""

    def update(u: Any) -> sa.ColumnElement[Any]:
        return style.object(
            StatusUpdateRead,
            {
                "id": col(u.id),
                "action_id": col(u.action_id),
                "plan_id": col(u.plan_id),
                "area_id": col(u.area_id),
                "rag": col(u.rag),
                "status": col(u.status),
                "narrative": col(u.narrative),
                "next_steps": col(u.next_steps),
                "reason": col(u.reason),
                "evidence": _evidence(style, u.evidence),
                "effective_date": col(u.effective_date),
                "author": col(u.author),
                "author_officer_id": col(u.author_officer_id),
                "author_subject": col(u.author_subject),
                "corrects_update_id": col(u.corrects_update_id),
                "superseded_by_id": MISSING,
                "created_at": col(u.created_at),
                "updated_at": col(u.created_at),
                "archived_at": MISSING,
            },
        )

    latest = deciding_update(as_of, update)
    return Json(latest if style.values else sa.func.coalesce(latest, NULL))


def _evidence(style: Style, column: Any) -> Json:
    """A status update's evidence (a JSON array in the row) as `Evidence` writes it."""
    element, value, number = style.elements(column, text=False)
    member = value.op("->>", return_type=sa.Text)
    piece = style.object(Evidence, {name: member(constant(name)) for name in Evidence.model_fields})
    source = sa.select(number).select_from(element)
    return style.array(piece, (number,), source)


def _strings(style: Style, column: Any) -> Json:
    """A JSON array of strings in the action's row, as pydantic writes a `list[str]`
    (the stored text may be spaced or escaped otherwise)."""
    element, value, number = style.elements(column, text=True)
    source = sa.select(number).select_from(element)
    return style.array(style.value(value, str), (number,), source, Action)


_EXPANSIONS: dict[Expansion, Callable[[Style, date | None], Json]] = {
    Expansion.success_criteria: lambda style, _as_of: _success_criteria(style),
    Expansion.strategies: lambda style, _as_of: _strategies(style),
    Expansion.inspection_actions: lambda style, _as_of: _inspection_actions(style),
    Expansion.children: lambda style, _as_of: _children(style),
    Expansion.latest_update: _latest_update,
}


# The expansions are the last members of an action: its unexpanded representation (the one
# its ETag is taken from) is the same text up to them, with each of them null.
EXPANDED = tuple(e.value for e in _EXPANSIONS)
_UNEXPANDED = tuple(name for name in ActionRead.model_fields if name not in EXPANDED)
if tuple(ActionRead.model_fields) != _UNEXPANDED + EXPANDED:
    raise TypeError("ActionRead's expansions must be its last fields, in Expansion's order")


def _fields(
    expand: frozenset[Expansion],
    style: Style,
    as_of: date | None,
    state: Mapping[str, Any],
) -> dict[str, Any]:
    """The SQL of each of `ActionRead`'s members, by name, with the state fields given."""
    due, status = state["due_date"], state["status"]
    resource = resource_fields(Action)
    fields: dict[str, Any] = {
        **resource,
        # The fields the action's own columns give as they are stored.
        **{
            name: column
            for name, column in _ACTION_COLUMNS.items()
            if name in ActionRead.model_fields and name not in resource
        },
        **{name: state[name] for name in STATE_FIELDS},
        "slippage_days": style.days_between(due, col(Action.original_due_date)),
        "overdue": sa.func.coalesce(
            sa.and_(due < _TODAY, status.not_in([constant(s) for s in CLOSED_STATUSES])),
            sa.false(),
        ),
        "reading_notes": _strings(style, col(Action.reading_notes)),
        "lead_officers": _lead_officers(style),
    }
    for expansion, build in _EXPANSIONS.items():
        fields[expansion.value] = build(style, as_of) if expansion in expand else MISSING
    check_fields(ActionRead, fields)
    return fields


def document_parts(
    expand: frozenset[Expansion], style: Style = TEXT
) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]]:
    """An action, with these expansions (lead officers always), in two parts: the head,
    every member up to the expansions, and the tail, the expansions (null where not asked
    for). As `TEXT`, the head has no closing brace and the tail is its members' text and
    the closing brace; otherwise each is a JSON object of its members."""
    fields = _fields(expand, style, None, state_columns(None))
    if style.values:
        return (
            style.json_object(ActionRead, fields, _UNEXPANDED),
            style.json_object(ActionRead, fields, EXPANDED),
        )
    head = concat(*members(style, ActionRead, fields, _UNEXPANDED, "{"))
    tail = concat(*members(style, ActionRead, fields, EXPANDED, ","), constant("}"))
    return head, tail


def document(
    expand: frozenset[Expansion],
    style: Style = TEXT,
    as_of: date | None = None,
    state: Mapping[str, Any] | None = None,
) -> sa.ColumnElement[str]:
    """An action's JSON, with these expansions (lead officers always): as `TEXT`, the text
    pydantic writes; otherwise one JSON object. With `as_of`, the state fields (`state`
    when given, as `_read` works them out once) and the latest update are those at the end
    of that day; bind `today` to that day too, which `overdue` is judged on."""
    fields = _fields(expand, style, as_of, state or state_columns(as_of))
    if style.values:
        return style.object(ActionRead, fields)
    head = members(style, ActionRead, fields, _UNEXPANDED, "{")
    return concat(*head, *members(style, ActionRead, fields, EXPANDED, ","), constant("}"))


def _read(
    expand: frozenset[Expansion],
    style: Style,
    as_of: date | None,
    chosen: sa.ColumnElement[bool],
    *columns: Any,
) -> sa.Select[Any]:
    """These columns and the chosen actions' JSON. As of a day, each action's state then is
    worked out once, in a derived table: its representation reads the status and the due
    date several times, and each would probe the history again."""
    if as_of is None:
        return sa.select(*columns, document(expand, style)).where(chosen)
    then = (
        sa.select(
            col(Action.id).label("action_id"),
            *(column.label(name) for name, column in state_columns(as_of).items()),
        )
        .where(chosen)
        .subquery("state_then")
    )
    state = {name: then.c[name] for name in STATE_FIELDS}
    return (
        sa.select(*columns, document(expand, style, as_of, state))
        .join(then, then.c.action_id == col(Action.id))
        .where(chosen)
    )


def _statement(
    expand: frozenset[Expansion], one: bool, style: Style, as_of: date | None
) -> sa.Select[str, str]:
    """The statement reading actions by id, with these expansions; values are bound at
    execution.

    `one` reads a single action by `id = $1` rather than `= ANY($1)`: PostgreSQL then
    settles on one plan for the prepared statement, where for an array of one id it plans
    every execution again (the plan guessed for an unknown array looks costlier).
    """
    if one:
        chosen = col(Action.id) == ID
    elif style.sqlite:
        chosen = col(Action.id).in_(_ID_LIST)
    else:
        chosen = col(Action.id) == sa.func.any(_IDS)
    return _read(expand, style, as_of, chosen, col(Action.id))


@functools.lru_cache(maxsize=128)  # every set of expansions, both ways, on each database
def _current_statement(
    expand: frozenset[Expansion], one: bool, style: Style
) -> sa.Select[str, str]:
    """`_statement` for reads of today, built once: building one costs more than running
    it. A read `as_of` a day is built for that day."""
    return _statement(expand, one, style, None)


def _plan_statement(
    expand: frozenset[Expansion], style: Style, as_of: date | None
) -> sa.Select[str]:
    chosen = sa.and_(col(Action.plan_id) == _PLAN_ID, live_at(as_of))
    return _read(expand, style, as_of, chosen).order_by(col(Action.position), col(Action.id))


@functools.lru_cache(maxsize=16)
def _current_plan_statement(expand: frozenset[Expansion], style: Style) -> sa.Select[str]:
    return _plan_statement(expand, style, None)


def read_documents(documents: Sequence[str]) -> list[ActionRead]:
    """Actions from the JSON objects the database built."""
    return _ACTIONS.validate_json("[" + ",".join(documents) + "]")


async def render_actions(
    session: AsyncSession,
    action_ids: Sequence[str],
    expand: Collection[Expansion] = (),
    *,
    as_of: date | None = None,
) -> list[ActionRead]:
    """These actions, in this order, with the expansions asked for (lead officers always),
    as they stood at the end of `as_of` when given; actions that do not exist are left out."""
    if not action_ids:
        return []
    wanted = frozenset(expand) - {Expansion.lead_officers}
    style = read_style(session.get_bind().dialect.name)
    one = len(action_ids) == 1
    statement = (
        _current_statement(wanted, one, style)
        if as_of is None
        else _statement(wanted, one, style, as_of)
    )
    ids = {"id": action_ids[0]} if one else {"ids": list(action_ids)}
    rows = await session.execute(statement, {**ids, "today": as_of or clock.today()})
    found = {action_id: text for action_id, text in rows}
    return read_documents([found[action_id] for action_id in action_ids if action_id in found])


async def render_action(
    session: AsyncSession,
    action_id: str,
    expand: Collection[Expansion] = (),
    *,
    as_of: date | None = None,
) -> ActionRead:
    """One action as the API shows it (see `render_actions`), or a 404."""
    for read in await render_actions(session, [action_id], expand, as_of=as_of):
        return read
    raise crud.not_found("action", action_id)


async def render_plan_actions(
    session: AsyncSession,
    plan_id: str,
    expand: Collection[Expansion] = (),
    *,
    as_of: date | None = None,
) -> list[ActionRead]:
    """The plan's live actions (live at the end of `as_of`, and as they stood then, when
    given) in document order, with the expansions asked for (lead officers always), in one
    statement."""
    wanted = frozenset(expand) - {Expansion.lead_officers}
    style = read_style(session.get_bind().dialect.name)
    statement = (
        _current_plan_statement(wanted, style)
        if as_of is None
        else _plan_statement(wanted, style, as_of)
    )
    documents = await session.scalars(
        statement, {"plan_id": plan_id, "today": as_of or clock.today()}
    )
    return read_documents(list(documents))
