"""Actions as JSON built by PostgreSQL, for the reads a frontend makes most.

On PostgreSQL, a page of actions or one action (read without `as_of`) is read with all its
expansions in one statement: the database assembles each action's JSON object
(`json_build_object`, `json_agg`), and pydantic validates it into `ActionRead` and
serialises it, so the bytes sent, and the ETags taken from them, are those the Python path
(`service.read_actions`) gives. That path reads the same data in one statement per kind of
related data and builds the models from rows; SQLite uses it, and so does `as_of`.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from datetime import date
from itertools import chain
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.schemas import ActionRead, Expansion
from app.actions.state import CLOSED_STATUSES, deciding_update
from app.core.security import KEY_COLUMNS, KEY_PREFIX_PARAM
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    ApiKey,
    InspectionAction,
    Officer,
    Strategy,
    StrategyLink,
    SuccessCriterion,
)

_ACTIONS = TypeAdapter(list[ActionRead])
_ACTION_COLUMNS: sa.ColumnCollection[str, Any] = Action.__table__.c  # type: ignore[attr-defined]
_IDS = sa.bindparam("ids", type_=postgresql.ARRAY(sa.String))
_ID = sa.bindparam("id", type_=sa.String)
_TODAY = sa.bindparam("today", type_=sa.Date)
_EMPTY: sa.ColumnElement[Any] = sa.literal_column("'[]'::json")
# Timestamps as RFC 3339 in UTC, whatever the connection's time zone.
_RFC3339_UTC = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'


def _constant(text: str) -> sa.ColumnElement[Any]:
    """A string written into the statement rather than bound: these are the code's own."""
    return sa.literal_column("'" + text.replace("'", "''") + "'")


def _utc(column: Any) -> sa.ColumnElement[str]:
    return sa.func.to_char(sa.func.timezone(_constant("UTC"), column), _constant(_RFC3339_UTC))


def _object(fields: dict[str, Any]) -> sa.ColumnElement[Any]:
    return sa.func.json_build_object(
        *chain.from_iterable((_constant(name), value) for name, value in fields.items())
    )


def _resource(entity: Any) -> dict[str, Any]:
    """The fields every resource shows (`ResourceRead`)."""
    return {
        "id": col(entity.id),
        "created_at": _utc(entity.created_at),
        "updated_at": _utc(entity.updated_at),
        "archived_at": _utc(entity.archived_at),
    }


def _array(
    item: sa.ColumnElement[Any], order: Sequence[Any], source: sa.Select[Any]
) -> sa.ColumnElement[Any]:
    """The items of `source` (correlated to `Action`) as a JSON array, `[]` when none."""
    aggregated = sa.func.json_agg(postgresql.aggregate_order_by(item, *order))
    return sa.func.coalesce(
        source.with_only_columns(aggregated).correlate(Action).scalar_subquery(), _EMPTY
    )


def _lead_officers() -> sa.ColumnElement[Any]:
    officer = _object(
        {
            **_resource(Officer),
            "name": col(Officer.name),
            "job_title": col(Officer.job_title),
            "is_role": col(Officer.is_role),
        }
    )
    source = (
        sa.select(col(Officer.id))
        .join(ActionLeadOfficer, col(ActionLeadOfficer.officer_id) == col(Officer.id))
        .where(col(ActionLeadOfficer.action_id) == col(Action.id))
    )
    order = (col(ActionLeadOfficer.position), col(Officer.name), col(Officer.id))
    return _array(officer, order, source)


