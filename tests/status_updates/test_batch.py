"""The monthly round in one request: many updates, all or nothing, errors naming the item."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionLeadOfficer, Role, StatusUpdate
from tests.conftest import Clients, StatementCounter
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import assert_problem

BATCH = "/api/v1/status-updates/batch"
GREEN: dict[str, Any] = {"rag": "green", "status": "in_progress", "narrative": "On track."}
RED: dict[str, Any] = {
    "rag": "red",
    "status": "in_progress",
    "narrative": "Recruitment has stalled.",
    "next_steps": "Escalate to CSLT.",
}


async def new_actions(session: AsyncSession, count: int) -> list[str]:
    area = await make_area(session, await make_plan(session))
    return [(await make_action(session, area, ref=f"A1.{n}")).id for n in range(1, count + 1)]


async def stored(session: AsyncSession) -> int:
    return int(await session.scalar(sa.select(sa.func.count()).select_from(StatusUpdate)) or 0)


async def test_a_batch_stores_every_update_and_each_action_follows(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await new_actions(session, 3)
    items = [
        {"action_id": ids[0], **GREEN},
        {"action_id": ids[1], **RED},
        # Two updates of one action on the same day: the later item decides.
        {"action_id": ids[2], **GREEN},
        {"action_id": ids[2], **RED},
    ]
    response = await editor.post(BATCH, json={"items": items})
    assert response.status_code == 201, response.text
    body = response.json()
    assert [u["action_id"] for u in body["created"]] == [i["action_id"] for i in items]
    assert body["failed"] == []
    ratings = [(await editor.get(f"/api/v1/actions/{i}")).json()["rag"] for i in ids]
    assert ratings == ["green", "red", "red"]


async def test_one_broken_item_stores_nothing_and_is_named(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await new_actions(session, 2)
    items = [
        {"action_id": ids[0], **GREEN},
        {"action_id": ids[1], **GREEN},
        {"action_id": ids[0], **GREEN},
        {"action_id": ids[1], "rag": "amber", "status": "in_progress"},
        {"action_id": "act_nothing", **GREEN},
    ]
    response = await editor.post(BATCH, json={"items": items})
    assert_problem(response, 422)
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {
        "body.items[3].narrative",
        "body.items[3].next_steps",
        "body.items[4].action_id",
    }
    assert await stored(session) == 0
    assert (await editor.get(f"/api/v1/actions/{ids[0]}")).json()["rag"] is None


async def test_a_value_of_the_wrong_kind_is_named_by_its_item(editor: httpx.AsyncClient) -> None:
    response = await editor.post(
        BATCH, json={"items": [{"action_id": "a", **GREEN}] * 3 + [{**GREEN, "rag": "purple"}]}
    )
    assert_problem(response, 422)
    assert "body.items[3].rag" in {e["field"] for e in response.json()["errors"]}


async def test_without_all_or_nothing_the_good_items_are_stored(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await new_actions(session, 2)
    items = [{"action_id": ids[0], **GREEN}, {"action_id": ids[1], **{**RED, "next_steps": None}}]
    response = await editor.post(BATCH, json={"items": items, "all_or_nothing": False})
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["created"]) == 1
    assert body["failed"][0]["index"] == 1
    assert body["failed"][0]["errors"][0]["field"] == "body.items[1].next_steps"
    assert await stored(session) == 1


async def test_contributor_rules_apply_to_each_item(
    clients: Clients, session: AsyncSession
) -> None:
    led, other = await new_actions(session, 2)
    officer = await make_officer(session)
    session.add(ActionLeadOfficer(action_id=led, officer_id=officer.id))
    await session.commit()
    contributor = await clients.as_role(Role.contributor, officer_id=officer.id)
    items = [{"action_id": led, **GREEN}, {"action_id": other, **GREEN}]
    response = await contributor.post(BATCH, json={"items": items})
    assert_problem(response, 422)
    errors = response.json()["errors"]
    assert [(e["field"], e["type"]) for e in errors] == [("body.items[1].action_id", "forbidden")]
    response = await contributor.post(BATCH, json={"items": items[:1]})
    assert response.status_code == 201, response.text
    assert response.json()["created"][0]["author"] == officer.name


async def test_one_idempotency_key_covers_the_batch(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await new_actions(session, 3)
    body = {"items": [{"action_id": i, **GREEN} for i in ids]}
    headers = {"Idempotency-Key": "round-2023-07"}
    first = await editor.post(BATCH, json=body, headers=headers)
    again = await editor.post(BATCH, json=body, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert await stored(session) == 3
    other = await editor.post(BATCH, json={"items": body["items"][:1]}, headers=headers)
    assert_problem(other, 422)


async def test_more_than_500_is_refused(editor: httpx.AsyncClient) -> None:
    response = await editor.post(BATCH, json={"items": [{"action_id": "a", **GREEN}] * 501})
    assert_problem(response, 422)


@pytest.mark.parametrize("size", [2, 40])
async def test_a_batch_runs_the_same_statements_whatever_its_size(
    editor: httpx.AsyncClient,
    session: AsyncSession,
    count_statements: StatementCounter,
    size: int,
) -> None:
    ids = await new_actions(session, size)
    await editor.get("/api/v1/me")  # the key's first use is recorded once, not in the batch
    count_statements.statements.clear()
    response = await editor.post(BATCH, json={"items": [{"action_id": i, **GREEN} for i in ids]})
    assert response.status_code == 201, response.text
    # The key, the actions, their leads, the updates, the latest per action, the actions'
    # new state, and the audit events: one statement each; then the change feed's events
    # (the changed resources read as their GETs show them, and one insert): the same 13
    # for 2 updates or 40.
    assert count_statements.count == 13, count_statements.statements
    ratings = await session.scalars(sa.select(col(Action.rag)).where(col(Action.id).in_(ids)))
    assert set(ratings) == {"green"}
