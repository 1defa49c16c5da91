"""Every fast path answers as its route does, for any query string and headers.

Hypothesis draws requests (valid, odd and hostile) for each fast path; each is made once
as the service answers it and once with the fast paths turned off, and the two answers
must have the same status, headers and body. The fast paths answer on PostgreSQL only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession

from app.fastpath import reading
from app.models import Role
from tests.conftest import Clients, StatementCounter
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import same_headers

pytestmark = pytest.mark.usefixtures("postgres_only")

ACTIONS = "/api/v1/actions"
REPORT = "/api/v1/reports/quarterly"
RUNS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def postgres_only(backend: str) -> None:
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")


@dataclass
class World:
    """What the drawn requests refer to, and how many the fast paths answered."""

    http: httpx.AsyncClient
    plan_id: str
    area_id: str
    action_ids: list[str]
    report_etag: str = ""
    fast: list[str] = field(default_factory=list)


@pytest.fixture
async def world(
    session: AsyncSession, clients: Clients, editor: httpx.AsyncClient
) -> AsyncIterator[World]:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    officer = await make_officer(session, name="Jane Smith")
    ids = []
    for number in range(3):
        action = await make_action(session, area, ref=f"A1.{number}", due_date=date(2023, 8, 31))
        ids.append(action.id)
        linked = await editor.put(f"{ACTIONS}/{action.id}/lead-officers/{officer.id}")
        assert linked.status_code == 204, linked.text
    posted = await editor.post(
        f"{ACTIONS}/{ids[0]}/status-updates",
        json={
            "rag": "amber",
            "status": "in_progress",
            "narrative": "Under way.",
            "next_steps": "Review in September.",
            "effective_date": "2023-08-01",
        },
    )
    assert posted.status_code == 201, posted.text
    viewer = await clients.as_role(Role.viewer)
    assert (await viewer.get("/api/v1/me")).status_code == 200  # stamps the key's first use
    found = World(viewer, plan.id, area.id, ids)
    report = await viewer.get(REPORT, params={"plan_id": plan.id, "quarter": "2023-24-Q2"})
    assert report.status_code == 200, report.text
    found.report_etag = report.headers["ETag"]
    yield found
    # Had the fast paths answered none of the drawn requests, nothing was compared.
    assert found.fast, "no drawn request took a fast path"


def _odd_text() -> st.SearchStrategy[str]:
    return st.text(st.characters(codec="utf-8") | st.sampled_from("\x00%&=+,;#?/ "), max_size=30)


def _query(pairs: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(name, safe='')}={quote(value, safe=',')}" for name, value in pairs)


EXPANSIONS = [
    "lead_officers",
    "latest_update",
    "strategies",
    "success_criteria",
    "inspection_actions",
    "children",
]


def _expand() -> st.SearchStrategy[str]:
    known = st.lists(st.sampled_from(EXPANSIONS), max_size=4).map(",".join)
    return known | st.sampled_from(["", " latest_update ", "latest%5Fupdate", "nothing"])


async def _both_ways(
    world: World,
    counter: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    headers: dict[str, str] | None = None,
) -> None:
    before = counter.count
    answered = await world.http.get(url, headers=headers)
    if counter.count - before == 1:
        world.fast.append(url)
    with monkeypatch.context() as routed_only:
        routed_only.setattr(reading, "on_postgres", lambda _request: False)
        routed = await world.http.get(url, headers=headers)
    assert answered.status_code == routed.status_code, (url, answered.text, routed.text)
    assert answered.status_code < 500, (url, answered.text)
    assert same_headers(answered) == same_headers(routed), url
    if answered.headers.get("content-type", "").startswith("application/problem+json"):
        assert {**answered.json(), "request_id": None} == {**routed.json(), "request_id": None}
    else:
        assert answered.content == routed.content, url


@st.composite
def detail_requests(draw: st.DrawFn) -> tuple[int | str, list[tuple[str, str]]]:
    which = draw(st.sampled_from([0, 1, 2]) | st.sampled_from(["act_missing", "x" * 41]))
    names = st.sampled_from(["expand", "expand", "as_of", "Expand", "limit"]) | _odd_text()
    values = _expand() | st.sampled_from(["2023-09-30", "5"]) | _odd_text()
    pairs = draw(st.lists(st.tuples(names, values), max_size=3))
    return which, pairs


@given(request=detail_requests())
@example(request=(0, [("expand", "latest_update")]))
@example(request=(1, []))
@example(request=(0, [("expand", "success_criteria,strategies,latest_update")]))
@RUNS
async def test_the_detail_answers_as_its_route(
    world: World,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
    request: tuple[int | str, list[tuple[str, str]]],
) -> None:
    which, pairs = request
    action_id = world.action_ids[which] if isinstance(which, int) else which
    await _both_ways(world, count_statements, monkeypatch, f"{ACTIONS}/{action_id}?{_query(pairs)}")


@st.composite
def list_requests(draw: st.DrawFn) -> list[tuple[str, str]]:
    simple = {
        "plan_id": st.sampled_from(["PLAN", "plan_missing"]),
        "area_id": st.sampled_from(["AREA", "area_missing"]),
        "rag": st.sampled_from(["none", "red", "amber", "green", "blue", "purple"]),
        "status": st.sampled_from(["not_started", "in_progress", "complete", "paused"]),
        "limit": st.sampled_from(["1", "2", "50", "500", "0", "501", "x", "1.5"]),
        "expand": _expand(),
        "cursor": st.sampled_from(["CURSOR", "not-a-cursor", ""]),
        "sort": st.sampled_from(["-created_at", "ref"]),
        "q": st.sampled_from(["A1", ""]),
    }
    name = st.sampled_from(sorted(simple)) | _odd_text()
    pairs = []
    for chosen in draw(st.lists(name, max_size=4)):
        value = draw(simple[chosen] if chosen in simple else _odd_text())
        pairs.append((chosen, value))
    return pairs


@given(pairs=list_requests())
@example(pairs=[("plan_id", "PLAN"), ("limit", "2"), ("expand", "lead_officers,latest_update")])
@example(pairs=[("rag", "none"), ("rag", "amber")])
@example(pairs=[("area_id", "AREA"), ("limit", "1"), ("cursor", "CURSOR")])
@RUNS
async def test_the_list_answers_as_its_route(
    world: World,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
    pairs: list[tuple[str, str]],
) -> None:
    first = await world.http.get(ACTIONS, params={"plan_id": world.plan_id, "limit": "1"})
    cursor = first.json()["next_cursor"]
    named = {"PLAN": world.plan_id, "AREA": world.area_id, "CURSOR": cursor}
    pairs = [(name, named.get(value, value)) for name, value in pairs]
    await _both_ways(world, count_statements, monkeypatch, f"{ACTIONS}?{_query(pairs)}")


@st.composite
def report_requests(draw: st.DrawFn) -> tuple[list[tuple[str, str]], dict[str, str]]:
    params = {
        "plan_id": st.sampled_from(["PLAN", "plan_missing"]) | _odd_text(),
        "quarter": st.sampled_from(["2023-24-Q2", "2023-24-Q1", "2023-24-Q5", "Q2"]),
        "format": st.sampled_from(["json", "csv", "xlsx", "html", "docx"]),
    }
    names = draw(
        st.lists(st.sampled_from(sorted(params)) | _odd_text(), max_size=4)
        | st.just(["plan_id", "quarter"])
    )
    pairs = [(name, draw(params[name] if name in params else _odd_text())) for name in names]
    headers = {}
    if draw(st.booleans()):
        headers["If-None-Match"] = draw(st.sampled_from(["ETAG", '"other"', "*", "W/ETAG"]))
    if draw(st.booleans()):
        headers["Accept"] = draw(
            st.sampled_from(["text/csv", "application/json", "image/png", "*/*"])
        )
    return pairs, headers


@given(request=report_requests())
@example(request=([("plan_id", "PLAN"), ("quarter", "2023-24-Q2")], {"If-None-Match": "ETAG"}))
@example(request=([("plan_id", "PLAN"), ("quarter", "2023-24-Q2")], {}))
@RUNS
async def test_the_closed_quarters_report_answers_as_its_route(
    world: World,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
    request: tuple[list[tuple[str, str]], dict[str, str]],
) -> None:
    pairs, headers = request
    pairs = [(name, world.plan_id if value == "PLAN" else value) for name, value in pairs]
    headers = {name: value.replace("ETAG", world.report_etag) for name, value in headers.items()}
    await _both_ways(world, count_statements, monkeypatch, f"{REPORT}?{_query(pairs)}", headers)