def _success_criteria() -> sa.ColumnElement[Any]:
    criterion = _object(
        {
            **_resource(SuccessCriterion),
            "statement": col(SuccessCriterion.statement),
            "area_id": col(SuccessCriterion.area_id),
            "outcome_id": col(SuccessCriterion.outcome_id),
            "objective_id": col(SuccessCriterion.objective_id),
        }
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
    return _array(criterion, (col(SuccessCriterion.position), col(SuccessCriterion.id)), source)


def _strategies() -> sa.ColumnElement[Any]:
    strategy = _object(
        {
            **_resource(Strategy),
            "link_id": col(StrategyLink.id),
            "title": col(Strategy.title),
            "url": col(Strategy.url),
            "note": col(StrategyLink.note),
        }
    )
    source = (
        sa.select(col(Strategy.id))
        .join(StrategyLink, col(StrategyLink.strategy_id) == col(Strategy.id))
        .where(
            col(StrategyLink.action_id) == col(Action.id), col(StrategyLink.archived_at).is_(None)
        )
    )
    return _array(strategy, (col(StrategyLink.created_at), col(StrategyLink.id)), source)


def _inspection_actions() -> sa.ColumnElement[Any]:
    inspection = _object(
        {
            **_resource(InspectionAction),
            "source": col(InspectionAction.source),
            "number": col(InspectionAction.number),
            "text": col(InspectionAction.text),
        }
    )
    source = (
        sa.select(col(InspectionAction.id))
        .join(
            ActionInspectionAction,
            col(ActionInspectionAction.inspection_action_id) == col(InspectionAction.id),
        )
        .where(col(ActionInspectionAction.action_id) == col(Action.id))
    )
    return _array(inspection, (col(InspectionAction.source), col(InspectionAction.number)), source)


def _children() -> sa.ColumnElement[Any]:
    child = sa.orm.aliased(Action, name="child")
    summary = _object(
        {
            **_resource(child),
            "ref": col(child.ref),
            "title": col(child.title),
            "timescale": col(child.timescale),
            "due_date": col(child.due_date),
            "rag": col(child.rag),
            "status": col(child.status),
        }
    )
    source = sa.select(col(child.id)).where(
        col(child.parent_id) == col(Action.id), col(child.archived_at).is_(None)
    )
    return _array(summary, (col(child.position), col(child.id)), source)


def _latest_update() -> sa.ColumnElement[Any]:
    """The deciding update (latest effective, not corrected): never superseded, by its
    definition, and never archived."""

    def update(u: Any) -> sa.ColumnElement[Any]:
        return _object(
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
                "evidence": col(u.evidence),
                "effective_date": col(u.effective_date),
                "author": col(u.author),
                "author_officer_id": col(u.author_officer_id),
                "corrects_update_id": col(u.corrects_update_id),
                "superseded_by_id": sa.null(),
                "created_at": _utc(u.created_at),
                "updated_at": _utc(u.created_at),
                "archived_at": sa.null(),
            }
        )

    return deciding_update(None, update)


_EXPANSIONS = {
    Expansion.success_criteria: _success_criteria,
    Expansion.strategies: _strategies,
    Expansion.inspection_actions: _inspection_actions,
    Expansion.children: _children,
    Expansion.latest_update: _latest_update,
}


def _document(expand: frozenset[Expansion]) -> sa.ColumnElement[str]:
    """An action's JSON object, as text, with these expansions (lead officers always)."""
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
            sa.and_(due < _TODAY, status.not_in([_constant(s) for s in CLOSED_STATUSES])),
            sa.false(),
        ),
        "lead_officers": _lead_officers(),
    }
    for expansion in sorted(expand):
        fields[expansion.value] = _EXPANSIONS[expansion]()
    return sa.cast(_object(fields), sa.Text)


@functools.lru_cache(maxsize=128)  # every set of expansions, both ways
def _statement(expand: frozenset[Expansion], one: bool) -> sa.Select[str, str]:
    """The statement for one set of expansions, built once: values are bound at execution.

    `one` reads a single action by `id = $1` rather than `= ANY($1)`: PostgreSQL then
    settles on one plan for the prepared statement, where for an array of one id it plans
    every execution again (the plan guessed for an unknown array looks costlier).
    """
    return sa.select(col(Action.id), _document(expand)).where(
        col(Action.id) == (_ID if one else sa.func.any(_IDS))
    )


