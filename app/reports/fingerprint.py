"""A plan's fingerprint: counters that change whenever anything its reports read changes,
so that a report's ETag can be made without the report (`app.reports.rendering`)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, Area, InspectionAction, Officer, Plan, StatusUpdate

_PLAN_ID: sa.BindParameter[str] = sa.bindparam("plan_id")


def _version_total(model: Any, *where: sa.ColumnElement[bool]) -> Any:
    return (
        sa.select(sa.func.coalesce(sa.func.sum(model.version), 0) + sa.func.count())
        .where(*where)
        .scalar_subquery()
    )


# Built once: a 304 runs little else, and building this cost more than running it.
FINGERPRINT = sa.select(
    _version_total(Plan, col(Plan.id) == _PLAN_ID),
    _version_total(Action, col(Action.plan_id) == _PLAN_ID),
    _version_total(Area, col(Area.plan_id) == _PLAN_ID),
    _version_total(InspectionAction, col(InspectionAction.plan_id) == _PLAN_ID),
    _version_total(Officer),
    sa.select(sa.func.count())
    .select_from(StatusUpdate)
    .where(col(StatusUpdate.plan_id) == _PLAN_ID)
    .scalar_subquery(),
)


async def plan_fingerprint(session: AsyncSession, plan_id: str) -> tuple[Any, ...]:
    """Counters that change whenever anything a plan's reports read changes, in one query.

    Every write to an action, area, inspection action, officer or the plan bumps its
    `version` (links and due-date revisions bump the action's), and status updates are only
    ever added, so these sums and counts only grow: equal fingerprints mean equal data.
    The first counter, the plan's own, is 0 when there is no such plan.
    """
    return tuple((await session.execute(FINGERPRINT, {"plan_id": plan_id})).one())
