"""Objectives: the rules for adding, changing, archiving and restoring them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.http.review import where_needs_review
from app.core.resources import crud
from app.core.resources.refs import given_or_child_ref, next_position
from app.models import Action, Objective, Outcome, SuccessCriterion, new_id
from app.objectives.schemas import ObjectiveCreate, ObjectiveUpdate

ENTITY = "objective"
SORTABLE = {
    "position": SortField(col(Objective.position), "int"),
    "ref": SortField(col(Objective.ref), "str"),
    **SortField.timestamps(Objective),
}


async def list_objectives(
    *,
    session: AsyncSession,
    outcome: Outcome,
    params: ListParams,
    include_archived: bool = False,
    needs_review: bool | None = None,
) -> PageResult[Objective]:
    """One page of the outcome's objectives, in document order unless sorted otherwise."""
    statement = sa.select(Objective).where(col(Objective.outcome_id) == outcome.id)
    statement = crud.unless_archived(statement, Objective, include_archived)
    statement = where_needs_review(statement, col(Objective.needs_review), needs_review)
    return await paginate(session, statement, params, SORTABLE, ["position"])


async def create_objective(
    *, session: AsyncSession, outcome: Outcome, data: ObjectiveCreate, actor: Principal
) -> Objective:
    """Add an objective at the end of the outcome."""
    crud.refuse_if_archived(outcome, "outcome")
    ref = await given_or_child_ref(
        session,
        Objective,
        plan_id=outcome.plan_id,
        given=data.ref,
        prefix=outcome.ref,
        label=ENTITY,
    )
    objective = Objective(
        id=new_id("obj"),
        plan_id=outcome.plan_id,
        area_id=outcome.area_id,
        outcome_id=outcome.id,
        ref=ref,
        statement=data.statement,
        position=await next_position(session, Objective, col(Objective.outcome_id) == outcome.id),
    )
    return await crud.create(session, objective, actor=actor, entity_type=ENTITY)


async def update_objective(
    *, session: AsyncSession, objective: Objective, data: ObjectiveUpdate, actor: Principal
) -> Objective:
    return await crud.update(
        session, objective, data.changes(), actor=actor, entity_type=ENTITY, unique_ref=True
    )


async def archive_objective(
    *, session: AsyncSession, objective: Objective, actor: Principal
) -> Objective:
    """Archive an objective with no live actions or success criteria under it."""
    blocking = await crud.live_dependents(
        session,
        objective.id,
        (Action, "objective_id", "action"),
        (SuccessCriterion, "objective_id", "success_criterion"),
    )
    return await crud.archive(
        session, objective, actor=actor, entity_type=ENTITY, blocking=blocking
    )


async def restore_objective(
    *, session: AsyncSession, objective: Objective, actor: Principal
) -> Objective:
    parent = crud.archived(await session.get(Outcome, objective.outcome_id), "outcome")
    return await crud.restore(
        session, objective, actor=actor, entity_type=ENTITY, archived_parent=parent
    )
