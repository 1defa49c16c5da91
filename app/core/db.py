"""Engines and sessions.

Services commit: every service function that writes ends its unit of work with
`session.commit()`, so a response is only sent for work that is stored. The request's
session dependency never commits; it rolls back whatever a failed request left open.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from app.core.config import Settings


def create_engine(settings: Settings, *, for_writes: bool = False) -> AsyncEngine:
    """An async engine for the configured database, with the connection settings it needs.

    On SQLite, an engine `for_writes` starts every transaction with BEGIN IMMEDIATE, so
    concurrent writers queue for the lock (up to the busy timeout) instead of failing with
    "database is locked" when one upgrades a read to a write.
    """
    if settings.is_sqlite:
        path = settings.sqlite_path()
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            settings.database_url, connect_args={"timeout": settings.sqlite_busy_timeout_ms / 1000}
        )
        _configure_sqlite(engine.sync_engine, settings.sqlite_busy_timeout_ms, for_writes)
        return engine
    connect_args: dict[str, Any] = {
        "server_settings": {
            "statement_timeout": str(settings.db_statement_timeout_ms),
            "timezone": "UTC",
        }
    }
    return create_async_engine(
        settings.database_url,
        pool_size=settings.db_pool_size,
        pool_pre_ping=True,
        connect_args=connect_args,
    )


def _configure_sqlite(engine: Engine, busy_timeout_ms: int, for_writes: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # The driver's own BEGIN handling is switched off; `_on_begin` emits it instead.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if for_writes else "BEGIN")


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


async def session_scope(
    factory: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    async with factory() as session:
        try:
            yield session
        finally:
            if session.in_transaction():
                await session.rollback()
