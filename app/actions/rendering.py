"""Actions as JSON built by PostgreSQL, for the reads a frontend makes most.

On PostgreSQL, a page of actions or one action (read without `as_of`) is read with all its
expansions in one statement: the database writes each action's JSON text exactly as
pydantic would serialise its `ActionRead` (same members in the same order, the same string
escapes, timestamps as `…Z` with microseconds only when there are some), so the bytes sent,
and the ETags taken from them, are those the Python path (`assembly.read_actions`) gives.
The fast path of a page (`app.fastpath.statements`) sends that text as it comes; the one of
a single action has the database build `json` values instead, which orjson writes out
again as pydantic would (`detail_json`); the routes validate the text into models. The
Python path reads the same data in one statement per kind of related data and builds the
models from rows; SQLite uses it, and so does `as_of`.
"""

from __future__ import annotations

import functools
import json
import typing
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, TypeAdapter
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
from app.actions.state import CLOSED_STATUSES, deciding_update
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
)
from app.status_updates.schemas import Evidence, StatusUpdateRead

_ACTIONS = TypeAdapter(list[ActionRead])
_ACTION_COLUMNS: sa.ColumnCollection[str, Any] = Action.__table__.c  # type: ignore[attr-defined]
_IDS = sa.bindparam("ids", type_=postgresql.ARRAY(sa.String))
ID = sa.bindparam("id", type_=sa.String)
_TODAY = sa.bindparam("today", type_=sa.Date)
_NULL: sa.ColumnElement[str] = sa.literal_column("'null'")
# Timestamps as pydantic writes them: RFC 3339 in UTC, whatever the connection's time zone,
# with microseconds only when there are some (".000000" can only be the fraction).
_TIMESTAMP = 'YYYY-MM-DD"T"HH24:MI:SS.US'
_WHOLE = ".000000"


def constant(text: str) -> sa.ColumnElement[Any]:
    """A string written into the statement rather than bound: these are the code's own."""
    return sa.literal_column("'" + text.replace("'", "''") + "'")


# PostgreSQL's limit on a function's arguments.
_MAX_ARGUMENTS = 100


def _cat(*parts: sa.ColumnElement[Any]) -> sa.ColumnElement[str]:
    """The parts' text, joined: `concat(…)`, which copies each part once (a chain of `||`
    copies the growing text at every step). A null part counts as empty text."""
    while len(parts) > _MAX_ARGUMENTS:
        parts = tuple(
            sa.func.concat(*parts[i : i + _MAX_ARGUMENTS])
            for i in range(0, len(parts), _MAX_ARGUMENTS)
        )
    return sa.func.concat(*parts, type_=sa.Text)


@dataclass(frozen=True)
class _Json:
    """SQL that gives a JSON value already (a nested object or array), in the style it
    was built in: JSON text, or PostgreSQL's `json`."""

    sql: sa.ColumnElement[Any]


class _Missing:
    """A member that is always null (`superseded_by_id`, an expansion not asked for)."""


_MISSING = _Missing()


def _time(column: Any, *, quoted: bool) -> sa.ColumnElement[str]:
    """A timestamp as pydantic writes it, in UTC with microseconds only when there are
    some: as JSON text (`"…Z"`, or `null`) when `quoted`, else the string itself (SQL null
    for null, which `json_build_object` writes as `null`)."""
    utc = sa.func.to_char(sa.func.timezone(constant("UTC"), column), constant(_TIMESTAMP))
    text = sa.func.replace(utc, constant(_WHOLE), constant(""))
    if quoted:
        return sa.case((column.is_(None), _NULL), else_=_cat(constant('"'), text, constant('Z"')))
    return sa.case((column.is_(None), sa.null()), else_=_cat(text, constant("Z")))


def _is_time(annotation: Any) -> bool:
    return datetime in (annotation, *typing.get_args(annotation))


