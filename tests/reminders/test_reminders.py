"""Who owes an update this cycle, and reminders sent through a real SMTP server, once."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import sqlalchemy as sa
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import ActionLeadOfficer, Plan, ReminderSent
from app.reminders.service import send_reminders
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.reminders.conftest import Inbox


async def arrange(session: AsyncSession) -> tuple[Plan, dict[str, str]]:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    jane = await make_officer(session, name="Jane Smith", email="jane.smith@example.org")
    dcs = await make_officer(session, name="DCS", email=None, is_role=True)
    owed = await make_action(session, area, ref="A1.1", title="Recruit to the MASH")
    updated = await make_action(
        session, area, ref="A1.2", title="Co-locate teams", last_update_date=date.today()
    )
    done = await make_action(session, area, ref="A1.3", title="Done already", status="complete")
    role = await make_action(session, area, ref="A1.4", title="Set the vision")
    for action, officer in ((owed, jane), (updated, jane), (done, jane), (role, dcs)):
        session.add(ActionLeadOfficer(action_id=action.id, officer_id=officer.id))
    await session.commit()
    await session.refresh(plan)
    return plan, {"jane": jane.id, "dcs": dcs.id}


async def test_the_report_lists_what_each_officer_owes(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, _ = await arrange(session)
    response = await viewer.get("/api/v1/reports/updates-owed", params={"plan_id": plan.id})
    assert response.status_code == 200, response.text
    owed = {o["name"]: [a["ref"] for a in o["actions"]] for o in response.json()["officers"]}
    assert owed == {"DCS": ["A1.4"], "Jane Smith": ["A1.1"]}


async def test_reminders_are_emailed_once_per_cycle(
    session: AsyncSession, settings: Settings, smtp_server: tuple[str, Inbox]
) -> None:
    url, inbox = smtp_server
    plan, _ = await arrange(session)
    config = settings.model_copy(
        update={"smtp_url": SecretStr(url), "reminder_from": "plans@example.org"}
    )
    interval = plan.update_interval_days
    cycle_end = plan.created_at.date() + timedelta(days=interval - 1)
    early = await send_reminders(
        session=session, settings=config, as_of=cycle_end - timedelta(days=20)
    )
    assert early.sent == [] and inbox.messages == []
    day = cycle_end - timedelta(days=3)
    first = await send_reminders(session=session, settings=config, as_of=day)
    assert first.sent == ["jane.smith@example.org"]
    assert first.no_email == ["DCS"]
    second = await send_reminders(session=session, settings=config, as_of=day + timedelta(days=1))
    assert second.sent == [] and second.already_sent == ["jane.smith@example.org"]
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "Jane Smith <jane.smith@example.org>"
    assert message["From"] == "plans@example.org"
    body = message.get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert "A1.1 Recruit to the MASH" in body
    assert "Co-locate teams" not in body and "Done already" not in body
    assert await session.scalar(sa.select(sa.func.count()).select_from(ReminderSent)) == 1
    # The next cycle is a new round.
    later = await send_reminders(
        session=session,
        settings=config,
        as_of=cycle_end + timedelta(days=interval - 2),
    )
    assert later.sent == ["jane.smith@example.org"]
    assert len(inbox.messages) == 2


async def test_without_an_smtp_url_nothing_is_sent(
    session: AsyncSession, settings: Settings
) -> None:
    await arrange(session)
    run = await send_reminders(session=session, settings=settings, as_of=date.today())
    assert run.sent == []
