"""Improvement areas under a plan."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_area, make_outcome, make_plan
from tests.support import archive, assert_problem, patch


async def test_create_list_get_in_document_order(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    url = f"/api/v1/plans/{plan.id}/areas"
    for number, title in ((1, "Our People"), (2, "Our Practice")):
        created = await editor.post(url, json={"number": number, "title": title, "aim": "Aim"})
        assert created.status_code == 201, created.text
    body = (await editor.get(url)).json()
    assert [a["title"] for a in body["items"]] == ["Our People", "Our Practice"]
    assert [a["ref"] for a in body["items"]] == ["1", "2"]
    area = body["items"][0]
    fetched = await editor.get(f"/api/v1/areas/{area['id']}")
    assert fetched.json() == area


async def test_duplicate_ref_is_409_naming_the_holder(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    response = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "x"})
    body = assert_problem(response, 409)
    assert body["blocking"][0]["id"] == area.id


async def test_unknown_plan_is_404(editor: httpx.AsyncClient) -> None:
    response = await editor.post(
        "/api/v1/plans/plan_missing/areas", json={"number": 1, "title": "x"}
    )
    assert_problem(response, 404)


async def test_update_with_if_match(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    url = f"/api/v1/areas/{area.id}"
    assert_problem(await editor.patch(url, json={"title": "New"}), 428)
    response = await patch(editor, url, {"title": "New", "aim": None})
    assert response.status_code == 200, response.text
    assert response.json()["title"] == "New"
    assert response.json()["aim"] is None


async def test_missing_if_match_is_refused_before_the_body_is_read(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    url = f"/api/v1/areas/{area.id}"
    # The precondition is checked first: a malformed body without If-Match is a 428.
    assert_problem(await editor.patch(url, json={"title": 5}), 428)
    assert_problem(await editor.patch("/api/v1/areas/area_missing", json={"title": 5}), 404)
    stored = (await editor.get(url)).json()
    assert stored["title"] == area.title


async def test_archive_refused_while_outcomes_live(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    body = assert_problem(await archive(editor, f"/api/v1/areas/{area.id}"), 409)
    assert body["blocking"] == [{"type": "outcome", "id": outcome.id, "ref": outcome.ref}]

    assert (await archive(editor, f"/api/v1/outcomes/{outcome.id}")).status_code == 200
    archived = await archive(editor, f"/api/v1/areas/{area.id}")
    assert archived.status_code == 200
    assert (await editor.get(f"/api/v1/plans/{plan.id}/areas")).json()["total"] == 0
    listed = await editor.get(f"/api/v1/plans/{plan.id}/areas", params={"include_archived": "true"})
    assert listed.json()["total"] == 1
    restored = await admin.post(f"/api/v1/areas/{area.id}/restore")
    assert restored.json()["archived_at"] is None


async def test_cannot_add_to_an_archived_plan(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    assert (await archive(editor, f"/api/v1/plans/{plan.id}")).status_code == 200
    response = await editor.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "x"})
    assert_problem(response, 409)
