"""Actions rendered by PostgreSQL read exactly as the ones assembled in Python.

On PostgreSQL the list and the detail (without `as_of`) have the database build each
action's JSON; SQLite, `as_of` and the writes assemble it in Python. Both must give the same
bytes, ETags and links. These tests make the same requests both ways (the Python way by
turning rendering off) over the Stockton plan with a history written through the API, and
over data made to catch differences: archived officers, strategies, inspection actions,
criteria and links, tied lead positions and names, a due date of today, updates on one day,
corrections of corrections, and text that needs escaping.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions import assembly, rendering
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


@pytest.fixture(autouse=True)
def postgresql_only(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("only PostgreSQL renders actions in the database")


async def both_ways(
    monkeypatch: pytest.MonkeyPatch,
    http: httpx.AsyncClient,
    url: str,
    params: Any = None,
    *,
    fast_path_too: bool = True,
) -> tuple[httpx.Response, httpx.Response]:
    """The response rendered by the database, and the one assembled in Python.

    A request a fast path answers (`app.fastpath`) is also made with that
    turned off, through its route; the two must agree before either is compared with
    Python's. `fast_path_too=False` skips that for requests no fast path takes.
    """
    rendered = await http.get(url, params=params)
    with monkeypatch.context() as ordinary:
        ordinary.setattr(reading, "on_postgres", lambda _request: False)
        if fast_path_too:
            routed = await http.get(url, params=params)
            assert_same(rendered, routed, url, params)
        ordinary.setattr(rendering, "renders", lambda _session, _as_of: False)
        assembled = await http.get(url, params=params)
    return rendered, assembled


def assert_same(rendered: httpx.Response, assembled: httpx.Response, *context: Any) -> None:
    assert rendered.status_code == assembled.status_code == 200, (rendered.text, context)
    assert rendered.content == assembled.content, context
    assert same_headers(rendered) == same_headers(assembled), context


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
        },
    )
    assert again.status_code == 201, again.text
    return plan.id


async def action_ids(session: AsyncSession, plan_id: str) -> list[str]:
    statement = sa.select(col(Action.id)).where(col(Action.plan_id) == plan_id)
    return list(await session.scalars(statement))


async def test_every_stockton_action_renders_as_python_assembles_it(
    stockton: str, session: AsyncSession
) -> None:
    ids = await action_ids(session, stockton)
    assert len(ids) == 57
    rows = (await session.scalars(sa.select(Action).where(col(Action.id).in_(ids)))).all()
    by_id = {action.id: action for action in rows}
    for expand in (set(), set(Expansion), {Expansion.latest_update, Expansion.children}):
        rendered = await rendering.render_actions(session, ids, expand)
        assembled = await assembly.read_actions(
            session=session, actions=[by_id[i] for i in ids], expand=expand
        )
        assert [r.model_dump_json() for r in rendered] == [a.model_dump_json() for a in assembled]
    reads: list[ActionRead] = await rendering.render_actions(session, ids, set(Expansion))
    assert sum(bool(r.latest_update and r.latest_update.evidence) for r in reads) == 1
    assert sum(r.slippage_days is not None and r.slippage_days > 0 for r in reads) == 1
    assert any(r.archived_at is not None for r in reads)


async def test_the_detail_is_one_statement_with_the_key_check(
    stockton: str,
    session: AsyncSession,
    viewer: httpx.AsyncClient,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = await action_ids(session, stockton)
    await viewer.get(f"{ACTIONS}/{ids[0]}")  # the key's first use also records it
    for action_id in ids:
        before = count_statements.count
        response = await viewer.get(f"{ACTIONS}/{action_id}", params={"expand": EVERYTHING})
        assert response.status_code == 200
        assert count_statements.count - before == 1
        for params in ({"expand": EVERYTHING}, None):
            assert_same(*await both_ways(monkeypatch, viewer, f"{ACTIONS}/{action_id}", params))


async def test_details_match_the_python_path(
    varied: str, session: AsyncSession, viewer: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    for action_id in await action_ids(session, varied):
        url = f"{ACTIONS}/{action_id}"
        for expand in (None, EVERYTHING, "lead_officers", "children,latest_update"):
            params = {"expand": expand} if expand else None
            assert_same(*await both_ways(monkeypatch, viewer, url, params), action_id, expand)


async def assert_pages_match(
    plan_id: str, viewer: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of the plan's actions, in several orders and filters, cursor by cursor."""
    sorts = ["created_at", "-due_date", "last_update_date", "ref", "-title", "status", "-rag"]
    filters: list[dict[str, str]] = [
        {},
        {"include_archived": "true"},
        {"stale": "true"},
        {"overdue": "true"},
        {"overdue": "false"},
        {"q": "T 1"},
        {"rag": "none"},
        {"parent_id": "none"},
    ]
    for sort, extra in itertools.product(sorts, filters):
        params = {"plan_id": plan_id, "limit": "9", "sort": sort, "expand": EVERYTHING, **extra}
        while True:
            # A sort is not the plain case: these go through the route either way.
            rendered, assembled = await both_ways(
                monkeypatch, viewer, ACTIONS, params, fast_path_too=False
            )
            assert_same(rendered, assembled, sort, extra)
            cursor = rendered.json()["next_cursor"]
            if cursor is None:
                break
            params["cursor"] = cursor


