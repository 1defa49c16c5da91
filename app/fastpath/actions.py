"""The fast paths of `GET /actions/{action_id}` and of a simple `GET /actions` (see
`app.fastpath`)."""

from __future__ import annotations

import functools
from typing import Any

from fastapi import Request, Response
from sqlalchemy.engine import Dialect
from starlette.datastructures import QueryParams

from app.actions.dependencies import parse_expansions
from app.actions.query import SORTABLE
from app.actions.schemas import ActionFilters, Expansion
from app.core.errors import ValidationFailed
from app.core.http.concurrency import conditional_json
from app.core.http.listing import (
    decode_cursor,
    encode_cursor,
    parse_sort,
    set_link_header,
    without_none,
)
from app.core.http.responses import json_bytes_response
from app.core.resources import crud
from app.core.resources.loaders import MAX_ID_LENGTH
from app.fastpath import reading, statements
from app.fastpath.registry import Entry, QueryDeclarations
from app.models import Role, clock

# The list's default order, as its cursors name it.
_DEFAULT_ORDER = parse_sort(None, SORTABLE, ["created_at"])


@functools.lru_cache(maxsize=64)
def _compiled(dialect: Dialect, expand: frozenset[Expansion]) -> reading.Compiled:
    return reading.compile_for(dialect, statements.keyed_statement(expand))


def _expansions(values: list[str]) -> frozenset[Expansion] | None:
    try:
        return frozenset(parse_expansions(values))
    except ValidationFailed:
        return None


def _parse_detail_query(
    declared: QueryDeclarations, dialect: Dialect, query: bytes
) -> tuple[frozenset[Expansion], reading.Compiled] | None:
    """The expansions a detail request's query string asks for, and the statement that
    answers it, when the fast path can answer it; None otherwise."""
    values = reading.route_query(declared, QueryParams(query))
    if values is None or values["as_of"] is not None:
        return None
    expand = _expansions(values["expand"])
    if expand is None:
        return None
    return expand, _compiled(dialect, expand - {Expansion.lead_officers})


_detail_query = reading.ParsedOnce(_parse_detail_query)


async def _read(
    request: Request,
    key: str,
    role: Role,
    statement: reading.Compiled,
    values: dict[str, Any],
) -> Any | None:
    """The statement's row, once the key it read is authorised and counted; None otherwise."""
    found = await reading.read_authorised(request, key, role, statement, values)
    if found is None:
        return None
    row, principal = found
    await reading.count_request(request, principal)
    return row


async def get_action(request: Request, entry: Entry) -> Response | None:
    """The action with the expansions asked for, when the request is a simple one."""
    if not reading.on_postgres(request):
        return None
    action_id: str = request.path_params["action_id"]
    if len(action_id) > MAX_ID_LENGTH or reading.NUL in action_id:
        return None
    presented = reading.bearer_key(request)
    if presented is None:
        return None
    parsed = _detail_query(
        entry.query, request.app.state.engine.dialect, request.scope["query_string"]
    )
    if parsed is None:
        return None
    key, prefix = presented
    expand, compiled = parsed
    values = {"prefix": prefix, "id": action_id, "today": clock.today()}
    row = await _read(request, key, entry.role, compiled, values)
    if row is None:
        return None
    head, tail = row["head"], row["tail"]
    if head is None:
        raise crud.not_found("action", action_id)
    body, unexpanded = statements.detail_json(head, tail)
    if not expand:
        return conditional_json(request, Response(), body)
    return conditional_json(request, Response(), body, unexpanded=unexpanded)


@functools.lru_cache(maxsize=256)
def _compiled_page(
    dialect: Dialect,
    filters: frozenset[str],
    unrated: bool,
    after: bool,
    expand: frozenset[Expansion],
    single: frozenset[str],
) -> reading.Compiled:
    statement = statements.keyed_page_statement(filters, unrated, after, expand, single)
    return reading.compile_for(dialect, statement)


def _bound(filters: ActionFilters) -> dict[str, Any] | None:
    """The values the page statement binds for these filters, by filter name, when the
    fast path takes every filter given; None otherwise. `rag=none` becomes `unrated`."""
    if not filters.model_fields_set <= statements.LIST_FILTERS:
        return None
    values: dict[str, Any] = {}
    for name in filters.model_fields_set:
        given = [str(value) for value in getattr(filters, name)]
        if name == "rag":
            given, values["unrated"] = without_none(given)
        if given:
            values[name] = given
    return values


async def list_actions(request: Request, entry: Entry) -> Response | None:
    """A page of live actions in the default order, filtered by plan, area, outcome,
    objective, rating or status, when the request is a simple one."""
    if not reading.on_postgres(request):
        return None
    presented = reading.bearer_key(request)
    parsed = reading.request_query(request, entry)
    if presented is None or parsed is None or parsed["sort"]:
        return None
    expand = _expansions(parsed["expand"])
    values = _bound(parsed["filters"])
    if expand is None or values is None:
        return None
    limit: int = parsed["limit"]
    cursor: str | None = parsed["cursor"]
    if cursor is not None:
        try:
            (values["after_at"],), values["after_id"] = decode_cursor(cursor, _DEFAULT_ORDER)
        except ValidationFailed:
            return None
    unrated = values.pop("unrated", False)
    key, prefix = presented
    filters = frozenset(values) & statements.LIST_FILTERS
    single = frozenset(name for name in filters if len(values[name]) == 1)
    for name in single:
        (values[name],) = values[name]
    compiled = _compiled_page(
        request.app.state.engine.dialect,
        filters,
        unrated,
        cursor is not None,
        expand - {Expansion.lead_officers},
        single,
    )
    values.update(prefix=prefix, fetch=limit + 1, limit=limit, today=clock.today())
    row = await _read(request, key, entry.role, compiled, values)
    if row is None:
        return None
    ids, created = row["ids"] or [], row["created"] or []
    next_cursor = None
    if len(ids) > limit:
        next_cursor = encode_cursor(_DEFAULT_ORDER, [created[limit - 1]], ids[limit - 1])
    body = statements.page_json(row["items"], row["total"], next_cursor)
    response = Response()
    set_link_header(request, response, next_cursor)
    return json_bytes_response(body, response)
