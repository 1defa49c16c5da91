"""Actions as the database writes them (`app.actions.rendering`), on SQLite and PostgreSQL.

Every read, write response and event shows an action as the database writes it. These
tests hold that writing to what the API promises, over the Stockton plan with a history
written through the API, and over data made to catch mistakes: archived officers,
strategies, inspection actions, criteria and links, tied lead positions and names, a due
date of today, updates on one day, corrections of corrections, and text that needs
escaping. On PostgreSQL the text the database writes is sent as it comes by the fast paths,
so it must be byte for byte what pydantic writes for the same action.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions import rendering
from app.actions.schemas import ActionRead, Expansion
from app.fastpath import reading
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    StrategyLink,
    clock,
    new_id,
)
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_inspection_action,
    make_officer,
    make_plan,
    make_strategy,
)
from tests.support import archive, patch, same_headers

ACTIONS = "/api/v1/actions"
EVERYTHING = ",".join(e.value for e in Expansion)
EXPANSION_SETS = (None, EVERYTHING, "lead_officers", "children,latest_update")


async def fast_and_routed(
    monkeypatch: pytest.MonkeyPatch,
    http: httpx.AsyncClient,
    url: str,
    params: Any = None,
) -> httpx.Response:
    """The response; on PostgreSQL, checked against the one the route gives with the fast
    paths (`app.fastpath`) turned off, which reads the database's text into models and
    writes it with pydantic."""
    answered = await http.get(url, params=params)
    with monkeypatch.context() as ordinary:
        ordinary.setattr(reading, "on_postgres", lambda _request: False)
        routed = await http.get(url, params=params)
    assert_same(answered, routed, url, params)
    return answered


def assert_same(first: httpx.Response, second: httpx.Response, *context: Any) -> None:
    assert first.status_code == second.status_code == 200, (first.text, context)
    assert first.content == second.content, context
    assert same_headers(first) == same_headers(second), context


@pytest.fixture
async def stockton(session: AsyncSession, editor: httpx.AsyncClient) -> str:
    """The Stockton plan, with a history written through the API."""
    plan = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
    listed = await editor.get(ACTIONS, params={"plan_id": plan, "limit": "100"})
    actions = listed.json()["items"]
    first, second, third = (a["id"] for a in actions[:3])
    updates = f"{ACTIONS}/{first}/status-updates"
    red = await editor.post(
        updates,
        json={
            "rag": "red",
            "status": "in_progress",
            "narrative": "Recruitment has stalled — “agency” cover only.",
            "next_steps": "Escalate to CSLT.",
            "effective_date": "2023-07-31",
            "evidence": [
                {"title": "Q2 audit summary", "url": "https://example.org/a?b=1&c=é"},
                {"title": "CSLT paper", "reference": "2023/41"},
            ],
        },
    )
    assert red.status_code == 201, red.text
    fixed = await editor.post(
        updates,
        json={
            "rag": "amber",
            "status": "in_progress",
            "narrative": "Agency cover found.",
            "next_steps": "Recruit.",
            "corrects_update_id": red.json()["id"],
            "evidence": [{"title": "Rota", "url": "https://example.org/rota"}],
        },
    )
    assert fixed.status_code == 201, fixed.text
    done = await editor.post(
        f"{ACTIONS}/{second}/status-updates",
        json={
            "rag": "blue",
            "status": "complete",
            "narrative": "Done.",
            "effective_date": "2023-05-02",
        },
    )
    assert done.status_code == 201, done.text
    slipped = await patch(
        editor, f"{ACTIONS}/{third}", {"due_date": "2031-01-31", "due_date_reason": "Delayed"}
    )
    assert slipped.status_code == 200, slipped.text
    links = (await editor.get("/api/v1/strategy-links", params={"limit": "1"})).json()["items"]
    assert (await archive(editor, f"/api/v1/strategy-links/{links[0]['id']}")).status_code == 200
    child = next(a for a in actions if a["parent_id"] is not None)
    assert (await archive(editor, f"{ACTIONS}/{child['id']}")).status_code == 200
    return plan


@pytest.fixture
async def varied(session: AsyncSession, editor: httpx.AsyncClient) -> str:
    """A plan whose actions differ in every way the two reads could disagree on."""
    plan = await make_plan(session)
    area = await make_area(session, plan)
    whole_second = datetime(2024, 1, 1, 12, tzinfo=UTC)
    later = datetime(2024, 1, 1, 23, 30, 0, 5, tzinfo=UTC)
    quoted = await make_officer(session, name='Zoë "Q" O\'Neil \\ x', created_at=whole_second)
    same = [await make_officer(session, name="Same", job_title=t) for t in ("A", "B")]
    gone = await make_officer(session, name="Archived", archived_at=later)
    criterion = await make_criterion(session, plan, area_id=area.id, statement="c\nline\t\u2028")
    old_criterion = await make_criterion(
        session, plan, area_id=area.id, statement="gone", archived_at=later
    )
    old_strategy = await make_strategy(session, plan, url=None, archived_at=later)
    strategy = await make_strategy(session, plan, url="https://x.example/é", title="B")
    old_inspection = await make_inspection_action(session, plan, number=2, archived_at=later)
    inspection = await make_inspection_action(session, plan, number=3, source="DfE")
    today = clock.today()
    actions = []
    for i in range(12):
        actions.append(
            await make_action(
                session,
                area,
                ref=f"A1.{i}",
                title=f"T {i % 3}",
                due_date=None if i % 4 == 0 else today + timedelta(days=(i - 6) * 10),
                original_due_date=today if i % 3 else None,
                position=i % 2,
                created_at=whole_second if i % 2 else later,
                rag=[None, "red", "green", "blue"][i % 4],
                status=["not_started", "in_progress", "complete", "cancelled", "deferred"][i % 5],
                last_update_date=None if i % 3 == 0 else today - timedelta(days=400 * (i % 2)),
                reading_notes=["second", 'first "q"\n'] if i == 5 else [],
                needs_review=i == 5,
                timescale_readable=i != 4,
            )
        )
    parent, *rest = actions
    for child in rest[:3]:
        child.parent_id = parent.id
    rest[2].archived_at = later
    for action in actions[:6]:
        leads = [(quoted, 0), (same[0], 1), (same[1], 1), (gone, 2)]
        session.add_all(
            ActionLeadOfficer(action_id=action.id, officer_id=o.id, position=p) for o, p in leads
        )
        session.add_all(
            ActionSuccessCriterion(action_id=action.id, criterion_id=c.id)
            for c in (criterion, old_criterion)
        )
        session.add_all(
            ActionInspectionAction(action_id=action.id, inspection_action_id=i.id)
            for i in (old_inspection, inspection)
        )
        session.add_all(
            [
                StrategyLink(
                    id=new_id("sl"), action_id=action.id, strategy_id=old_strategy.id, note="n'"
                ),
                StrategyLink(
                    id=new_id("sl"),
                    action_id=action.id,
                    strategy_id=strategy.id,
                    archived_at=later,
                ),
                StrategyLink(
                    id=new_id("sl"),
                    action_id=action.id,
                    strategy_id=strategy.id,
                    created_at=whole_second,
                ),
            ]
        )
    await session.commit()
    url = f"{ACTIONS}/{actions[1].id}/status-updates"
    same_day = []
    for k in range(3):
        made = await editor.post(
            url,
            json={
                "rag": "green",
                "status": "in_progress",
                "narrative": f'n{k} "q" \\ é\u0001',
                "effective_date": "2024-02-01",
                "evidence": [
                    {"title": " t ", "url": "https://e.example/?a=1&b=é"},
                    {"title": "r", "reference": "x"},
                ],
            },
        )
        assert made.status_code == 201, made.text
        same_day.append(made.json()["id"])
    correction = await editor.post(
        url,
        json={
            "rag": "amber",
            "status": "in_progress",
            "narrative": "c",
            "next_steps": "s",
            "corrects_update_id": same_day[-1],
        },
    )
    assert correction.status_code == 201, correction.text
    again = await editor.post(
        url,
        json={
            "rag": "green",
            "status": "in_progress",
            "corrects_update_id": correction.json()["id"],
            "evidence": [
                {"title": "z", "reference": "2"},
                {"title": 'a "é"', "url": "https://e.example/?a=1&b=é"},
            ],
        },
    )
    assert again.status_code == 201, again.text
    return plan.id


async def action_ids(session: AsyncSession, plan_id: str) -> list[str]:
    statement = sa.select(col(Action.id)).where(col(Action.plan_id) == plan_id)
    return list(await session.scalars(statement))


async def test_every_stockton_action_is_written_as_pydantic_writes_it(
    stockton: str, session: AsyncSession, backend: str
) -> None:
    ids = await action_ids(session, stockton)
    assert len(ids) == 57
    if backend == "postgresql":
        for expand in (frozenset(), frozenset(Expansion)):
            texts = await session.scalars(
                sa.select(rendering.document(expand)).where(col(Action.id).in_(ids)),
                {"today": clock.today()},
            )
            for text in texts:
                assert ActionRead.model_validate_json(text).model_dump_json() == text
    reads: list[ActionRead] = await rendering.render_actions(session, ids, set(Expansion))
    assert [r.id for r in reads] == ids
    (evidence,) = [
        r.latest_update.evidence for r in reads if r.latest_update and r.latest_update.evidence
    ]
    assert [e.model_dump() for e in evidence] == [
        {"title": "Rota", "url": "https://example.org/rota", "reference": None}
    ]
    assert sum(r.slippage_days is not None and r.slippage_days > 0 for r in reads) == 1
    assert any(r.archived_at is not None for r in reads)
    assert sum(len(r.children or []) for r in reads) > 0


async def test_the_detail_is_one_statement_with_the_key_check(
    stockton: str,
    session: AsyncSession,
    viewer: httpx.AsyncClient,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
    backend: str,
) -> None:
    if backend != "postgresql":
        pytest.skip("the fast path is PostgreSQL's")
    ids = await action_ids(session, stockton)
    await viewer.get(f"{ACTIONS}/{ids[0]}")  # the key's first use also records it
    for action_id in ids:
        before = count_statements.count
        response = await viewer.get(f"{ACTIONS}/{action_id}", params={"expand": EVERYTHING})
        assert response.status_code == 200
        assert count_statements.count - before == 1
        for params in ({"expand": EVERYTHING}, None):
            await fast_and_routed(monkeypatch, viewer, f"{ACTIONS}/{action_id}", params)


def shown(action: dict[str, Any], expand: str | None) -> dict[str, Any]:
    """An action read with every expansion, as read with only these (lead officers are
    always shown)."""
    asked = {"lead_officers", *(expand or "").split(",")}
    return {**action, **{e.value: None for e in Expansion if e.value not in asked}}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


async def test_varied_actions_show_what_they_hold(
    varied: str,
    session: AsyncSession,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = await action_ids(session, varied)
    details = {}
    for action_id in ids:
        for expand in EXPANSION_SETS:
            params = {"expand": expand} if expand else None
            url = f"{ACTIONS}/{action_id}"
            answered = await fast_and_routed(monkeypatch, viewer, url, params)
            details[action_id, expand] = answered.json()
    actions = sorted((details[i, EVERYTHING] for i in ids), key=lambda a: int(a["ref"][3:]))
    today = clock.today()
    table: sa.Table = Action.__table__  # type: ignore[attr-defined]
    rows = await session.execute(sa.select(table).where(table.c.id.in_(ids)))
    stored = {row.id: row for row in rows}
    for action in actions:
        row = stored[action["id"]]
        for name in ("title", "rag", "status", "position", "needs_review", "timescale_readable"):
            assert action[name] == row._mapping[name], name
        for name in ("due_date", "original_due_date", "last_update_date", "completed_date"):
            assert _day(action[name]) == row._mapping[name], name
        assert action["reading_notes"] == (row.reading_notes or [])
        due, original = _day(action["due_date"]), _day(action["original_due_date"])
        closed = action["status"] in ("complete", "cancelled")
        assert action["overdue"] is (due is not None and due < today and not closed)
        slippage = (due - original).days if due and original else None
        assert action["slippage_days"] == slippage
        for expand in EXPANSION_SETS:
            assert details[action["id"], expand] == shown(action, expand)
    parent = actions[0]
    assert parent["created_at"] == "2024-01-01T23:30:00.000005Z"
    assert actions[1]["created_at"] == "2024-01-01T12:00:00Z"
    # Leads by position, then name, then id; an archived officer still shows.
    names = [o["name"] for o in parent["lead_officers"]]
    assert names == ['Zoë "Q" O\'Neil \\ x', "Same", "Same", "Archived"]
    same = [o["id"] for o in parent["lead_officers"][1:3]]
    assert same == sorted(same)
    archived = [o["archived_at"] is not None for o in parent["lead_officers"]]
    assert archived == [False, False, False, True]
    # Archived criteria and links are left out; a live link to an archived strategy is not.
    assert [c["statement"] for c in parent["success_criteria"]] == ["c\nline\t\u2028"]
    strategies = parent["strategies"]
    assert [(s["title"], s["note"], s["archived_at"] is None) for s in strategies] == [
        ("B", None, True),
        (strategies[1]["title"], "n'", False),
    ]
    assert [(i["source"], i["number"]) for i in parent["inspection_actions"]] == [
        ("DfE", 3),
        ("Ofsted", 2),
    ]
    # Live children only, by position then id.
    assert [c["ref"] for c in parent["children"]] == ["A1.2", "A1.1"]
    assert actions[6]["children"] == []
    # The deciding update: the latest effective of those no correction replaced.
    updates = (await viewer.get(f"{ACTIONS}/{actions[1]['id']}/status-updates")).json()["items"]
    corrected = {u["corrects_update_id"] for u in updates}
    standing = [u for u in updates if u["id"] not in corrected]
    deciding = max(standing, key=lambda u: (u["effective_date"], u["created_at"], u["id"]))
    assert actions[1]["latest_update"] == deciding
    assert [e["title"] for e in deciding["evidence"]] == ["z", 'a "é"']
    assert actions[1]["rag"] == deciding["rag"]
    assert all(a["latest_update"] is None for a in actions[2:])
    assert actions[5]["reading_notes"] == ["second", 'first "q"\n']
    assert (actions[5]["needs_review"], actions[4]["timescale_readable"]) == (True, False)


async def assert_pages_read_as_details(
    plan_id: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
    backend: str,
) -> None:
    """Every page of the plan's actions, in several orders and filters, cursor by cursor:
    each item as the detail shows it; on PostgreSQL the pages the list's fast path answers
    (default order, simple filters) are one statement, and the same as routed."""
    ids = [
        a["id"]
        for a in (
            await viewer.get(
                ACTIONS, params={"plan_id": plan_id, "include_archived": "true", "limit": "100"}
            )
        ).json()["items"]
    ]
    details = {
        action_id: (
            await viewer.get(f"{ACTIONS}/{action_id}", params={"expand": EVERYTHING})
        ).json()
        for action_id in ids
    }
    area_id = details[ids[0]]["area_id"]
    sorts = ["created_at", "-due_date", "last_update_date", "ref", "-title", "status", "-rag"]
    filters: list[dict[str, Any]] = [
        {},
        {"include_archived": "true"},
        {"stale": "true"},
        {"overdue": "true"},
        {"overdue": "false"},
        {"q": "T 1"},
        {"rag": "none"},
        {"parent_id": "none"},
    ]
    plain: list[dict[str, Any]] = [
        {},
        {"area_id": area_id},
        {"rag": "none"},
        {"rag": ["red", "amber"]},
        {"rag": ["none", "green", "blue"]},
        {"status": ["in_progress", "complete"]},
        {"plan_id": [plan_id, "plan_missing"], "area_id": area_id, "rag": "amber"},
    ]
    asked = [
        {"sort": sort, "expand": EVERYTHING, **extra}
        for sort, extra in itertools.product(sorts, filters)
    ]
    asked += [
        {**extra, "expand": expand}
        for extra, expand in itertools.product(plain, (EVERYTHING, None, "latest_update"))
    ]
    for params in asked:
        params = {"plan_id": plan_id, "limit": "9", **params}
        if params["expand"] is None:
            del params["expand"]
        fast = "sort" not in params
        while True:
            before = count_statements.count
            if fast and backend == "postgresql":
                page = await fast_and_routed(monkeypatch, viewer, ACTIONS, params)
                assert count_statements.statements[before].startswith("WITH matching"), params
            else:
                page = await viewer.get(ACTIONS, params=params)
                assert page.status_code == 200, page.text
            for item in page.json()["items"]:
                assert item == shown(details[item["id"]], params.get("expand")), params
            cursor = page.json()["next_cursor"]
            if cursor is None:
                break
            params["cursor"] = cursor


async def test_stockton_pages_read_as_details(
    stockton: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
    backend: str,
) -> None:
    await assert_pages_read_as_details(stockton, viewer, monkeypatch, count_statements, backend)


async def test_varied_pages_read_as_details(
    varied: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
    backend: str,
) -> None:
    await assert_pages_read_as_details(varied, viewer, monkeypatch, count_statements, backend)


async def test_a_page_is_the_same_statements_whatever_its_size(
    stockton: str, viewer: httpx.AsyncClient, count_statements: StatementCounter, backend: str
) -> None:
    """The key check, the page's ids and count, then its actions in one statement; on
    PostgreSQL the fast path reads them all at once."""
    await viewer.get(ACTIONS, params={"limit": "1"})  # the key's first use also records it
    for limit in ("1", "10", "100"):
        before = count_statements.count
        response = await viewer.get(
            ACTIONS, params={"plan_id": stockton, "limit": limit, "expand": EVERYTHING}
        )
        assert response.status_code == 200
        assert len(response.json()["items"]) == min(int(limit), response.json()["total"])
        assert count_statements.count - before == (1 if backend == "postgresql" else 4)


async def test_an_unknown_action_is_a_404_problem(viewer: httpx.AsyncClient) -> None:
    response = await viewer.get(f"{ACTIONS}/act_missing", params={"expand": EVERYTHING})
    assert response.status_code == 404
    assert response.json()["detail"] == "No action with id 'act_missing'."
