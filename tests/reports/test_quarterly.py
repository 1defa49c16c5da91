"""The quarterly QA report, exceptions and summaries, from dated updates entered out of order."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.fastpath import reading
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    Plan,
    clock,
)
from app.reports import fingerprint as report_fingerprint
from app.reports.quarters import Quarter
from app.reports.rendering import ReportFormat, report_key
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_inspection_action,
    make_officer,
    make_plan,
)
from tests.reports.conftest import Board, post, slipped_in_q2
from tests.support import assert_problem, same_headers

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Q2 = "2023-24-Q2"
REPORT = "/api/v1/reports/quarterly"


async def test_every_number_of_the_quarterly_report(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    response = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": Q2})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["period"] == {
        "label": Q2,
        "start": "2023-07-01",
        "end": "2023-09-30",
        "closed": True,
        "previous": "2023-24-Q1",
        "next": "2023-24-Q3",
    }
    assert report["totals"] == {
        "actions": 4,
        "by_rating": {"red": 1, "amber": 1, "green": 1, "blue": 1, "not_rated": 0},
        "by_status": {
            "not_started": 0,
            "in_progress": 3,
            "complete": 1,
            "deferred": 0,
            "cancelled": 0,
        },
    }
    areas = {a["ref"]: a for a in report["areas"]}
    assert areas["1"]["by_rating"] == {"red": 1, "amber": 1, "green": 0, "blue": 1, "not_rated": 0}
    assert (areas["1"]["actions"], areas["1"]["updates_in_quarter"]) == (3, 3)
    assert (areas["2"]["actions"], areas["2"]["updates_in_quarter"]) == (1, 0)
    assert report["movement"] == {
        "improved": 0,
        "declined": 0,
        "unchanged": 2,
        "newly_rated": 2,
        "no_longer_rated": 0,
    }
    rows = {a["ref"]: a for a in report["actions"]}
    assert [a["ref"] for a in report["actions"]] == ["A1.1", "A1.2", "A1.2.1", "A2.1"]
    assert (rows["A1.1"]["previous_rag"], rows["A1.1"]["rag"], rows["A1.1"]["movement"]) == (
        "amber",
        "amber",
        "unchanged",
    )
    assert rows["A1.2"]["movement"] == "newly_rated"
    assert rows["A1.2.1"]["parent_ref"] == "A1.2"
    assert [a["ref"] for a in report["completed"]] == ["A1.2.1"]
    assert [(a["ref"], a["days_overdue"]) for a in report["overdue"]] == [("A1.1", 30)]
    assert [a["ref"] for a in report["due_next_quarter"]] == ["A1.2"]
    assert [(s["ref"], s["from_date"], s["to_date"], s["reason"]) for s in report["slipped"]] == [
        ("A1.2", "2023-09-30", "2023-11-30", "Waiting for the DfE review")
    ]
    assert {e["ref"]: e["exceptions"] for e in report["exceptions"]} == {
        "A1.1": ["amber_two_quarters"],
        "A1.2": ["red", "slipped"],
        "A2.1": ["no_update_in_quarter"],
    }
    assert report["updates"]["total"] == 3
    assert [a["count"] for a in report["updates"]["by_area"]] == [3, 0]
    assert rows["A1.2"]["latest_narrative"] == "Recruitment stalled"
    assert rows["A1.2"]["latest_next_steps"] == "Escalate"
    # The first update is in Q1, so the trend shows the four quarters to Q2, ending with
    # the totals.
    assert [(p["label"], p["actions"], p["by_rating"]) for p in report["trend"]] == [
        ("2022-23-Q3", 4, {"red": 0, "amber": 0, "green": 0, "blue": 0, "not_rated": 4}),
        ("2022-23-Q4", 4, {"red": 0, "amber": 0, "green": 0, "blue": 0, "not_rated": 4}),
        ("2023-24-Q1", 4, {"red": 0, "amber": 1, "green": 1, "blue": 0, "not_rated": 2}),
        ("2023-24-Q2", 4, report["totals"]["by_rating"]),
    ]
    assert report["rating_definitions"]["red"].startswith("Off track")
    assert rows["A1.2"]["lead_officers"] == ["Jane Smith", "Adele Moore"]
    inspections = {i["number"]: i for i in report["inspection_actions"]}
    assert [(a["ref"], a["rag"]) for a in inspections[1]["actions"]] == [("A1.1", "amber")]
    assert (inspections[1]["no_live_action"], inspections[2]["no_live_action"]) == (False, True)


async def test_the_previous_quarter_reads_the_history_as_it_stood(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    report = (
        await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": "2023-24-Q1"})
    ).json()
    assert report["totals"]["by_rating"] == {
        "red": 0,
        "amber": 1,
        "green": 1,
        "blue": 0,
        "not_rated": 2,
    }
    assert report["movement"]["newly_rated"] == 2
    assert report["slipped"] == []
    rows = {a["ref"]: a for a in report["actions"]}
    assert rows["A1.2"]["due_date"] == "2023-09-30"


async def test_corrected_updates_give_way_at_both_quarter_ends(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area, ref="A1.1")
    await session.commit()
    path = f"/api/v1/actions/{action.id}/status-updates"
    in_progress = {"status": "in_progress", "narrative": "n", "next_steps": "s"}
    wrong_q1 = (
        await editor.post(path, json={**in_progress, "rag": "red", "effective_date": "2023-06-01"})
    ).json()
    await editor.post(
        path,
        json={
            **in_progress,
            "rag": "green",
            "effective_date": "2023-05-15",
            "corrects_update_id": wrong_q1["id"],
        },
    )
    wrong_q2 = (
        await editor.post(path, json={**in_progress, "rag": "red", "effective_date": "2023-09-20"})
    ).json()
    corrected = await editor.post(
        path,
        json={
            **in_progress,
            "rag": "amber",
            "effective_date": "2023-08-01",
            "corrects_update_id": wrong_q2["id"],
        },
    )
    assert corrected.status_code == 201, corrected.text

    response = await editor.get(REPORT, params={"plan_id": plan.id, "quarter": Q2})

    assert response.status_code == 200, response.text
    [row] = response.json()["actions"]
    # The corrections stand in place of the red reports, at the dates they give.
    assert (row["previous_rag"], row["rag"], row["movement"]) == ("green", "amber", "declined")
    assert row["last_update_date"] == "2023-08-01"


async def test_csv_has_one_row_per_action_with_the_same_numbers(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    response = await viewer.get(
        REPORT, params={"plan_id": board.plan_id, "quarter": Q2}, headers={"Accept": "text/csv"}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["ref"] for r in rows] == ["A1.1", "A1.2", "A1.2.1", "A2.1"]
    by_ref = {r["ref"]: r for r in rows}
    assert by_ref["A1.1"]["rating"] == "Amber"
    assert by_ref["A1.1"]["days_overdue"] == "30"
    assert by_ref["A1.2"]["exceptions"] == "red; slipped"
    assert by_ref["A1.2"]["lead_officers"] == "Jane Smith; Adele Moore"
    assert by_ref["A1.2.1"]["rating_previous_quarter"] == "Not rated"
    assert by_ref["A2.1"]["timescale"] == "Ongoing"
    via_param = await viewer.get(
        REPORT, params={"plan_id": board.plan_id, "quarter": Q2, "format": "csv"}
    )
    assert via_param.content == response.content


async def test_a_closed_quarter_has_a_stable_etag(viewer: httpx.AsyncClient, board: Board) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    first = await viewer.get(REPORT, params=params)
    second = await viewer.get(REPORT, params=params)
    assert first.headers["ETag"] == second.headers["ETag"]
    cached = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert cached.status_code == 304
    as_csv = await viewer.get(REPORT, params={**params, "format": "csv"})
    assert as_csv.headers["ETag"] != first.headers["ETag"]


async def test_the_current_quarter_is_not_rebuilt_until_its_data_changes(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, board: Board
) -> None:
    params = {"plan_id": board.plan_id, "quarter": Quarter.containing(clock.today()).label}
    first = await viewer.get(REPORT, params=params)
    assert first.status_code == 200
    assert first.json()["period"]["closed"] is False
    again = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]
    action_id = board.refs["A1.1"]
    await post(
        editor,
        action_id,
        clock.today().isoformat(),
        rag="red",
        status="in_progress",
        narrative="Stalled",
        next_steps="Escalate",
    )
    changed = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert changed.status_code == 200
    assert changed.headers["ETag"] != first.headers["ETag"]
    assert {r["ref"]: r for r in changed.json()["actions"]}["A1.1"]["rag"] == "red"


def test_an_open_quarter_is_reported_afresh_each_day_and_a_closed_one_is_not() -> None:
    """The ETag's key: an open quarter's report is as of its day, so a new day is a new
    report; a closed quarter's is as of its end, whatever the day."""
    today = clock.today()
    current = Quarter.containing(today)
    tomorrow = today + timedelta(days=1)
    closed = Quarter.parse(Q2)
    assert report_key("p", current, ReportFormat.json, today) != report_key(
        "p", current, ReportFormat.json, tomorrow
    )
    assert report_key("p", closed, ReportFormat.json, today) == report_key(
        "p", closed, ReportFormat.json, tomorrow
    )


