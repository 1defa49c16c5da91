"""Inspection actions: recommendations such as "Ofsted Improvement Action 3" in a plan."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, Duplicate
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import crud
from app.core.resources.refs import holder
from app.inspection_actions.schemas import (
    InspectionActionCreate,
    InspectionActionRead,
    InspectionActionUpdate,
)
from app.models import Action, ActionInspectionAction, InspectionAction, Plan, new_id

ENTITY = "inspection_action"
SORTABLE = {
    "number": SortField(col(InspectionAction.number), "int"),
    "source": SortField(col(InspectionAction.source), "str"),
    **SortField.timestamps(InspectionAction),
}


def live_in_plan(plan_id: str) -> sa.Select[InspectionAction]:
    """A plan's live inspection actions, by source and number (as the plan lists them)."""
    return (
        sa.select(InspectionAction)
        .where(
            col(InspectionAction.plan_id) == plan_id, col(InspectionAction.archived_at).is_(None)
        )
        .order_by(col(InspectionAction.source), col(InspectionAction.number))
    )


async def _tagged_actions(
    session: AsyncSession, inspection_action_ids: Sequence[str], *, limit: int | None = None
) -> list[tuple[str, str, str]]:
    """(inspection action id, action id, action ref) of the live actions tagged, by ref."""
    if not inspection_action_ids:
        return []
    statement = (
        sa.select(col(ActionInspectionAction.inspection_action_id), col(Action.id), col(Action.ref))
        .join(Action, col(Action.id) == col(ActionInspectionAction.action_id))
        .where(
            col(ActionInspectionAction.inspection_action_id).in_(inspection_action_ids),
            col(Action.archived_at).is_(None),
        )
        .order_by(col(Action.ref), col(Action.id))
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [(row[0], row[1], row[2]) for row in (await session.execute(statement)).all()]


async def read_inspection_actions(
    *, session: AsyncSession, inspection_actions: Sequence[InspectionAction]
) -> list[InspectionActionRead]:
    """The representations of these inspection actions, with their actions, in one query."""
    tagged: dict[str, list[str]] = {}
    for inspection_action_id, action_id, _ in await _tagged_actions(
        session, [i.id for i in inspection_actions]
    ):
        tagged.setdefault(inspection_action_id, []).append(action_id)
    return [InspectionActionRead.of(i, tagged.get(i.id, [])) for i in inspection_actions]


async def read_inspection_action(
    *, session: AsyncSession, inspection_action: InspectionAction
) -> InspectionActionRead:
    reads = await read_inspection_actions(session=session, inspection_actions=[inspection_action])
    return reads[0]


async def list_inspection_actions(
    *,
    session: AsyncSession,
    params: ListParams,
    plan_id: Sequence[str] = (),
    source: Sequence[str] = (),
    include_archived: bool = False,
) -> PageResult[InspectionAction]:
    """One page of inspection actions matching the filters, by number unless sorted otherwise."""
    statement = sa.select(InspectionAction)
    statement = crud.unless_archived(statement, InspectionAction, include_archived)
    if plan_id:
        statement = statement.where(col(InspectionAction.plan_id).in_(plan_id))
    if source:
        statement = statement.where(col(InspectionAction.source).in_(source))
    return await paginate(session, statement, params, SORTABLE, ["number"])


async def _ensure_number_free(
    session: AsyncSession,
    *,
    plan_id: str,
    source: str,
    number: int,
    exclude_id: str | None = None,
) -> None:
    """409 when the plan already has this source's recommendation with this number."""
    existing = await holder(
        session,
        InspectionAction,
        col(InspectionAction.plan_id) == plan_id,
        col(InspectionAction.source) == source,
        col(InspectionAction.number) == number,
        exclude_id=exclude_id,
    )
    if existing is not None:
        raise Duplicate(
            f"The plan already has {source} recommendation {number}: inspection action "
            f"'{existing}'.",
            blocking=[Blocker(type=ENTITY, id=existing)],
        )


async def create_inspection_action(
    *, session: AsyncSession, data: InspectionActionCreate, actor: Principal
) -> InspectionAction:
    """Add a recommendation to a live plan."""
    plan = await crud.live_in_body(session, Plan, data.plan_id, field="plan_id", label="plan")
    await _ensure_number_free(session, plan_id=plan.id, source=data.source, number=data.number)
    inspection_action = InspectionAction(
        id=new_id("insp"),
        plan_id=plan.id,
        source=data.source,
        number=data.number,
        text=data.text,
    )
    return await crud.create(session, inspection_action, actor=actor, entity_type=ENTITY)


async def update_inspection_action(
    *,
    session: AsyncSession,
    inspection_action: InspectionAction,
    data: InspectionActionUpdate,
    actor: Principal,
) -> InspectionAction:
    crud.refuse_if_archived(inspection_action, "inspection action")
    changes = data.changes()
    if "source" in changes or "number" in changes:
        await _ensure_number_free(
            session,
            plan_id=inspection_action.plan_id,
            source=changes.get("source", inspection_action.source),
            number=changes.get("number", inspection_action.number),
            exclude_id=inspection_action.id,
        )
    return await crud.update(session, inspection_action, changes, actor=actor, entity_type=ENTITY)


async def archive_inspection_action(
    *, session: AsyncSession, inspection_action: InspectionAction, actor: Principal
) -> InspectionAction:
    """Archive a recommendation no live action is tagged with."""
    blocking = [
        Blocker(type="action", id=action_id, ref=ref)
        for _, action_id, ref in await _tagged_actions(
            session, [inspection_action.id], limit=crud.BLOCKER_LIMIT
        )
    ]
    return await crud.archive(
        session, inspection_action, actor=actor, entity_type=ENTITY, blocking=blocking
    )


async def restore_inspection_action(
    *, session: AsyncSession, inspection_action: InspectionAction, actor: Principal
) -> InspectionAction:
    plan = await session.get(Plan, inspection_action.plan_id)
    archived_parent = "plan" if plan is not None and plan.archived_at is not None else None
    return await crud.restore(
        session, inspection_action, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )
