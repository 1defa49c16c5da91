"""Who owes a status update in the current cycle, by lead officer."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.core.auth.keys import Viewer
from app.core.db.session import SessionDep
from app.core.errors import NotFound
from app.core.http.responses import problems
from app.core.http.schemas import IsoDate
from app.core.resources.loaders import MAX_ID_LENGTH
from app.models import Plan, utcnow
from app.reminders import service
from app.reminders.schemas import UpdatesOwed

router = APIRouter(tags=["Reports"])


@router.get("/reports/updates-owed", responses=problems(404))
async def get_updates_owed(
    session: SessionDep,
    _: Viewer,
    plan_id: Annotated[str, Query(max_length=MAX_ID_LENGTH, description="The plan.")],
    as_of: Annotated[
        IsoDate | None, Query(description="The day to ask about; today when left out.")
    ] = None,
) -> UpdatesOwed:
    """The open actions (not complete or cancelled) with no status update in the plan's
    current update cycle, by lead officer: who owes what. A cycle is the plan's
    `update_interval_days` long, counted from the day the plan was created. Reminders
    (`improvement-plan reminders send`) email each officer this list once per cycle."""
    plan = await session.get(Plan, plan_id)
    if plan is None or plan.archived_at is not None:
        raise NotFound(f"No plan with id '{plan_id}'.")
    return await service.updates_owed(session=session, plan=plan, as_of=as_of or utcnow().date())