@functools.lru_cache(maxsize=64)  # every set of expansions
def keyed_statement(expand: frozenset[Expansion]) -> sa.Select[*tuple[Any, ...]]:
    """The key check and one action's JSON (null when there is no such action), in one
    statement: a row when a key has the prefix, none otherwise."""
    document = sa.select(_document(expand)).where(col(Action.id) == _ID).scalar_subquery()
    return sa.select(*KEY_COLUMNS, document.label("document")).where(
        col(ApiKey.prefix) == KEY_PREFIX_PARAM
    )


_LISTED_BY = {
    "plan_id": col(Action.plan_id),
    "area_id": col(Action.area_id),
    "outcome_id": col(Action.outcome_id),
    "objective_id": col(Action.objective_id),
    "rag": col(Action.rag),
    "status": col(Action.status),
}
LIST_FILTERS = frozenset(_LISTED_BY)


def _any(name: str) -> sa.ColumnElement[Any]:
    return sa.func.any(sa.bindparam(name, type_=postgresql.ARRAY(sa.String)))


@functools.lru_cache(maxsize=256)  # every combination of filters, cursor and expansions
def keyed_page_statement(
    filters: frozenset[str], unrated: bool, after: bool, expand: frozenset[Expansion]
) -> sa.Select[*tuple[Any, ...]]:
    """The key check and one page of live actions in their default order (`created_at`,
    then id), in one statement: the count of every match, the ids and creation times of
    up to `fetch` rows after the cursor (one more than the page, to tell whether there is a
    next page), and the JSON of the first `limit` of them.

    `filters` names the columns filtered by a bound array of values (`= ANY`); `unrated`
    also admits actions with no rating (`rag=none`); `after` reads the rows after a cursor
    (`after_at`, `after_id`). The bound values are named after the filters.
    """
    conditions: list[sa.ColumnElement[bool]] = [col(Action.archived_at).is_(None)]
    for name in sorted(filters - {"rag"}):
        conditions.append(_LISTED_BY[name] == _any(name))
    ratings = [_LISTED_BY["rag"] == _any("rag")] if "rag" in filters else []
    if unrated:
        ratings.append(col(Action.rag).is_(None))
    if ratings:
        conditions.append(sa.or_(*ratings))
    matching = sa.select(col(Action.id), col(Action.created_at)).where(*conditions).cte("matching")
    page = sa.select(matching.c.id, matching.c.created_at)
    if after:
        at = sa.bindparam("after_at", type_=sa.DateTime(timezone=True))
        after_id = sa.bindparam("after_id", type_=sa.String)
        page = page.where(
            sa.or_(
                matching.c.created_at > at,
                sa.and_(matching.c.created_at == at, matching.c.id > after_id),
            )
        )
    page_cte = (
        page.order_by(matching.c.created_at, matching.c.id)
        .limit(sa.bindparam("fetch", type_=sa.Integer))
        .cte("page")
    )
    order = (page_cte.c.created_at, page_cte.c.id)
    shown = (
        sa.select(page_cte.c.id, page_cte.c.created_at)
        .order_by(*order)
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .subquery("shown")
    )
    documents = (
        sa.select(
            sa.func.array_agg(
                postgresql.aggregate_order_by(_document(expand), shown.c.created_at, shown.c.id)
            )
        )
        .select_from(shown.join(Action, col(Action.id) == shown.c.id))
        .scalar_subquery()
    )

    def listed(column: Any) -> sa.ScalarSelect[Any]:
        aggregated = sa.func.array_agg(postgresql.aggregate_order_by(column, *order))
        return sa.select(aggregated).select_from(page_cte).scalar_subquery()

    total = sa.select(sa.func.count()).select_from(matching).scalar_subquery()
    return sa.select(
        *KEY_COLUMNS,
        total.label("total"),
        listed(page_cte.c.id).label("ids"),
        listed(page_cte.c.created_at).label("created"),
        documents.label("documents"),
    ).where(col(ApiKey.prefix) == KEY_PREFIX_PARAM)


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
