"""Human references (`ref`): unique within a plan for each kind of item; and the query for
whatever else must be unique."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.errors import Blocker, Duplicate


async def holder(
    session: AsyncSession, model: Any, *conditions: Any, exclude_id: str | None = None
) -> str | None:
    """The id of a row that already holds what must be unique (the conditions), other than
    `exclude_id` (the row being changed), if there is one."""
    statement = sa.select(col(model.id)).where(*conditions)
    if exclude_id is not None:
        statement = statement.where(col(model.id) != exclude_id)
    found: str | None = await session.scalar(statement)
    return found


async def ref_holder(
    session: AsyncSession, model: Any, *, plan_id: str, ref: str, exclude_id: str | None = None
) -> str | None:
    """The id of the item of this kind in the plan that has this ref, if any."""
    return await holder(
        session, model, col(model.plan_id) == plan_id, col(model.ref) == ref, exclude_id=exclude_id
    )


async def ensure_ref_free(
    session: AsyncSession,
    model: Any,
    *,
    plan_id: str,
    ref: str,
    label: str,
    exclude_id: str | None = None,
) -> None:
    """409 when another item of this kind in the plan already has this ref."""
    existing = await ref_holder(session, model, plan_id=plan_id, ref=ref, exclude_id=exclude_id)
    if existing is not None:
        raise Duplicate(
            f"The ref '{ref}' is already used by {label} '{existing}' in this plan.",
            blocking=[Blocker(type=label, id=existing, ref=ref)],
        )


async def refuse_taken_ref(
    session: AsyncSession, entity: Any, changes: dict[str, Any], *, label: str
) -> None:
    """409 when a change gives the entity a ref another item of its kind in the plan has."""
    if "ref" in changes:
        await ensure_ref_free(
            session,
            type(entity),
            plan_id=entity.plan_id,
            ref=changes["ref"],
            label=label,
            exclude_id=entity.id,
        )


async def next_position(session: AsyncSession, model: Any, *conditions: Any) -> int:
    """One past the last position among the rows matching the conditions."""
    highest = await session.scalar(sa.select(sa.func.max(col(model.position))).where(*conditions))
    return (highest or 0) + 1


async def next_child_ref(session: AsyncSession, model: Any, *, plan_id: str, prefix: str) -> str:
    """The first free `<prefix>.<n>` ref in the plan, counting up from the children so far."""
    taken = set(
        (
            await session.scalars(
                sa.select(col(model.ref)).where(
                    col(model.plan_id) == plan_id, col(model.ref).startswith(f"{prefix}.")
                )
            )
        ).all()
    )
    number = 1
    while f"{prefix}.{number}" in taken:
        number += 1
    return f"{prefix}.{number}"


async def given_or_child_ref(
    session: AsyncSession, model: Any, *, plan_id: str, given: str | None, prefix: str, label: str
) -> str:
    """A new item's ref: the one given, refused (409) when taken, or else the first free
    `<prefix>.<n>`."""
    if given is None:
        return await next_child_ref(session, model, plan_id=plan_id, prefix=prefix)
    await ensure_ref_free(session, model, plan_id=plan_id, ref=given, label=label)
    return given
