"""Reading the change feed by cursor: events in the order the sequencer numbered them."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.core.errors import ValidationFailed
from app.events.outbox import commits
from app.events.sequencer import sequence_events
from app.models import Event

# A long poll also looks again this often, for events committed by other processes.
POLL_SECONDS = 0.5
_CURSOR = re.compile(r"e([0-9]{1,18})")


# What the feed shows of an event, in `shown`'s order. The stored representation is read as
# its text and sent as it is: `write_json` stored it as pydantic writes JSON.
EVENT_COLUMNS = (
    col(Event.id),
    col(Event.type),
    col(Event.occurred_at),
    col(Event.actor),
    col(Event.plan_id),
    col(Event.resource_type),
    col(Event.resource_id),
    col(Event.resource_url),
    sa.cast(col(Event.data), sa.Text),
)


def shown(row: Sequence[Any]) -> dict[str, Any]:
    """An event as the feed and webhook messages show it, from a row that starts with
    `EVENT_COLUMNS`: `EventRead`'s members in its order, for `to_json`. Plain values rather
    than models: a page of the feed holds hundreds, and the tests check the bytes are those
    pydantic writes for `EventPage`."""
    event_id, type_, occurred_at, actor, plan_id, resource_type, resource_id, url, data, *_ = row
    return {
        "id": event_id,
        "type": type_,
        "occurred_at": occurred_at,
        "actor": actor,
        "plan_id": plan_id,
        "resource": {"type": resource_type, "id": resource_id, "url": url},
        "data": orjson.Fragment(data),
    }


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
) -> tuple[list[Sequence[Any]], bool]:
    """Up to `limit` events after `after`, oldest first (`EVENT_COLUMNS` and the position),
    and whether more are ready."""
    conditions = [col(Event.position) > after]
    if filters.types:
        conditions.append(col(Event.type).in_(filters.types))
    if filters.plan_ids:
        conditions.append(col(Event.plan_id).in_(filters.plan_ids))
    if not filters.include_admin_only:
        conditions.append(col(Event.admin_only).is_(False))
    rows = (
        await session.execute(
            sa.select(*EVENT_COLUMNS, col(Event.position))
            .where(*conditions)
            .order_by(col(Event.position))
            .limit(limit + 1)
        )
    ).all()
    return list(rows[:limit]), len(rows) > limit


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
        reads = [shown(event) for event in events]
        position = int(events[-1][-1]) if events else after
        # End the read's transaction: the next look must see what committed since.
        await session.rollback()
        remaining = deadline - time.monotonic()
        if reads or remaining <= 0:
            return reads, more, position
        await commits.wait(min(remaining, POLL_SECONDS))