@dataclass(frozen=True)
class _Style:
    """How objects and arrays are built.

    `TEXT` writes the JSON text itself, member by member, exactly as pydantic writes it, so
    that it can be sent as it comes. `VALUES` has PostgreSQL build `json` values
    (`json_build_object`, `json_agg`), which costs the database less but spaces members
    as PostgreSQL does: the text is written out again in Python (`detail_json`). In both,
    timestamps are made text as pydantic writes them (PostgreSQL's own form trims the
    fraction's zeros).
    """

    values: bool

    def value(self, value: Any, annotation: Any) -> sa.ColumnElement[Any]:
        """One member's value, as pydantic writes a field of this type."""
        if isinstance(value, _Json):
            return value.sql
        if isinstance(value, _Missing):
            return sa.null() if self.values else _NULL
        if _is_time(annotation):
            return _time(value, quoted=not self.values)
        if self.values:
            return value  # type: ignore[no-any-return]
        # PostgreSQL escapes strings as pydantic does (`\n`, `\"`, `\u0001`, the rest as is).
        return sa.func.coalesce(sa.cast(sa.func.to_json(value), sa.Text), _NULL)

    def json_object(
        self, model: type[BaseModel], fields: dict[str, Any], names: Sequence[str]
    ) -> sa.ColumnElement[Any]:
        """These of the model's members, in order, as one `json` object (`VALUES` only)."""
        arguments: list[sa.ColumnElement[Any]] = []
        for name in names:
            annotation = model.model_fields[name].annotation
            arguments += [constant(name), self.value(fields[name], annotation)]
        if len(arguments) > _MAX_ARGUMENTS:
            raise TypeError(f"{model.__name__} has too many members for one json_build_object")
        return sa.func.json_build_object(*arguments)

    def object(self, model: type[BaseModel], fields: dict[str, Any]) -> sa.ColumnElement[Any]:
        """The object pydantic writes for `model` with these fields: one entry per field of
        the model (`_MISSING` for null), in the model's order."""
        _check_fields(model, fields)
        if self.values:
            return self.json_object(model, fields, list(model.model_fields))
        return _cat(*_members(self, model, fields, list(model.model_fields), "{"), constant("}"))

    def array(
        self, item: sa.ColumnElement[Any], order: Sequence[Any], source: sa.Select[Any]
    ) -> sa.Select[Any]:
        """The items of `source` as an array, `[]` when none (one row, from an aggregate)."""
        if self.values:
            aggregated = sa.func.json_agg(postgresql.aggregate_order_by(item, *order))
            return source.with_only_columns(sa.func.coalesce(aggregated, _EMPTY_ARRAY))
        joined = sa.func.string_agg(item, postgresql.aggregate_order_by(constant(","), *order))
        # An aggregate gives a row when nothing matches, and concat() `[]` for its null.
        return source.with_only_columns(_cat(constant("["), joined, constant("]")))


TEXT = _Style(values=False)
VALUES = _Style(values=True)
_EMPTY_ARRAY: sa.ColumnElement[Any] = sa.literal_column("'[]'::json")


def _members(
    style: _Style,
    model: type[BaseModel],
    fields: dict[str, Any],
    names: Sequence[str],
    opening: str,
) -> list[sa.ColumnElement[Any]]:
    """`"name":value` text for these of the model's fields, in order, after `opening`."""
    parts: list[sa.ColumnElement[Any]] = []
    for number, name in enumerate(names):
        separator = opening if number == 0 else ","
        parts += [
            constant(separator + json.dumps(name) + ":"),
            style.value(fields[name], model.model_fields[name].annotation),
        ]
    return parts


def _check_fields(model: type[BaseModel], fields: dict[str, Any]) -> None:
    if set(fields) != set(model.model_fields):
        raise TypeError(
            f"{model.__name__} needs {sorted(model.model_fields)}, not {sorted(fields)}"
        )


def _resource(entity: Any) -> dict[str, Any]:
    """The fields every resource shows (`ResourceRead`)."""
    return {
        "id": col(entity.id),
        "created_at": col(entity.created_at),
        "updated_at": col(entity.updated_at),
        "archived_at": col(entity.archived_at),
    }


