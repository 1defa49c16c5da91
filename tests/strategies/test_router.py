"""`/api/v1/strategies`: named strategies and detailed action plans in a plan."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, AuditEvent, Plan, Strategy, StrategyLink, new_id, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_area, make_plan, make_strategy
from tests.support import archive, assert_problem, error_fields, patch

STRATEGIES = "/api/v1/strategies"


def _new(plan: Plan, **fields: Any) -> dict[str, Any]:
    return {
        "plan_id": plan.id,
        "title": "Directorate Business Plan",
        "url": "https://www.example.gov.uk/business-plan",
        "owner": "Head of Performance",
        **fields,
    }


async def _link(
    session: AsyncSession, action: Action, strategy: Strategy, **fields: Any
) -> StrategyLink:
    link = StrategyLink(id=new_id("slink"), action_id=action.id, strategy_id=strategy.id, **fields)
    session.add(link)
    await session.commit()
    return link


async def _titles(http: httpx.AsyncClient, params: Any) -> list[str]:
    response = await http.get(STRATEGIES, params=params)
    assert response.status_code == 200, response.text
    return [item["title"] for item in response.json()["items"]]


async def test_create_list_get(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    created = await editor.post(STRATEGIES, json=_new(plan))
    assert created.status_code == 201, created.text
    strategy = created.json()
    assert strategy["id"].startswith("strat_")
    assert {k: strategy[k] for k in _new(plan)} == _new(plan)
    assert strategy["action_count"] == 0
    assert strategy["archived_at"] is None
    assert created.headers["Location"].endswith(f"{STRATEGIES}/{strategy['id']}")

    listed = (await editor.get(STRATEGIES)).json()
    assert listed["items"] == [strategy]
    fetched = await editor.get(f"{STRATEGIES}/{strategy['id']}")
    assert fetched.json() == strategy
    assert fetched.headers["ETag"] == created.headers["ETag"]
    again = await editor.get(
        f"{STRATEGIES}/{strategy['id']}", headers={"If-None-Match": fetched.headers["ETag"]}
    )
    assert again.status_code == 304


async def test_url_and_owner_are_optional(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    created = await editor.post(STRATEGIES, json={"plan_id": plan.id, "title": "Workforce"})
    assert created.status_code == 201, created.text
    assert created.json()["url"] is None
    assert created.json()["owner"] is None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"url": "ftp://example.gov.uk/plan"}, {"body.url"}),
        ({"url": "javascript:alert(1)"}, {"body.url"}),
        ({"url": "https://"}, {"body.url"}),
        ({"title": ""}, {"body.title"}),
        ({"colour": "red", "action_count": 3}, {"body.colour", "body.action_count"}),
    ],
)
async def test_invalid_bodies_name_the_field(
    editor: httpx.AsyncClient,
    session: AsyncSession,
    fields: dict[str, Any],
    expected: set[str],
) -> None:
    plan = await make_plan(session)
    response = await editor.post(STRATEGIES, json=_new(plan, **fields))
    assert_problem(response, 422)
    assert error_fields(response) == expected


async def test_unknown_plan_is_422_naming_plan_id(editor: httpx.AsyncClient) -> None:
    response = await editor.post(STRATEGIES, json={"plan_id": "plan_missing", "title": "x"})
    body = assert_problem(response, 422)
    assert body["errors"][0]["field"] == "body.plan_id"


async def test_archived_plan_is_409(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session, archived_at=utcnow())
    assert_problem(await editor.post(STRATEGIES, json=_new(plan)), 409)


async def test_viewer_cannot_create(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    assert_problem(await viewer.post(STRATEGIES, json=_new(plan)), 403)


async def test_unknown_strategy_is_404(viewer: httpx.AsyncClient) -> None:
    body = assert_problem(await viewer.get(f"{STRATEGIES}/strat_missing"), 404)
    assert "strat_missing" in str(body["detail"])


async def test_action_count_counts_live_links(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    busy = await make_strategy(session, plan, title="Busy")
    quiet = await make_strategy(session, plan, title="Quiet")
    await make_strategy(session, plan, title="Unused")
    for _ in range(3):
        await _link(session, await make_action(session, area), busy)
    await _link(session, await make_action(session, area), quiet)
    await _link(session, await make_action(session, area), quiet, archived_at=utcnow())

    items = (await viewer.get(STRATEGIES)).json()["items"]
    assert [(s["title"], s["action_count"]) for s in items] == [
        ("Busy", 3),
        ("Quiet", 1),
        ("Unused", 0),
    ]
    assert (await viewer.get(f"{STRATEGIES}/{busy.id}")).json()["action_count"] == 3


async def test_filters_or_within_a_parameter_and_across_parameters(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plans = [await make_plan(session) for _ in range(3)]
    area = await make_area(session, plans[0])
    action, other_action = await make_action(session, area), await make_action(session, area)
    workforce = await make_strategy(session, plans[0], title="Workforce Strategy")
    await make_strategy(session, plans[0], title="Early Help Strategy")
    await make_strategy(session, plans[1], title="Sufficiency Strategy")
    await make_strategy(session, plans[2], title="100% Plan_")
    old = await make_strategy(session, plans[0], title="Old Strategy")
    await _link(session, action, workforce)
    await _link(session, other_action, old)
    await _link(session, action, old, archived_at=utcnow())

    assert await _titles(viewer, {"plan_id": plans[0].id}) == [
        "Early Help Strategy",
        "Old Strategy",
        "Workforce Strategy",
    ]
    assert await _titles(viewer, [("plan_id", plans[1].id), ("plan_id", plans[2].id)]) == [
        "100% Plan_",
        "Sufficiency Strategy",
    ]
    assert await _titles(viewer, {"q": "STRATEGY", "plan_id": plans[1].id}) == [
        "Sufficiency Strategy"
    ]
    assert await _titles(viewer, {"q": "%"}) == ["100% Plan_"]
    assert await _titles(viewer, {"action_id": action.id}) == ["Workforce Strategy"]
    assert await _titles(viewer, [("action_id", action.id), ("action_id", other_action.id)]) == [
        "Old Strategy",
        "Workforce Strategy",
    ]
    assert await _titles(viewer, {"action_id": action.id, "q": "old"}) == []


async def test_sorting(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    for title in ("B", "C", "A"):
        await make_strategy(session, plan, title=title)
    assert await _titles(viewer, {}) == ["A", "B", "C"]
    assert await _titles(viewer, {"sort": "-title"}) == ["C", "B", "A"]
    assert await _titles(viewer, {"sort": "created_at"}) == ["B", "C", "A"]
    assert_problem(await viewer.get(STRATEGIES, params={"sort": "action_count"}), 422)


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    strategy = await make_strategy(session, plan, url="https://example.gov.uk/a")
    url = f"{STRATEGIES}/{strategy.id}"
    assert_problem(await editor.patch(url, json={"title": "New"}), 428)

    etag = (await editor.get(url)).headers["ETag"]
    first = await editor.patch(
        url, json={"title": "New", "url": None, "owner": "DCS"}, headers={"If-Match": etag}
    )
    assert first.status_code == 200, first.text
    assert (first.json()["title"], first.json()["url"], first.json()["owner"]) == (
        "New",
        None,
        "DCS",
    )
    assert first.headers["ETag"] == (await editor.get(url)).headers["ETag"]
    assert_problem(
        await editor.patch(url, json={"title": "Again"}, headers={"If-Match": etag}), 412
    )
    assert (await editor.get(url)).json()["title"] == "New"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"plan_id": "plan_other"}, "body.plan_id"),
        ({"url": "ftp://x.example"}, "body.url"),
        ({"title": None}, "body"),
    ],
)
async def test_update_refuses_bad_changes(
    editor: httpx.AsyncClient, session: AsyncSession, body: dict[str, Any], field: str
) -> None:
    strategy = await make_strategy(session, await make_plan(session))
    response = await patch(editor, f"{STRATEGIES}/{strategy.id}", body)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_archive_refused_while_linked_then_restored_by_admin(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    strategy = await make_strategy(session, plan)
    link = await _link(session, await make_action(session, area), strategy)
    await _link(session, await make_action(session, area), strategy, archived_at=utcnow())
    url = f"{STRATEGIES}/{strategy.id}"

    assert_problem(await editor.delete(url), 428)
    body = assert_problem(await archive(editor, url), 409)
    assert body["blocking"] == [{"type": "strategy_link", "id": link.id}]

    link.archived_at = utcnow()
    await session.commit()
    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None
    assert archived.json()["action_count"] == 0
    assert (await editor.get(STRATEGIES)).json()["total"] == 0
    listed = (await editor.get(STRATEGIES, params={"include_archived": "true"})).json()
    assert [s["id"] for s in listed["items"]] == [strategy.id]
    assert_problem(await patch(editor, url, {"title": "x"}), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert (await editor.get(STRATEGIES)).json()["total"] == 1


async def test_restore_waits_for_the_plan(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    strategy = await make_strategy(session, plan)
    assert (await archive(editor, f"{STRATEGIES}/{strategy.id}")).status_code == 200
    assert (await archive(editor, f"/api/v1/plans/{plan.id}")).status_code == 200
    assert_problem(await admin.post(f"{STRATEGIES}/{strategy.id}/restore"), 409)
    assert (await admin.post(f"/api/v1/plans/{plan.id}/restore")).status_code == 200
    restored = await admin.post(f"{STRATEGIES}/{strategy.id}/restore")
    assert restored.status_code == 200, restored.text


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    created = (await editor.post(STRATEGIES, json=_new(plan))).json()
    url = f"{STRATEGIES}/{created['id']}"
    assert (await patch(editor, url, {"owner": "DCS"})).status_code == 200
    assert (await archive(editor, url)).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200

    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == created["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert all(e.entity_type == "strategy" for e in events)
    assert events[0].changes["plan_id"] == {"before": None, "after": plan.id}
    assert events[1].changes == {"owner": {"before": "Head of Performance", "after": "DCS"}}
    assert events[3].actor == "admin test key"


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area)
    await viewer.get(STRATEGIES)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        while (await viewer.get(STRATEGIES, params={"limit": "100"})).json()["total"] < size:
            await _link(session, action, await make_strategy(session, plan))
        before = count_statements.count
        response = await viewer.get(STRATEGIES, params={"limit": str(size)})
        items = response.json()["items"]
        assert len(items) == size
        assert all(item["action_count"] == 1 for item in items)
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 4
