"""Success criteria: the rules for adding, listing, changing, archiving and restoring them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.http.listing import ListParams, PageResult, SortField, contains, paginate
from app.core.http.review import where_needs_review
from app.core.resources import crud
from app.core.resources.refs import next_position
from app.models import (
    Action,
    ActionSuccessCriterion,
    Area,
    Objective,
    Outcome,
    SuccessCriterion,
    TimestampedTable,
    new_id,
)
from app.success_criteria.schemas import (
    SuccessCriterionCreate,
    SuccessCriterionRead,
    SuccessCriterionUpdate,
)

ENTITY = "success_criterion"
SORTABLE = {
    "position": SortField(col(SuccessCriterion.position), "int"),
    **SortField.timestamps(SuccessCriterion),
}
# Parent field -> (model, label).
PARENTS: dict[str, tuple[type[Area] | type[Outcome] | type[Objective], str]] = {
    "area_id": (Area, "area"),
    "outcome_id": (Outcome, "outcome"),
    "objective_id": (Objective, "objective"),
}


async def list_success_criteria(
    *,
    session: AsyncSession,
    params: ListParams,
    plan_id: Sequence[str] = (),
    area_id: Sequence[str] = (),
    outcome_id: Sequence[str] = (),
    objective_id: Sequence[str] = (),
    action_id: Sequence[str] = (),
    q: str | None = None,
    include_archived: bool = False,
    needs_review: bool | None = None,
) -> PageResult[SuccessCriterion]:
    """One page of success criteria matching the filters (OR within one, AND across)."""
    statement = sa.select(SuccessCriterion)
    statement = crud.unless_archived(statement, SuccessCriterion, include_archived)
    if plan_id:
        statement = statement.where(col(SuccessCriterion.plan_id).in_(plan_id))
    if area_id:
        statement = statement.where(col(SuccessCriterion.area_id).in_(area_id))
    if outcome_id:
        statement = statement.where(col(SuccessCriterion.outcome_id).in_(outcome_id))
    if objective_id:
        statement = statement.where(col(SuccessCriterion.objective_id).in_(objective_id))
    if action_id:
        linked = sa.select(col(ActionSuccessCriterion.criterion_id)).where(
            col(ActionSuccessCriterion.action_id).in_(action_id)
        )
        statement = statement.where(col(SuccessCriterion.id).in_(linked))
    if q:
        statement = statement.where(contains(col(SuccessCriterion.statement), q))
    statement = where_needs_review(statement, col(SuccessCriterion.needs_review), needs_review)
    return await paginate(session, statement, params, SORTABLE, ["position"])


async def linked_action_ids(
    *, session: AsyncSession, criterion_ids: Sequence[str]
) -> dict[str, list[str]]:
    """For each criterion, its live linked actions' ids ordered by ref: one query in all."""
    found: dict[str, list[str]] = {criterion_id: [] for criterion_id in criterion_ids}
    if not criterion_ids:
        return found
    rows = await session.execute(
        sa.select(col(ActionSuccessCriterion.criterion_id), col(Action.id))
        .join(Action, col(Action.id) == col(ActionSuccessCriterion.action_id))
        .where(
            col(ActionSuccessCriterion.criterion_id).in_(list(criterion_ids)),
            col(Action.archived_at).is_(None),
        )
        .order_by(col(Action.ref), col(Action.id))
    )
    for criterion_id, action_id in rows.all():
        found[criterion_id].append(action_id)
    return found


def _read(criterion: SuccessCriterion, action_ids: list[str]) -> SuccessCriterionRead:
    fields: dict[str, Any] = criterion.model_dump(exclude={"version"})
    return SuccessCriterionRead.model_validate({**fields, "action_ids": action_ids})


async def read_many(
    *, session: AsyncSession, criteria: Sequence[SuccessCriterion]
) -> list[SuccessCriterionRead]:
    """The representations of a page of criteria, with their linked actions."""
    links = await linked_action_ids(session=session, criterion_ids=[c.id for c in criteria])
    return [_read(criterion, links[criterion.id]) for criterion in criteria]


async def read_one(*, session: AsyncSession, criterion: SuccessCriterion) -> SuccessCriterionRead:
    return (await read_many(session=session, criteria=[criterion]))[0]


async def create_criterion(
    *, session: AsyncSession, data: SuccessCriterionCreate, actor: Principal
) -> SuccessCriterion:
    """Attach a criterion to its area, outcome or objective, at the end of the ones there."""
    field = data.parent_field
    parent_id: str = getattr(data, field)
    model, label = PARENTS[field]
    parent: TimestampedTable = await crud.live_in_body(
        session, model, parent_id, field=field, label=label
    )
    parent_column = getattr(SuccessCriterion, field)
    criterion = SuccessCriterion(
        id=new_id("crit"),
        plan_id=getattr(parent, "plan_id"),  # noqa: B009
        statement=data.statement,
        position=await next_position(session, SuccessCriterion, parent_column == parent_id),
        area_id=data.area_id,
        outcome_id=data.outcome_id,
        objective_id=data.objective_id,
    )
    return await crud.create(session, criterion, actor=actor, entity_type=ENTITY)


async def update_criterion(
    *,
    session: AsyncSession,
    criterion: SuccessCriterion,
    data: SuccessCriterionUpdate,
    actor: Principal,
) -> SuccessCriterion:
    return await crud.update(session, criterion, data.changes(), actor=actor, entity_type=ENTITY)


async def archive_criterion(
    *, session: AsyncSession, criterion: SuccessCriterion, actor: Principal
) -> SuccessCriterion:
    """Archive a criterion; its links to actions are kept, so a restore brings them back."""
    return await crud.archive(session, criterion, actor=actor, entity_type=ENTITY)


async def restore_criterion(
    *, session: AsyncSession, criterion: SuccessCriterion, actor: Principal
) -> SuccessCriterion:
    archived_parent = None
    for field, (model, label) in PARENTS.items():
        parent_id = getattr(criterion, field)
        if parent_id is None:
            continue
        parent: TimestampedTable | None = await session.get(model, parent_id)
        if parent is not None and parent.archived_at is not None:
            archived_parent = label
    return await crud.restore(
        session, criterion, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )
