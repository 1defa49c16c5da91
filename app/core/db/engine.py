"""Engines and sessions.

Services commit: every service function that writes ends its unit of work with
`session.commit()`, so a response is only sent for work that is stored. The request's
session dependency never commits; it rolls back whatever a failed request left open.

Every engine bounds how long the database may keep a request waiting: connecting
(`db_connect_timeout_ms`), waiting for a pooled connection (`db_pool_timeout_ms`) and
running one statement (`db_statement_timeout_ms`: PostgreSQL's `statement_timeout`, and on
SQLite a progress handler that interrupts the statement).

A PostgreSQL connection is checked as it leaves the pool: one the driver already knows the
server closed (as a restart does) is dropped at no cost, and one idle in the pool for
`PING_AFTER_IDLE_SECONDS` or more is pinged. Either failure replaces every connection of
the pool, so after a restart requests get new connections instead of dead ones. A
connection in steady use is not pinged: a ping is a round trip, and pinging every checkout
(`pool_pre_ping`) cost each request one. The pool hands out the most recently used
connection first, so the busy ones stay busy and the spare ones age into a check. A
disconnect neither check caught fails the request that met it with a 503, and replaces
the pool's connections too.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import orjson
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.exc import InvalidatePoolError, SQLAlchemyError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from app.core.config import Settings
from app.core.db.outbox import OutboxSession

# JSON columns are parsed by orjson, several times quicker than the standard library.
JSON_PARSER = orjson.loads


def write_json(value: Any) -> str:
    """A JSON column's text, written as pydantic writes a model dumped in JSON mode (no
    spaces, text as it is): an event's stored representation goes out in the change feed
    as it was stored."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# A pooled PostgreSQL connection idle this long is pinged before it is handed out.
PING_AFTER_IDLE_SECONDS = 1.0
_IDLE_SINCE = "idle_since"
# SQLite calls the progress handler every this many virtual-machine instructions.
PROGRESS_STEPS = 10_000
_CLOCK = "statement_clock"


def create_engine(settings: Settings, *, for_writes: bool = False) -> AsyncEngine:
    """An async engine for the configured database, with the connection settings it needs.

    On SQLite, an engine `for_writes` starts every transaction with BEGIN IMMEDIATE, so
    concurrent writers queue for the lock (up to the busy timeout) instead of failing with
    "database is locked" when one upgrades a read to a write.
    """
    pool_timeout = settings.db_pool_timeout_ms / 1000
    if settings.is_sqlite:
        path = settings.sqlite_path()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            settings.database_url,
            json_deserializer=JSON_PARSER,
            json_serializer=write_json,
            connect_args={"timeout": settings.sqlite_busy_timeout_ms / 1000},
            **({"pool_timeout": pool_timeout} if path is not None else {}),
        )
        _configure_sqlite(
            engine.sync_engine,
            busy_timeout_ms=settings.sqlite_busy_timeout_ms,
            statement_timeout_ms=settings.db_statement_timeout_ms,
            for_writes=for_writes,
        )
        return engine
    engine = create_async_engine(
        settings.database_url,
        json_deserializer=JSON_PARSER,
        json_serializer=write_json,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=pool_timeout,
        pool_use_lifo=True,
        connect_args=_postgres_connect_args(settings),
    )
    _ping_idle_connections(engine.sync_engine)
    return engine


def _postgres_connect_args(settings: Settings) -> dict[str, Any]:
    return {
        "timeout": settings.db_connect_timeout_ms / 1000,
        "server_settings": {
            "statement_timeout": str(settings.db_statement_timeout_ms),
            "timezone": "UTC",
        },
    }


def _ping_idle_connections(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: Any) -> None:
        is_closed = getattr(record.driver_connection, "is_closed", None)
        if callable(is_closed) and is_closed():
            raise InvalidatePoolError("the database closed the connection")
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            if engine.dialect.is_disconnect(exc, dbapi_connection, None):
                # The pool replaces all its connections, and checks out a new one.
                raise InvalidatePoolError(str(exc)) from exc
            raise


class _StatementClock:
    """The deadline of the statement running on one SQLite connection, if any."""

    __slots__ = ("deadline", "limit")

    def __init__(self, limit_ms: int) -> None:
        self.limit = limit_ms / 1000
        self.deadline: float | None = None

    def start(self) -> None:
        self.deadline = time.monotonic() + self.limit

    def stop(self) -> None:
        self.deadline = None

    def expired(self) -> int:
        """The progress handler: non-zero interrupts the statement ("interrupted")."""
        deadline = self.deadline
        return int(deadline is not None and time.monotonic() > deadline)


def _configure_sqlite(
    engine: Engine, *, busy_timeout_ms: int, statement_timeout_ms: int, for_writes: bool
) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # The driver's own BEGIN handling is switched off; `_on_begin` emits it instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        if statement_timeout_ms > 0:
            clock = _StatementClock(statement_timeout_ms)
            record.info[_CLOCK] = clock
            # The handler runs on the driver's own thread, so it is set there.
            dbapi_connection.run_async(
                lambda driver: driver.set_progress_handler(clock.expired, PROGRESS_STEPS)
            )

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if for_writes else "BEGIN")

    if statement_timeout_ms <= 0:
        return

    @event.listens_for(engine, "before_cursor_execute")
    def _start_clock(connection: Connection, *_args: Any) -> None:
        clock = connection.info.get(_CLOCK)
        if clock is not None:
            clock.start()

    @event.listens_for(engine, "after_cursor_execute")
    def _stop_clock(connection: Connection, *_args: Any) -> None:
        clock = connection.info.get(_CLOCK)
        if clock is not None:
            clock.stop()

    @event.listens_for(engine, "handle_error")
    def _stop_clock_on_error(context: ExceptionContext) -> None:
        if context.connection is None:
            return
        try:
            clock = context.connection.info.get(_CLOCK)
        except SQLAlchemyError:  # the connection is gone, and its clock with it
            return
        if clock is not None:
            clock.stop()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that write the events of their changes as they commit (`outbox`)."""
    return async_sessionmaker(engine, class_=OutboxSession, expire_on_commit=False, autoflush=False)


async def session_scope(
    factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with factory() as session:
        try:
            yield session
        finally:
            if session.in_transaction():
                await session.rollback()
