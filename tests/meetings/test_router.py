"""Board meetings, monthly schedules, and the snapshots frozen for each meeting's papers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, AuditEvent, Meeting, MeetingSnapshot, Plan, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_area, make_plan
from tests.support import assert_problem, error_fields, patch

MEETINGS = "/api/v1/meetings"


def url(meeting_id: str, *rest: str) -> str:
    return "/".join([MEETINGS, meeting_id, *rest])


async def create(http: httpx.AsyncClient, plan_id: str, **fields: Any) -> httpx.Response:
    body = {"plan_id": plan_id, "board": "GABB", "date": "2023-07-27", **fields}
    return await http.post(MEETINGS, json=body)


async def meeting_id(http: httpx.AsyncClient, plan_id: str, **fields: Any) -> str:
    response = await create(http, plan_id, **fields)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def rate(
    http: httpx.AsyncClient, action: Action, rag: str | None, effective: str, **fields: Any
) -> None:
    body: dict[str, Any] = {"rag": rag, "status": "in_progress", "effective_date": effective}
    if rag in ("red", "amber"):
        body |= {"narrative": "Slipping.", "next_steps": "Escalate to GABB."}
    if rag == "blue":
        body["status"] = "complete"
    body |= fields
    response = await http.post(f"/api/v1/actions/{action.id}/status-updates", json=body)
    assert response.status_code == 201, response.text


async def count(session: AsyncSession, model: type[Any]) -> int:
    counted = int(await session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)
    # End the read: on SQLite a write from this session after the app's writes would
    # otherwise start from a stale snapshot and be refused.
    await session.rollback()
    return counted


# Meetings


async def test_create_get_and_update_a_meeting(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    created = await create(
        editor, plan.id, partners_attending=True, title="GABB, July 2023", notes="Agenda."
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["id"].startswith("meet_")
    assert {k: body[k] for k in ("plan_id", "board", "date", "partners_attending")} == {
        "plan_id": plan.id,
        "board": "GABB",
        "date": "2023-07-27",
        "partners_attending": True,
    }
    assert (body["title"], body["notes"], body["snapshot_id"], body["archived_at"]) == (
        "GABB, July 2023",
        "Agenda.",
        None,
        None,
    )
    assert created.headers["Location"].endswith(url(body["id"]))

    got = await editor.get(url(body["id"]))
    assert got.json() == body
    assert got.headers["ETag"] == created.headers["ETag"]
    cached = await editor.get(url(body["id"]), headers={"If-None-Match": got.headers["ETag"]})
    assert cached.status_code == 304

    assert_problem(await editor.patch(url(body["id"]), json={"title": "x"}), 428)
    stale = await editor.patch(url(body["id"]), json={"title": "x"}, headers={"If-Match": '"no"'})
    assert_problem(stale, 412)
    changes = {"board": "CSLT", "date": "2023-08-03", "partners_attending": False, "notes": None}
    updated = await patch(editor, url(body["id"]), {**changes, "title": "CSLT, August"})
    assert updated.status_code == 200, updated.text
    assert {k: updated.json()[k] for k in changes} == changes
    assert updated.headers["ETag"] != got.headers["ETag"]
    assert (await editor.get(url(body["id"]))).headers["ETag"] == updated.headers["ETag"]

    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == body["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [(e.entity_type, e.operation) for e in events] == [
        ("meeting", "create"),
        ("meeting", "update"),
    ]
    assert events[1].changes["board"] == {"before": "GABB", "after": "CSLT"}
    assert events[1].changes["date"] == {"before": "2023-07-27", "after": "2023-08-03"}


async def test_list_filters_sorts_and_pages(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, other = await make_plan(session), await make_plan(session)
    ids = {
        "gabb-jun": await meeting_id(editor, plan.id, date="2023-06-29", partners_attending=True),
        "gabb-may": await meeting_id(editor, plan.id, date="2023-05-25"),
        "cslt-jun": await meeting_id(editor, plan.id, board="CSLT", date="2023-06-01"),
        "qa-jul": await meeting_id(editor, plan.id, board="QA panel", date="2023-07-06"),
        "other": await meeting_id(editor, other.id, date="2023-06-15"),
    }
    names = {v: k for k, v in ids.items()}

    async def listed(*query: tuple[str, str]) -> list[str]:
        response = await viewer.get(MEETINGS, params=list(query))
        assert response.status_code == 200, response.text
        assert response.json()["total"] == len(response.json()["items"])
        return [names[m["id"]] for m in response.json()["items"]]

    assert await listed() == ["gabb-may", "cslt-jun", "other", "gabb-jun", "qa-jul"]
    assert await listed(("plan_id", other.id)) == ["other"]
    assert await listed(("plan_id", plan.id), ("board", "GABB"), ("board", "CSLT")) == [
        "gabb-may",
        "cslt-jun",
        "gabb-jun",
    ]
    assert await listed(("board", "QA panel")) == ["qa-jul"]
    assert await listed(("date_from", "2023-06-01"), ("date_to", "2023-06-29")) == [
        "cslt-jun",
        "other",
        "gabb-jun",
    ]
    assert await listed(("partners_attending", "true")) == ["gabb-jun"]
    assert await listed(("plan_id", plan.id), ("sort", "-date")) == [
        "qa-jul",
        "gabb-jun",
        "cslt-jun",
        "gabb-may",
    ]
    assert await listed(("sort", "created_at")) == list(ids)
    assert error_fields(await viewer.get(MEETINGS, params={"sort": "board"})) == {"query.sort"}
    assert error_fields(await viewer.get(MEETINGS, params={"date_from": "May"})) == {
        "query.date_from"
    }

    seen: list[str] = []
    params: dict[str, str] = {"limit": "2"}
    while True:
        page = await viewer.get(MEETINGS, params=params)
        seen += [names[m["id"]] for m in page.json()["items"]]
        assert page.json()["total"] == 5
        if not page.json()["next_cursor"]:
            assert "Link" not in page.headers
            break
        assert 'rel="next"' in page.headers["Link"]
        params = {"limit": "2", "cursor": page.json()["next_cursor"]}
    assert seen == ["gabb-may", "cslt-jun", "other", "gabb-jun", "qa-jul"]


async def test_create_refusals(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    client: httpx.AsyncClient,
    session: AsyncSession,
) -> None:
    plan = await make_plan(session)
    archived = await make_plan(session, archived_at=utcnow())
    first = await meeting_id(editor, plan.id)

    missing = await create(editor, "plan_00000000000000000000")
    assert_problem(missing, 422)
    assert error_fields(missing) == {"body.plan_id"}
    assert_problem(await create(editor, archived.id), 409)

    duplicate = assert_problem(await create(editor, plan.id), 409)
    assert duplicate["blocking"] == [{"type": "meeting", "id": first}]
    assert (await create(editor, plan.id, board="CSLT")).status_code == 201

    for fields, wrong in (
        ({"board": ""}, "body.board"),
        ({"board": "B" * 101}, "body.board"),
        ({"date": "2023-02-30"}, "body.date"),
        ({"title": "T" * 201}, "body.title"),
        ({"notes": "N" * 5001}, "body.notes"),
        ({"id": "meet_mine"}, "body.id"),
        ({"partners_attending": "sometimes"}, "body.partners_attending"),
    ):
        response = await create(editor, plan.id, **{"date": "2023-09-28", **fields})
        assert_problem(response, 422)
        assert error_fields(response) == {wrong}
    assert_problem(await editor.post(MEETINGS, json={"plan_id": plan.id}), 422)

    assert_problem(await create(viewer, plan.id, date="2023-10-26"), 403)
    assert_problem(await create(client, plan.id, date="2023-10-26"), 401)
    assert await count(session, Meeting) == 2


async def test_update_refusals(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    july = await meeting_id(editor, plan.id, date="2023-07-27")
    august = await meeting_id(editor, plan.id, date="2023-08-31")

    clash = await patch(editor, url(august), {"date": "2023-07-27"})
    assert assert_problem(clash, 409)["blocking"] == [{"type": "meeting", "id": july}]
    assert error_fields(await patch(editor, url(august), {"board": None})) == {"body"}
    assert error_fields(await patch(editor, url(august), {"plan_id": plan.id})) == {"body.plan_id"}
    etag = (await editor.get(url(august))).headers["ETag"]
    forbidden = await viewer.patch(url(august), json={"title": "x"}, headers={"If-Match": etag})
    assert_problem(forbidden, 403)
    assert_problem(await editor.get(url("meet_00000000000000000000")), 404)
    unknown = await editor.patch(
        url("meet_00000000000000000000"), json={"title": "x"}, headers={"If-Match": "*"}
    )
    assert_problem(unknown, 404)
    # Moving within the same day, or to a day still free, is allowed.
    assert (await patch(editor, url(august), {"date": "2023-08-31"})).status_code == 200
    assert (await patch(editor, url(august), {"date": "2023-09-28"})).status_code == 200


async def test_an_idempotent_retry_creates_one_meeting(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    body = {"plan_id": plan.id, "board": "GABB", "date": "2023-07-27"}
    headers = {"Idempotency-Key": "gabb-2023-07"}
    first = await editor.post(MEETINGS, json=body, headers=headers)
    retry = await editor.post(MEETINGS, json=body, headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert retry.headers["Location"] == first.headers["Location"]
    other = await editor.post(MEETINGS, json={**body, "board": "CSLT"}, headers=headers)
    assert error_fields(other) == {"header.Idempotency-Key"}
    assert await count(session, Meeting) == 1


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    count_statements: StatementCounter,
) -> None:
    plan = await make_plan(session)
    schedule = {"plan_id": plan.id, "first_date": "2023-01-26"}
    made = (await editor.post(f"{MEETINGS}/schedule", json=schedule)).json()["items"]
    for meeting in made[:3]:
        assert (await editor.post(url(meeting["id"], "snapshot"))).status_code == 201
    await viewer.get(MEETINGS)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        before = count_statements.count
        response = await viewer.get(MEETINGS, params={"limit": str(size)})
        assert len(response.json()["items"]) == size
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 3
    snapshots = [m["snapshot_id"] for m in response.json()["items"]]
    assert all(snapshots[:3]) and not any(snapshots[3:])


# Schedules


async def test_schedule_creates_a_year_of_monthly_meetings(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    existing = await meeting_id(editor, plan.id, date="2023-04-30", title="Kept as it was")
    body = {"plan_id": plan.id, "first_date": "2023-01-31"}
    response = await editor.post(f"{MEETINGS}/schedule", json=body)
    assert response.status_code == 201, response.text
    made = response.json()["items"]
    assert response.json()["skipped_dates"] == ["2023-04-30"]
    assert [m["date"] for m in made] == [
        "2023-01-31",
        "2023-02-28",
        "2023-03-31",
        "2023-05-31",
        "2023-06-30",
        "2023-07-31",
        "2023-08-31",
        "2023-09-30",
        "2023-10-31",
        "2023-11-30",
        "2023-12-31",
    ]
    assert {m["board"] for m in made} == {"GABB"}
    # Partners at the 1st, 3rd, 5th... meeting of the run, the skipped April one included.
    assert [m["date"] for m in made if m["partners_attending"]] == [
        "2023-01-31",
        "2023-03-31",
        "2023-05-31",
        "2023-07-31",
        "2023-09-30",
        "2023-11-30",
    ]
    kept = (await editor.get(url(existing))).json()
    assert (kept["title"], kept["partners_attending"]) == ("Kept as it was", False)
    listed = await editor.get(MEETINGS, params={"plan_id": plan.id, "board": "GABB"})
    assert listed.json()["total"] == 12

    again = await editor.post(f"{MEETINGS}/schedule", json=body)
    assert again.status_code == 201
    assert again.json()["items"] == []
    assert len(again.json()["skipped_dates"]) == 12
    assert await count(session, Meeting) == 12
    audited = await session.scalar(
        sa.select(sa.func.count())
        .select_from(AuditEvent)
        .where(col(AuditEvent.entity_type) == "meeting", col(AuditEvent.operation) == "create")
    )
    assert audited == 12


async def test_schedule_options_and_refusals(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    schedule = f"{MEETINGS}/schedule"
    body = {
        "plan_id": plan.id,
        "board": "CSLT",
        "first_date": "2023-11-15",
        "months": 4,
        "partners_every": 3,
    }
    made = (await editor.post(schedule, json=body)).json()["items"]
    assert [(m["date"], m["partners_attending"]) for m in made] == [
        ("2023-11-15", True),
        ("2023-12-15", False),
        ("2024-01-15", False),
        ("2024-02-15", True),
    ]
    headers = {"Idempotency-Key": "year-2024"}
    year = {"plan_id": plan.id, "first_date": "2024-04-25", "months": 24}
    first = await editor.post(schedule, json=year, headers=headers)
    retry = await editor.post(schedule, json=year, headers=headers)
    assert len(first.json()["items"]) == 24
    assert retry.json() == first.json() and retry.headers["Idempotent-Replayed"] == "true"
    assert await count(session, Meeting) == 28

    for fields, wrong in (
        ({"months": 0}, "body.months"),
        ({"months": 25}, "body.months"),
        ({"partners_every": 0}, "body.partners_every"),
        ({"first_date": None}, "body.first_date"),
        ({"board": ""}, "body.board"),
        ({"plan_id": "plan_00000000000000000000"}, "body.plan_id"),
    ):
        response = await editor.post(schedule, json={**body, **fields})
        assert_problem(response, 422)
        assert error_fields(response) == {wrong}
    archived = await make_plan(session, archived_at=utcnow())
    assert_problem(await editor.post(schedule, json={**body, "plan_id": archived.id}), 409)
    assert_problem(await viewer.post(schedule, json=body), 403)
    assert await count(session, Meeting) == 28


async def test_a_schedule_follows_the_plans_own_cadence(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Stockton's plan: the Good and Beyond Board meets monthly, partners every second month."""
    cadence = {"board": "Good and Beyond Board", "frequency": "monthly", "partners_every": 2}
    plan = await make_plan(session, meeting_schedule=cadence)
    schedule = f"{MEETINGS}/schedule"
    body = {"plan_id": plan.id, "first_date": "2023-04-27", "months": 4}
    response = await editor.post(schedule, json=body)
    assert response.status_code == 201, response.text
    result = response.json()
    assert [(m["board"], m["date"], m["partners_attending"]) for m in result["items"]] == [
        ("Good and Beyond Board", "2023-04-27", True),
        ("Good and Beyond Board", "2023-05-27", False),
        ("Good and Beyond Board", "2023-06-27", True),
        ("Good and Beyond Board", "2023-07-27", False),
    ]
    assert result["from_plan"] == ["board", "frequency", "partners_every"]
    assert result["service_defaults"] == []
    # What the body gives wins over the plan's schedule, field by field.
    body = {**body, "board": "CSLT", "frequency": "quarterly", "months": 12}
    result = (await editor.post(schedule, json=body)).json()
    assert [(m["date"], m["partners_attending"]) for m in result["items"]] == [
        ("2023-04-27", True),
        ("2023-07-27", False),
        ("2023-10-27", True),
        ("2024-01-27", False),
    ]
    assert (result["from_plan"], result["board"]) == (["partners_every"], "CSLT")
    # A plan whose schedule does not say when partners attend: no meeting is marked.
    quiet = await make_plan(session, meeting_schedule={**cadence, "partners_every": None})
    body = {"plan_id": quiet.id, "first_date": "2023-05-01", "months": 1, "frequency": "weekly"}
    result = (await editor.post(schedule, json=body)).json()
    assert [m["date"] for m in result["items"]] == [
        "2023-05-01",
        "2023-05-08",
        "2023-05-15",
        "2023-05-22",
        "2023-05-29",
    ]
    assert not any(m["partners_attending"] for m in result["items"])
    assert result["partners_every"] is None
    # A plan with no schedule of its own: the service's defaults, said to be so.
    plain = await make_plan(session)
    body = {"plan_id": plain.id, "first_date": "2023-05-01", "months": 2}
    result = (await editor.post(schedule, json=body)).json()
    assert {m["board"] for m in result["items"]} == {"GABB"}
    assert result["service_defaults"] == ["board", "frequency", "partners_every"]
    for fields, wrong in (({"frequency": "yearly"}, "body.frequency"), ({"board": None}, None)):
        response = await editor.post(schedule, json={**body, **fields})
        if wrong is None:  # null is the same as leaving it out
            assert response.status_code == 201, response.text
        else:
            assert_problem(response, 422)
            assert error_fields(response) == {wrong}


