"""Stable business keys: plans by key, actions by plan key and ref, `updated_since` on lists."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_action, make_area, make_plan
from tests.support import assert_problem, patch


async def test_a_plan_has_a_unique_key_that_filters_the_list(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    body = {"title": "Plan", "organisation": "Stockton-on-Tees Borough Council"}
    created = await editor.post("/api/v1/plans", json={**body, "key": "stockton-2023"})
    assert created.status_code == 201, created.text
    assert created.json()["key"] == "stockton-2023"
    assert_problem(await editor.post("/api/v1/plans", json={**body, "key": "stockton-2023"}), 409)
    assert_problem(await editor.post("/api/v1/plans", json={**body, "key": "Not A Key"}), 422)
    other = await editor.post("/api/v1/plans", json=body)
    assert other.json()["key"] is None
    listed = await editor.get("/api/v1/plans", params={"key": "stockton-2023"})
    assert [p["id"] for p in listed.json()["items"]] == [created.json()["id"]]
    renamed = await patch(editor, f"/api/v1/plans/{other.json()['id']}", {"key": "stockton-2024"})
    assert renamed.json()["key"] == "stockton-2024"
    taken = await patch(editor, f"/api/v1/plans/{other.json()['id']}", {"key": "stockton-2023"})
    assert_problem(taken, 409)


async def test_an_action_is_found_by_plan_key_and_ref(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session, seed_key="stockton-2023")
    action = await make_action(session, await make_area(session, plan), ref="A1.3")
    by_id = await viewer.get(f"/api/v1/actions/{action.id}")
    for plan_key_or_id in ("stockton-2023", plan.id):
        found = await viewer.get(f"/api/v1/plans/{plan_key_or_id}/actions/A1.3")
        assert found.status_code == 200, found.text
        assert found.json() == by_id.json()
        assert found.headers["ETag"] == by_id.headers["ETag"]
    assert_problem(await viewer.get("/api/v1/plans/stockton-2023/actions/Z9"), 404)
    assert_problem(await viewer.get("/api/v1/plans/nowhere-2023/actions/A1.3"), 404)


async def test_updated_since_narrows_every_list(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    old = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "Old"})
    since = datetime.now(UTC).isoformat()
    new = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 2, "title": "New"})
    areas = await editor.get(f"/api/v1/plans/{plan.id}/areas", params={"updated_since": since})
    assert [a["id"] for a in areas.json()["items"]] == [new.json()["id"]]
    await patch(editor, f"/api/v1/areas/{old.json()['id']}", {"title": "Old, renamed"})
    areas = await editor.get(f"/api/v1/plans/{plan.id}/areas", params={"updated_since": since})
    assert {a["id"] for a in areas.json()["items"]} == {old.json()["id"], new.json()["id"]}
    for path in ("/api/v1/plans", "/api/v1/officers", "/api/v1/meetings", "/api/v1/status-updates"):
        response = await editor.get(path, params={"updated_since": "2999-01-01T00:00:00Z"})
        assert response.status_code == 200, (path, response.text)
        assert response.json()["items"] == [], path
    assert_problem(await editor.get("/api/v1/plans", params={"updated_since": "yesterday"}), 422)


async def test_every_create_takes_an_idempotency_key(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    creations: list[tuple[str, dict[str, Any]]] = [
        ("/api/v1/plans", {"title": "Plan", "organisation": "Council"}),
        (f"/api/v1/plans/{plan.id}/areas", {"number": 7, "title": "Leadership"}),
        ("/api/v1/actions", {"area_id": area.id, "ref": "A9.1", "title": "Recruit"}),
        ("/api/v1/officers", {"name": "Director of Children's Services", "is_role": True}),
    ]
    for number, (url, body) in enumerate(creations):
        headers = {"Idempotency-Key": f"retry-{number}"}
        first = await editor.post(url, json=body, headers=headers)
        assert first.status_code == 201, (url, first.text)
        again = await editor.post(url, json=body, headers=headers)
        assert again.status_code == 201
        assert again.json() == first.json()
        assert again.headers["Location"] == first.headers["Location"]
        assert again.headers["Idempotent-Replayed"] == "true"
        other = await editor.post(url, json={**body, "title": "Else"}, headers=headers)
        assert_problem(other, 422)
    events = (await viewer.get("/api/v1/events", params={"limit": 100})).json()["items"]
    assert len([e for e in events if e["type"].endswith(".created")]) == 3  # officers: admins
