"""Runs of board meetings, at the cadence the request gives or else the plan's own."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.http.idempotency import Idempotency
from app.core.resources import audit, crud
from app.meetings.schemas import MeetingRead, MeetingSchedule, MeetingScheduleCreate
from app.meetings.service import ENTITY, live_plan
from app.models import Meeting, MeetingFrequency, Plan, new_id

# Used only when neither the request nor the plan says: a monthly GABB with partners at
# every second meeting, as boards overseeing an improvement plan commonly meet.
SERVICE_DEFAULTS: dict[str, Any] = {"board": "GABB", "frequency": "monthly", "partners_every": 2}
_DAYS_APART: dict[str, int] = {"weekly": 7, "fortnightly": 14}


def monthly_dates(first: dt.date, months: int) -> Iterator[dt.date]:
    """`months` days, one a month from `first`, on its day of the month or the month's last."""
    for offset in range(months):
        year, month = divmod(first.month - 1 + offset, 12)
        year += first.year
        last = calendar.monthrange(year, month + 1)[1]
        yield dt.date(year, month + 1, min(first.day, last))


def meeting_dates(first: dt.date, months: int, frequency: MeetingFrequency) -> list[dt.date]:
    """The days a board meeting at `frequency` meets in the `months` months from `first`."""
    if frequency in _DAYS_APART:
        end = list(monthly_dates(first, months + 1))[-1]
        step = dt.timedelta(days=_DAYS_APART[frequency])
        return [
            first + step * n for n in range((end - first) // step + 1) if first + step * n < end
        ]
    days = list(monthly_dates(first, months))
    return days[::3] if frequency == "quarterly" else days


def _cadence(
    data: MeetingScheduleCreate, plan: Plan
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Each setting from the request, else the plan's meeting schedule, else the service's."""
    stated = plan.meeting_schedule
    chosen: dict[str, Any] = {}
    from_plan: list[str] = []
    defaults: list[str] = []
    for name, default in SERVICE_DEFAULTS.items():
        sent = getattr(data, name)
        if sent is not None:
            chosen[name] = sent
        elif stated is not None:
            # A schedule that does not say how often partners attend marks no meeting.
            chosen[name] = stated.get(name)
            from_plan.append(name)
        else:
            chosen[name] = default
            defaults.append(name)
    return chosen, from_plan, defaults


async def create_schedule(
    *,
    session: AsyncSession,
    data: MeetingScheduleCreate,
    actor: Principal,
    idempotency: Idempotency,
) -> MeetingSchedule:
    """Create the meetings of the run the board does not have yet, in one transaction."""
    plan = await live_plan(session, data.plan_id)
    cadence, from_plan, defaults = _cadence(data, plan)
    board, every = cadence["board"], cadence["partners_every"]
    days = meeting_dates(data.first_date, data.months, cadence["frequency"])
    taken = set(
        (
            await session.scalars(
                sa.select(col(Meeting.date)).where(
                    col(Meeting.plan_id) == plan.id,
                    col(Meeting.board) == board,
                    col(Meeting.date).in_(days),
                )
            )
        ).all()
    )
    created: list[Meeting] = []
    for index, day in enumerate(days):
        if day in taken:
            continue
        meeting = Meeting(
            id=new_id("meet"),
            plan_id=plan.id,
            board=board,
            date=day,
            partners_attending=every is not None and index % every == 0,
        )
        session.add(meeting)
        created.append(meeting)
    await session.flush()
    for meeting in created:
        audit.record(
            session,
            actor=actor,
            entity_type=ENTITY,
            entity_id=meeting.id,
            operation="create",
            changes=audit.created(crud.snapshot(meeting)),
        )
    result = MeetingSchedule.model_validate(
        {
            **cadence,
            "items": [MeetingRead.of(m, None) for m in created],
            "skipped_dates": [day for day in days if day in taken],
            "from_plan": from_plan,
            "service_defaults": defaults,
        }
    )
    idempotency.remember(session, status_code=201, body=result.model_dump(mode="json"))
    await session.commit()
    return result