def _array(
    style: _Style, item: sa.ColumnElement[Any], order: Sequence[Any], source: sa.Select[Any]
) -> _Json:
    """The items of `source` (correlated to `Action`) as a JSON array, `[]` when none."""
    return _Json(style.array(item, order, source).correlate(Action).scalar_subquery())


def _lead_officers(style: _Style) -> _Json:
    officer = style.object(
        OfficerSummary,
        {
            **_resource(Officer),
            "name": col(Officer.name),
            "job_title": col(Officer.job_title),
            "is_role": col(Officer.is_role),
        },
    )
    source = (
        sa.select(col(Officer.id))
        .join(ActionLeadOfficer, col(ActionLeadOfficer.officer_id) == col(Officer.id))
        .where(col(ActionLeadOfficer.action_id) == col(Action.id))
    )
    order = (col(ActionLeadOfficer.position), col(Officer.name), col(Officer.id))
    return _array(style, officer, order, source)


def _success_criteria(style: _Style) -> _Json:
    criterion = style.object(
        CriterionSummary,
        {
            **_resource(SuccessCriterion),
            "statement": col(SuccessCriterion.statement),
            "area_id": col(SuccessCriterion.area_id),
            "outcome_id": col(SuccessCriterion.outcome_id),
            "objective_id": col(SuccessCriterion.objective_id),
        },
    )
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


def _strategies(style: _Style) -> _Json:
    strategy = style.object(
        StrategyOnAction,
        {
            **_resource(Strategy),
            "link_id": col(StrategyLink.id),
            "title": col(Strategy.title),
            "url": col(Strategy.url),
            "note": col(StrategyLink.note),
        },
    )
    source = (
        sa.select(col(Strategy.id))
        .join(StrategyLink, col(StrategyLink.strategy_id) == col(Strategy.id))
        .where(
            col(StrategyLink.action_id) == col(Action.id), col(StrategyLink.archived_at).is_(None)
        )
    )
    return _array(style, strategy, (col(StrategyLink.created_at), col(StrategyLink.id)), source)


def _inspection_actions(style: _Style) -> _Json:
    inspection = style.object(
        InspectionActionSummary,
        {
            **_resource(InspectionAction),
            "source": col(InspectionAction.source),
            "number": col(InspectionAction.number),
            "text": col(InspectionAction.text),
        },
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


def _children(style: _Style) -> _Json:
    child = sa.orm.aliased(Action, name="child")
    summary = style.object(
        ActionSummary,
        {
            **_resource(child),
            "ref": col(child.ref),
            "title": col(child.title),
            "timescale": col(child.timescale),
            "due_date": col(child.due_date),
            "rag": col(child.rag),
            "status": col(child.status),
        },
    )
    source = sa.select(col(child.id)).where(
        col(child.parent_id) == col(Action.id), col(child.archived_at).is_(None)
    )
    return _array(style, summary, (col(child.position), col(child.id)), source)


def _latest_update(style: _Style) -> _Json:
    """The deciding update (latest effective, not corrected): never superseded, by its
    definition, and never archived."""

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
                "superseded_by_id": _MISSING,
                "created_at": col(u.created_at),
                "updated_at": col(u.created_at),
                "archived_at": _MISSING,
            },
        )

    latest = deciding_update(None, update)
    return _Json(latest if style.values else sa.func.coalesce(latest, _NULL))


def _evidence(style: _Style, column: Any) -> _Json:
    """A status update's evidence (a JSON array in the row) as `Evidence` writes it."""
    element = (
        sa.func.json_array_elements(column)
        .table_valued("value", with_ordinality="number")
        .render_derived()
    )
    member = element.c.value.op("->>", return_type=sa.Text)
    piece = style.object(Evidence, {name: member(constant(name)) for name in Evidence.model_fields})
    source = sa.select(element.c.number).select_from(element)
    return _Json(style.array(piece, (element.c.number,), source).scalar_subquery())


_EXPANSIONS = {
    Expansion.success_criteria: _success_criteria,
    Expansion.strategies: _strategies,
    Expansion.inspection_actions: _inspection_actions,
    Expansion.children: _children,
    Expansion.latest_update: _latest_update,
}


