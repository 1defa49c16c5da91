"""The background worker: a short list of periodic jobs, run in turn, again and again.

`improvement-plan worker` runs it on its own; `serve` runs it inside the web process for
the single-machine SQLite set-up (`IPA_RUN_WORKER`). Any number of workers may run at once:
each job shares its work out through the database. A new periodic job is one function
taking the `Worker` and one line in `JOBS`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core.config import Settings
from app.models import new_id
from app.webhooks import delivery, sending
from app.webhooks.delivery import Worker

logger = logging.getLogger("app.worker")

Job = Callable[[Worker], Awaitable[None]]

JOBS: list[tuple[str, Job]] = [
    ("number committed events", delivery.sequence),
    ("queue webhook deliveries", delivery.queue_deliveries),
    ("send due webhook deliveries", delivery.deliver_due),
]


async def run_once(worker: Worker) -> None:
    """Each job once; one that fails is logged and the others still run."""
    for name, job in JOBS:
        try:
            await job(worker)
        except Exception:
            logger.exception("The worker's job '%s' failed; it runs again next round.", name)


async def run(worker: Worker, stop: asyncio.Event) -> None:
    """The jobs, round after round, until `stop` is set."""
    while not stop.is_set():
        await run_once(worker)
        with suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), worker.settings.worker_poll_seconds)


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
