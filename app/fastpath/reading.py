"""What every fast path shares: the query string parsed by its route's own declarations,
the statement it compiles once, its read on a connection of the engine's pool, and the key
check made with that read.

A fast path reads the caller's key row and its answer in one statement, on PostgreSQL
only. The key is then checked by the same rules as `app.core.auth.keys.authenticate`
(`refusal`, `stamp_due`, the route's role); a sign-in token is checked before the read,
by the keys the issuer published when last read. Anything those would answer with an
error goes down the ordinary path, which answers it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import asyncpg  # type: ignore[import-untyped]
import sqlalchemy as sa
from fastapi import Request
from fastapi.dependencies.utils import request_params_to_args
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import PoolProxiedConnection
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.util import greenlet_spawn
from starlette.datastructures import QueryParams

from app.core.auth.keys import (
    Principal,
    prefix_of,
    principal_of,
    refusal,
    stamp_due,
    token_principal,
)
from app.core.auth.ratelimit import rate_limiter
from app.core.auth.tokens import InvalidToken, looks_like_token, token_verifier
from app.core.errors import Forbidden
from app.fastpath.registry import Entry, FallBack, QueryDeclarations
from app.models import Role, utcnow

NUL = "\x00"
T = TypeVar("T")


def on_postgres(request: Request) -> bool:
    return not request.app.state.settings.is_sqlite


def route_query(declared: QueryDeclarations, params: QueryParams) -> dict[str, Any] | None:
    """The query parameters parsed by the route's own declarations, with FastAPI's parser:
    keyed by parameter, a query model as its instance. None when a parameter is unknown to
    the route, holds a NUL or is invalid: the route then answers, with its 422 if any."""
    if any(name not in declared.names or NUL in value for name, value in params.multi_items()):
        return None
    values, errors = request_params_to_args(declared.fields, params)
    return None if errors else values


class ParsedOnce(Generic[T]):
    """`parse(*arguments, query)` cached by its arguments, for a query string (the last, as
    bytes) no longer than `CACHED_QUERY_BYTES`: a client asks for a handful of query
    strings, and each is parsed once. Longer ones are parsed every time, so that the cache
    stays small. Parse only what the query string alone decides (no header, no day)."""

    def __init__(self, parse: Callable[..., T]) -> None:
        self.parse = parse
        self.cached = functools.lru_cache(maxsize=256)(parse)

    def __call__(self, *arguments: Any) -> T:
        if len(arguments[-1]) > CACHED_QUERY_BYTES:
            return self.parse(*arguments)
        return self.cached(*arguments)


CACHED_QUERY_BYTES = 256


def request_query(request: Request, entry: Entry) -> dict[str, Any] | None:
    """`route_query` of the request's query string, when no path parameter holds a NUL
    either."""
    if any(NUL in value for value in request.path_params.values()):
        return None
    return route_query(entry.query, request.query_params)


def bearer_key(request: Request) -> tuple[str, str | None] | None:
    """The key the request presents and its prefix, if it has the shape of one; or the
    sign-in token it presents and None, when sign-in with tokens is on."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key:
        return None
    prefix = prefix_of(key)
    if prefix is not None:
        return key, prefix
    if looks_like_token(key) and token_verifier(request.app) is not None:
        return key, None
    return None


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


_DRIVER_ERRORS = (
    asyncpg.PostgresError,
    asyncpg.InterfaceError,
    asyncpg.InternalClientError,
    OSError,
)


