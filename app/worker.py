"""The background worker: a short list of periodic jobs, run in turn, again and again.

`improvement-plan worker` runs it on its own; `serve` runs it inside the web process for
the single-machine SQLite set-up (`IPA_RUN_WORKER`). Any number of workers may run at once:
each job shares its work out through the database. A new periodic job is one function
taking the `Worker` and one line in `JOBS`; it answers whether it found work, and the worker
goes round again at once while any did. Idle, it sleeps `IPA_WORKER_POLL_SECONDS`, woken
early when events are committed: in this process (the outbox's listeners) and, on
PostgreSQL, in any (the `event` table's trigger notifies `ipa_events`, and the worker
listens).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from app.core.config import Settings
from app.core.db import outbox
from app.models import new_id
from app.webhooks import delivery, sending
from app.webhooks.delivery import Worker

logger = logging.getLogger("app.worker")

Job = Callable[[Worker], Awaitable[bool | None]]

JOBS: list[tuple[str, Job]] = [
    ("number committed events", delivery.sequence),
    ("queue webhook deliveries", delivery.queue_deliveries),
    ("send due webhook deliveries", delivery.deliver_due),
]


async def run_once(worker: Worker) -> bool:
    """Each job once; one that fails is logged and the others still run. Whether any job
    found work."""
    found = False
    for name, job in JOBS:
        try:
            found = bool(await job(worker)) or found
        except Exception:
            logger.exception("The worker's job '%s' failed; it runs again next round.", name)
    return found


async def run(worker: Worker, stop: asyncio.Event) -> None:
    """The jobs, round after round, until `stop` is set: at once while there is work, else
    after the poll interval or as soon as events are committed."""
    engine = worker.write_sessions.kw["bind"]
    async with WakeUps(engine) as wake:
        while not stop.is_set():
            wake.event.clear()
            if await run_once(worker):
                await asyncio.sleep(0)  # let the rest of the process have a turn
                continue
            await wake.listen()
            waits = [asyncio.create_task(stop.wait()), asyncio.create_task(wake.event.wait())]
            _, pending = await asyncio.wait(
                waits,
                timeout=worker.settings.worker_poll_seconds,
                return_when=asyncio.FIRST_COMPLETED,
            )
            for task in pending:
                task.cancel()


_woken_here: set[asyncio.Event] = set()


def _events_committed_here() -> None:
    for event in _woken_here:
        event.set()


class WakeUps:
    """What wakes an idle worker early: events committed by this process, and on PostgreSQL
    notifications of events committed by any. Without them (a lost connection, SQLite) the
    worker still polls."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.event = asyncio.Event()
        self._engine = engine
        self._connection: AsyncConnection | None = None
        self._driver: Any = None

    async def __aenter__(self) -> WakeUps:
        outbox.on_events_committed(_events_committed_here)
        _woken_here.add(self.event)
        await self.listen()
        return self

    async def __aexit__(self, *_: object) -> None:
        _woken_here.discard(self.event)
        await self._close()

    def _notified(self, *_: object) -> None:
        self.event.set()

    async def listen(self) -> None:
        """Listen for notifications, unless already listening or the database has none."""
        if self._engine.dialect.name != "postgresql":
            return
        if self._driver is not None and not self._driver.is_closed():
            return
        await self._close()
        try:
            self._connection = await self._engine.connect()
            raw = await self._connection.get_raw_connection()
            self._driver = raw.driver_connection
            await self._driver.add_listener(outbox.CHANNEL, self._notified)
        except Exception:  # the database is away: poll until it is back
            logger.warning("Cannot listen for committed events; polling.", exc_info=True)
            await self._close()
            return
        self.event.set()  # what was committed while not listening is looked for at once

    async def _close(self) -> None:
        driver, connection = self._driver, self._connection
        self._driver = self._connection = None
        with suppress(Exception):  # a connection already lost has nothing to stop
            if driver is not None and not driver.is_closed():
                await driver.remove_listener(outbox.CHANNEL, self._notified)
        with suppress(Exception):
            if connection is not None:
                await connection.close()


@asynccontextmanager
async def worker_for(
    settings: Settings,
    read_sessions: async_sessionmaker[AsyncSession],
    write_sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[Worker]:
    """A worker with its own name (for its leases) and HTTP client."""
    name = f"{socket.gethostname()}:{os.getpid()}:{new_id('w')[2:]}"[:60]
    async with sending.new_client(settings) as client:
        yield Worker(name, settings, read_sessions, write_sessions, client)


@asynccontextmanager
async def in_background(
    settings: Settings,
    read_sessions: async_sessionmaker[AsyncSession],
    write_sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[None]:
    """Run the worker beside whatever runs inside this block, and stop it after."""
    stop = asyncio.Event()
    async with worker_for(settings, read_sessions, write_sessions) as worker:
        task = asyncio.create_task(run(worker, stop))
        try:
            yield
        finally:
            stop.set()
            await task
