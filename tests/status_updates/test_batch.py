"""The monthly round in one request: many updates, all or nothing, errors naming the item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionLeadOfficer, Officer, Role, StatusUpdate
from tests.conftest import Clients, StatementCounter
from tests.events.test_feed import follow
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import as_posted, assert_problem, traces_of_writes, write_statements

BATCH = "/api/v1/status-updates/batch"
DRY_RUN = BATCH + "?dry_run=true"
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


async def test_the_feed_shows_each_update_and_action_as_their_gets_do_after_a_batch(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await new_actions(session, 2)
    items = [{"action_id": ids[0], **GREEN}, {"action_id": ids[1], **RED}]
    response = await editor.post(BATCH, json={"items": items})
    assert response.status_code == 201, response.text
    events = await follow(viewer)
    assert (
        sorted(e["type"] for e in events) == ["action.updated"] * 2 + ["status_update.created"] * 2
    )
    for event in events:
        shown = await viewer.get(event["resource"]["url"])
        assert event["data"] == shown.json(), event["type"]


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
    # An empty id is not "no correction": before, it failed on storing, as a 409.
    empty = [{"action_id": ids[0], **GREEN, "corrects_update_id": ""}]
    response = await editor.post(BATCH, json={"items": empty})
    assert_problem(response, 422)
    assert {e["field"] for e in response.json()["errors"]} == {"body.items[0].corrects_update_id"}
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


@dataclass
class Contributor:
    http: httpx.AsyncClient
    officer: Officer
    led: str
    other: str


async def contributor_leading_one(clients: Clients, session: AsyncSession) -> Contributor:
    """A contributor whose officer leads the first of two new actions."""
    led, other = await new_actions(session, 2)
    officer = await make_officer(session)
    session.add(ActionLeadOfficer(action_id=led, officer_id=officer.id))
    await session.commit()
    http = await clients.as_role(Role.contributor, officer_id=officer.id)
    return Contributor(http=http, officer=officer, led=led, other=other)


async def test_contributor_rules_apply_to_each_item(
    clients: Clients, session: AsyncSession
) -> None:
    made = await contributor_leading_one(clients, session)
    contributor, officer, led, other = made.http, made.officer, made.led, made.other
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
    # (the actions as their GET shows them, in one statement, the updates as the session
    # holds them, and one insert): the same 9 for 2 updates or 40.
    assert count_statements.count == 9, count_statements.statements
    ratings = await session.scalars(sa.select(col(Action.rag)).where(col(Action.id).in_(ids)))
    assert set(ratings) == {"green"}


async def test_a_dry_run_answers_what_would_be_stored_and_stores_nothing(
    editor: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    ids = await new_actions(session, 3)
    body = {"items": [{"action_id": ids[0], **GREEN}, {"action_id": ids[1], **RED}]}
    key = {"Idempotency-Key": "round-2023-08"}
    await editor.get("/api/v1/me")  # the key's first use is recorded once, not in the dry run
    before = await traces_of_writes(session)
    count_statements.statements.clear()
    dry = await editor.post(DRY_RUN, json=body, headers=key)
    assert dry.status_code == 200, dry.text
    assert write_statements(count_statements.statements) == []
    assert await traces_of_writes(session) == before
    preview = dry.json()
    assert preview["dry_run"] is True and preview["failed"] == []
    assert [(u["action_id"], u["rag"]) for u in preview["created"]] == [
        (ids[0], "green"),
        (ids[1], "red"),
    ]
    # The dry run kept no key: the real post with it is the first, and stores what was shown.
    real = await editor.post(BATCH, json=body, headers=key)
    assert real.status_code == 201, real.text
    assert "Idempotent-Replayed" not in real.headers
    assert real.json()["dry_run"] is False
    assert as_posted(real.json()["created"]) == as_posted(preview["created"])
    assert await stored(session) == 2
    assert (await editor.get(f"/api/v1/actions/{ids[1]}")).json()["rag"] == "red"
    # Nor does a dry run replay the real post's answer under the same key.
    again = await editor.post(DRY_RUN, json=body, headers=key)
    assert again.status_code == 200 and again.json()["dry_run"] is True
    assert await stored(session) == 2


async def test_a_dry_run_refuses_what_the_post_refuses_with_the_same_errors(
    clients: Clients, session: AsyncSession
) -> None:
    made = await contributor_leading_one(clients, session)
    contributor, led, other = made.http, made.led, made.other
    items = [
        {"action_id": led, **GREEN},
        {"action_id": other, **GREEN},
        {"action_id": led, "rag": "amber", "status": "in_progress"},
    ]
    before = await traces_of_writes(session)
    dry = assert_problem(await contributor.post(DRY_RUN, json={"items": items}), 422)
    real = assert_problem(await contributor.post(BATCH, json={"items": items}), 422)
    assert dry["errors"] == real["errors"]
    assert {(e["field"], e["type"]) for e in dry["errors"]} == {
        ("body.items[1].action_id", "forbidden"),
        ("body.items[2].narrative", "missing"),
        ("body.items[2].next_steps", "missing"),
    }
    # Without all or nothing, the preview lists the items that would fail.
    partial = {"items": items, "all_or_nothing": False}
    dry_partial = await contributor.post(DRY_RUN, json=partial)
    assert dry_partial.status_code == 200, dry_partial.text
    assert [f["index"] for f in dry_partial.json()["failed"]] == [1, 2]
    assert await traces_of_writes(session) == before
    response = await contributor.post(BATCH, json={"items": items[:1]})
    assert response.status_code == 201, response.text
    assert await stored(session) == 1
