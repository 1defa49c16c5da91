"""The writes every plan-content resource shares: create, change, archive, restore.

Each function records the audit event and commits (services commit; see the README).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlmodel import SQLModel, col

from app.core.auth.keys import Principal
from app.core.errors import (
    Archived,
    Blocker,
    HasDependents,
    NotFound,
    ParentArchived,
    ValidationFailed,
)
from app.core.resources import audit
from app.core.resources.refs import refuse_taken_ref
from app.models import TimestampedTable, utcnow

M = TypeVar("M", bound=TimestampedTable)

UNAUDITED = frozenset({"created_at", "updated_at", "version"})
BLOCKER_LIMIT = 20


def snapshot(entity: SQLModel) -> dict[str, Any]:
    """The entity's stored fields, as JSON values, for audit before/after."""
    return entity.model_dump(mode="json", exclude=set(UNAUDITED))


def not_found(label: str, entity_id: str) -> NotFound:
    """The 404 for a missing entity, in the words every path uses."""
    return NotFound(f"No {label} with id '{entity_id}'.")


async def fetch(
    session: AsyncSession, model: type[M], entity_id: str, label: str, *, lock: bool = False
) -> M:
    """The row with this id, archived or not, or a 404 naming what was missing; with `lock`,
    its row locked until the transaction ends (on PostgreSQL; SQLite writes one at a time)."""
    entity = await session.get(model, entity_id, with_for_update=lock or None)
    if entity is None:
        raise not_found(label, entity_id)
    return entity


async def named_in_body(
    session: AsyncSession, model: type[M], entity_id: str, *, field: str, label: str
) -> M:
    """The row a request body names by id in `field`, archived or not; a 422 naming the
    field when there is none (the request, not its path, is at fault)."""
    entity = await session.get(model, entity_id)
    if entity is None:
        raise ValidationFailed(
            f"No {label} with id '{entity_id}'.",
            field=f"body.{field}",
            message=f"no {label} with this id",
            type="not_found",
        )
    return entity


async def live_in_body(
    session: AsyncSession, model: type[M], entity_id: str, *, field: str, label: str
) -> M:
    """`named_in_body`, and a 409 when that row is archived."""
    entity = await named_in_body(session, model, entity_id, field=field, label=label)
    refuse_if_archived(entity, label)
    return entity


def refuse_if_archived(entity: TimestampedTable, label: str) -> None:
    if entity.archived_at is not None:
        raise Archived(
            f"The {label} '{getattr(entity, 'id', '')}' is archived; restore it before changing "
            "it or adding to it."
        )


def _record(
    session: AsyncSession,
    entity: TimestampedTable,
    actor: Principal,
    entity_type: str,
    operation: str,
    changes: dict[str, Any],
) -> None:
    audit.record(
        session,
        actor=actor,
        entity_type=entity_type,
        entity_id=str(getattr(entity, "id")),  # noqa: B009
        operation=operation,
        changes=changes,
    )


async def create(session: AsyncSession, entity: M, *, actor: Principal, entity_type: str) -> M:
    """Store a new entity and its audit event."""
    session.add(entity)
    await session.flush()
    _record(session, entity, actor, entity_type, "create", audit.created(snapshot(entity)))
    await session.commit()
    return entity


async def update(
    session: AsyncSession,
    entity: M,
    changes: Mapping[str, Any],
    *,
    actor: Principal,
    entity_type: str,
    extra_audit: Mapping[str, Any] | None = None,
    unique_ref: bool = False,
) -> M:
    """Apply changes to a live entity; record what really changed. With `unique_ref`, a
    new ref another item of its kind in the plan holds is a 409 first."""
    if unique_ref:
        await refuse_taken_ref(session, entity, dict(changes), label=entity_type)
    refuse_if_archived(entity, entity_type.replace("_", " "))
    before = snapshot(entity)
    for name, value in changes.items():
        setattr(entity, name, value)
    diff = audit.changes_between(before, snapshot(entity))
    if diff or extra_audit:
        entity.updated_at = utcnow()
        _record(session, entity, actor, entity_type, "update", {**diff, **(extra_audit or {})})
    await session.commit()
    return entity


async def live_children(
    session: AsyncSession,
    model: type[TimestampedTable],
    column: Mapped[Any] | sa.ColumnElement[Any],
    value: str,
    entity_type: str,
) -> list[Blocker]:
    """Live rows that point at `value` through `column`, named for a 409's `blocking` list."""
    ref = getattr(model, "ref", None)
    columns = [getattr(model, "id")] + ([ref] if ref is not None else [])  # noqa: B009
    rows = (
        await session.execute(
            sa.select(*columns)
            .where(column == value, col(model.archived_at).is_(None))
            .limit(BLOCKER_LIMIT)
        )
    ).all()
    return [
        Blocker(type=entity_type, id=row[0], ref=row[1] if len(row) > 1 else None) for row in rows
    ]


async def live_dependents(
    session: AsyncSession, entity_id: str, *kinds: tuple[type[TimestampedTable], str, str]
) -> list[Blocker]:
    """`live_children` of several kinds, each as (model, the column naming the entity, the
    type a 409's `blocking` list names)."""
    return [
        blocker
        for model, column, entity_type in kinds
        for blocker in await live_children(
            session, model, getattr(model, column), entity_id, entity_type
        )
    ]


def unless_archived(
    statement: sa.Select[Any], model: Any, include_archived: bool
) -> sa.Select[Any]:
    """The statement, without archived rows unless they are asked for."""
    if include_archived:
        return statement
    return statement.where(model.archived_at.is_(None))


def archived(parent: TimestampedTable | None, label: str) -> str | None:
    """`label` when the parent is archived (for `restore`'s `archived_parent`), else None."""
    return label if parent is not None and parent.archived_at is not None else None


async def archive(
    session: AsyncSession,
    entity: M,
    *,
    actor: Principal,
    entity_type: str,
    blocking: Sequence[Blocker] = (),
) -> M:
    """Archive a live entity, unless live items still depend on it (409 naming them)."""
    label = entity_type.replace("_", " ")
    refuse_if_archived(entity, label)
    if blocking:
        raise HasDependents(
            f"The {label} is still in use by {len(blocking)} live item(s); archive or move "
            "them first.",
            blocking=blocking,
        )
    entity.archived_at = entity.updated_at = utcnow()
    _record(
        session,
        entity,
        actor,
        entity_type,
        "archive",
        {"archived_at": {"before": None, "after": entity.archived_at.isoformat()}},
    )
    await session.commit()
    return entity


async def restore(
    session: AsyncSession,
    entity: M,
    *,
    actor: Principal,
    entity_type: str,
    archived_parent: str | None = None,
) -> M:
    """Bring an archived entity back; restoring a live one changes nothing."""
    if entity.archived_at is None:
        return entity
    if archived_parent is not None:
        raise ParentArchived(f"Restore its {archived_parent} first: it is archived.")
    before = entity.archived_at
    entity.archived_at = None
    entity.updated_at = utcnow()
    _record(
        session,
        entity,
        actor,
        entity_type,
        "restore",
        {"archived_at": {"before": before.isoformat(), "after": None}},
    )
    await session.commit()
    return entity
