"""The transactional outbox's hook on the session: changes become events as they commit.

`audit.record` queues each change on its session; `OutboxSession.commit` hands the queue
to the installed writer (`app.events.outbox`) just before committing, so the events are
stored in the same transaction as the changes they describe, and a write path that records
its audit event cannot forget its events. A change recorded with no writer installed is an
error, not a silent loss.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

PENDING = "outbox_pending"
HOOKS = "before_commit_hooks"
WRITTEN = "outbox_written"

# The channel the `event` table's trigger notifies on PostgreSQL (migration
# 2026_12_07_eventnotify), and that idle workers listen on.
CHANNEL = "ipa_events"

Writer = Callable[[AsyncSession, list[Any]], Awaitable[None]]
Hook = Callable[[AsyncSession, list[Any]], Awaitable[None]]
Listener = Callable[[], None]

_writer: list[Writer] = []
_listeners: list[Listener] = []


def install_writer(writer: Writer) -> None:
    """Make `writer` turn each transaction's queued changes into events (once per process)."""
    _writer[:] = [writer]


def on_events_committed(listener: Listener) -> None:
    """Call `listener` after a transaction that wrote events commits (wakes long polls)."""
    if listener not in _listeners:
        _listeners.append(listener)


def before_commit(session: AsyncSession, hook: Hook) -> None:
    """Run `hook` with the changes queued so far, in the transaction, as it commits (for
    what must be stored with the change, such as the response an idempotent retry gets)."""
    session.info.setdefault(HOOKS, []).append(hook)


async def wake_workers_on_commit(session: AsyncSession) -> None:
    """Wake idle workers when this session commits, as events would, for work queued without
    an event (a webhook's ping or redelivery): in this process, and on PostgreSQL in any."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(sa.select(sa.func.pg_notify(CHANNEL, "")))
    session.info[WRITTEN] = True


def queue(session: AsyncSession, change: Any) -> None:
    """Queue a change (an audit event) to become events when its session commits."""
    session.info.setdefault(PENDING, []).append(change)


class OutboxSession(AsyncSession):
    """A session whose commit first writes the events of the changes it holds."""

    async def write_pending_events(self) -> bool:
        """Write the events of the changes queued so far, without committing; whether any."""
        pending: list[Any] = self.info.pop(PENDING, [])
        for hook in self.info.pop(HOOKS, []):
            await hook(self, pending)
        if not pending:
            return False
        if not _writer:
            raise RuntimeError(
                "Changes were recorded but no event writer is installed: "
                "call app.events.outbox.install() at start-up."
            )
        await _writer[0](self, pending)
        self.info[WRITTEN] = True
        return True

    async def commit(self) -> None:
        await self.write_pending_events()
        await super().commit()
        if self.info.pop(WRITTEN, False):
            for listener in _listeners:
                listener()

    async def rollback(self) -> None:
        self.info.pop(PENDING, None)
        self.info.pop(HOOKS, None)
        self.info.pop(WRITTEN, None)
        await super().rollback()

    async def close(self) -> None:
        self.info.pop(PENDING, None)
        self.info.pop(HOOKS, None)
        await super().close()
