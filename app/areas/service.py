"""Improvement areas: the rules for adding, changing, archiving and restoring them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.areas.schemas import AreaCreate, AreaUpdate
from app.core.auth.keys import Principal
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.http.review import where_needs_review
from app.core.resources import crud
from app.core.resources.refs import ensure_ref_free, next_position
from app.models import Action, Area, Outcome, Plan, SuccessCriterion, new_id

ENTITY = "area"
SORTABLE = {
    "position": SortField(col(Area.position), "int"),
    "number": SortField(col(Area.number), "int"),
    "ref": SortField(col(Area.ref), "str"),
    "title": SortField(col(Area.title), "str"),
    "created_at": SortField(col(Area.created_at), "datetime"),
    "updated_at": SortField(col(Area.updated_at), "datetime"),
}


async def list_areas(
    *,
    session: AsyncSession,
    plan: Plan,
    params: ListParams,
    include_archived: bool = False,
    needs_review: bool | None = None,
) -> PageResult[Area]:
    """One page of the plan's areas, in document order unless sorted otherwise."""
    statement = sa.select(Area).where(col(Area.plan_id) == plan.id)
    if not include_archived:
        statement = statement.where(col(Area.archived_at).is_(None))
    statement = where_needs_review(statement, col(Area.needs_review), needs_review)
    return await paginate(
        session,
        statement,
        params=params,
        sortable=SORTABLE,
        default_sort=["position"],
        id_column=col(Area.id),
    )


async def create_area(
    *, session: AsyncSession, plan: Plan, data: AreaCreate, actor: Principal
) -> Area:
    """Add an area at the end of the plan."""
    crud.refuse_if_archived(plan, "plan")
    ref = data.ref or str(data.number)
    await ensure_ref_free(session, Area, plan_id=plan.id, ref=ref, label=ENTITY)
    area = Area(
        id=new_id("area"),
        plan_id=plan.id,
        ref=ref,
        number=data.number,
        title=data.title,
        aim=data.aim,
        position=await next_position(session, Area, col(Area.plan_id) == plan.id),
    )
    return await crud.create(session, area, actor=actor, entity_type=ENTITY)


async def update_area(
    *, session: AsyncSession, area: Area, data: AreaUpdate, actor: Principal
) -> Area:
    changes = data.changes()
    if "ref" in changes:
        await ensure_ref_free(
            session,
            Area,
            plan_id=area.plan_id,
            ref=changes["ref"],
            label=ENTITY,
            exclude_id=area.id,
        )
    return await crud.update(session, area, changes, actor=actor, entity_type=ENTITY)


async def archive_area(*, session: AsyncSession, area: Area, actor: Principal) -> Area:
    """Archive an area with nothing live under it."""
    blocking = [
        *await crud.live_children(session, Outcome, col(Outcome.area_id), area.id, "outcome"),
        *await crud.live_children(session, Action, col(Action.area_id), area.id, "action"),
        *await crud.live_children(
            session, SuccessCriterion, col(SuccessCriterion.area_id), area.id, "success_criterion"
        ),
    ]
    return await crud.archive(session, area, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_area(*, session: AsyncSession, area: Area, actor: Principal) -> Area:
    plan = await session.get(Plan, area.plan_id)
    archived_parent = "plan" if plan is not None and plan.archived_at is not None else None
    return await crud.restore(
        session, area, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )
