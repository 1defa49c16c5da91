"""Status updates: rules, corrections, idempotency, and the action state they decide."""

from __future__ import annotations

import asyncio
import re
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlmodel import col

from app.models import (
    Action,
    ActionLeadOfficer,
    AuditEvent,
    Rag,
    Role,
    StatusUpdate,
    clock,
    new_id,
)
from tests.conftest import Clients, StatementCounter
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import archive, assert_problem, error_fields, patch

GREEN: dict[str, Any] = {"rag": "green", "status": "in_progress", "narrative": "On track."}
RED: dict[str, Any] = {
    "rag": "red",
    "status": "in_progress",
    "narrative": "Recruitment has stalled.",
    "next_steps": "Escalate to CSLT.",
}


async def new_action(session: AsyncSession, **overrides: Any) -> str:
    area = await make_area(session, await make_plan(session))
    return (await make_action(session, area, **overrides)).id


def updates_url(action_id: str) -> str:
    return f"/api/v1/actions/{action_id}/status-updates"


async def post(
    http: httpx.AsyncClient, action_id: str, body: dict[str, Any], **headers: str
) -> httpx.Response:
    return await http.post(updates_url(action_id), json=body, headers=headers)


async def test_current_rating_follows_the_latest_effective_update(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    # Entered out of order: the later report first.
    later = await post(editor, action_id, {**RED, "effective_date": "2023-07-31"})
    assert later.status_code == 201, later.text
    earlier = await post(editor, action_id, {**GREEN, "effective_date": "2023-06-30"})
    assert earlier.status_code == 201
    assert earlier.headers["Location"].endswith(earlier.json()["id"])
    action = (await editor.get(f"/api/v1/actions/{action_id}")).json()
    assert (action["rag"], action["status"], action["last_update_date"]) == (
        "red",
        "in_progress",
        "2023-07-31",
    )
    expanded = await editor.get(f"/api/v1/actions/{action_id}", params={"expand": "latest_update"})
    assert expanded.json()["latest_update"]["id"] == later.json()["id"]
    listed = await editor.get("/api/v1/actions", params={"rag": "red"})
    assert [a["id"] for a in listed.json()["items"]] == [action_id]


async def test_created_at_is_the_server_clock_and_cannot_be_set(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    response = await post(editor, action_id, {**GREEN, "created_at": "2020-01-01T00:00:00Z"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.created_at"}
    response = await post(editor, action_id, GREEN)
    assert response.json()["effective_date"] == clock.today().isoformat()


async def test_a_correction_supersedes_without_deleting(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    wrong = (await post(editor, action_id, {**RED, "effective_date": "2023-07-31"})).json()
    fixed = await post(editor, action_id, {**GREEN, "corrects_update_id": wrong["id"]})
    assert fixed.status_code == 201, fixed.text
    assert fixed.json()["effective_date"] == "2023-07-31"
    assert fixed.json()["corrects_update_id"] == wrong["id"]
    kept = (await editor.get(f"/api/v1/status-updates/{wrong['id']}")).json()
    assert kept["superseded_by_id"] == fixed.json()["id"]
    assert kept["rag"] == "red"
    assert (await editor.get(f"/api/v1/actions/{action_id}")).json()["rag"] == "green"
    listed = (await editor.get(updates_url(action_id))).json()
    assert listed["total"] == 2
    again = await post(editor, action_id, {**GREEN, "corrects_update_id": wrong["id"]})
    assert error_fields(again) == {"body.corrects_update_id"}


TOMORROW = "tomorrow"


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"rag": "red", "status": "in_progress"}, {"body.narrative", "body.next_steps"}),
        ({"rag": "amber", "status": "in_progress", "narrative": "x"}, {"body.next_steps"}),
        ({"rag": "blue", "status": "in_progress"}, {"body.status"}),
        ({"rag": "green", "status": "complete"}, {"body.rag"}),
        ({"rag": None, "status": "deferred"}, {"body.reason"}),
        ({"rag": None, "status": "cancelled"}, {"body.reason"}),
        ({**GREEN, "effective_date": TOMORROW}, {"body.effective_date"}),
        ({**GREEN, "evidence": [{"url": "https://x.example/a"}]}, {"body.evidence[0].title"}),
        ({"rag": "purple", "status": "in_progress"}, {"body.rag"}),
        # Not an update's id: before, it passed for "no correction" and failed as a 409.
        ({**GREEN, "corrects_update_id": ""}, {"body.corrects_update_id"}),
    ],
)
async def test_each_rule_is_a_422_naming_the_field_and_stores_nothing(
    editor: httpx.AsyncClient, session: AsyncSession, body: dict[str, Any], fields: set[str]
) -> None:
    action_id = await new_action(session)
    if body.get("effective_date") == TOMORROW:  # the day the test runs, not collected on
        body = {**body, "effective_date": (clock.today() + timedelta(days=1)).isoformat()}
    response = await post(editor, action_id, body)
    assert_problem(response, 422)
    assert error_fields(response) == fields
    assert await session.scalar(sa.select(sa.func.count()).select_from(StatusUpdate)) == 0


async def test_complete_sets_the_completion_date(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    response = await post(
        editor,
        action_id,
        {
            "rag": "blue",
            "status": "complete",
            "effective_date": "2023-09-15",
            "evidence": [{"title": "Academy launch report", "url": "https://intranet.example/a"}],
        },
    )
    assert response.status_code == 201, response.text
    action = (await editor.get(f"/api/v1/actions/{action_id}")).json()
    assert action["completed_date"] == "2023-09-15"
    assert action["status"] == "complete"


async def test_an_archived_action_takes_no_updates(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    assert (await archive(editor, f"/api/v1/actions/{action_id}")).status_code == 200
    response = await post(editor, action_id, GREEN)
    assert error_fields(response) == {"path.action_id"}


async def test_idempotent_retry_creates_one_update(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    first = await post(editor, action_id, GREEN, **{"Idempotency-Key": "abc-123"})
    retry = await post(editor, action_id, GREEN, **{"Idempotency-Key": "abc-123"})
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.headers["Location"] == first.headers["Location"]
    assert await session.scalar(sa.select(sa.func.count()).select_from(StatusUpdate)) == 1
    other = await post(editor, action_id, RED, **{"Idempotency-Key": "abc-123"})
    assert_problem(other, 422)
    assert error_fields(other) == {"header.Idempotency-Key"}
    assert await session.scalar(sa.select(sa.func.count()).select_from(StatusUpdate)) == 1


async def test_updates_cannot_be_changed_or_deleted(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    created = (await post(editor, action_id, GREEN)).json()
    url = f"/api/v1/status-updates/{created['id']}"
    for method in ("PATCH", "PUT", "DELETE"):
        response = await editor.request(method, url, json={"rag": "red"})
        assert_problem(response, 405)
    assert (await editor.get(url)).json() == {**created}


async def test_the_database_refuses_to_change_updates_and_audit_events(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    await post(editor, action_id, GREEN)
    for statement in (
        "UPDATE status_update SET rag = 'red'",
        "DELETE FROM status_update",
        "UPDATE audit_event SET actor = 'someone else'",
        "DELETE FROM audit_event",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            await session.execute(sa.text(statement))
        await session.rollback()
    assert await session.scalar(sa.select(sa.func.count()).select_from(StatusUpdate)) == 1


async def test_contributors_update_only_the_actions_they_lead(
    clients: Clients, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    officer = await make_officer(session, name="Adele Moore")
    led = await make_action(session, area, ref="A1.1")
    other = await make_action(session, area, ref="A1.2")
    session.add(ActionLeadOfficer(action_id=led.id, officer_id=officer.id))
    await session.commit()
    contributor = await clients.as_role(Role.contributor, officer_id=officer.id)
    response = await post(contributor, led.id, GREEN)
    assert response.status_code == 201, response.text
    assert response.json()["author"] == "Adele Moore"
    assert response.json()["author_officer_id"] == officer.id
    assert_problem(await post(contributor, other.id, GREEN), 403)
    named = await post(contributor, led.id, {**GREEN, "author": "Someone Else"})
    assert error_fields(named) == {"body.author"}
    viewer = await clients.as_role(Role.viewer)
    assert_problem(await post(viewer, led.id, GREEN), 403)


async def test_service_accounts_name_the_author(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    named = await post(editor, action_id, {**GREEN, "author": "Jane Smith"})
    assert named.json()["author"] == "Jane Smith"
    unnamed = await post(editor, action_id, GREEN)
    assert unnamed.json()["author"] == "editor test key"


async def test_reporting_filters(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    a = await make_action(session, area, ref="A1.1")
    b = await make_action(session, area, ref="A1.2")
    other_plan_action = await new_action(session)
    await post(editor, a.id, {**GREEN, "effective_date": "2023-06-30", "author": "Jane Smith"})
    await post(editor, a.id, {**RED, "effective_date": "2023-09-30", "author": "Jane Smith"})
    await post(editor, b.id, {"rag": None, "status": "not_started", "effective_date": "2023-08-01"})
    await post(editor, other_plan_action, GREEN)

    async def effective(**params: Any) -> list[str]:
        query = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
        response = await editor.get("/api/v1/status-updates", params=query)
        assert response.status_code == 200, response.text
        return sorted(u["effective_date"] for u in response.json()["items"])

    assert await effective(plan_id=plan.id) == ["2023-06-30", "2023-08-01", "2023-09-30"]
    assert await effective(author="Jane Smith") == ["2023-06-30", "2023-09-30"]
    assert await effective(plan_id=plan.id, rag=["red", "none"]) == ["2023-08-01", "2023-09-30"]
    assert await effective(effective_from="2023-07-01", effective_to="2023-08-31") == ["2023-08-01"]
    assert await effective(action_id=b.id) == ["2023-08-01"]
    assert await effective(area_id=area.id, created_since="2999-01-01T00:00:00Z") == []
    page = (await editor.get("/api/v1/status-updates", params={"limit": "2"})).json()
    assert page["total"] == 4 and page["next_cursor"]


async def test_stale_and_overdue_follow_updates(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session, update_interval_days=30)
    area = await make_area(session, plan)
    quiet = await make_action(session, area, ref="A1.1", due_date=clock.today() - timedelta(days=5))
    fresh = await make_action(session, area, ref="A1.2")
    # Created long ago, so "no update yet" counts against them.
    for action in (quiet, fresh):
        action.created_at = action.created_at - timedelta(days=90)
    await session.commit()
    await post(editor, fresh.id, GREEN)
    stale = (await editor.get("/api/v1/actions", params={"stale": "true"})).json()
    assert [a["id"] for a in stale["items"]] == [quiet.id]
    overdue = (await editor.get("/api/v1/actions", params={"overdue": "true"})).json()
    assert [a["id"] for a in overdue["items"]] == [quiet.id]
    await post(editor, quiet.id, {"rag": "blue", "status": "complete"})
    assert (await editor.get("/api/v1/actions", params={"overdue": "true"})).json()["total"] == 0
    assert (await editor.get("/api/v1/actions", params={"stale": "true"})).json()["total"] == 0


async def test_racing_updates_to_one_action_never_lose_a_write(
    clients: Clients, session: AsyncSession
) -> None:
    action_id = await new_action(session)
    first = await clients.as_role(Role.editor, name="First editor")
    second = await clients.as_role(Role.editor, name="Second editor")
    url = f"/api/v1/actions/{action_id}"
    etag = (await first.get(url)).headers["ETag"]
    responses = await asyncio.gather(
        first.patch(url, json={"title": "From the first"}, headers={"If-Match": etag}),
        second.patch(url, json={"title": "From the second"}, headers={"If-Match": etag}),
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()["title"]
    assert (await first.get(url)).json()["title"] == winner
    events = (
        await session.scalars(
            sa.select(AuditEvent).where(
                col(AuditEvent.entity_id) == action_id, col(AuditEvent.operation) == "update"
            )
        )
    ).all()
    assert len(events) == 1
    assert events[0].changes["title"]["after"] == winner
    assert events[0].actor in {"First editor", "Second editor"}


@pytest.mark.parametrize("way", ["single", "batch"])
async def test_an_update_posted_while_another_is_in_flight_decides_the_rating(
    backend: str, editor: httpx.AsyncClient, session: AsyncSession, database_url: str, way: str
) -> None:
    """The later of two racing updates decides the action's rating, even when it would not
    move the rating as the action stood before the other committed."""
    if backend == "sqlite":
        pytest.skip("SQLite writes one transaction at a time")
    action_id = await new_action(session)
    assert (await post(editor, action_id, RED)).status_code == 201
    engine = create_async_engine(database_url)
    try:
        async with AsyncSession(engine, expire_on_commit=False) as other:
            # Another post in flight: the action's row is locked, its update stored and the
            # action moved to green, not yet committed.
            action = (
                await other.scalars(
                    sa.select(Action).where(col(Action.id) == action_id).with_for_update()
                )
            ).one()
            other.add(
                StatusUpdate(
                    id=new_id("upd"),
                    action_id=action_id,
                    plan_id=action.plan_id,
                    area_id=action.area_id,
                    rag=Rag.green,
                    status=action.status,
                    effective_date=clock.today(),
                    author="Another editor",
                )
            )
            action.rag = Rag.green
            await other.flush()
            # Red again, posted after it: it waits for the other to commit, then decides.
            racing = asyncio.create_task(
                post(editor, action_id, RED)
                if way == "single"
                else editor.post(
                    "/api/v1/status-updates/batch",
                    json={"items": [{"action_id": action_id, **RED}]},
                )
            )
            await asyncio.sleep(0.5)
            await other.commit()
        assert (await racing).status_code == 201
    finally:
        await engine.dispose()
    read = (await editor.get(f"/api/v1/actions/{action_id}")).json()
    assert read["rag"] == "red"


async def test_due_date_revisions_slippage_and_history(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    action_id = await new_action(session, timescale="May 23", due_date=date(2023, 5, 31))
    url = f"/api/v1/actions/{action_id}"
    await post(editor, action_id, {**GREEN, "effective_date": "2023-04-30"})
    revised = await patch(editor, url, {"due_date": "2023-09-30", "due_date_reason": "DfE review"})
    assert revised.status_code == 200, revised.text
    body = revised.json()
    assert body["due_date_revision_count"] == 1
    assert body["slippage_days"] == 122
    assert body["original_due_date"] == "2023-05-31"
    slipped = (await editor.get("/api/v1/actions", params={"slipped": "true"})).json()
    assert [a["id"] for a in slipped["items"]] == [action_id]
    await post(editor, action_id, {**RED, "effective_date": "2023-06-30"})

    history = (await editor.get(f"{url}/history")).json()
    kinds = [(e["kind"], e["operation"]) for e in history["entries"]]
    assert kinds == [
        ("status_update", "status_update"),
        ("due_date_revision", "update"),
        ("change", "update"),
        ("status_update", "status_update"),
    ]
    revision = next(e for e in history["entries"] if e["kind"] == "due_date_revision")
    assert revision["due_date_revision"]["reason"] == "DfE review"
    assert revision["due_date_revision"]["from_date"] == "2023-05-31"
    rating_changes = [
        e["changes"].get("rag") for e in history["entries"] if e["kind"] == "status_update"
    ]
    assert rating_changes == [
        {"before": None, "after": "green"},
        {"before": "green", "after": "red"},
    ]
    times = [e["occurred_at"] for e in history["entries"]]
    assert times == sorted(times)

    events = (
        await admin.get(
            "/api/v1/audit-events", params={"entity_id": action_id, "operation": "update"}
        )
    ).json()
    assert events["total"] == 1
    assert events["items"][0]["changes"]["due_date"] == {
        "before": "2023-05-31",
        "after": "2023-09-30",
    }
    assert_problem(await editor.get("/api/v1/audit-events"), 403)


def what_each_does(statements: list[str]) -> list[str]:
    """Each statement as its verb and its table: `SELECT action`, `INSERT event`; the
    action as its GET shows it (`app.actions.rendering`) is `SELECT action, as shown`."""
    found = []
    for statement in statements:
        if "lead_officers" in statement:
            found.append("SELECT action, as shown")
            continue
        table = re.search(r"(?:FROM|INTO|UPDATE)\s+(\w+)", statement)
        found.append(f"{statement.split(None, 1)[0]} {table.group(1) if table else '?'}")
    return found


# What a post runs, each justified in docs/performance.md ("What posting a status update
# runs"): the key, the action, the insert, the deciding update, the audit events, then the
# change feed (the action's representation, and the events); with an
# Idempotency-Key, its look-up and its record; when the state moves, the action's row.
CHECK = ["SELECT api_key", "SELECT action"]
WRITE = ["INSERT status_update", "SELECT status_update", "INSERT audit_event"]
FEED = ["SELECT action, as shown", "INSERT event"]


async def test_posting_runs_only_the_statements_it_needs(
    editor: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    """The same statements however many updates the action has (docs/performance.md)."""
    action_id = await new_action(session)
    await post(editor, action_id, GREEN)  # the key's first use is written
    ran = []
    for rating, key in (("red", "key-red"), ("amber", None), ("amber", "key-amber")):
        before = count_statements.count
        headers = {"Idempotency-Key": key} if key else {}
        response = await post(editor, action_id, {**RED, "rag": rating}, **headers)
        assert response.status_code == 201, response.text
        ran.append(what_each_does(count_statements.statements[before:]))
    keyed = [*CHECK, "SELECT idempotency_record", *WRITE]
    assert ran == [
        # The rating moves: the action's row is written; the response is kept for the key.
        [*keyed, "UPDATE action", "INSERT idempotency_record", *FEED],
        # No key: nothing for idempotency.
        [*CHECK, *WRITE, "UPDATE action", *FEED],
        # The same rating again: the action's row is left as it is.
        [*keyed, "INSERT idempotency_record", *FEED],
    ]
