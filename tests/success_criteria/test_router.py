"""Success criteria, attached to an area, outcome or objective and linked to actions."""

from __future__ import annotations

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionSuccessCriterion, AuditEvent, SuccessCriterion, utcnow
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_objective,
    make_outcome,
    make_plan,
)
from tests.support import archive, assert_problem, error_fields, patch

URL = "/api/v1/success-criteria"


async def link(session: AsyncSession, action: Action, criterion: SuccessCriterion) -> None:
    session.add(ActionSuccessCriterion(action_id=action.id, criterion_id=criterion.id))
    await session.commit()


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_create_under_each_parent_list_and_get(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    objective = await make_objective(session, outcome)
    created = []
    for field, parent_id in (
        ("area_id", area.id),
        ("outcome_id", outcome.id),
        ("objective_id", objective.id),
        ("area_id", area.id),
    ):
        response = await editor.post(URL, json={"statement": f"On {field}", field: parent_id})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["plan_id"] == plan.id
        assert body[field] == parent_id
        assert body["action_ids"] == []
        assert response.headers["Location"].endswith(f"{URL}/{body['id']}")
        assert response.headers["ETag"]
        created.append(body)
    assert [c["position"] for c in created] == [1, 1, 1, 2]
    assert {c["area_id"] for c in created[1:3]} == {None}

    listed = await editor.get(URL, params={"area_id": area.id})
    assert listed.json()["items"] == [created[0], created[3]]
    fetched = await editor.get(f"{URL}/{created[1]['id']}")
    assert fetched.json() == created[1]


async def test_exactly_one_parent_is_required(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    for parents in ({}, {"area_id": area.id, "outcome_id": outcome.id}):
        body = assert_problem(await editor.post(URL, json={"statement": "x", **parents}), 422)
        message = body["errors"][0]["message"]
        assert "area_id, outcome_id, objective_id" in message
    assert (await editor.get(URL)).json()["total"] == 0


async def test_unknown_parent_is_422_naming_the_field(editor: httpx.AsyncClient) -> None:
    for field in ("area_id", "outcome_id", "objective_id"):
        response = await editor.post(URL, json={"statement": "x", field: "missing_id"})
        assert_problem(response, 422)
        assert error_fields(response) == {f"body.{field}"}


async def test_archived_parent_is_409(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan), archived_at=utcnow())
    assert_problem(await editor.post(URL, json={"statement": "x", "outcome_id": outcome.id}), 409)


async def test_unknown_and_read_only_fields_are_422(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    response = await editor.post(
        URL, json={"statement": "x", "area_id": area.id, "plan_id": plan.id, "action_ids": []}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.plan_id", "body.action_ids"}
    criterion = await make_criterion(session, plan, area_id=area.id)
    response = await patch(editor, f"{URL}/{criterion.id}", {"area_id": area.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.area_id"}
    assert_problem(await patch(editor, f"{URL}/{criterion.id}", {"statement": None}), 422)


async def test_unknown_criterion_is_404(editor: httpx.AsyncClient) -> None:
    assert_problem(await editor.get(f"{URL}/crit_missing"), 404)
    assert_problem(await editor.patch(f"{URL}/crit_missing", json={"statement": "x"}), 404)


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    criterion = await make_criterion(session, plan, area_id=(await make_area(session, plan)).id)
    url = f"{URL}/{criterion.id}"
    assert_problem(await editor.patch(url, json={"statement": "New"}), 428)
    stale = (await editor.get(url)).headers["ETag"]
    response = await patch(editor, url, {"statement": "New"})
    assert response.status_code == 200, response.text
    assert response.json()["statement"] == "New"
    assert response.headers["ETag"] == (await editor.get(url)).headers["ETag"]
    response = await editor.patch(url, json={"statement": "Newer"}, headers={"If-Match": stale})
    assert_problem(response, 412)
    assert_problem(await editor.delete(url, headers={"If-Match": stale}), 412)
    assert_problem(await editor.delete(url), 428)
    etag = (await editor.get(url)).headers["ETag"]
    assert (await editor.get(url, headers={"If-None-Match": etag})).status_code == 304


async def test_action_ids_are_live_linked_actions_in_ref_order(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    criterion = await make_criterion(session, plan, area_id=area.id)
    later = await make_action(session, area, ref="A1.2")
    earlier = await make_action(session, area, ref="A1.1")
    gone = await make_action(session, area, ref="A1.0", archived_at=utcnow())
    for action in (later, earlier, gone):
        await link(session, action, criterion)
    url = f"{URL}/{criterion.id}"
    etag_before = (await viewer.get(url)).headers["ETag"]
    assert (await viewer.get(url)).json()["action_ids"] == [earlier.id, later.id]
    listed = (await viewer.get(URL)).json()["items"]
    assert listed[0]["action_ids"] == [earlier.id, later.id]
    # Linking another action changes the representation, so the ETag.
    await link(session, await make_action(session, area, ref="A1.3"), criterion)
    assert (await viewer.get(url)).headers["ETag"] != etag_before


async def test_filters_or_within_a_field_and_across_fields(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    other_plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    objective = await make_objective(session, outcome)
    other_area = await make_area(session, other_plan)
    on_area = await make_criterion(session, plan, area_id=area.id, statement="Turnover is down")
    on_outcome = await make_criterion(
        session, plan, outcome_id=outcome.id, statement="Caseloads are 50% lower", position=2
    )
    on_objective = await make_criterion(
        session, plan, objective_id=objective.id, statement="Audits graded good", position=3
    )
    elsewhere = await make_criterion(
        session, other_plan, area_id=other_area.id, statement="Turnover elsewhere", position=4
    )
    archived = await make_criterion(
        session, plan, area_id=area.id, statement="Old", archived_at=utcnow(), position=5
    )

    assert ids(await viewer.get(URL)) == [on_area.id, on_outcome.id, on_objective.id, elsewhere.id]
    assert ids(await viewer.get(URL, params={"plan_id": plan.id})) == [
        on_area.id,
        on_outcome.id,
        on_objective.id,
    ]
    both_plans = await viewer.get(URL, params=[("plan_id", plan.id), ("plan_id", other_plan.id)])
    assert len(ids(both_plans)) == 4
    across = await viewer.get(URL, params=[("area_id", area.id), ("outcome_id", outcome.id)])
    assert ids(across) == []  # different fields: AND, and no criterion has both
    or_within = await viewer.get(URL, params=[("area_id", area.id), ("area_id", other_area.id)])
    assert ids(or_within) == [on_area.id, elsewhere.id]
    and_across = await viewer.get(
        URL, params=[("area_id", area.id), ("area_id", other_area.id), ("plan_id", plan.id)]
    )
    assert ids(and_across) == [on_area.id]
    assert ids(await viewer.get(URL, params={"objective_id": objective.id})) == [on_objective.id]
    assert ids(await viewer.get(URL, params={"q": "TURNOVER"})) == [on_area.id, elsewhere.id]
    # LIKE wildcards in q are matched literally.
    assert ids(await viewer.get(URL, params={"q": "50%"})) == [on_outcome.id]
    assert ids(await viewer.get(URL, params={"q": "_"})) == []
    with_archived = await viewer.get(URL, params={"area_id": area.id, "include_archived": "true"})
    assert ids(with_archived) == [on_area.id, archived.id]
    sorted_desc = await viewer.get(URL, params={"sort": "-position", "plan_id": plan.id})
    assert ids(sorted_desc) == [on_objective.id, on_outcome.id, on_area.id]
    assert_problem(await viewer.get(URL, params={"sort": "statement"}), 422)


async def test_action_id_filter(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    first = await make_criterion(session, plan, area_id=area.id, position=1)
    second = await make_criterion(session, plan, area_id=area.id, position=2)
    await make_criterion(session, plan, area_id=area.id, position=3)
    one = await make_action(session, area)
    two = await make_action(session, area)
    await link(session, one, first)
    await link(session, two, first)
    await link(session, two, second)
    assert ids(await viewer.get(URL, params={"action_id": one.id})) == [first.id]
    either = await viewer.get(URL, params=[("action_id", one.id), ("action_id", two.id)])
    assert ids(either) == [first.id, second.id]  # each once, although first has both
    assert either.json()["total"] == 2
    assert ids(await viewer.get(URL, params={"action_id": "act_missing"})) == []


async def test_pages_never_skip_or_repeat(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    made = {(await make_criterion(session, plan, area_id=area.id, position=1)).id for _ in range(5)}
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        response = await viewer.get(URL, params=params)
        seen += ids(response)
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
        assert 'rel="next"' in response.headers["Link"]
    assert sorted(seen) == sorted(made)


async def test_archive_keeps_links_and_restore_is_for_admins(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    criterion = await make_criterion(session, plan, area_id=area.id)
    action = await make_action(session, area)
    await link(session, action, criterion)
    url = f"{URL}/{criterion.id}"

    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None
    assert archived.json()["action_ids"] == [action.id]
    assert (await editor.get(URL)).json()["total"] == 0
    assert ids(await editor.get(URL, params={"include_archived": "true"})) == [criterion.id]
    assert_problem(await patch(editor, url, {"statement": "x"}), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert restored.json()["action_ids"] == [action.id]
    assert ids(await editor.get(URL)) == [criterion.id]


async def test_restore_refused_while_the_parent_is_archived(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan))
    criterion = await make_criterion(session, plan, outcome_id=outcome.id)
    url = f"{URL}/{criterion.id}"
    assert (await archive(editor, url)).status_code == 200
    assert (await archive(editor, f"/api/v1/outcomes/{outcome.id}")).status_code == 200
    body = assert_problem(await admin.post(f"{url}/restore"), 409)
    assert "outcome" in body["detail"]
    assert (await admin.post(f"/api/v1/outcomes/{outcome.id}/restore")).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200


async def test_viewer_cannot_write(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    assert_problem(await viewer.post(URL, json={"statement": "x", "area_id": area.id}), 403)


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    created = await editor.post(URL, json={"statement": "Old", "area_id": area.id})
    criterion_id = created.json()["id"]
    url = f"{URL}/{criterion_id}"
    assert (await patch(editor, url, {"statement": "New"})).status_code == 200
    assert (await archive(editor, url)).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200
    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == criterion_id)
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert {e.entity_type for e in events} == {"success_criterion"}
    assert events[0].changes["area_id"] == {"before": None, "after": area.id}
    assert events[0].changes["plan_id"] == {"before": None, "after": plan.id}
    assert events[1].changes == {"statement": {"before": "Old", "after": "New"}}


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    await viewer.get(URL)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        while (await viewer.get(URL, params={"limit": "100"})).json()["total"] < size:
            criterion = await make_criterion(session, plan, area_id=area.id)
            await link(session, await make_action(session, area), criterion)
            await link(session, await make_action(session, area), criterion)
        before = count_statements.count
        response = await viewer.get(URL, params={"limit": str(size)})
        assert len(response.json()["items"]) == size
        assert all(len(item["action_ids"]) == 2 for item in response.json()["items"])
        counts.append(count_statements.count - before)
    # Authentication, the count, the page, and the linked actions of the whole page.
    assert counts[0] == counts[1] <= 4
