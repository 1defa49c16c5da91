"""Load a plan from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import Plan
from app.plans.service import get_plan


async def plan_from_path(
    session: SessionDep,
    plan_id: Annotated[str, Path(max_length=40, description="The plan's id.")],
) -> Plan:
    return await get_plan(session=session, plan_id=plan_id)


PlanDep = Annotated[Plan, Depends(plan_from_path)]
