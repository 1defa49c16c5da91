"""Plans: the rules for creating, changing, archiving and restoring them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core import audit
from app.core.errors import Conflict, NotFound
from app.core.listing import ListParams, PageResult, SortField, paginate
from app.core.security import Principal
from app.models import Plan, PlanStatus, new_id, utcnow
from app.plans.schemas import PlanCreate, PlanRead, PlanUpdate

SORTABLE = {
    "title": SortField(col(Plan.title), "str"),
    "organisation": SortField(col(Plan.organisation), "str"),
    "status": SortField(col(Plan.status), "str"),
    "created_at": SortField(col(Plan.created_at), "datetime"),
    "updated_at": SortField(col(Plan.updated_at), "datetime"),
}
ENTITY = "plan"


def snapshot(plan: Plan) -> dict[str, object]:
    return PlanRead.model_validate(plan).model_dump(mode="json", exclude={"created_at"})


async def list_plans(
    *,
    session: AsyncSession,
    params: ListParams,
    status: Sequence[PlanStatus] = (),
    organisation: Sequence[str] = (),
    q: str | None = None,
    include_archived: bool = False,
) -> PageResult[Plan]:
    """One page of plans matching the filters."""
    statement = sa.select(Plan)
    if not include_archived:
        statement = statement.where(col(Plan.archived_at).is_(None))
    if status:
        statement = statement.where(col(Plan.status).in_([s.value for s in status]))
    if organisation:
        statement = statement.where(col(Plan.organisation).in_(organisation))
    if q:
        statement = statement.where(col(Plan.title).ilike(f"%{_escape_like(q)}%", escape="\\"))
    return await paginate(
        session,
        statement,
        params=params,
        sortable=SORTABLE,
        default_sort=["created_at"],
        id_column=col(Plan.id),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def get_plan(*, session: AsyncSession, plan_id: str) -> Plan:
    """The plan with this id, archived or not, or NotFound."""
    plan = await session.get(Plan, plan_id)
    if plan is None:
        raise NotFound(f"No plan with id '{plan_id}'.")
    return plan


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
    )
    session.add(plan)
    await session.flush()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=plan.id,
        operation="create",
        changes=audit.created(snapshot(plan)),
    )
    await session.commit()
    return plan


def _refuse_if_archived(plan: Plan) -> None:
    if plan.archived_at is not None:
        raise Conflict(f"Plan '{plan.id}' is archived; restore it before changing it.")


async def update_plan(
    *, session: AsyncSession, plan: Plan, data: PlanUpdate, actor: Principal
) -> Plan:
    """Apply the fields sent; record what changed."""
    _refuse_if_archived(plan)
    before = snapshot(plan)
    changes = data.changes()
    if "rating_definitions" in changes:
        changes["rating_definitions"] = data.rating_definitions.model_dump()  # type: ignore[union-attr]
    for name, value in changes.items():
        setattr(plan, name, value)
    diff = audit.changes_between(before, snapshot(plan))
    if diff:
        plan.updated_at = utcnow()
        audit.record(
            session,
            actor=actor,
            entity_type=ENTITY,
            entity_id=plan.id,
            operation="update",
            changes=audit.changes_between(before, snapshot(plan)),
        )
    await session.commit()
    return plan


async def archive_plan(*, session: AsyncSession, plan: Plan, actor: Principal) -> Plan:
    """Hide the plan from lists; nothing is deleted and it can be restored."""
    _refuse_if_archived(plan)
    plan.archived_at = plan.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=plan.id,
        operation="archive",
        changes={"archived_at": {"before": None, "after": plan.archived_at.isoformat()}},
    )
    await session.commit()
    return plan


async def restore_plan(*, session: AsyncSession, plan: Plan, actor: Principal) -> Plan:
    """Bring an archived plan back; restoring a live plan changes nothing."""
    if plan.archived_at is None:
        return plan
    before = plan.archived_at
    plan.archived_at = None
    plan.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=plan.id,
        operation="restore",
        changes={"archived_at": {"before": before.isoformat(), "after": None}},
    )
    await session.commit()
    return plan
