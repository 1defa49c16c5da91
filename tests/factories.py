"""Small functions that store test data directly, each with overridable fields."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.api_keys.service import create_api_key
from app.models import ApiKey, Plan, Role, new_id


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
