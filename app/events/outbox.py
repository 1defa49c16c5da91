"""Writing events: each transaction's audited changes become events before it commits."""

from __future__ import annotations

import asyncio
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import outbox
from app.events.catalogue import EVENT_TYPES, RESOURCES, Rendered, event_types_of
from app.models import AuditEvent, Event, new_id

API_PREFIX = "/api/v1"
# Built once, not on every commit with events.
_INSERT = sa.insert(Event)


def _wanted(changes: list[AuditEvent]) -> list[tuple[str, AuditEvent]]:
    """(event type, change) pairs, one per type and resource: a resource created in the
    transaction is reported as created, not also as updated."""
    seen: set[tuple[str, str]] = set()
    wanted: list[tuple[str, AuditEvent]] = []
    for change in changes:
        for name in event_types_of(change):
            resource = EVENT_TYPES[name].resource
            if (name, change.entity_id) in seen:
                continue
            if name.endswith(".updated") and (f"{resource}.created", change.entity_id) in seen:
                continue
            seen.add((name, change.entity_id))
            wanted.append((name, change))
    return wanted


async def write_events(session: AsyncSession, changes: list[AuditEvent]) -> None:
    """Add the events these changes make to the session, with each resource as it now is."""
    wanted = _wanted(changes)
    if not wanted:
        return
    await session.flush()
    ids: dict[str, list[str]] = defaultdict(list)
    created: dict[str, set[str]] = defaultdict(set)
    for name, change in wanted:
        resource_name = EVENT_TYPES[name].resource
        ids[resource_name].append(change.entity_id)
        if name.endswith(".created"):
            created[resource_name].add(change.entity_id)
    rendered: dict[str, dict[str, Rendered]] = {
        resource: await RESOURCES[resource].render(
            session, sorted(set(entity_ids)), created[resource]
        )
        for resource, entity_ids in ids.items()
    }
    rows = []
    for name, change in wanted:
        resource = RESOURCES[EVENT_TYPES[name].resource]
        found = rendered[resource.name].get(change.entity_id)
        if found is None:
            raise LookupError(f"{resource.name} '{change.entity_id}' changed but cannot be read")
        rows.append(
            {
                "id": new_id("evt"),
                "type": name,
                "occurred_at": change.occurred_at,
                "actor": change.actor,
                "actor_key_id": change.actor_key_id,
                "plan_id": found.plan_id,
                "resource_type": resource.name,
                "resource_id": change.entity_id,
                "resource_url": API_PREFIX + found.path,
                "admin_only": resource.admin_only,
                "data": found.data.model_dump(mode="json"),
                "request_id": change.request_id,
            }
        )
    # One statement for every event of the transaction, however many (the ORM would insert
    # them one by one on SQLite, to read back each one's sequence number).
    await session.execute(_INSERT, rows)


class CommitSignal:
    """Wakes the long polls of this process when a transaction with events commits."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait(self, seconds: float) -> None:
        """Until the next commit with events here, or `seconds` have passed."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait_for(waiter, seconds)
        except TimeoutError:
            pass
        finally:
            self._waiters.discard(waiter)


commits = CommitSignal()


def install() -> None:
    """Make every session of this process write events as it commits."""
    outbox.install_writer(write_events)
    outbox.on_events_committed(commits.notify)