# Snapshots


async def small_plan(session: AsyncSession) -> tuple[Plan, dict[str, Action]]:
    """Two areas and three actions; A1.1 due before the July meeting."""
    plan = await make_plan(session)
    first = await make_area(session, plan, number=1, title="Our People")
    second = await make_area(session, plan, number=2, title="Our Practice")
    actions = {
        "A1.1": await make_action(
            session, first, ref="A1.1", position=1, due_date=date(2023, 6, 30)
        ),
        "A1.2": await make_action(session, first, ref="A1.2", position=2),
        "A2.1": await make_action(session, second, ref="A2.1", position=1),
    }
    return plan, actions


def tree_rags(tree: dict[str, Any]) -> dict[str, str | None]:
    return {a["ref"]: a["rag"] for area in tree["areas"] for a in area["actions"]}


async def test_a_snapshot_freezes_the_plan_as_of_the_meeting(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, actions = await small_plan(session)
    await rate(editor, actions["A1.1"], "red", "2023-07-10")
    await rate(editor, actions["A1.2"], "green", "2023-07-20")
    await rate(editor, actions["A2.1"], "amber", "2023-08-15")  # after the meeting
    meeting = await meeting_id(editor, plan.id, date="2023-07-31")

    assert_problem(await viewer.get(url(meeting, "snapshot")), 404)
    assert_problem(await viewer.post(url(meeting, "snapshot")), 403)
    taken = await editor.post(url(meeting, "snapshot"))
    assert taken.status_code == 201, taken.text
    snapshot = taken.json()
    assert taken.headers["Location"].endswith(url(meeting, "snapshot"))
    assert snapshot["id"].startswith("snap_")
    assert (snapshot["meeting_id"], snapshot["plan_id"], snapshot["as_of"]) == (
        meeting,
        plan.id,
        "2023-07-31",
    )
    assert snapshot["taken_by"] == "editor test key"
    assert snapshot["previous_meeting_id"] is None
    assert snapshot["movement"] == {
        "counts": {
            "improved": 0,
            "declined": 0,
            "unchanged": 0,
            "newly_rated": 0,
            "no_longer_rated": 0,
        },
        "actions": [],
    }

    content = snapshot["content"]
    summary = content["summary"]
    assert (summary["as_of"], summary["group_by"]) == ("2023-07-31", "area")
    assert summary["totals"]["by_rating"] == {
        "red": 1,
        "amber": 0,
        "green": 1,
        "blue": 0,
        "not_rated": 1,
    }
    assert [(g["label"], g["actions"], g["by_rating"]["red"]) for g in summary["groups"]] == [
        ("1 Our People", 2, 1),
        ("2 Our Practice", 1, 0),
    ]
    assert summary["groups"][1]["by_status"]["not_started"] == 1
    exceptions = content["exceptions"]
    assert [(e["ref"], e["reasons"]) for e in exceptions["items"]] == [
        ("A1.1", ["red", "overdue"]),
        ("A2.1", ["stale"]),
    ]
    assert exceptions["items"][0]["days_overdue"] == 31
    assert exceptions["counts"]["red"] == 1 and exceptions["counts"]["stale"] == 1
    assert content["tree"]["plan"]["id"] == plan.id
    assert tree_rags(content["tree"]) == {"A1.1": "red", "A1.2": "green", "A2.1": None}

    # The same as the live reports for that day, at the moment it was taken.
    query = {"plan_id": plan.id, "as_of": "2023-07-31"}
    live_summary = await viewer.get("/api/v1/reports/summary", params=query)
    assert live_summary.json() == summary
    live_exceptions = await viewer.get("/api/v1/reports/exceptions", params=query)
    assert live_exceptions.json() == exceptions
    live_tree = await viewer.get(f"/api/v1/plans/{plan.id}/tree", params={"as_of": "2023-07-31"})
    assert live_tree.json() == content["tree"]

    got = await viewer.get(url(meeting, "snapshot"))
    assert got.json() == snapshot
    assert (await viewer.get(url(meeting))).json()["snapshot_id"] == snapshot["id"]
    cached = await viewer.get(
        url(meeting, "snapshot"), headers={"If-None-Match": got.headers["ETag"]}
    )
    assert cached.status_code == 304
    event = await session.scalar(
        sa.select(AuditEvent).where(col(AuditEvent.entity_id) == snapshot["id"])
    )
    assert event is not None
    assert (event.entity_type, event.operation) == ("meeting_snapshot", "create")
    assert event.changes["meeting_id"]["after"] == meeting


async def test_a_snapshot_is_taken_once_and_never_changes(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, actions = await small_plan(session)
    await rate(editor, actions["A1.2"], "green", "2023-07-20")
    meeting = await meeting_id(editor, plan.id, date="2023-07-31")
    snapshot = (await editor.post(url(meeting, "snapshot"))).json()

    again = assert_problem(await editor.post(url(meeting, "snapshot")), 409)
    assert again["blocking"] == [{"type": "meeting_snapshot", "id": snapshot["id"]}]
    assert snapshot["id"] in again["detail"]

    # A back-dated update changes the recorded history of that day, not the snapshot.
    await rate(editor, actions["A1.2"], "red", "2023-07-25")
    await rate(editor, actions["A2.1"], "blue", "2023-07-30")
    await patch(editor, f"/api/v1/actions/{actions['A1.1'].id}", {"title": "Renamed later"})
    query = {"plan_id": plan.id, "as_of": "2023-07-31"}
    live = (await viewer.get("/api/v1/reports/summary", params=query)).json()
    assert live["totals"]["by_rating"]["red"] == 1 and live["totals"]["by_rating"]["blue"] == 1

    got = await viewer.get(url(meeting, "snapshot"))
    assert got.json()["content"] == snapshot["content"]
    assert got.json() == snapshot
    assert tree_rags(got.json()["content"]["tree"]) == {"A1.1": None, "A1.2": "green", "A2.1": None}
    assert await count(session, MeetingSnapshot) == 1

    # Its board and date are fixed from now on; the rest of the meeting may change.
    assert_problem(await patch(editor, url(meeting), {"date": "2023-08-01"}), 409)
    assert_problem(await patch(editor, url(meeting), {"board": "CSLT"}), 409)
    notes = await patch(editor, url(meeting), {"notes": "Minutes agreed.", "date": "2023-07-31"})
    assert notes.status_code == 200, notes.text
    assert notes.json()["snapshot_id"] == snapshot["id"]


async def test_the_database_refuses_to_change_snapshots(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, _ = await small_plan(session)
    meeting = await meeting_id(editor, plan.id, date="2023-07-31")
    assert (await editor.post(url(meeting, "snapshot"))).status_code == 201
    for statement in (
        "UPDATE meeting_snapshot SET taken_by = 'someone else'",
        "UPDATE meeting_snapshot SET as_of = as_of",
        "DELETE FROM meeting_snapshot",
    ):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            await session.execute(sa.text(statement))
        await session.rollback()
    stored = await session.scalar(sa.select(MeetingSnapshot))
    assert stored is not None and stored.taken_by == "editor test key"


async def test_snapshot_refusals(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan, _ = await small_plan(session)
    tomorrow = (utcnow().date() + timedelta(days=1)).isoformat()
    future = await meeting_id(editor, plan.id, date=tomorrow)
    assert_problem(await editor.post(url(future, "snapshot")), 409)
    today = await meeting_id(editor, plan.id, date=utcnow().date().isoformat())
    assert (await editor.post(url(today, "snapshot"))).status_code == 201
    unknown = url("meet_00000000000000000000", "snapshot")
    assert_problem(await editor.post(unknown), 404)
    assert_problem(await editor.get(unknown), 404)
    assert await count(session, MeetingSnapshot) == 1


async def test_an_idempotent_retry_returns_the_snapshot(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, _ = await small_plan(session)
    meeting = await meeting_id(editor, plan.id, date="2023-07-31")
    headers = {"Idempotency-Key": "papers-2023-07"}
    first = await editor.post(url(meeting, "snapshot"), headers=headers)
    retry = await editor.post(url(meeting, "snapshot"), headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert_problem(await editor.post(url(meeting, "snapshot")), 409)
    assert await count(session, MeetingSnapshot) == 1


async def test_movement_since_the_previous_meeting_of_the_same_board(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    refs = ["A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6", "A1.7"]
    actions = {
        ref: await make_action(session, area, ref=ref, position=n) for n, ref in enumerate(refs)
    }
    # As of the June meeting.
    for ref, rag in (("A1.1", "red"), ("A1.2", "amber"), ("A1.3", "green"), ("A1.5", "green")):
        await rate(editor, actions[ref], rag, "2023-06-20")
    await rate(editor, actions["A1.6"], "amber", "2023-06-20")
    # As of the July meeting.
    await rate(editor, actions["A1.1"], "amber", "2023-07-20")  # improved
    await rate(editor, actions["A1.2"], "red", "2023-07-20")  # declined
    await rate(editor, actions["A1.3"], "green", "2023-07-20")  # unchanged
    await rate(editor, actions["A1.4"], "green", "2023-07-20")  # newly rated
    await rate(editor, actions["A1.5"], None, "2023-07-20")  # no longer rated
    await rate(editor, actions["A1.6"], "blue", "2023-07-20")  # complete: improved
    # A1.7 is never rated: listed, not counted.

    june = await meeting_id(editor, plan.id, date="2023-06-29", partners_attending=True)
    july = await meeting_id(editor, plan.id, date="2023-07-27")
    # Neither a CSLT snapshot nor a GABB meeting without one comes between them.
    cslt = await meeting_id(editor, plan.id, board="CSLT", date="2023-07-06")
    await meeting_id(editor, plan.id, date="2023-07-13")
    other_plan = await meeting_id(editor, (await make_plan(session)).id, date="2023-07-10")
    for meeting in (july, cslt, other_plan, june):
        assert (await editor.post(url(meeting, "snapshot"))).status_code == 201

    first = (await viewer.get(url(june, "snapshot"))).json()
    assert first["previous_meeting_id"] is None
    assert first["movement"]["actions"] == []

    second = (await viewer.get(url(july, "snapshot"))).json()
    assert second["previous_meeting_id"] == june
    assert second["previous_snapshot_id"] == first["id"]
    assert second["movement"]["counts"] == {
        "improved": 2,
        "declined": 1,
        "unchanged": 1,
        "newly_rated": 1,
        "no_longer_rated": 1,
    }
    moves = {
        m["ref"]: (m["previous_rag"], m["current_rag"], m["movement"])
        for m in second["movement"]["actions"]
    }
    assert [m["ref"] for m in second["movement"]["actions"]] == refs
    assert moves == {
        "A1.1": ("red", "amber", "improved"),
        "A1.2": ("amber", "red", "declined"),
        "A1.3": ("green", "green", "unchanged"),
        "A1.4": (None, "green", "newly_rated"),
        "A1.5": ("green", None, "no_longer_rated"),
        "A1.6": ("amber", "blue", "improved"),
        "A1.7": (None, None, "not_rated"),
    }
    assert all(m["in_previous"] and m["in_current"] for m in second["movement"]["actions"])
    cslt_read = (await viewer.get(url(cslt, "snapshot"))).json()
    assert cslt_read["previous_meeting_id"] is None


async def test_movement_names_actions_in_only_one_snapshot(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    kept = await make_action(session, area, ref="A1.1", position=1)
    gone = await make_action(session, area, ref="A1.2", position=2)
    await rate(editor, kept, "green", "2023-06-20")
    await rate(editor, gone, "amber", "2023-06-20")
    june = await meeting_id(editor, plan.id, date="2023-06-29")
    assert (await editor.post(url(june, "snapshot"))).status_code == 201
    archived = await editor.delete(
        f"/api/v1/actions/{gone.id}",
        headers={"If-Match": (await editor.get(f"/api/v1/actions/{gone.id}")).headers["ETag"]},
    )
    assert archived.status_code == 200, archived.text
    added = await make_action(session, area, ref="A1.3", position=3)
    await rate(editor, added, "green", "2023-06-20")
    july = await meeting_id(editor, plan.id, date=utcnow().date().isoformat())
    assert (await editor.post(url(july, "snapshot"))).status_code == 201

    movement = (await viewer.get(url(july, "snapshot"))).json()["movement"]
    assert [
        (m["ref"], m["in_previous"], m["in_current"], m["movement"]) for m in movement["actions"]
    ] == [
        ("A1.1", True, True, "unchanged"),
        ("A1.3", False, True, "newly_rated"),
        ("A1.2", True, False, "no_longer_rated"),
    ]
    assert movement["counts"] == {
        "improved": 0,
        "declined": 0,
        "unchanged": 1,
        "newly_rated": 1,
        "no_longer_rated": 1,
    }