async def through_the_route(
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    params: dict[str, str],
    headers: dict[str, str],
) -> httpx.Response:
    """The report read with its fast path (`app.fastpath.reports`) turned off."""
    with monkeypatch.context() as ordinary:
        ordinary.setattr(reading, "on_postgres", lambda _request: False)
        return await viewer.get(REPORT, params=params, headers=headers)


async def test_a_repeat_read_of_a_closed_quarter_reads_only_the_key_and_the_fingerprint(
    viewer: httpx.AsyncClient,
    board: Board,
    count_statements: StatementCounter,
    app: FastAPI,
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On PostgreSQL one statement reads both, before routing (`app.fastpath.reports`); the
    route reads them in two. Either way the answer is the same."""
    statements = 1 if backend == "postgresql" else 2
    params = {"plan_id": board.plan_id, "quarter": Q2}
    first = await viewer.get(REPORT, params=params)
    for headers in ({"If-None-Match": first.headers["ETag"]}, {}):
        before = count_statements.count
        again = await viewer.get(REPORT, params=params, headers=headers)
        assert again.status_code == (304 if headers else 200)
        # The report itself comes from the cache.
        assert count_statements.count - before == statements, count_statements.statements[before:]
        routed = await through_the_route(viewer, monkeypatch, params, headers)
        assert routed.status_code == again.status_code
        assert routed.content == again.content
        assert same_headers(routed) == same_headers(again)
    # A worker that never rendered the report (or has dropped it) answers the 304 alike.
    app.state.cached_reports.clear()
    before = count_statements.count
    again = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]
    assert count_statements.count - before == statements


async def test_a_reports_statements_do_not_grow_with_its_trend(
    viewer: httpx.AsyncClient, board: Board, count_statements: StatementCounter
) -> None:
    """The trend's earlier quarters are counted in one statement, however many it shows."""
    # The caller's first request costs its key's last-use stamp: keep that out.
    assert (await viewer.get("/api/v1/me")).status_code == 200
    spent = []
    for quarter in (Q2, "2024-25-Q2"):
        before = count_statements.count
        response = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": quarter})
        assert response.status_code == 200, response.text
        spent.append((len(response.json()["trend"]), count_statements.count - before))
    (shorter, first), (longer, second) = spent
    assert shorter < longer
    assert first == second


async def test_a_reports_first_read_runs_the_same_statements_for_a_larger_plan(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    session: AsyncSession,
    count_statements: StatementCounter,
    app: FastAPI,
) -> None:
    """Nothing is read per action or per update: a plan of twelve actions, each with lead
    officers, updates, a revised due date and an inspection action, is reported with the
    statements a plan of two is."""
    plan = await make_plan(session)
    areas = [await make_area(session, plan, number=number) for number in (1, 2)]
    officers = [await make_officer(session, name=name) for name in ("Jane Smith", "Adele Moore")]
    inspection = await make_inspection_action(session, plan, number=1)
    await session.commit()
    assert (await viewer.get("/api/v1/me")).status_code == 200  # the key's last-use stamp

    async def add_actions(first: int, last: int) -> None:
        added = []
        for number in range(first, last + 1):
            action = await make_action(
                session,
                areas[number % 2],
                ref=f"A{number % 2 + 1}.{number}",
                due_date=date(2023, 11, 30),
                original_due_date=date(2023, 9, 30),
                due_date_revision_count=1,
            )
            for position, officer in enumerate(officers, start=1):
                session.add(
                    ActionLeadOfficer(action_id=action.id, officer_id=officer.id, position=position)
                )
            session.add(
                ActionInspectionAction(action_id=action.id, inspection_action_id=inspection.id)
            )
            session.add(slipped_in_q2(action.id, "Waiting for the review"))
            added.append(action.id)
        await session.commit()
        notes = {"narrative": "Progress", "next_steps": "Continue"}
        for action_id in added:
            await post(editor, action_id, "2023-05-15", rag="green", status="in_progress", **notes)
            await post(editor, action_id, "2023-08-15", rag="amber", status="in_progress", **notes)

    spent = []
    for first, last in ((1, 2), (3, 12)):
        await add_actions(first, last)
        before = count_statements.count
        response = await viewer.get(REPORT, params={"plan_id": plan.id, "quarter": Q2})
        assert response.status_code == 200, response.text
        assert len(response.json()["actions"]) == last
        spent.append(count_statements.statements[before:])
        # Forgotten, so that the next read is a first one too (no fast path's check).
        app.state.cached_reports.clear()
    assert len(spent[0]) == len(spent[1]), spent


async def test_each_point_of_the_trend_is_what_that_quarters_report_counts(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    """The trend counts its quarters from one read of the plan's updates; each point is the
    totals the report of that quarter gives, through a correction dated before the update it
    corrects, two updates on one day, a withdrawn rating, an action archived part way and
    one never updated."""
    plan = await make_plan(session)
    area = await make_area(session, plan)
    steady = await make_action(session, area, ref="A1.1")
    tied = await make_action(session, area, ref="A1.2")
    archived = await make_action(session, area, ref="A1.3")
    await make_action(session, area, ref="A1.4")
    await session.commit()
    notes = {"narrative": "Progress", "next_steps": "Continue"}
    await post(editor, steady.id, "2022-05-01", rag="green", status="in_progress", **notes)
    wrong = await editor.post(
        f"/api/v1/actions/{steady.id}/status-updates",
        json={**notes, "rag": "red", "status": "in_progress", "effective_date": "2022-09-01"},
    )
    assert wrong.status_code == 201, wrong.text
    await post(
        editor,
        steady.id,
        "2022-08-01",
        rag="amber",
        status="in_progress",
        corrects_update_id=wrong.json()["id"],
        **notes,
    )
    await post(editor, steady.id, "2023-01-15", rag=None, status="in_progress", **notes)
    await post(editor, steady.id, "2023-06-01", rag="blue", status="complete", **notes)
    await post(editor, tied.id, "2022-11-30", rag="red", status="in_progress", **notes)
    await post(editor, tied.id, "2022-11-30", rag="green", status="in_progress", **notes)
    await post(editor, archived.id, "2022-06-01", rag="amber", status="in_progress", **notes)
    await session.execute(
        sa.update(Action)
        .where(col(Action.id) == archived.id)
        .values(archived_at=datetime(2023, 2, 10, 9, 0, tzinfo=UTC))
    )
    await session.commit()

    trend = (await viewer.get(REPORT, params={"plan_id": plan.id, "quarter": Q2})).json()["trend"]

    assert [point["label"] for point in trend][:2] == ["2022-23-Q1", "2022-23-Q2"]
    for point in trend:
        report = (
            await viewer.get(REPORT, params={"plan_id": plan.id, "quarter": point["label"]})
        ).json()
        totals = report["totals"]
        assert (point["actions"], point["by_rating"]) == (
            totals["actions"],
            totals["by_rating"],
        ), point["label"]
    assert {point["label"]: point["by_rating"]["amber"] for point in trend}["2022-23-Q3"] == 2


async def test_reads_the_fast_path_leaves_to_the_route(
    viewer: httpx.AsyncClient,
    board: Board,
    count_statements: StatementCounter,
    app: FastAPI,
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stale ETag, another format, an unknown plan, a bad quarter or Accept, an unknown
    parameter and another quarter are each answered as the route answers them. A first
    read costs what the route's does; an `If-None-Match` that turns out not to match (or
    an unknown plan) costs the fast path's one statement more on PostgreSQL."""
    params = {"plan_id": board.plan_id, "quarter": Q2}

    async def both_ways(asked: dict[str, str], headers: dict[str, str], extra: int) -> int:
        before = count_statements.count
        answered = await viewer.get(REPORT, params=asked, headers=headers)
        spent = count_statements.count - before
        app.state.cached_reports.clear()
        before = count_statements.count
        routed = await through_the_route(viewer, monkeypatch, asked, headers)
        routed_spent = count_statements.count - before
        app.state.cached_reports.clear()
        context = (asked, headers, answered.text)
        assert spent == routed_spent + (extra if backend == "postgresql" else 0), context
        assert answered.status_code == routed.status_code, context
        if answered.status_code >= 400:  # problem details, each with its request's id
            assert {**answered.json(), "request_id": None} == {**routed.json(), "request_id": None}
        elif answered.status_code == 304:
            assert answered.content == routed.content == b""
        assert same_headers(answered) == same_headers(routed)
        return answered.status_code

    assert (await viewer.get("/api/v1/me")).status_code == 200  # the key's first use, stamped
    etag = (await viewer.get(REPORT, params=params)).headers["ETag"]
    app.state.cached_reports.clear()
    current = Quarter.containing(clock.today()).label
    for asked, headers, status, extra in (
        (params, {}, 200, 0),
        (params, {"If-None-Match": '"stale"'}, 200, 1),
        ({**params, "format": "csv"}, {"If-None-Match": etag}, 200, 1),
        ({"plan_id": "plan_missing", "quarter": Q2}, {"If-None-Match": etag}, 404, 1),
        ({"plan_id": board.plan_id, "quarter": "2023-25-Q2"}, {"If-None-Match": etag}, 422, 0),
        ({**params, "format": "docx"}, {"If-None-Match": etag}, 422, 0),
        (params, {"If-None-Match": etag, "Accept": "image/png"}, 406, 0),
        ({**params, "unknown": "1"}, {"If-None-Match": etag}, 422, 0),
        ({"plan_id": board.plan_id, "quarter": current}, {"If-None-Match": etag}, 200, 1),
    ):
        assert await both_ways(asked, headers, extra) == status, (asked, headers)


async def test_a_closed_quarter_follows_late_updates_and_edits(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, board: Board
) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    first = await viewer.get(REPORT, params=params)
    cached = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert cached.status_code == 304
    action_id = board.refs["A1.1"]
    # An update entered now but dated on the closed quarter's last day decides its rating.
    await post(
        editor,
        action_id,
        "2023-09-30",
        rag="red",
        status="in_progress",
        narrative="Stalled",
        next_steps="Escalate",
    )
    late = await viewer.get(REPORT, params=params, headers={"If-None-Match": first.headers["ETag"]})
    assert late.status_code == 200
    assert late.headers["ETag"] != first.headers["ETag"]
    assert {r["ref"]: r for r in late.json()["actions"]}["A1.1"]["rag"] == "red"
    # An edit to the action shows in the report at once too.
    current = await editor.get(f"/api/v1/actions/{action_id}")
    renamed = await editor.patch(
        f"/api/v1/actions/{action_id}",
        json={"title": "Recruit social workers"},
        headers={"If-Match": current.headers["ETag"]},
    )
    assert renamed.status_code == 200
    edited = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": late.headers["ETag"]}
    )
    assert edited.status_code == 200
    assert {r["ref"]: r for r in edited.json()["actions"]}["A1.1"]["title"] == (
        "Recruit social workers"
    )
    same = await viewer.get(
        REPORT, params=params, headers={"If-None-Match": edited.headers["ETag"]}
    )
    assert same.status_code == 304


async def test_a_plan_renamed_while_a_closed_quarter_is_read_is_never_cached_stale(
    viewer: httpx.AsyncClient,
    board: Board,
    session: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    fingerprint = report_fingerprint.plan_fingerprint

    async def rename_first(db: AsyncSession, plan_id: str, **kwargs: Any) -> tuple[Any, ...]:
        # Another request renames the plan just before this one reads the fingerprint.
        await session.execute(
            sa.update(Plan).where(col(Plan.id) == plan_id).values(title="Renamed", version=99)
        )
        await session.commit()
        return await fingerprint(db, plan_id, **kwargs)

    monkeypatch.setattr(report_fingerprint, "plan_fingerprint", rename_first)
    await viewer.get(REPORT, params=params)
    monkeypatch.setattr(report_fingerprint, "plan_fingerprint", fingerprint)

    again = await viewer.get(REPORT, params=params)
    assert again.status_code == 200
    assert again.json()["plan"]["title"] == "Renamed"


async def test_empty_quarter_unknown_plan_and_bad_quarter(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    empty = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": "2021-22-Q1"})
    assert empty.status_code == 200
    body = empty.json()
    assert body["updates"]["total"] == 0
    assert body["totals"]["by_rating"]["not_rated"] == 4
    assert body["completed"] == body["overdue"] == body["slipped"] == []
    assert_problem(await viewer.get(REPORT, params={"plan_id": "plan_x", "quarter": Q2}), 404)
    # An unknown plan is a 404 whatever else is wrong, as on every report.
    for unknown in (
        {"plan_id": "plan_x", "quarter": "2023-Q2"},
        {"plan_id": "plan_x", "quarter": Q2, "format": "pdf"},
    ):
        assert_problem(await viewer.get(REPORT, params=unknown), 404)
    starred = await viewer.get(
        REPORT, params={"plan_id": "plan_x", "quarter": Q2}, headers={"If-None-Match": "*"}
    )
    assert_problem(starred, 404)
    bad = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": "2023-Q2"})
    assert_problem(bad, 422)
    assert bad.json()["errors"][0]["field"] == "query.quarter"
    refused = await viewer.get(
        REPORT, params={"plan_id": board.plan_id, "quarter": Q2}, headers={"Accept": "image/png"}
    )
    assert_problem(refused, 406)


async def test_the_first_quarter_the_service_takes_shows_no_trend_before_1900(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    response = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": "1900-01-Q1"})
    assert response.status_code == 200, response.text
    trend = response.json()["trend"]
    assert [point["end"] for point in trend] == ["1900-03-31", "1900-06-30"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/csv;q=0.5, application/json", "application/json"),
        ("application/json;q=0.2, text/csv;q=0.9", "text/csv"),
        (f"text/csv;q=0, {XLSX}", XLSX),
        ("", "application/json"),
        ("application/json;q=0, text/csv;q=0", None),
        ("text/html, */*;q=0.1", "text/html"),
        ("image/png, */*;q=0.1", "application/json"),
    ],
)
async def test_accept_is_read_with_its_quality_values(
    viewer: httpx.AsyncClient, board: Board, accept: str, expected: str | None
) -> None:
    response = await viewer.get(
        REPORT, params={"plan_id": board.plan_id, "quarter": Q2}, headers={"Accept": accept}
    )
    if expected is None:
        assert_problem(response, 406)
    else:
        assert response.status_code == 200, response.text
        assert response.headers["Content-Type"].split(";")[0] == expected


async def test_exceptions_as_of_a_day(viewer: httpx.AsyncClient, board: Board) -> None:
    response = await viewer.get(
        "/api/v1/reports/exceptions", params={"plan_id": board.plan_id, "as_of": "2023-09-30"}
    )
    assert response.status_code == 200, response.text
    items = {item["ref"]: item for item in response.json()["items"]}
    assert items["A1.2"]["reasons"] == ["red", "slipped", "stale"]
    assert items["A1.1"]["reasons"] == ["overdue", "stale"]
    assert items["A1.1"]["days_overdue"] == 30
    assert "A1.2.1" not in items
    assert response.json()["counts"]["red"] == 1


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("area", {"1 Our People": 3, "2 Our Practice": 1}),
        ("officer", {"Adele Moore": 2, "Jane Smith": 2, "No lead officer": 1}),
        ("inspection_action", {"Ofsted Improvement Action 1": 1, "Ofsted Improvement Action 2": 0}),
    ],
)
async def test_summary_groups(
    viewer: httpx.AsyncClient, board: Board, group_by: str, expected: dict[str, int]
) -> None:
    response = await viewer.get(
        "/api/v1/reports/summary",
        params={"plan_id": board.plan_id, "as_of": "2023-09-30", "group_by": group_by},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert {g["label"]: g["actions"] for g in body["groups"]} == expected
    assert body["totals"]["by_rating"]["red"] == 1


async def test_refs_written_with_letters_sort_without_failing(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, board: Board
) -> None:
    created = await editor.post(
        "/api/v1/actions",
        json={"parent_id": board.refs["A1.2"], "title": "Exit survey", "ref": "A1.2.x"},
    )
    assert created.status_code == 201, created.text
    report = await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": Q2})
    assert report.status_code == 200, report.text
    refs = [a["ref"] for a in report.json()["actions"]]
    assert refs == ["A1.1", "A1.2", "A1.2.1", "A1.2.x", "A2.1"]
    exceptions = await viewer.get(
        "/api/v1/reports/exceptions", params={"plan_id": board.plan_id, "as_of": "2023-09-30"}
    )
    assert exceptions.status_code == 200
