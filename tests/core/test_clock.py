"""One clock: "today" is the date in the service's time zone (`IPA_TIMEZONE`, Europe/London
by default), for default dates, the not-in-the-future rule, overdue and quarters alike."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import clock
from tests.factories import make_action, make_area, make_plan
from tests.support import assert_problem, error_fields

LONDON = ZoneInfo("Europe/London")
# 00:30 BST on 1 July 2024 is 23:30 UTC on 30 June: the UTC date is a quarter behind.
HALF_PAST_MIDNIGHT_BST = datetime(2024, 7, 1, 0, 30, tzinfo=LONDON)
GREEN = {"rag": "green", "status": "in_progress", "narrative": "On track."}


async def test_an_update_posted_at_half_past_midnight_bst_on_1_july_is_in_q2(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area, due_date=date(2024, 6, 30))
    url = f"/api/v1/actions/{action.id}/status-updates"
    with clock.clock_at(HALF_PAST_MIDNIGHT_BST):
        assert HALF_PAST_MIDNIGHT_BST.astimezone(UTC).date() == date(2024, 6, 30)
        posted = await editor.post(url, json=GREEN)
        assert posted.status_code == 201, posted.text
        assert posted.json()["effective_date"] == "2024-07-01"

        quarters = {}
        for quarter in ("2024-25-Q1", "2024-25-Q2"):
            report = await editor.get(
                "/api/v1/reports/quarterly", params={"plan_id": plan.id, "quarter": quarter}
            )
            assert report.status_code == 200, report.text
            quarters[quarter] = report.json()["areas"][0]["updates_in_quarter"]
        assert quarters == {"2024-25-Q1": 0, "2024-25-Q2": 1}

        # Due on 30 June and open: overdue on 1 July, in the list and on the action alike.
        overdue = await editor.get("/api/v1/actions", params={"overdue": "true"})
        assert [item["id"] for item in overdue.json()["items"]] == [action.id]
        exceptions = await editor.get("/api/v1/reports/exceptions", params={"plan_id": plan.id})
        assert exceptions.json()["as_of"] == "2024-07-01"

        # 2 July is tomorrow, not today.
        future = await editor.post(url, json={**GREEN, "effective_date": "2024-07-02"})
        assert_problem(future, 422)
        assert error_fields(future) == {"body.effective_date"}


async def test_the_time_zone_decides_the_day(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action = await make_action(session, await make_area(session, await make_plan(session)))
    url = f"/api/v1/actions/{action.id}/status-updates"
    try:
        clock.set_time_zone("UTC")
        with clock.clock_at(HALF_PAST_MIDNIGHT_BST):
            posted = await editor.post(url, json=GREEN)
        assert posted.json()["effective_date"] == "2024-06-30"
    finally:
        clock.set_time_zone(clock.DEFAULT_TIME_ZONE)


def test_the_time_zone_defaults_to_london_and_must_be_real() -> None:
    assert Settings(_env_file=None).timezone == "Europe/London"
    assert Settings(_env_file=None, timezone="Europe/Dublin").timezone == "Europe/Dublin"
    with pytest.raises(ValidationError, match="time zone"):
        Settings(_env_file=None, timezone="Europe/Stockton")


def test_today_is_the_date_in_the_service_time_zone() -> None:
    with clock.clock_at(HALF_PAST_MIDNIGHT_BST):
        assert clock.today() == date(2024, 7, 1)
        assert clock.utcnow() == datetime(2024, 6, 30, 23, 30, tzinfo=UTC)
