"""`/api/v1/inspection-actions`: inspection recommendations and the actions that answer them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionInspectionAction, AuditEvent, InspectionAction, Plan, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_area, make_inspection_action, make_plan
from tests.support import archive, assert_problem, error_fields, patch

INSPECTION_ACTIONS = "/api/v1/inspection-actions"


def _new(plan: Plan, **fields: Any) -> dict[str, Any]:
    return {"plan_id": plan.id, "number": 3, "text": "Ofsted Improvement Action 3", **fields}


async def _tag(session: AsyncSession, action: Action, inspection_action: InspectionAction) -> None:
    session.add(
        ActionInspectionAction(action_id=action.id, inspection_action_id=inspection_action.id)
    )
    await session.commit()


async def _numbers(http: httpx.AsyncClient, params: Any) -> list[tuple[str, int]]:
    response = await http.get(INSPECTION_ACTIONS, params=params)
    assert response.status_code == 200, response.text
    return [(item["source"], item["number"]) for item in response.json()["items"]]


async def test_create_list_get(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    created = await editor.post(INSPECTION_ACTIONS, json=_new(plan))
    assert created.status_code == 201, created.text
    item = created.json()
    assert item["id"].startswith("insp_")
    assert item["source"] == "Ofsted"
    assert (item["plan_id"], item["number"], item["text"]) == (
        plan.id,
        3,
        "Ofsted Improvement Action 3",
    )
    assert item["action_ids"] == []
    assert item["archived_at"] is None
    assert created.headers["Location"].endswith(f"{INSPECTION_ACTIONS}/{item['id']}")

    assert (await editor.get(INSPECTION_ACTIONS)).json()["items"] == [item]
    fetched = await editor.get(f"{INSPECTION_ACTIONS}/{item['id']}")
    assert fetched.json() == item
    assert fetched.headers["ETag"] == created.headers["ETag"]
    again = await editor.get(
        f"{INSPECTION_ACTIONS}/{item['id']}", headers={"If-None-Match": fetched.headers["ETag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"number": 0}, {"body.number"}),
        ({"number": "three"}, {"body.number"}),
        ({"text": ""}, {"body.text"}),
        ({"source": ""}, {"body.source"}),
        ({"action_ids": []}, {"body.action_ids"}),
    ],
)
async def test_invalid_bodies_name_the_field(
    editor: httpx.AsyncClient,
    session: AsyncSession,
    fields: dict[str, Any],
    expected: set[str],
) -> None:
    plan = await make_plan(session)
    response = await editor.post(INSPECTION_ACTIONS, json=_new(plan, **fields))
    assert_problem(response, 422)
    assert error_fields(response) == expected


async def test_unknown_plan_is_422_and_archived_plan_409(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    response = await editor.post(
        INSPECTION_ACTIONS, json={"plan_id": "plan_missing", "number": 1, "text": "x"}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.plan_id"}
    plan = await make_plan(session, archived_at=utcnow())
    assert_problem(await editor.post(INSPECTION_ACTIONS, json=_new(plan)), 409)


async def test_duplicate_source_and_number_is_409_naming_it(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    existing = await make_inspection_action(session, plan, number=3)
    body = assert_problem(await editor.post(INSPECTION_ACTIONS, json=_new(plan)), 409)
    assert body["blocking"] == [{"type": "inspection_action", "id": existing.id}]
    other_source = await editor.post(INSPECTION_ACTIONS, json=_new(plan, source="JTAI"))
    assert other_source.status_code == 201, other_source.text
    other_plan = await editor.post(INSPECTION_ACTIONS, json=_new(await make_plan(session)))
    assert other_plan.status_code == 201, other_plan.text


async def test_viewer_cannot_create(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    assert_problem(await viewer.post(INSPECTION_ACTIONS, json=_new(plan)), 403)


async def test_unknown_inspection_action_is_404(viewer: httpx.AsyncClient) -> None:
    body = assert_problem(await viewer.get(f"{INSPECTION_ACTIONS}/insp_missing"), 404)
    assert "insp_missing" in str(body["detail"])


async def test_action_ids_are_the_live_actions_in_ref_order(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    three = await make_inspection_action(session, plan, number=3)
    four = await make_inspection_action(session, plan, number=4)
    later = await make_action(session, area, ref="A1.3")
    first = await make_action(session, area, ref="A1.1")
    gone = await make_action(session, area, ref="A1.2", archived_at=utcnow())
    for action in (later, first, gone):
        await _tag(session, action, three)
    await _tag(session, later, four)

    items = (await viewer.get(INSPECTION_ACTIONS)).json()["items"]
    assert [(i["number"], i["action_ids"]) for i in items] == [
        (3, [first.id, later.id]),
        (4, [later.id]),
    ]
    one = (await viewer.get(f"{INSPECTION_ACTIONS}/{three.id}")).json()
    assert one["action_ids"] == [first.id, later.id]


async def test_filters_or_within_a_parameter_and_across_parameters(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plans = [await make_plan(session) for _ in range(3)]
    await make_inspection_action(session, plans[0], number=1)
    await make_inspection_action(session, plans[0], number=2, source="JTAI")
    await make_inspection_action(session, plans[1], number=3)
    await make_inspection_action(session, plans[2], number=4, source="CQC")
    await make_inspection_action(session, plans[0], number=5, archived_at=utcnow())

    assert await _numbers(viewer, {"plan_id": plans[0].id}) == [("Ofsted", 1), ("JTAI", 2)]
    assert await _numbers(viewer, [("plan_id", plans[1].id), ("plan_id", plans[2].id)]) == [
        ("Ofsted", 3),
        ("CQC", 4),
    ]
    assert await _numbers(viewer, [("source", "JTAI"), ("source", "CQC")]) == [
        ("JTAI", 2),
        ("CQC", 4),
    ]
    assert await _numbers(viewer, {"source": "Ofsted", "plan_id": plans[0].id}) == [("Ofsted", 1)]
    assert await _numbers(
        viewer, {"source": "Ofsted", "plan_id": plans[0].id, "include_archived": "true"}
    ) == [("Ofsted", 1), ("Ofsted", 5)]
    assert await _numbers(viewer, {"source": "CQC", "plan_id": plans[0].id}) == []


async def test_sorting(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    for number in (2, 3, 1):
        await make_inspection_action(session, plan, number=number)
    assert [n for _, n in await _numbers(viewer, {})] == [1, 2, 3]
    assert [n for _, n in await _numbers(viewer, {"sort": "-number"})] == [3, 2, 1]
    assert [n for _, n in await _numbers(viewer, {"sort": "created_at"})] == [2, 3, 1]
    body = assert_problem(await viewer.get(INSPECTION_ACTIONS, params={"sort": "text"}), 422)
    assert body["errors"][0]["field"] == "query.sort"


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    item = await make_inspection_action(session, plan, number=1)
    taken = await make_inspection_action(session, plan, number=2)
    url = f"{INSPECTION_ACTIONS}/{item.id}"
    assert_problem(await editor.patch(url, json={"text": "New"}), 428)

    etag = (await editor.get(url)).headers["ETag"]
    updated = await editor.patch(url, json={"text": "New", "number": 7}, headers={"If-Match": etag})
    assert updated.status_code == 200, updated.text
    assert (updated.json()["text"], updated.json()["number"]) == ("New", 7)
    assert_problem(await editor.patch(url, json={"text": "x"}, headers={"If-Match": etag}), 412)

    body = assert_problem(await patch(editor, url, {"number": 2}), 409)
    assert body["blocking"] == [{"type": "inspection_action", "id": taken.id}]
    moved = await patch(editor, url, {"number": 2, "source": "JTAI"})
    assert moved.status_code == 200, moved.text

    response = await patch(editor, url, {"plan_id": plan.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.plan_id"}
    assert_problem(await patch(editor, url, {"text": None}), 422)


async def test_archive_refused_while_tagged_then_restored_by_admin(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    item = await make_inspection_action(session, plan)
    action = await make_action(session, area, ref="A1.1")
    await _tag(session, action, item)
    await _tag(session, await make_action(session, area, ref="A1.2", archived_at=utcnow()), item)
    url = f"{INSPECTION_ACTIONS}/{item.id}"

    assert_problem(await editor.delete(url), 428)
    body = assert_problem(await archive(editor, url), 409)
    assert body["blocking"] == [{"type": "action", "id": action.id, "ref": "A1.1"}]

    action.archived_at = utcnow()
    await session.commit()
    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None
    assert (await editor.get(INSPECTION_ACTIONS)).json()["total"] == 0
    assert_problem(await patch(editor, url, {"text": "x"}), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert restored.headers["ETag"] == (await editor.get(url)).headers["ETag"]
    assert (await editor.get(INSPECTION_ACTIONS)).json()["total"] == 1


async def test_restore_waits_for_the_plan(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    item = await make_inspection_action(session, plan)
    assert (await archive(editor, f"{INSPECTION_ACTIONS}/{item.id}")).status_code == 200
    assert (await archive(editor, f"/api/v1/plans/{plan.id}")).status_code == 200
    assert_problem(await admin.post(f"{INSPECTION_ACTIONS}/{item.id}/restore"), 409)


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    created = (await editor.post(INSPECTION_ACTIONS, json=_new(plan))).json()
    url = f"{INSPECTION_ACTIONS}/{created['id']}"
    assert (await patch(editor, url, {"number": 4})).status_code == 200
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
    assert all(e.entity_type == "inspection_action" for e in events)
    assert events[0].changes["source"] == {"before": None, "after": "Ofsted"}
    assert events[1].changes == {"number": {"before": 3, "after": 4}}


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area)
    await viewer.get(INSPECTION_ACTIONS)  # the key's last-used time is written on first use
    counts = []
    number = 0
    for size in (1, 10):
        while (await viewer.get(INSPECTION_ACTIONS, params={"limit": "100"})).json()[
            "total"
        ] < size:
            number += 1
            await _tag(session, action, await make_inspection_action(session, plan, number=number))
        before = count_statements.count
        response = await viewer.get(INSPECTION_ACTIONS, params={"limit": str(size)})
        items = response.json()["items"]
        assert len(items) == size
        assert all(item["action_ids"] == [action.id] for item in items)
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 4
