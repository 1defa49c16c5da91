"""`as_of`: the plan as it stood at the end of a day, rebuilt from the recorded history."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import clock
from tests.factories import make_action, make_area, make_plan
from tests.support import patch

RED = {"rag": "red", "status": "in_progress", "narrative": "Stalled.", "next_steps": "Escalate."}
AMBER = {"rag": "amber", "status": "in_progress", "narrative": "Slow.", "next_steps": "Watch."}


async def post(http: httpx.AsyncClient, action_id: str, body: dict[str, Any], day: str) -> None:
    response = await http.post(
        f"/api/v1/actions/{action_id}/status-updates", json={**body, "effective_date": day}
    )
    assert response.status_code == 201, response.text


async def test_as_of_rebuilds_ratings_from_updates_entered_out_of_order(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    a = await make_action(session, area, ref="A1.1", due_date=date(2023, 8, 31))
    b = await make_action(session, area, ref="A1.2", due_date=date(2023, 12, 31))
    # Entered newest first, then the history behind it, then a correction of the middle one.
    await post(editor, a.id, {"rag": "blue", "status": "complete"}, "2023-09-20")
    await post(editor, a.id, {"rag": "green", "status": "in_progress"}, "2023-06-15")
    wrong = (
        await editor.post(
            f"/api/v1/actions/{a.id}/status-updates",
            json={**RED, "effective_date": "2023-07-31"},
        )
    ).json()
    await editor.post(
        f"/api/v1/actions/{a.id}/status-updates",
        json={**AMBER, "corrects_update_id": wrong["id"]},
    )
    await post(editor, b.id, RED, "2023-08-15")

    async def state(day: str) -> dict[str, tuple[Any, ...]]:
        response = await editor.get(
            "/api/v1/actions", params={"plan_id": plan.id, "as_of": day, "sort": "ref"}
        )
        assert response.status_code == 200, response.text
        return {
            item["ref"]: (item["rag"], item["status"], item["last_update_date"], item["overdue"])
            for item in response.json()["items"]
        }

    assert await state("2023-05-31") == {
        "A1.1": (None, "not_started", None, False),
        "A1.2": (None, "not_started", None, False),
    }
    assert await state("2023-06-30") == {
        "A1.1": ("green", "in_progress", "2023-06-15", False),
        "A1.2": (None, "not_started", None, False),
    }
    # The red report was corrected to amber: the correction is what stood.
    assert await state("2023-08-31") == {
        "A1.1": ("amber", "in_progress", "2023-07-31", False),
        "A1.2": ("red", "in_progress", "2023-08-15", False),
    }
    assert await state("2023-09-10") == {
        "A1.1": ("amber", "in_progress", "2023-07-31", True),
        "A1.2": ("red", "in_progress", "2023-08-15", False),
    }
    assert await state("2023-09-30") == {
        "A1.1": ("blue", "complete", "2023-09-20", False),
        "A1.2": ("red", "in_progress", "2023-08-15", False),
    }
    filtered = await editor.get(
        "/api/v1/actions", params=[("as_of", "2023-08-31"), ("rag", "amber"), ("rag", "none")]
    )
    assert [i["ref"] for i in filtered.json()["items"]] == ["A1.1"]
    sorted_by_rag = await editor.get(
        "/api/v1/actions", params={"as_of": "2023-06-30", "sort": "rag", "limit": "1"}
    )
    body = sorted_by_rag.json()
    assert [i["ref"] for i in body["items"]] == ["A1.1"]
    rest = await editor.get(
        "/api/v1/actions",
        params={"as_of": "2023-06-30", "sort": "rag", "cursor": body["next_cursor"]},
    )
    assert [i["ref"] for i in rest.json()["items"]] == ["A1.2"]

    then = await editor.get(
        f"/api/v1/actions/{a.id}", params={"as_of": "2023-08-31", "expand": "latest_update"}
    )
    detail = then.json()
    assert (detail["rag"], detail["completed_date"]) == ("amber", None)
    # The update that stood then: the correction, dated as the report it corrected.
    latest = detail["latest_update"]
    assert (latest["rag"], latest["effective_date"]) == ("amber", "2023-07-31")
    assert latest["corrects_update_id"] == wrong["id"]
    current = await editor.get(f"/api/v1/actions/{a.id}")
    now = current.json()
    assert (now["rag"], now["completed_date"]) == ("blue", "2023-09-20")
    # The ETag is the current action's, whatever day it is read as of.
    assert then.headers["ETag"] == current.headers["ETag"]

    tree = (
        await editor.get(f"/api/v1/plans/{plan.id}/tree", params={"as_of": "2023-08-31"})
    ).json()
    ratings = {action["ref"]: action["rag"] for action in tree["areas"][0]["actions"]}
    assert ratings == {"A1.1": "amber", "A1.2": "red"}


async def test_as_of_due_dates_follow_revisions_made_by_then(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area, due_date=date(2023, 5, 31))
    url = f"/api/v1/actions/{action.id}"
    response = await patch(editor, url, {"due_date": "2023-09-30", "due_date_reason": "Delay"})
    assert response.status_code == 200
    today = clock.today().isoformat()
    before = (await editor.get(url, params={"as_of": "2023-01-01"})).json()
    after = (await editor.get(url, params={"as_of": today})).json()
    assert (before["due_date"], before["slippage_days"]) == ("2023-05-31", 0)
    assert (after["due_date"], after["slippage_days"]) == ("2023-09-30", 122)
