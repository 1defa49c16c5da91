"""The change feed: what a change writes, who may read it, and a cursor that never misses."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db.outbox import OutboxSession
from app.core.resources import audit
from app.events.schemas import EventPage
from app.models import Event, Plan, Role
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_plan
from tests.support import patch


async def feed(http: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await http.get("/api/v1/events", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def read_on(
    http: httpx.AsyncClient, after: str | None = None, **params: Any
) -> tuple[list[dict[str, Any]], str]:
    """Every event ready after the cursor, page by page, and the cursor to go on from."""
    events: list[dict[str, Any]] = []
    while True:
        page = await feed(http, **params, **({"after": after} if after else {}))
        events.extend(page["items"])
        after = page["next_cursor"]
        if not page["has_more"]:
            return events, after


async def follow(http: httpx.AsyncClient, **params: Any) -> list[dict[str, Any]]:
    """Every event ready now, from the start."""
    return (await read_on(http, **params))[0]


async def test_a_change_is_in_the_feed_with_its_representation_after_it(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area)
    changed = await patch(
        editor,
        f"/api/v1/actions/{action.id}",
        {
            "title": "Recruit two social workers",
            "due_date": "2024-03-31",
            "due_date_reason": "Budget",
        },
    )
    assert changed.status_code == 200, changed.text
    events = await follow(viewer)
    assert [e["type"] for e in events] == ["action.updated", "due_date.revised"]
    updated = events[0]
    assert updated["resource"] == {
        "type": "action",
        "id": action.id,
        "url": f"/api/v1/actions/{action.id}",
    }
    assert updated["plan_id"] == area.plan_id
    assert updated["actor"] == "editor test key"
    # The same representation the action's own GET gives.
    assert updated["data"] == (await viewer.get(f"/api/v1/actions/{action.id}")).json()
    assert updated["data"]["title"] == "Recruit two social workers"


# Text JSON writers differ on: non-ASCII letters and punctuation, a backslash, markup.
TITLE = "Caf\u00e9 \u2013 \u201cquoted\u201d \\ </script> \U0001f4a1"


async def test_the_page_is_the_json_its_schema_writes(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The feed writes its page without building models: its bytes must be those pydantic
    writes for `EventPage`, whatever the text and the timestamps."""
    action = await make_action(session, await make_area(session, await make_plan(session)))
    changed = await patch(editor, f"/api/v1/actions/{action.id}", {"title": TITLE})
    assert changed.status_code == 200, changed.text
    # A timestamp on a whole second, which pydantic writes without a fraction.
    await session.execute(
        sa.update(Event).values(occurred_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    )
    await session.commit()
    response = await viewer.get("/api/v1/events")
    assert response.status_code == 200, response.text
    page = EventPage.model_validate_json(response.content)
    assert response.content == page.model_dump_json().encode()
    assert page.items[0].data["title"] == TITLE
    assert b'"occurred_at":"2024-01-02T03:04:05Z"' in response.content


async def test_a_status_update_makes_its_own_event_and_the_action_s(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    action = await make_action(session, await make_area(session, await make_plan(session)))
    posted = await editor.post(
        f"/api/v1/actions/{action.id}/status-updates",
        json={
            "rag": "red",
            "status": "in_progress",
            "narrative": "Stalled.",
            "next_steps": "Escalate.",
        },
    )
    assert posted.status_code == 201, posted.text
    events = await follow(viewer)
    assert [e["type"] for e in events] == ["status_update.created", "action.updated"]
    assert events[0]["data"] == posted.json()
    assert events[1]["data"]["rag"] == "red"


async def test_a_change_that_fails_writes_no_event(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area, due_date=date(2023, 12, 31))
    refused = await patch(editor, f"/api/v1/actions/{action.id}", {"due_date": "2024-03-31"})
    assert refused.status_code == 422
    assert await follow(viewer) == []


async def test_filters_by_type_and_plan(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plans = [await make_plan(session), await make_plan(session)]
    for plan in plans:
        created = await editor.post(
            f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "Leadership"}
        )
        assert created.status_code == 201, created.text
        archived = await editor.get(f"/api/v1/plans/{plan.id}")
        response = await editor.delete(
            f"/api/v1/plans/{plan.id}", headers={"If-Match": archived.headers["ETag"]}
        )
        assert response.status_code in (200, 409), response.text
    only_first = await follow(viewer, plan_id=plans[0].id)
    assert only_first and {e["plan_id"] for e in only_first} == {plans[0].id}
    areas = await follow(viewer, type="area.created")
    assert [e["plan_id"] for e in areas] == [p.id for p in plans]
    assert (await viewer.get("/api/v1/events", params={"type": "area.eaten"})).status_code == 422


async def test_key_events_only_to_admins(clients: Clients) -> None:
    viewer = await clients.as_role(Role.viewer)
    admin = await clients.as_role(Role.admin)
    created = await admin.post("/api/v1/api-keys", json={"name": "Dashboard", "role": "viewer"})
    assert created.status_code == 201, created.text
    assert [e for e in await follow(viewer) if e["resource"]["type"] == "api_key"] == []
    seen = [e for e in await follow(admin) if e["resource"]["id"] == created.json()["id"]]
    assert [e["type"] for e in seen] == ["api_key.created"]
    assert "key" not in seen[0]["data"]


async def test_pages_follow_the_cursor_without_repeats(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    for number in range(1, 6):
        response = await editor.post(
            f"/api/v1/plans/{plan.id}/areas", json={"number": number, "title": f"Area {number}"}
        )
        assert response.status_code == 201
    first = await feed(viewer, limit=2)
    assert first["has_more"] and len(first["items"]) == 2
    everything = await follow(viewer, limit=2)
    assert [e["data"]["number"] for e in everything] == [1, 2, 3, 4, 5]
    assert len({e["id"] for e in everything}) == 5
    tail = await feed(viewer, after=first["next_cursor"])
    assert [e["data"]["number"] for e in tail["items"]] == [3, 4, 5]
    bad = await viewer.get("/api/v1/events", params={"after": "not-a-cursor"})
    assert bad.status_code == 422


async def test_a_long_poll_answers_when_a_change_commits(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    start = (await feed(viewer))["next_cursor"]
    waiting = asyncio.create_task(feed(viewer, after=start, wait=20))
    await asyncio.sleep(0.2)
    assert not waiting.done()
    created = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "A"})
    assert created.status_code == 201
    page = await waiting
    assert [e["resource"]["id"] for e in page["items"]] == [created.json()["id"]]


async def test_a_reader_never_passes_a_transaction_still_committing(
    app: FastAPI,
    backend: str,
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    session: AsyncSession,
) -> None:
    """The outbox gap: one writer takes its place in the feed first but commits last."""
    if backend == "sqlite":
        pytest.skip("SQLite serialises writers: a second cannot commit while one is open")
    plan = await make_plan(session)
    slow: OutboxSession = app.state.write_session_factory()
    async with slow:
        held = await slow.get(Plan, plan.id)
        assert held is not None
        held.title = "Renamed by the slow writer"
        audit.record(slow, actor=None, entity_type="plan", entity_id=plan.id, operation="update")
        await slow.write_pending_events()  # its event is inserted, its transaction open
        fast = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "A"})
        assert fast.status_code == 201
        seen_before, cursor = await read_on(viewer)
        await slow.commit()
    seen_after, _ = await read_on(viewer, after=cursor)
    followed = seen_before + seen_after
    assert sorted(e["type"] for e in followed) == ["area.created", "plan.updated"]
    # In a stable order, the order of commits: read again from the start, the same sequence.
    assert [e["type"] for e in followed] == ["area.created", "plan.updated"]
    assert [e["id"] for e in await follow(viewer)] == [e["id"] for e in followed]
