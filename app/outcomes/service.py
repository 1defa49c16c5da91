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
from app.core.resources.refs import given_or_child_ref, next_position, ref_holder
from app.models import Action, Area, Objective, Outcome, SuccessCriterion, new_id
from app.outcomes.schemas import OutcomeCreate, OutcomeUpdate

ENTITY = "outcome"
SORTABLE = {
    "position": SortField(col(Outcome.position), "int"),
    "ref": SortField(col(Outcome.ref), "str"),
    "number": SortField(col(Outcome.number), "str", nullable=True),
    **SortField.timestamps(Outcome),
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


async def _number_as_ref(session: AsyncSession, area: Area, number: str | None) -> str | None:
    """The number, when it makes a valid ref no outcome in the plan has."""
    if number is None or not re.fullmatch(REF_PATTERN, number):
        return None
    holder = await ref_holder(session, Outcome, plan_id=area.plan_id, ref=number)
    return number if holder is None else None


async def create_outcome(
    *, session: AsyncSession, area: Area, data: OutcomeCreate, actor: Principal
) -> Outcome:
    """Add an outcome at the end of the area."""
    crud.refuse_if_archived(area, "area")
    # Without a ref given, the number serves when it can.
    number_ref = None if data.ref is not None else await _number_as_ref(session, area, data.number)
    ref = number_ref or await given_or_child_ref(
        session, Outcome, plan_id=area.plan_id, given=data.ref, prefix=area.ref, label=ENTITY
    )
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
