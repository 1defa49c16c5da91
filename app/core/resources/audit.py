"""Writing the audit log. Every service that writes calls `record` before it commits.

Each recorded change is also queued for the change feed: the session turns it into events
in the same transaction when it commits (`app.core.db.outbox`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from asgi_correlation_id import correlation_id
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.auth.keys import Principal
from app.core.db import outbox
from app.models import AuditEvent, new_id


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The fields that differ, each as `{"before": ..., "after": ...}`."""
    return {
        name: {"before": _plain(before.get(name)), "after": _plain(after.get(name))}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def created(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {name: {"before": None, "after": _plain(value)} for name, value in fields.items()}


def record(
    session: AsyncSession,
    *,
    actor: Principal | None,
    entity_type: str,
    entity_id: str,
    operation: str,
    changes: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the session; it is stored with the write it describes."""
    event = AuditEvent(
        id=new_id("aud"),
        actor_key_id=actor.key_id if actor else None,
        actor_officer_id=actor.officer_id if actor else None,
        actor_subject=actor.subject if actor else None,
        actor=actor.name if actor else "system",
        entity_type=entity_type,
        entity_id=entity_id,
        operation=operation,
        changes=dict(changes or {}),
        request_id=correlation_id.get(),
    )
    session.add(event)
    outbox.queue(session, event)
    return event
