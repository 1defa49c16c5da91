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
    **SortField.timestamps(Area),
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
    statement = crud.unless_archived(statement, Area, include_archived)
    statement = where_needs_review(statement, col(Area.needs_review), needs_review)
    return await paginate(session, statement, params, SORTABLE, ["position"])


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
    return await crud.update(
        session, area, data.changes(), actor=actor, entity_type=ENTITY, unique_ref=True
    )


async def archive_area(*, session: AsyncSession, area: Area, actor: Principal) -> Area:
    """Archive an area with nothing live under it."""
    blocking = await crud.live_dependents(
        session,
        area.id,
        (Outcome, "area_id", "outcome"),
        (Action, "area_id", "action"),
        (SuccessCriterion, "area_id", "success_criterion"),
    )
    return await crud.archive(session, area, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_area(*, session: AsyncSession, area: Area, actor: Principal) -> Area:
    parent = crud.archived(await session.get(Plan, area.plan_id), "plan")
    return await crud.restore(
        session, area, actor=actor, entity_type=ENTITY, archived_parent=parent
    )
