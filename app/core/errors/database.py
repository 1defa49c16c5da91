"""Which database failures are the server's trouble rather than the request's: a 503 with
`Retry-After`, not a 500."""

from __future__ import annotations

import sqlite3
from enum import Enum

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError


class DatabaseTrouble(Enum):
    """Why the database could not do its part; each is a 503 the client may retry."""

    unavailable = ("The database is not available. Try again shortly.", 5)
    busy = ("The database is busy with other changes. Try again shortly.", 1)
    timeout = (
        "The database took too long to answer, so the request was stopped. Try again shortly; "
        "if it keeps happening, ask for less (a smaller limit, narrower filters).",
        5,
    )

    def __init__(self, detail: str, retry_after: int) -> None:
        self.detail = detail
        self.retry_after = retry_after


# SQLSTATE classes and codes that say the server, not the request, is the trouble.
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53", "57P")  # connection, resources, shutdown
_BUSY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization, deadlock, lock
_TIMEOUT_SQLSTATES = frozenset({"57014"})  # query_canceled: statement_timeout
_SQLITE_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


def database_trouble(exc: BaseException) -> DatabaseTrouble | None:
    """What kind of database trouble an exception is, or None when it is something else.

    Covers what SQLAlchemy raises (wrapped driver errors, pool timeouts, connections found
    dead) and what the drivers raise unwrapped while connecting (refused, reset, timed out).
    """
    if isinstance(exc, PoolTimeoutError):
        return DatabaseTrouble.unavailable
    if isinstance(exc, DBAPIError):
        if isinstance(exc, IntegrityError):
            return None
        found = _driver_trouble(exc.orig)
        if found is not None:
            return found
        # A connection found dead, or SQLite unable to open or read its file.
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            return DatabaseTrouble.unavailable
        return None
    return _driver_trouble(exc)


def _driver_trouble(exc: BaseException | None) -> DatabaseTrouble | None:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.Error):
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith("SQLITE_INTERRUPT"):
                return DatabaseTrouble.timeout
            if name.startswith(_SQLITE_BUSY):
                return DatabaseTrouble.busy
        sqlstate = getattr(exc, "sqlstate", None)
        if isinstance(sqlstate, str):
            if sqlstate in _TIMEOUT_SQLSTATES:
                return DatabaseTrouble.timeout
            if sqlstate in _BUSY_SQLSTATES:
                return DatabaseTrouble.busy
            if sqlstate.startswith(_UNAVAILABLE_SQLSTATE_CLASSES):
                return DatabaseTrouble.unavailable
        if isinstance(exc, OSError):  # refused, reset, unreachable, timed out
            return DatabaseTrouble.unavailable
        exc = exc.__cause__ or exc.__context__
    return None
