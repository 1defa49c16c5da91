"""Small functions that store test data directly, each with overridable fields."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.service import create_api_key
from app.models import (
    Action,
    ApiKey,
    Area,
    InspectionAction,
    Objective,
    Officer,
    Outcome,
    Plan,
    Role,
    Strategy,
    SuccessCriterion,
    new_id,
)

T = TypeVar("T")


async def make_api_key(
    session: AsyncSession, *, role: Role = Role.viewer, name: str | None = None, **fields: Any
) -> tuple[ApiKey, str]:
    api_key, generated = await create_api_key(
        session=session, name=name or f"{role.value} test key", role=role, actor=None, **fields
    )
    return api_key, generated.key


async def make_plan(session: AsyncSession, **overrides: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": new_id("plan"),
        "title": "Children's Services Improvement Plan",
        "organisation": "Example Borough Council",
        "version_label": "Draft, April 2023",
    }
    fields.update(overrides)
    plan = Plan(**fields)
    session.add(plan)
    await session.commit()
    return plan


async def _store(session: AsyncSession, entity: T) -> T:
    session.add(entity)
    await session.commit()
    return entity


async def make_area(session: AsyncSession, plan: Plan, **overrides: Any) -> Area:
    number = overrides.pop("number", 1)
    fields: dict[str, Any] = {
        "id": new_id("area"),
        "plan_id": plan.id,
        "number": number,
        "ref": str(number),
        "title": f"Area {number}",
        "aim": "An aim",
        "position": number,
    }
    fields.update(overrides)
    return await _store(session, Area(**fields))


async def make_outcome(session: AsyncSession, area: Area, **overrides: Any) -> Outcome:
    fields: dict[str, Any] = {
        "id": new_id("out"),
        "plan_id": area.plan_id,
        "area_id": area.id,
        "ref": f"{area.ref}.{new_id('x')[-4:]}",
        "statement": "A skilled, stable workforce",
        "position": 1,
    }
    fields.update(overrides)
    return await _store(session, Outcome(**fields))


async def make_objective(session: AsyncSession, outcome: Outcome, **overrides: Any) -> Objective:
    fields: dict[str, Any] = {
        "id": new_id("obj"),
        "plan_id": outcome.plan_id,
        "area_id": outcome.area_id,
        "outcome_id": outcome.id,
        "ref": f"{outcome.ref}.{new_id('x')[-4:]}",
        "statement": "There is sufficient capacity",
        "position": 1,
    }
    fields.update(overrides)
    return await _store(session, Objective(**fields))


async def make_action(session: AsyncSession, area: Area, **overrides: Any) -> Action:
    fields: dict[str, Any] = {
        "id": new_id("act"),
        "plan_id": area.plan_id,
        "area_id": area.id,
        "ref": f"A{area.number}.{new_id('x')[-6:]}",
        "title": "Develop a workforce action plan",
        "position": 1,
    }
    fields.update(overrides)
    if fields.get("due_date") and "original_due_date" not in overrides:
        fields["original_due_date"] = fields["due_date"]
    return await _store(session, Action(**fields))


async def make_criterion(session: AsyncSession, plan: Plan, **overrides: Any) -> SuccessCriterion:
    fields: dict[str, Any] = {
        "id": new_id("crit"),
        "plan_id": plan.id,
        "statement": "Staff turnover has reduced",
        "position": 1,
    }
    fields.update(overrides)
    return await _store(session, SuccessCriterion(**fields))


async def make_officer(session: AsyncSession, **overrides: Any) -> Officer:
    fields: dict[str, Any] = {"id": new_id("off"), "name": "Jane Smith"}
    fields.update(overrides)
    return await _store(session, Officer(**fields))


async def make_strategy(session: AsyncSession, plan: Plan, **overrides: Any) -> Strategy:
    fields: dict[str, Any] = {
        "id": new_id("strat"),
        "plan_id": plan.id,
        "title": "Directorate Business Plan",
    }
    fields.update(overrides)
    return await _store(session, Strategy(**fields))


async def make_inspection_action(
    session: AsyncSession, plan: Plan, **overrides: Any
) -> InspectionAction:
    number = overrides.pop("number", 1)
    fields: dict[str, Any] = {
        "id": new_id("insp"),
        "plan_id": plan.id,
        "source": "Ofsted",
        "number": number,
        "text": f"Ofsted Improvement Action {number}",
    }
    fields.update(overrides)
    return await _store(session, InspectionAction(**fields))
