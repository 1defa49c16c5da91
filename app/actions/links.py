"""Links between an action and other plan items: success criteria, lead officers and
inspection actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.query import ENTITY
from app.core.auth.keys import Principal
from app.core.errors import ValidationFailed
from app.core.resources import audit, crud
from app.core.resources.refs import next_position
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    InspectionAction,
    Officer,
    SuccessCriterion,
    utcnow,
)


@dataclass(frozen=True)
class LinkKind:
    """One kind of link: its join table, the other side's model and how the API names it."""

    entity_type: str
    label: str
    model: Any
    table: Any
    other_column: str
    per_plan: bool = True


CRITERION_LINK = LinkKind(
    "success_criterion",
    "success criterion",
    SuccessCriterion,
    ActionSuccessCriterion,
    "criterion_id",
)
OFFICER_LINK = LinkKind(
    "officer", "officer", Officer, ActionLeadOfficer, "officer_id", per_plan=False
)
INSPECTION_LINK = LinkKind(
    "inspection_action",
    "inspection action",
    InspectionAction,
    ActionInspectionAction,
    "inspection_action_id",
)


async def _link_target(session: AsyncSession, action: Action, kind: LinkKind, other_id: str) -> Any:
    other = await crud.fetch(session, kind.model, other_id, kind.label)
    if kind.per_plan and other.plan_id != action.plan_id:
        raise ValidationFailed(
            f"The {kind.label} belongs to another plan; links stay within one plan.",
            field=f"path.{kind.other_column}",
            message="in another plan",
            type="cross_plan",
        )
    return other


def _link_row(action: Action, kind: LinkKind, other_id: str) -> sa.ColumnElement[bool]:
    return sa.and_(
        kind.table.action_id == action.id, getattr(kind.table, kind.other_column) == other_id
    )


async def _record(
    session: AsyncSession, action: Action, actor: Principal, operation: str, changes: dict[str, Any]
) -> None:
    """A link made or removed changes the action: audited, and committed."""
    action.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=action.id,
        operation=operation,
        changes=changes,
    )
    await session.commit()


async def link(
    *, session: AsyncSession, action: Action, kind: LinkKind, other_id: str, actor: Principal
) -> bool:
    """Link the action and the other item; True when a new link was made."""
    crud.refuse_if_archived(action, ENTITY)
    other = await _link_target(session, action, kind, other_id)
    crud.refuse_if_archived(other, kind.label)
    exists = await session.scalar(sa.select(sa.exists().where(_link_row(action, kind, other_id))))
    if exists:
        return False
    row = kind.table(action_id=action.id, **{kind.other_column: other_id})
    if kind is OFFICER_LINK:
        row.position = await next_position(
            session, ActionLeadOfficer, col(ActionLeadOfficer.action_id) == action.id
        )
    session.add(row)
    await _record(
        session, action, actor, "link", {kind.other_column: {"before": None, "after": other_id}}
    )
    return True


async def unlink(
    *, session: AsyncSession, action: Action, kind: LinkKind, other_id: str, actor: Principal
) -> bool:
    """Remove the link; the audit log keeps it. True when a link was removed. Another
    plan's item is never linked, so unlinking it, like any link that is not there, changes
    nothing (not the 422 that linking it is)."""
    crud.refuse_if_archived(action, ENTITY)
    await crud.fetch(session, kind.model, other_id, kind.label)
    result = await session.execute(sa.delete(kind.table).where(_link_row(action, kind, other_id)))
    if not getattr(result, "rowcount", 0):
        return False
    await _record(
        session, action, actor, "unlink", {kind.other_column: {"before": other_id, "after": None}}
    )
    return True