async def test_stockton_pages_match_the_python_path(
    stockton: str, viewer: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await assert_pages_match(stockton, viewer, monkeypatch)


async def test_varied_pages_match_the_python_path(
    varied: str, viewer: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    await assert_pages_match(varied, viewer, monkeypatch)


async def assert_plain_pages_match(
    plan_id: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
) -> None:
    """The pages the list's fast path answers (default order, simple filters), cursor by cursor,
    each in one statement."""
    first = (await viewer.get(ACTIONS, params={"plan_id": plan_id, "limit": "1"})).json()
    area_id = first["items"][0]["area_id"]
    filters: list[dict[str, Any]] = [
        {"plan_id": plan_id},
        {"area_id": area_id},
        {"plan_id": plan_id, "rag": "none"},
        {"plan_id": plan_id, "rag": ["red", "amber"]},
        {"plan_id": plan_id, "rag": ["none", "green", "blue"]},
        {"plan_id": plan_id, "status": ["in_progress", "complete"]},
        {"plan_id": [plan_id, "plan_missing"], "area_id": area_id, "rag": "amber"},
    ]
    for extra, expand in itertools.product(filters, (None, EVERYTHING, "latest_update")):
        params: dict[str, Any] = {**extra, "limit": "9", **({"expand": expand} if expand else {})}
        pages = 0
        while True:
            before = count_statements.count
            rendered, assembled = await both_ways(monkeypatch, viewer, ACTIONS, params)
            assert count_statements.statements[before].startswith("WITH matching"), params
            assert_same(rendered, assembled, extra, expand)
            pages += 1
            cursor = rendered.json()["next_cursor"]
            if cursor is None:
                break
            params["cursor"] = cursor
        assert pages >= 1


async def test_stockton_plain_pages_match_the_python_path(
    stockton: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
) -> None:
    await assert_plain_pages_match(stockton, viewer, monkeypatch, count_statements)


async def test_varied_plain_pages_match_the_python_path(
    varied: str,
    viewer: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    count_statements: StatementCounter,
) -> None:
    await assert_plain_pages_match(varied, viewer, monkeypatch, count_statements)


async def test_a_plain_page_is_one_statement_whatever_its_size(
    stockton: str, viewer: httpx.AsyncClient, count_statements: StatementCounter
) -> None:
    await viewer.get(ACTIONS, params={"limit": "1"})  # the key's first use also records it
    for limit in ("1", "10", "100"):
        before = count_statements.count
        response = await viewer.get(
            ACTIONS, params={"plan_id": stockton, "limit": limit, "expand": EVERYTHING}
        )
        assert response.status_code == 200
        assert len(response.json()["items"]) == min(int(limit), response.json()["total"])
        assert count_statements.count - before == 1


async def test_an_unknown_action_is_a_404_problem(viewer: httpx.AsyncClient) -> None:
    response = await viewer.get(f"{ACTIONS}/act_missing", params={"expand": EVERYTHING})
    assert response.status_code == 404
    assert response.json()["detail"] == "No action with id 'act_missing'."
