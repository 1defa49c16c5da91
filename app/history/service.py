"""Reading the audit log, and an action's timeline built from it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.history.schemas import (
    ActionHistory,
    DueDateRevisionRead,
    HistoryEntry,
    HistoryKind,
)
from app.models import Action, AuditEvent, DueDateRevision, StatusUpdate
from app.status_updates.reads import read_updates

SORTABLE = {"occurred_at": SortField(col(AuditEvent.occurred_at), "datetime")}


@dataclass(frozen=True)
class AuditFilters:
    entity_type: Sequence[str] = ()
    entity_id: Sequence[str] = ()
    actor: Sequence[str] = ()
    actor_key_id: Sequence[str] = ()
    operation: Sequence[str] = ()
    since: datetime | None = None
    until: datetime | None = None


async def list_audit_events(
    *, session: AsyncSession, params: ListParams, filters: AuditFilters
) -> PageResult[AuditEvent]:
    conditions: list[sa.ColumnElement[bool]] = []
    for column, values in (
        (col(AuditEvent.entity_type), filters.entity_type),
        (col(AuditEvent.entity_id), filters.entity_id),
        (col(AuditEvent.actor), filters.actor),
        (col(AuditEvent.actor_key_id), filters.actor_key_id),
        (col(AuditEvent.operation), filters.operation),
    ):
        if values:
            conditions.append(column.in_(values))
    if filters.since is not None:
        conditions.append(col(AuditEvent.occurred_at) >= filters.since)
    if filters.until is not None:
        conditions.append(col(AuditEvent.occurred_at) < filters.until)
    return await paginate(
        session, sa.select(AuditEvent).where(*conditions), params, SORTABLE, ["occurred_at"]
    )


# The history's parts are read in a fixed number of statements, one block each.
async def action_history(*, session: AsyncSession, action: Action) -> ActionHistory:
    """The action's changes, due-date revisions and status updates, oldest first."""
    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_type) == "action", col(AuditEvent.entity_id) == action.id)
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    ).all()
    updates = (
        await session.scalars(
            sa.select(StatusUpdate)
            .where(col(StatusUpdate.action_id) == action.id)
            .order_by(col(StatusUpdate.created_at))
        )
    ).all()
    revisions = (
        await session.scalars(
            sa.select(DueDateRevision)
            .where(col(DueDateRevision.action_id) == action.id)
            .order_by(col(DueDateRevision.changed_at))
        )
    ).all()
    update_reads = {u.id: u for u in await read_updates(session=session, updates=updates)}
    entries: list[HistoryEntry] = []
    for event in events:
        changes = dict(event.changes)
        update_id = (
            changes.pop("status_update_id", {}).get("after")
            if event.operation == "status_update"
            else None
        )
        entries.append(
            HistoryEntry(
                occurred_at=event.occurred_at,
                kind=HistoryKind.status_update if update_id else HistoryKind.change,
                operation=event.operation,
                actor=event.actor,
                changes=changes,
                request_id=event.request_id,
                status_update=update_reads.get(update_id) if update_id else None,
                due_date_revision=None,
            )
        )
    for revision in revisions:
        entries.append(
            HistoryEntry(
                occurred_at=revision.changed_at,
                kind=HistoryKind.due_date_revision,
                operation="update",
                actor=revision.actor,
                changes={
                    "due_date": {
                        "before": revision.from_date.isoformat() if revision.from_date else None,
                        "after": revision.to_date.isoformat() if revision.to_date else None,
                    }
                },
                request_id=None,
                status_update=None,
                due_date_revision=DueDateRevisionRead.model_validate(revision),
            )
        )
    order = {HistoryKind.change: 0, HistoryKind.due_date_revision: 1, HistoryKind.status_update: 2}
    entries.sort(key=lambda e: (e.occurred_at, order[e.kind]))
    return ActionHistory(action_id=action.id, entries=entries)
