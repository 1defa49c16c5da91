"""Giving committed events their place in the feed, one sequencer run at a time.

A run numbers every committed event that has no position yet, after the largest position
given so far, in insert order. Runs never overlap (PostgreSQL: an advisory lock held to the
end of the run's transaction; SQLite: writes are serialised), and each run's statement sees
every run before it. So an event whose transaction commits late is numbered after all
those already numbered: positions only ever grow at the end, and a reader that follows
them never misses one. Readers and the webhook worker run it before they read.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# Any fixed number, the same in every process: it names the sequencer's lock.
SEQUENCER_LOCK = 260_126

_NUMBER = sa.text(
    """
    UPDATE event SET position = numbered.position
    FROM (
        SELECT seq,
               (SELECT COALESCE(MAX(position), 0) FROM event)
               + ROW_NUMBER() OVER (ORDER BY seq) AS position
        FROM event WHERE position IS NULL
    ) AS numbered
    WHERE event.seq = numbered.seq
    """
)
_WAITING = sa.text("SELECT 1 FROM event WHERE position IS NULL LIMIT 1")


async def sequence_events(
    read_session: AsyncSession, write_sessions: async_sessionmaker[AsyncSession]
) -> None:
    """Number the committed events still without a position; cheap when there are none."""
    if await read_session.scalar(_WAITING) is None:
        return
    async with write_sessions() as session:
        if session.get_bind().dialect.name == "postgresql":
            await session.execute(sa.text(f"SELECT pg_advisory_xact_lock({SEQUENCER_LOCK})"))
        await session.execute(_NUMBER)
        # The base class's commit: a run records no changes of its own.
        await AsyncSession.commit(session)
    # A SQLite reader's transaction still holds the snapshot from before the run.
    await read_session.rollback()
