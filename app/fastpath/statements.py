"""The statements of the actions' fast paths: the key check and the actions' JSON,
written by PostgreSQL as `app.actions.rendering` writes it for the routes, in one
statement each."""

from __future__ import annotations

import functools
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlmodel import col

from app.actions.rendering import EXPANDED, ID, document, document_parts
from app.actions.schemas import (
    ActionPage,
    Expansion,
)
from app.core.auth.keys import KEY_COLUMNS, KEY_OR_TOKEN, beside_key
from app.core.db.json_text import VALUES, constant
from app.models import (
    Action,
)


@functools.lru_cache(maxsize=64)  # every set of expansions
def keyed_statement(expand: frozenset[Expansion]) -> sa.Select[*tuple[Any, ...]]:
    """The key check and one action, in its two parts as `json` (`head` and `tail`, see
    `document_parts`; null when there is no such action), in one statement: a row when a
    key has the prefix or a token was presented (see `beside_key`), none otherwise.
    `detail_json` writes the action's JSON from them.

    For one action, building `json` values and writing them out again with orjson costs
    less than PostgreSQL writing the text member by member; for a page it is the other way
    round (see docs/performance.md)."""
    head, tail = document_parts(expand, VALUES)
    # As text: the engine's connections would otherwise decode `json` with the json module.
    found = sa.select(
        sa.cast(head, sa.Text).label("head"), sa.cast(tail, sa.Text).label("tail")
    ).where(col(Action.id) == ID)
    action = found.subquery("found")
    return (
        sa.select(*KEY_COLUMNS, action.c.head, action.c.tail)
        .select_from(beside_key(action))
        .where(KEY_OR_TOKEN)
    )


_UNEXPANDED = dict.fromkeys(EXPANDED)


def detail_json(head: str, tail: str) -> tuple[bytes, bytes]:
    """An action's JSON as pydantic writes it, and its unexpanded representation's (every
    expansion null, which its ETag is taken from), from the two `json` objects
    `keyed_statement` reads: the same members in the same order, the same escapes and
    spacing as `ActionRead`'s. orjson writes them: it escapes strings as pydantic's
    serialiser does, and reads and writes them in half its time."""
    members = orjson.loads(head)
    expansions = orjson.loads(tail)
    body = orjson.dumps(members | expansions)
    # With every expansion null (none asked for), the body is the unexpanded representation.
    if not any(value is not None for value in expansions.values()):
        return body, body
    return body, orjson.dumps(members | _UNEXPANDED)


_LISTED_BY = {
    "plan_id": col(Action.plan_id),
    "area_id": col(Action.area_id),
    "outcome_id": col(Action.outcome_id),
    "objective_id": col(Action.objective_id),
    "rag": col(Action.rag),
    "status": col(Action.status),
}
LIST_FILTERS = frozenset(_LISTED_BY)


def _matches(name: str, single: frozenset[str]) -> sa.ColumnElement[bool]:
    if name in single:
        return _LISTED_BY[name] == sa.bindparam(name, type_=sa.String)
    return _LISTED_BY[name] == sa.func.any(sa.bindparam(name, type_=postgresql.ARRAY(sa.String)))


# One statement, built in one place so its parts' order and bound values are seen together.
@functools.lru_cache(maxsize=256)  # every combination of filters, cursor and expansions
def keyed_page_statement(
    filters: frozenset[str],
    unrated: bool,
    after: bool,
    expand: frozenset[Expansion],
    single: frozenset[str],
) -> sa.Select[*tuple[Any, ...]]:
    """The key check and one page of live actions in their default order (`created_at`,
    then id), in one statement: the count of every match, the ids and creation times of
    up to `fetch` rows after the cursor (one more than the page, to tell whether there is a
    next page), and the JSON text of the first `limit` of them, joined by commas (null
    when there are none).

    `filters` names the columns filtered by a bound array of values (`= ANY`), or by one
    value for those in `single` (`=`: PostgreSQL then estimates a prepared statement's
    generic plan from the column's statistics, and keeps it rather than planning every
    execution again, which for this statement costs more than running it); `unrated`
    also admits actions with no rating (`rag=none`); `after` reads the rows after a cursor
    (`after_at`, `after_id`). The bound values are named after the filters.
    """
    conditions: list[sa.ColumnElement[bool]] = [col(Action.archived_at).is_(None)]
    for name in sorted(filters - {"rag"}):
        conditions.append(_matches(name, single))
    ratings = [_matches("rag", single)] if "rag" in filters else []
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
    joined = sa.func.string_agg(
        document(expand),
        postgresql.aggregate_order_by(constant(","), shown.c.created_at, shown.c.id),
    )
    items = (
        sa.select(joined)
        .select_from(shown.join(Action, col(Action.id) == shown.c.id))
        .scalar_subquery()
    )

    def listed(column: Any) -> sa.ScalarSelect[Any]:
        aggregated = sa.func.array_agg(postgresql.aggregate_order_by(column, *order))
        return sa.select(aggregated).select_from(page_cte).scalar_subquery()

    total = sa.select(sa.func.count()).select_from(matching).scalar_subquery()
    return (
        sa.select(
            *KEY_COLUMNS,
            total.label("total"),
            listed(page_cte.c.id).label("ids"),
            listed(page_cte.c.created_at).label("created"),
            items.label("items"),
        )
        .select_from(beside_key())
        .where(KEY_OR_TOKEN)
    )


_EMPTY_PAGE = '{"items":['


def page_json(items: str | None, total: int, next_cursor: str | None) -> bytes:
    """An `ActionPage` as pydantic writes it, around the items' JSON text (as
    `keyed_page_statement` joins them)."""
    envelope = ActionPage(items=[], total=total, next_cursor=next_cursor).model_dump_json()
    return (_EMPTY_PAGE + (items or "") + envelope.removeprefix(_EMPTY_PAGE)).encode()
