"""`/api/v1/strategy-links`: which actions contribute to which strategies."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, AuditEvent, Plan, Strategy, StrategyLink, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_area, make_plan, make_strategy
from tests.support import assert_problem, error_fields, patch

LINKS = "/api/v1/strategy-links"


async def _setup(session: AsyncSession) -> tuple[Plan, Action, Strategy]:
    plan = await make_plan(session)
    action = await make_action(session, await make_area(session, plan))
    return plan, action, await make_strategy(session, plan)


async def _create(
    http: httpx.AsyncClient, action: Action, strategy: Strategy, **fields: Any
) -> Any:
    response = await http.post(
        LINKS, json={"action_id": action.id, "strategy_id": strategy.id, **fields}
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _delete(http: httpx.AsyncClient, url: str) -> httpx.Response:
    etag = (await http.get(url)).headers["ETag"]
    return await http.delete(url, headers={"If-Match": etag})


async def test_create_list_get(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    _, action, strategy = await _setup(session)
    created = await editor.post(
        LINKS, json={"action_id": action.id, "strategy_id": strategy.id, "note": "Section 4"}
    )
    assert created.status_code == 201, created.text
    link = created.json()
    assert link["id"].startswith("slink_")
    assert (link["action_id"], link["strategy_id"], link["note"]) == (
        action.id,
        strategy.id,
        "Section 4",
    )
    assert link["archived_at"] is None
    assert created.headers["Location"].endswith(f"{LINKS}/{link['id']}")

    assert (await editor.get(LINKS)).json()["items"] == [link]
    fetched = await editor.get(f"{LINKS}/{link['id']}")
    assert fetched.json() == link
    assert fetched.headers["ETag"] == created.headers["ETag"]
    again = await editor.get(
        f"{LINKS}/{link['id']}", headers={"If-None-Match": fetched.headers["ETag"]}
    )
    assert again.status_code == 304
    strategy_read = (await editor.get(f"/api/v1/strategies/{strategy.id}")).json()
    assert strategy_read["action_count"] == 1


async def test_unknown_ids_are_422_naming_each_field(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, strategy = await _setup(session)
    response = await editor.post(
        LINKS, json={"action_id": "act_missing", "strategy_id": strategy.id}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.action_id"}
    response = await editor.post(LINKS, json={"action_id": action.id, "strategy_id": "strat_x"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.strategy_id"}
    response = await editor.post(LINKS, json={"action_id": "act_x", "strategy_id": "strat_x"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.action_id", "body.strategy_id"}


async def test_invalid_bodies_name_the_field(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, strategy = await _setup(session)
    body = {"action_id": action.id, "strategy_id": strategy.id}
    response = await editor.post(LINKS, json={**body, "note": "x" * 2001})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.note"}
    response = await editor.post(LINKS, json={**body, "id": "slink_mine", "weight": 1})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.id", "body.weight"}
    response = await editor.post(LINKS, json={"action_id": action.id})
    assert error_fields(response) == {"body.strategy_id"}
    assert await session.scalar(sa.select(sa.func.count()).select_from(StrategyLink)) == 0


async def test_linking_across_two_plans_is_422(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, _ = await _setup(session)
    elsewhere = await make_strategy(session, await make_plan(session))
    response = await editor.post(LINKS, json={"action_id": action.id, "strategy_id": elsewhere.id})
    body = assert_problem(response, 422)
    assert "linking across two plans" in str(body["detail"])
    assert error_fields(response) == {"body.strategy_id"}


async def test_archived_action_or_strategy_is_409(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, action, strategy = await _setup(session)
    area = await make_area(session, plan, number=2)
    old_action = await make_action(session, area, archived_at=utcnow())
    old_strategy = await make_strategy(session, plan, archived_at=utcnow())
    for action_id, strategy_id in ((old_action.id, strategy.id), (action.id, old_strategy.id)):
        response = await editor.post(
            LINKS, json={"action_id": action_id, "strategy_id": strategy_id}
        )
        assert_problem(response, 409)


async def test_a_live_duplicate_is_409_naming_it(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, strategy = await _setup(session)
    first = await _create(editor, action, strategy)
    response = await editor.post(LINKS, json={"action_id": action.id, "strategy_id": strategy.id})
    body = assert_problem(response, 409)
    assert body["blocking"] == [{"type": "strategy_link", "id": first["id"]}]

    assert (await _delete(editor, f"{LINKS}/{first['id']}")).status_code == 200
    second = await _create(editor, action, strategy, note="Linked again")
    assert second["id"] != first["id"]


async def test_viewer_cannot_link(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    _, action, strategy = await _setup(session)
    response = await viewer.post(LINKS, json={"action_id": action.id, "strategy_id": strategy.id})
    assert_problem(response, 403)


async def test_unknown_link_is_404(viewer: httpx.AsyncClient, editor: httpx.AsyncClient) -> None:
    body = assert_problem(await viewer.get(f"{LINKS}/slink_missing"), 404)
    assert "slink_missing" in str(body["detail"])
    assert_problem(await editor.delete(f"{LINKS}/slink_missing", headers={"If-Match": "*"}), 404)


async def test_filters_or_within_a_parameter_and_across_parameters(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    a1, a2, a3 = [await make_action(session, area) for _ in range(3)]
    s1, s2 = [await make_strategy(session, plan) for _ in range(2)]
    links = {
        (a.id, s.id): (await _create(editor, a, s))["id"]
        for a, s in ((a1, s1), (a1, s2), (a2, s1), (a3, s2))
    }

    async def ids(params: Any) -> set[str]:
        response = await viewer.get(LINKS, params=params)
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert await ids({"action_id": a1.id}) == {links[a1.id, s1.id], links[a1.id, s2.id]}
    assert await ids([("action_id", a2.id), ("action_id", a3.id)]) == {
        links[a2.id, s1.id],
        links[a3.id, s2.id],
    }
    assert await ids({"strategy_id": s2.id}) == {links[a1.id, s2.id], links[a3.id, s2.id]}
    assert await ids([("strategy_id", s1.id), ("strategy_id", s2.id)]) == set(links.values())
    assert await ids([("action_id", a1.id), ("action_id", a2.id), ("strategy_id", s1.id)]) == {
        links[a1.id, s1.id],
        links[a2.id, s1.id],
    }
    assert await ids({"action_id": a3.id, "strategy_id": s1.id}) == set()


async def test_list_sorts_oldest_first(
    viewer: httpx.AsyncClient, editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan, action, strategy = await _setup(session)
    other = await make_strategy(session, plan)
    first = await _create(editor, action, strategy)
    second = await _create(editor, action, other)
    items = (await viewer.get(LINKS)).json()["items"]
    assert [i["id"] for i in items] == [first["id"], second["id"]]
    items = (await viewer.get(LINKS, params={"sort": "-created_at"})).json()["items"]
    assert [i["id"] for i in items] == [second["id"], first["id"]]
    assert_problem(await viewer.get(LINKS, params={"sort": "note"}), 422)


async def test_update_changes_the_note_with_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, strategy = await _setup(session)
    link = await _create(editor, action, strategy, note="Old")
    url = f"{LINKS}/{link['id']}"
    assert_problem(await editor.patch(url, json={"note": "New"}), 428)

    etag = (await editor.get(url)).headers["ETag"]
    updated = await editor.patch(url, json={"note": "New"}, headers={"If-Match": etag})
    assert updated.status_code == 200, updated.text
    assert updated.json()["note"] == "New"
    assert_problem(await editor.patch(url, json={"note": None}, headers={"If-Match": etag}), 412)

    response = await patch(editor, url, {"strategy_id": strategy.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.strategy_id"}
    cleared = await patch(editor, url, {"note": None})
    assert cleared.json()["note"] is None


async def test_delete_archives_the_link(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, action, strategy = await _setup(session)
    link = await _create(editor, action, strategy)
    url = f"{LINKS}/{link['id']}"
    assert_problem(await editor.delete(url), 428)
    assert_problem(await editor.delete(url, headers={"If-Match": '"stale"'}), 412)
    assert_problem(await _delete(viewer, url), 403)

    deleted = await _delete(editor, url)
    assert deleted.status_code == 200, deleted.text
    assert deleted.json()["archived_at"] is not None
    assert (await viewer.get(LINKS)).json()["total"] == 0
    listed = (await viewer.get(LINKS, params={"include_archived": "true"})).json()
    assert [item["id"] for item in listed["items"]] == [link["id"]]
    fetched = await viewer.get(url)
    assert fetched.status_code == 200
    assert fetched.json()["archived_at"] is not None
    assert await session.get(StrategyLink, link["id"]) is not None

    assert_problem(await _delete(editor, url), 409)
    assert_problem(await patch(editor, url, {"note": "x"}), 409)
    strategy_read = (await viewer.get(f"/api/v1/strategies/{strategy.id}")).json()
    assert strategy_read["action_count"] == 0


async def test_every_write_is_audited(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    _, action, strategy = await _setup(session)
    link = await _create(editor, action, strategy)
    url = f"{LINKS}/{link['id']}"
    assert (await patch(editor, url, {"note": "Section 2"})).status_code == 200
    assert (await _delete(editor, url)).status_code == 200

    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == link["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive"]
    assert all(e.entity_type == "strategy_link" for e in events)
    assert events[0].changes["action_id"] == {"before": None, "after": action.id}
    assert events[1].changes == {"note": {"before": None, "after": "Section 2"}}


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    count_statements: StatementCounter,
) -> None:
    plan, action, _ = await _setup(session)
    await viewer.get(LINKS)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        while (await viewer.get(LINKS, params={"limit": "100"})).json()["total"] < size:
            await _create(editor, action, await make_strategy(session, plan))
        before = count_statements.count
        response = await viewer.get(LINKS, params={"limit": str(size), "action_id": action.id})
        assert len(response.json()["items"]) == size
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 3
