"""Plans: the rules for creating, changing, archiving and restoring them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, Duplicate, NotFound
from app.core.http.listing import ListParams, PageResult, SortField, contains, paginate
from app.core.resources import crud
from app.core.resources.refs import holder
from app.models import Plan, PlanStatus, RatingDefinitionsSource, new_id
from app.plans.schemas import PlanCreate, PlanUpdate

SORTABLE = {
    "title": SortField(col(Plan.title), "str"),
    "organisation": SortField(col(Plan.organisation), "str"),
    "status": SortField(col(Plan.status), "str"),
    **SortField.timestamps(Plan),
}
ENTITY = "plan"


async def list_plans(
    *,
    session: AsyncSession,
    params: ListParams,
    status: Sequence[PlanStatus] = (),
    organisation: Sequence[str] = (),
    key: Sequence[str] = (),
    q: str | None = None,
    include_archived: bool = False,
) -> PageResult[Plan]:
    """One page of plans matching the filters."""
    statement = sa.select(Plan)
    if key:
        statement = statement.where(col(Plan.seed_key).in_(key))
    statement = crud.unless_archived(statement, Plan, include_archived)
    if status:
        statement = statement.where(col(Plan.status).in_([s.value for s in status]))
    if organisation:
        statement = statement.where(col(Plan.organisation).in_(organisation))
    if q:
        statement = statement.where(contains(col(Plan.title), q))
    return await paginate(session, statement, params, SORTABLE, ["created_at"])


async def _ensure_key_free(
    session: AsyncSession, key: str | None, plan_id: str | None = None
) -> None:
    if key is None:
        return
    existing = await holder(session, Plan, col(Plan.seed_key) == key, exclude_id=plan_id)
    if existing is not None:
        raise Duplicate(
            f"The key '{key}' is already the key of another plan.",
            blocking=[Blocker(type=ENTITY, id=existing)],
        )


async def find_plan(*, session: AsyncSession, key_or_id: str) -> Plan:
    """The plan with this key or id, archived or not, or NotFound."""
    plan = await session.scalar(
        sa.select(Plan).where(sa.or_(col(Plan.seed_key) == key_or_id, col(Plan.id) == key_or_id))
    )
    if plan is None:
        raise NotFound(f"No plan with key or id '{key_or_id}'.")
    return plan


async def get_plan(*, session: AsyncSession, plan_id: str) -> Plan:
    """The plan with this id, archived or not, or NotFound."""
    return await crud.fetch(session, Plan, plan_id, "plan")


async def create_plan(*, session: AsyncSession, data: PlanCreate, actor: Principal) -> Plan:
    """Store a new plan."""
    plan = Plan(
        id=new_id("plan"),
        title=data.title,
        organisation=data.organisation,
        version_label=data.version_label,
        status=data.status,
        description=data.description,
        rating_definitions=data.rating_definitions.model_dump(),
        rating_definitions_source=(
            RatingDefinitionsSource.plan
            if "rating_definitions" in data.model_fields_set
            else RatingDefinitionsSource.service_default
        ),
        meeting_schedule=(
            data.meeting_schedule.model_dump() if data.meeting_schedule is not None else None
        ),
        seed_key=data.key,
    )
    await _ensure_key_free(session, data.key)
    return await crud.create(session, plan, actor=actor, entity_type=ENTITY)


async def update_plan(
    *, session: AsyncSession, plan: Plan, data: PlanUpdate, actor: Principal
) -> Plan:
    """Apply the fields sent; record what changed."""
    changes = data.changes()
    if "key" in changes:
        changes["seed_key"] = changes.pop("key")
        await _ensure_key_free(session, changes["seed_key"], plan.id)
    if data.rating_definitions is not None:
        changes["rating_definitions"] = data.rating_definitions.model_dump()
        changes["rating_definitions_source"] = RatingDefinitionsSource.plan
    if data.meeting_schedule is not None:
        changes["meeting_schedule"] = data.meeting_schedule.model_dump()
    return await crud.update(session, plan, changes, actor=actor, entity_type=ENTITY)


async def archive_plan(*, session: AsyncSession, plan: Plan, actor: Principal) -> Plan:
    """Hide the plan from lists; nothing is deleted and it can be restored."""
    return await crud.archive(session, plan, actor=actor, entity_type=ENTITY)


async def restore_plan(*, session: AsyncSession, plan: Plan, actor: Principal) -> Plan:
    """Bring an archived plan back; restoring a live plan changes nothing."""
    return await crud.restore(session, plan, actor=actor, entity_type=ENTITY)
