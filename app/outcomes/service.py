"""Outcomes: the rules for adding, changing, archiving and restoring them."""

from __future__ import annotations

import re

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.http.review import where_needs_review
from app.core.http.schemas import REF_PATTERN
from app.core.resources import crud
from app.core.resources.refs import ensure_ref_free, next_child_ref, next_position
from app.models import Action, Area, Objective, Outcome, SuccessCriterion, new_id
from app.outcomes.schemas import OutcomeCreate, OutcomeUpdate

ENTITY = "outcome"
SORTABLE = {
    "position": SortField(col(Outcome.position), "int"),
    "ref": SortField(col(Outcome.ref), "str"),
    "number": SortField(col(Outcome.number), "str", nullable=True),
    "created_at": SortField(col(Outcome.created_at), "datetime"),
    "updated_at": SortField(col(Outcome.updated_at), "datetime"),
}


async def list_outcomes(
    *,
    session: AsyncSession,
    area: Area,
    params: ListParams,
    include_archived: bool = False,
    needs_review: bool | None = None,
) -> PageResult[Outcome]:
    """One page of the area's outcomes, in document order unless sorted otherwise."""
    statement = sa.select(Outcome).where(col(Outcome.area_id) == area.id)
    statement = crud.unless_archived(statement, Outcome, include_archived)
    statement = where_needs_review(statement, col(Outcome.needs_review), needs_review)
    return await paginate(session, statement, params, SORTABLE, ["position"])


async def _default_ref(session: AsyncSession, area: Area, number: str | None) -> str:
    """The number when it makes a valid, free ref; else the first free `<area ref>.<n>`."""
    if number is not None and re.fullmatch(REF_PATTERN, number):
        holder = await session.scalar(
            sa.select(col(Outcome.id)).where(
                col(Outcome.plan_id) == area.plan_id, col(Outcome.ref) == number
            )
        )
        if holder is None:
            return number
    return await next_child_ref(session, Outcome, plan_id=area.plan_id, prefix=area.ref)


async def create_outcome(
    *, session: AsyncSession, area: Area, data: OutcomeCreate, actor: Principal
) -> Outcome:
    """Add an outcome at the end of the area."""
    crud.refuse_if_archived(area, "area")
    if data.ref is not None:
        ref = data.ref
        await ensure_ref_free(session, Outcome, plan_id=area.plan_id, ref=ref, label=ENTITY)
    else:
        ref = await _default_ref(session, area, data.number)
    outcome = Outcome(
        id=new_id("out"),
        plan_id=area.plan_id,
        area_id=area.id,
        ref=ref,
        number=data.number,
        statement=data.statement,
        position=await next_position(session, Outcome, col(Outcome.area_id) == area.id),
    )
    return await crud.create(session, outcome, actor=actor, entity_type=ENTITY)


async def update_outcome(
    *, session: AsyncSession, outcome: Outcome, data: OutcomeUpdate, actor: Principal
) -> Outcome:
    return await crud.update(
        session, outcome, data.changes(), actor=actor, entity_type=ENTITY, unique_ref=True
    )


async def archive_outcome(*, session: AsyncSession, outcome: Outcome, actor: Principal) -> Outcome:
    """Archive an outcome with no live objectives, actions or success criteria under it."""
    blocking = await crud.live_dependents(
        session,
        outcome.id,
        (Objective, "outcome_id", "objective"),
        (Action, "outcome_id", "action"),
        (SuccessCriterion, "outcome_id", "success_criterion"),
    )
    return await crud.archive(session, outcome, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_outcome(*, session: AsyncSession, outcome: Outcome, actor: Principal) -> Outcome:
    parent = crud.archived(await session.get(Area, outcome.area_id), "area")
    return await crud.restore(
        session, outcome, actor=actor, entity_type=ENTITY, archived_parent=parent
    )
