"""Reading the change feed by cursor: events in the order the sequencer numbered them."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.core.errors import ValidationFailed
from app.events.outbox import commits
from app.events.schemas import shown
from app.events.sequencer import sequence_events
from app.models import Event

# A long poll also looks again this often, for events committed by other processes.
POLL_SECONDS = 0.5
_CURSOR = re.compile(r"e([0-9]{1,18})")
# What the feed shows of an event, and its position.
EVENT_COLUMNS = tuple(
    col(getattr(Event, name))
    for name in (
        "id",
        "type",
        "occurred_at",
        "actor",
        "plan_id",
        "resource_type",
        "resource_id",
        "resource_url",
        "data",
        "position",
    )
)


def cursor_of(position: int) -> str:
    return f"e{position}"


def parse_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    match = _CURSOR.fullmatch(cursor)
    if match is None:
        raise ValidationFailed(
            "This cursor is not one the feed gave. Start without `after`, or pass a "
            "`next_cursor` from an earlier page.",
            field="query.after",
            message="not a cursor from this feed",
            type="cursor_invalid",
        )
    return int(match[1])


@dataclass(frozen=True)
class EventFilters:
    types: Sequence[str] = ()
    plan_ids: Sequence[str] = ()
    include_admin_only: bool = False


async def read_events(
    *, session: AsyncSession, after: int, filters: EventFilters, limit: int
) -> tuple[list[sa.Row[Any]], bool]:
    """Up to `limit` events after `after`, oldest first, and whether more are ready."""
    conditions = [col(Event.position) > after]
    if filters.types:
        conditions.append(col(Event.type).in_(filters.types))
    if filters.plan_ids:
        conditions.append(col(Event.plan_id).in_(filters.plan_ids))
    if not filters.include_admin_only:
        conditions.append(col(Event.admin_only).is_(False))
    # The columns, not ORM objects: a page is read once and never changed.
    rows = list(
        (
            await session.execute(
                sa.select(*EVENT_COLUMNS)
                .where(*conditions)
                .order_by(col(Event.position))
                .limit(limit + 1)
            )
        ).all()
    )
    return rows[:limit], len(rows) > limit


async def follow_events(
    *,
    session: AsyncSession,
    write_sessions: async_sessionmaker[AsyncSession],
    after: int,
    filters: EventFilters,
    limit: int,
    wait_seconds: float,
) -> tuple[list[dict[str, Any]], bool, int]:
    """As `read_events`, but wait up to `wait_seconds` for the first event when none is
    ready; with the position to read on from."""
    deadline = time.monotonic() + wait_seconds
    while True:
        await sequence_events(session, write_sessions)
        events, more = await read_events(session=session, after=after, filters=filters, limit=limit)
        reads = [shown(e) for e in events]
        position = _next_position(events, after)
        # End the read's transaction: the next look must see what committed since.
        await session.rollback()
        remaining = deadline - time.monotonic()
        if reads or remaining <= 0:
            return reads, more, position
        await commits.wait(min(remaining, POLL_SECONDS))


def _next_position(events: Sequence[sa.Row[Any]], after: int) -> int:
    return int(events[-1].position or 0) if events else after