# The expansions are the last members of an action: its unexpanded representation (the one
# its ETag is taken from) is the same text up to them, with each of them null.
EXPANDED = tuple(e.value for e in _EXPANSIONS)
_UNEXPANDED = tuple(name for name in ActionRead.model_fields if name not in EXPANDED)
if tuple(ActionRead.model_fields) != _UNEXPANDED + EXPANDED:
    raise TypeError("ActionRead's expansions must be its last fields, in Expansion's order")


def document_parts(
    expand: frozenset[Expansion], style: _Style = TEXT
) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any]]:
    """An action, with these expansions (lead officers always), in two parts: the head,
    every member up to the expansions, and the tail, the expansions (null where not asked
    for). As `TEXT`, the head has no closing brace and the tail is its members' text and
    the closing brace; as `VALUES`, each is a `json` object of its members."""
    due, original, status = col(Action.due_date), col(Action.original_due_date), col(Action.status)
    resource = _resource(Action)
    fields: dict[str, Any] = {
        **resource,
        # The fields the action's own columns give as they are stored.
        **{
            name: column
            for name, column in _ACTION_COLUMNS.items()
            if name in ActionRead.model_fields and name not in resource
        },
        "slippage_days": due - original,
        "overdue": sa.func.coalesce(
            sa.and_(due < _TODAY, status.not_in([constant(s) for s in CLOSED_STATUSES])),
            sa.false(),
        ),
        "lead_officers": _lead_officers(style),
    }
    for expansion, build in _EXPANSIONS.items():
        fields[expansion.value] = build(style) if expansion in expand else _MISSING
    _check_fields(ActionRead, fields)
    if style.values:
        return (
            style.json_object(ActionRead, fields, _UNEXPANDED),
            style.json_object(ActionRead, fields, EXPANDED),
        )
    head = _cat(*_members(style, ActionRead, fields, _UNEXPANDED, "{"))
    tail = _cat(*_members(style, ActionRead, fields, EXPANDED, ","), constant("}"))
    return head, tail


def document(expand: frozenset[Expansion]) -> sa.ColumnElement[str]:
    """An action's JSON text, with these expansions (lead officers always)."""
    return _cat(*document_parts(expand))


@functools.lru_cache(maxsize=128)  # every set of expansions, both ways
def _statement(expand: frozenset[Expansion], one: bool) -> sa.Select[str, str]:
    """The statement for one set of expansions, built once: values are bound at execution.

    `one` reads a single action by `id = $1` rather than `= ANY($1)`: PostgreSQL then
    settles on one plan for the prepared statement, where for an array of one id it plans
    every execution again (the plan guessed for an unknown array looks costlier).
    """
    return sa.select(col(Action.id), document(expand)).where(
        col(Action.id) == (ID if one else sa.func.any(_IDS))
    )


def read_documents(documents: Sequence[str]) -> list[ActionRead]:
    """Actions from the JSON objects the database built."""
    return _ACTIONS.validate_json("[" + ",".join(documents) + "]")


def renders(session: AsyncSession, as_of: date | None) -> bool:
    """Whether this read is rendered by the database: on PostgreSQL, without `as_of`."""
    return as_of is None and session.get_bind().dialect.name == "postgresql"


async def render_actions(
    session: AsyncSession,
    action_ids: Sequence[str],
    expand: Collection[Expansion] = (),
) -> list[ActionRead]:
    """These actions, in this order, with the expansions asked for (lead officers always);
    actions that do not exist are left out."""
    if not action_ids:
        return []
    wanted = frozenset(expand) - {Expansion.lead_officers}
    one = len(action_ids) == 1
    ids = {"id": action_ids[0]} if one else {"ids": list(action_ids)}
    rows = await session.execute(_statement(wanted, one), {**ids, "today": date.today()})
    found = {action_id: text for action_id, text in rows}
    return read_documents([found[action_id] for action_id in action_ids if action_id in found])
