"""Direct reads: the hottest GETs answered without routing or dependencies, on PostgreSQL.

An endpoint marked with `direct(answer)` has each GET on its path offered to `answer`
before the router sees it, by `DirectReads`, the innermost middleware. `answer` handles
only the plain case it recognises, in one statement (the key check and the read together)
on a connection of the direct pool (`app.core.db.DirectPool`), and returns
None for anything else: an unknown parameter, a key that is missing, wrong, revoked,
expired or due a `last_used_at` update, SQLite, and any error from the driver (a lost
connection, a timeout). The request then takes its route's ordinary path, which answers
it, and every error, in the usual way. Both paths give the same bytes and headers; the
tests make requests both ways and compare them.

A direct answer passes through the same middleware as any other response, so it is
logged, counted under its route and given the same headers; what it raises (a 404, a
429) is rendered by the application's own exception handlers. A marked
route's path is matched before any other, so it must not overlap another GET route's.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import asyncpg  # type: ignore[import-untyped]
import sqlalchemy as sa
from fastapi import Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.db import DirectPool
from app.core.metrics import effective_routes
from app.core.ratelimit import rate_limiter
from app.core.security import Principal, prefix_of, principal_of, refusal, stamp_due
from app.models import Role, utcnow

Answer = Callable[[Request], Awaitable[Response | None]]
F = TypeVar("F", bound=Callable[..., Any])

_ANSWER = "direct_answer"
NUL = "\x00"


def direct(answer: Answer) -> Callable[[F], F]:
    """Mark an endpoint: GETs on its path are offered to `answer` first."""

    def mark(endpoint: F) -> F:
        setattr(endpoint, _ANSWER, answer)
        return endpoint

    return mark


@dataclass(frozen=True)
class _Entry:
    pattern: re.Pattern[str]
    convertors: dict[str, Any]
    route: APIRoute
    answer: Answer


def _entries(routes: list[Any]) -> list[_Entry]:
    entries = []
    for template, route, _matchable in effective_routes(routes):
        answer = getattr(getattr(route, "endpoint", None), _ANSWER, None)
        if template is None or answer is None or not isinstance(route, APIRoute):
            continue
        if "GET" in (route.methods or ()):
            pattern, _, convertors = compile_path(template)
            entries.append(_Entry(pattern, convertors, route, answer))
    return entries


class DirectReads:
    """Offers each GET on a marked endpoint's path to its direct answer, before routing."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.entries: list[_Entry] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            if self.entries is None:
                self.entries = _entries(scope["app"].routes)
            path = scope["path"].removeprefix(scope.get("root_path", ""))
            for entry in self.entries:
                match = entry.pattern.match(path)
                if match is None:
                    continue
                response = await self._answer(entry, match, scope, receive)
                if response is not None:
                    await response(scope, receive, send)
                    return
                break
        await self.app(scope, receive, send)

    async def _answer(
        self, entry: _Entry, match: re.Match[str], scope: Scope, receive: Receive
    ) -> Response | None:
        # What routing would have set: the metrics name the route, the handlers read both.
        scope["route"] = entry.route
        scope["path_params"] = {
            name: entry.convertors[name].convert(value) for name, value in match.groupdict().items()
        }
        request = Request(scope, receive)
        try:
            return await entry.answer(request)
        except ReadFailed:
            return None
        except Exception as exc:
            handler = _handler_for(scope["app"].exception_handlers, exc)
            if handler is None:
                raise
            response: Response = await handler(request, exc)
            return response


def _handler_for(handlers: dict[Any, Any], exc: Exception) -> Any:
    """The application's handler for this exception, found as Starlette finds it."""
    for cls in type(exc).__mro__:
        if cls in handlers:
            return handlers[cls]
    return None


def postgres_pool(request: Request) -> Any | None:
    """The pool direct reads use: there is one on PostgreSQL only."""
    return request.app.state.direct_pool


def _only(pairs: list[tuple[str, str]], allowed: frozenset[str]) -> bool:
    """No query parameter but these, and no NUL in their values."""
    return all(name in allowed and NUL not in value for name, value in pairs)