class Connections:
    """The connections the fast paths read on, borrowed from the engine's pool and kept
    between reads, so a worker still has one budget of connections.

    A fast-path read is one statement in autocommit and leaves nothing on its connection to
    reset, so it goes back here as it is: checking one out of the pool and back for every
    read cost a noticeable share of a read's CPU (docs/performance.md). At most `limit` are
    kept; when every one is busy, the read takes the ordinary path, which waits on the pool.
    A connection a read failed on, or whose read was cancelled, is invalidated.
    """

    def __init__(self, engine: AsyncEngine, limit: int) -> None:
        self.engine = engine
        self.limit = limit
        self.taken = 0  # out of the engine's pool: idle here or in use by a read
        self.idle: list[PoolProxiedConnection] = []

    async def take(self) -> PoolProxiedConnection | None:
        if self.idle:
            return self.idle.pop()
        if self.taken >= self.limit:
            return None
        self.taken += 1
        try:
            return await self.engine.raw_connection()
        except BaseException:
            self.taken -= 1
            raise

    def give_back(self, connection: PoolProxiedConnection) -> None:
        self.idle.append(connection)

    def discard(self, connection: PoolProxiedConnection) -> None:
        """Close a connection in whatever state it is, and return its place to the pool."""
        self.taken -= 1
        connection.invalidate()
        connection.close()

    async def close(self) -> None:
        """Return the idle connections to the pool, before the engine is disposed of."""
        idle, self.idle, self.taken = self.idle, [], 0
        for connection in idle:
            # The pool may close it (when it already holds enough), which is I/O.
            await greenlet_spawn(connection.close)


async def fetch_row(request: Request, compiled: Compiled, values: dict[str, Any]) -> Any:
    """The statement's first row (or None), on a connection the fast paths keep.

    The engine's `before_cursor_execute` listeners see the statement as they see any other
    (with no connection, cursor or context): the tests count statements, the benchmark
    records them. A driver error on the connection, or every kept connection being busy,
    sends the request down the ordinary path (`FallBack`).
    """
    state = request.app.state
    engine: AsyncEngine = state.engine
    connections: Connections = state.fast_path_connections
    connection = await connections.take()
    if connection is None:
        raise FallBack
    arguments = compiled.arguments(values)
    # Announced only once it will run: a read sent down the ordinary path sent nothing here.
    announce = engine.sync_engine.dispatch.before_cursor_execute
    if announce:
        announce(None, None, compiled.sql, arguments, None, False)
    try:
        row = await connection.driver_connection.fetchrow(compiled.sql, *arguments)  # type: ignore[union-attr]
    except BaseException as exc:
        # Failed or cancelled mid-statement: the connection's state is unknown.
        connections.discard(connection)
        if isinstance(exc, _DRIVER_ERRORS):
            raise FallBack from exc
        raise
    connections.give_back(connection)
    return row


def authorise(key: str, row: Any, role: Role) -> Principal | None:
    """The caller, if the key row read with the answer lets the request through with this
    role. None sends the request down the ordinary path, which checks the key again and
    answers whatever is wrong with it (and updates `last_used_at` when it is due)."""
    now = utcnow()
    if row is None or row["id"] is None or refusal(row, key, now) is not None:
        return None
    if stamp_due(row, now):
        return None
    principal = principal_of(row)
    return principal if principal.role.allows(role) else None


def authorise_token(request: Request, token: str, role: Role) -> Principal | None:
    """The caller, if the sign-in token is valid by the keys already held and grants this
    role. None sends the request down the ordinary path, which reads the issuer's keys when
    it must and answers whatever is wrong with the token. The caller's officer is not looked
    up: no fast path's answer depends on it."""
    verifier = token_verifier(request.app)
    claims = None if verifier is None else verifier.claims_if_known(token)
    if verifier is None or claims is None:
        return None
    try:
        principal = token_principal(verifier, verifier.identity(claims), None)
    except (InvalidToken, Forbidden):
        return None
    return principal if principal.role.allows(role) else None


async def read_authorised(
    request: Request, key: str, role: Role, statement: Compiled, values: dict[str, Any]
) -> tuple[Any, Principal] | None:
    """The statement's row and the caller, when the key it read (or the token presented,
    `values["prefix"]` being None) is authorised (see `authorise`); None otherwise. An
    address refused for its failed keys is refused here too."""
    await rate_limiter(request.app).check_address(
        request.client.host if request.client else "unknown"
    )
    if values["prefix"] is None:
        principal = authorise_token(request, key, role)
        if principal is None:
            return None
        return await fetch_row(request, statement, values), principal
    row = await fetch_row(request, statement, values)
    principal = authorise(key, row, role)
    return None if principal is None else (row, principal)


async def count_request(request: Request, principal: Principal) -> None:
    """Count the request toward its key's rate limit (a 429 over it), as the ordinary path's
    key check does, once the fast path is sure to answer it."""
    request.state.rate_limit = await rate_limiter(request.app).hit_key(principal.caller_id)
    request.state.principal = principal
