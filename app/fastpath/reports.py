"""The fast path of a repeat read of a quarterly report (see `app.fastpath`).

A report is only computed when the plan's data (or, for a quarter not yet closed, the day)
has changed since the client's copy or this worker's: every other read needs the key and
the plan's fingerprint and nothing else, which one statement reads here. It is tried when
the request has `If-None-Match` or the worker has rendered the report; a first read, an
unknown plan and anything unusual in the request take the route's ordinary path.
"""

from __future__ import annotations

import functools
from typing import Any

import sqlalchemy as sa
from fastapi import Request, Response
from sqlalchemy.engine import Dialect
from starlette.datastructures import QueryParams

from app.core.auth.keys import KEY_COLUMNS, KEY_OR_TOKEN, beside_key
from app.fastpath import reading
from app.fastpath.registry import Entry, QueryDeclarations
from app.models import clock
from app.reports.fingerprint import FINGERPRINT
from app.reports.quarters import Quarter
from app.reports.rendering import (
    NotAcceptable,
    ReportFormat,
    cached_reports,
    cached_response,
    choose_format,
    report_etag,
    report_key,
)


@functools.lru_cache(maxsize=4)
def _compiled(dialect: Dialect) -> reading.Compiled:
    """The key check and the plan's fingerprint, in one statement: a row when a key has the
    prefix or a token was presented (see `beside_key`; the fingerprint's first counter 0 when
    there is no such plan), none otherwise."""
    fingerprint = FINGERPRINT.subquery("fingerprint")
    statement = (
        sa.select(*KEY_COLUMNS, *fingerprint.c)
        .select_from(beside_key(fingerprint))
        .where(KEY_OR_TOKEN)
    )
    return reading.compile_for(dialect, statement)


def _parse_query(
    declared: QueryDeclarations, query: bytes
) -> tuple[str, Quarter, ReportFormat | None] | None:
    """The plan, the quarter and the `format` a report's query string asks for, in the
    simple case; None otherwise."""
    values = reading.route_query(declared, QueryParams(query))
    if values is None:
        return None
    try:
        period = Quarter.parse(values["quarter"])
    except ValueError:
        return None
    return values["plan_id"], period, values["format_"]


_query = reading.ParsedOnce(_parse_query)


def _asked(request: Request, entry: Entry) -> tuple[str, Quarter, ReportFormat] | None:
    """The plan, the quarter and the format asked for, in the simple case."""
    parsed = _query(entry.query, request.scope["query_string"])
    if parsed is None:
        return None
    plan_id, period, format_ = parsed
    try:
        chosen = choose_format(request, format_)
    except NotAcceptable:
        return None
    return plan_id, period, chosen


async def get_quarterly_report(request: Request, entry: Entry) -> Response | None:
    """A 304, or this worker's rendering, when the request's ETag or the rendering is the
    one the plan's fingerprint gives now; None for anything that needs the route."""
    if not reading.on_postgres(request):
        return None
    presented = reading.bearer_key(request)
    asked = _asked(request, entry)
    if presented is None or asked is None:
        return None
    key, prefix = presented
    plan_id, period, chosen = asked
    report = report_key(plan_id, period, chosen, clock.today())
    if "if-none-match" not in request.headers and report not in cached_reports(request):
        return None  # nothing cached to answer with: the route computes the report
    values: dict[str, Any] = {"prefix": prefix, "plan_id": plan_id}
    found = await reading.read_authorised(
        request, key, entry.role, _compiled(request.app.state.engine.dialect), values
    )
    if found is None:
        return None
    row, principal = found
    fingerprint = tuple(row[len(KEY_COLUMNS) :])
    if not fingerprint[0]:  # no such plan: the route's 404
        return None
    answered = cached_response(request, report, report_etag(report, fingerprint))
    if answered is not None:
        await reading.count_request(request, principal)
    return answered