def plain_request(request: Request, allowed: frozenset[str]) -> bool:
    """No NUL anywhere in the URL, and no query parameter but these."""
    if any(NUL in value for value in request.path_params.values()):
        return False
    return _only(request.query_params.multi_items(), allowed)


def plain_query(query: bytes, allowed: frozenset[str]) -> list[tuple[str, str]] | None:
    """The parameters of a query string (`scope["query_string"]`), read as Starlette reads
    `request.query_params`, when it has no NUL and no parameter but these; None otherwise.
    For an answer that judges a query string once and keeps what it found."""
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
    return pairs if _only(pairs, allowed) else None


def bearer_key(request: Request) -> tuple[str, str] | None:
    """The key the request presents and its prefix, if it has the shape of one."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key:
        return None
    prefix = prefix_of(key)
    return (key, prefix) if prefix is not None else None


@dataclass(frozen=True)
class Compiled:
    """A statement compiled for the driver, with the order its parameters are passed in."""

    sql: str
    names: tuple[str, ...]
    constants: dict[str, Any]
    """The values the statement binds itself (a LIMIT, say)."""

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        return [values[name] if name in values else self.constants[name] for name in self.names]


def compile_for(dialect: Dialect, statement: sa.ClauseElement) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    positions = compiled.positiontup if isinstance(compiled, SQLCompiler) else None
    return Compiled(compiled.string, tuple(positions or ()), compiled.params)


class ReadFailed(Exception):
    """The direct read failed in the driver: the ordinary path answers instead, and
    handles what went wrong (a lost connection, a timeout) as it does for every request."""


_DRIVER_ERRORS = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    OSError,
    TimeoutError,
)


async def fetch_row(request: Request, compiled: Compiled, values: dict[str, Any]) -> Any:
    """The statement's first row (or None), on a connection from the direct pool.

    The engine's `before_cursor_execute` listeners see the statement as they see any other
    (with no connection, cursor or context): the tests count statements, the benchmark
    records them. A connection the driver failed on, or whose read was cancelled, is
    closed, whatever state it is in, and the pool makes a new one. Waiting longer than
    `db_pool_timeout_ms` for a connection fails the read too: the ordinary path then waits
    for one of its own.
    """
    state = request.app.state
    engine: AsyncEngine = state.engine
    arguments = compiled.arguments(values)
    announce = engine.sync_engine.dispatch.before_cursor_execute
    if announce:
        announce(None, None, compiled.sql, arguments, None, False)
    pool: DirectPool = state.direct_pool
    try:
        connection = await pool.take()
    except _DRIVER_ERRORS as exc:
        raise ReadFailed from exc
    try:
        row = await connection.fetchrow(compiled.sql, *arguments)
    except BaseException as exc:
        # Failed or cancelled mid-statement: the connection's state is unknown.
        pool.discard(connection)
        if isinstance(exc, _DRIVER_ERRORS):
            raise ReadFailed from exc
        raise
    pool.give_back(connection)
    return row


def admit(key: str, row: Any) -> Principal | None:
    """The caller, if the key row read with the answer lets the plain case through.

    None sends the request down the ordinary path, which checks the key again and answers
    whatever is wrong with it (and updates `last_used_at` when it is due).
    """
    now = utcnow()
    if row is None or refusal(row, key, now) is not None or stamp_due(row, now):
        return None
    principal = principal_of(row)
    return principal if principal.role.allows(Role.viewer) else None


async def read_admitted(
    request: Request, key: str, statement: Compiled, values: dict[str, Any]
) -> tuple[Any, Principal] | None:
    """The statement's row and the caller, when the key it read is admitted (see `admit`);
    None otherwise. An address refused for its failed keys is refused here too."""
    await rate_limiter(request.app).check_address(
        request.client.host if request.client else "unknown"
    )
    row = await fetch_row(request, statement, values)
    principal = admit(key, row)
    return None if principal is None else (row, principal)


async def count_request(request: Request, principal: Principal) -> None:
    """Count the request toward its key's rate limit (a 429 over it), as the ordinary path's
    key check does, once the direct answer is sure to answer it."""
    request.state.rate_limit = await rate_limiter(request.app).hit_key(principal.key_id)
    request.state.principal = principal
