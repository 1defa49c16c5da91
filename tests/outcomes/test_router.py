"""Outcomes under an improvement area."""

from __future__ import annotations

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import AuditEvent, utcnow
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_objective,
    make_outcome,
    make_plan,
)
from tests.support import archive, assert_problem, error_fields, patch


async def test_create_list_get_in_document_order(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    url = f"/api/v1/areas/{area.id}/outcomes"
    first = await editor.post(url, json={"number": "1.1", "statement": "A stable workforce"})
    assert first.status_code == 201, first.text
    assert first.headers["Location"].endswith(f"/api/v1/outcomes/{first.json()['id']}")
    assert first.headers["ETag"]
    second = await editor.post(url, json={"statement": "Good practice"})
    assert second.status_code == 201, second.text

    body = (await editor.get(url)).json()
    assert body["total"] == 2
    assert [o["statement"] for o in body["items"]] == ["A stable workforce", "Good practice"]
    assert [o["ref"] for o in body["items"]] == ["1.1", "1.2"]
    assert [o["number"] for o in body["items"]] == ["1.1", None]
    outcome = body["items"][0]
    assert outcome["plan_id"] == plan.id
    assert outcome["area_id"] == area.id
    assert outcome["archived_at"] is None
    fetched = await editor.get(f"/api/v1/outcomes/{outcome['id']}")
    assert fetched.json() == outcome


async def test_ref_defaults_to_a_free_child_ref_when_the_number_is_taken(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=2)
    await make_outcome(session, area, ref="2.1")
    response = await editor.post(
        f"/api/v1/areas/{area.id}/outcomes", json={"number": "2.1", "statement": "x"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["ref"] == "2.2"
    assert response.json()["number"] == "2.1"


async def test_duplicate_ref_is_409_naming_the_holder(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    other_area = await make_area(session, plan, number=2)
    outcome = await make_outcome(session, area, ref="1.1")
    # Refs are unique in the plan, across areas.
    response = await editor.post(
        f"/api/v1/areas/{other_area.id}/outcomes", json={"ref": "1.1", "statement": "x"}
    )
    body = assert_problem(response, 409)
    assert body["blocking"] == [{"type": "outcome", "id": outcome.id, "ref": "1.1"}]
    second = await make_outcome(session, area, ref="1.2")
    response = await patch(editor, f"/api/v1/outcomes/{second.id}", {"ref": "1.1"})
    assert assert_problem(response, 409)["blocking"][0]["id"] == outcome.id


async def test_unknown_area_or_outcome_is_404(editor: httpx.AsyncClient) -> None:
    assert_problem(await editor.get("/api/v1/areas/area_missing/outcomes"), 404)
    response = await editor.post("/api/v1/areas/area_missing/outcomes", json={"statement": "x"})
    assert_problem(response, 404)
    assert_problem(await editor.get("/api/v1/outcomes/out_missing"), 404)


async def test_cannot_add_to_an_archived_area(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, archived_at=utcnow())
    response = await editor.post(f"/api/v1/areas/{area.id}/outcomes", json={"statement": "x"})
    assert_problem(response, 409)


async def test_unknown_and_invalid_body_fields_are_422(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    url = f"/api/v1/areas/{area.id}/outcomes"
    response = await editor.post(url, json={"statement": "x", "id": "out_mine", "colour": "red"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.id", "body.colour"}
    response = await editor.post(url, json={"statement": "", "number": "x" * 21})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.statement", "body.number"}
    outcome = await make_outcome(session, area)
    response = await patch(editor, f"/api/v1/outcomes/{outcome.id}", {"statement": None})
    assert_problem(response, 422)
    response = await patch(editor, f"/api/v1/outcomes/{outcome.id}", {"area_id": area.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.area_id"}


async def test_viewer_reads_but_cannot_write(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    assert (await viewer.get(f"/api/v1/areas/{area.id}/outcomes")).status_code == 200
    response = await viewer.post(f"/api/v1/areas/{area.id}/outcomes", json={"statement": "x"})
    assert_problem(response, 403)


async def test_etag_and_if_none_match(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan))
    url = f"/api/v1/outcomes/{outcome.id}"
    etag = (await viewer.get(url)).headers["ETag"]
    not_modified = await viewer.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.headers["ETag"] == etag


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan), number="1.1")
    url = f"/api/v1/outcomes/{outcome.id}"
    assert_problem(await editor.patch(url, json={"statement": "New"}), 428)
    stale = (await editor.get(url)).headers["ETag"]
    response = await patch(editor, url, {"statement": "New", "number": None})
    assert response.status_code == 200, response.text
    assert response.json()["statement"] == "New"
    assert response.json()["number"] is None
    assert response.headers["ETag"] == (await editor.get(url)).headers["ETag"]
    response = await editor.patch(url, json={"statement": "Newer"}, headers={"If-Match": stale})
    assert_problem(response, 412)
    assert (await editor.get(url)).json()["statement"] == "New"
    assert_problem(await editor.delete(url, headers={"If-Match": stale}), 412)
    assert_problem(await editor.delete(url), 428)


async def test_archive_refused_while_children_live_then_restored(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    objective = await make_objective(session, outcome)
    action = await make_action(session, area, outcome_id=outcome.id)
    criterion = await make_criterion(session, plan, outcome_id=outcome.id)
    url = f"/api/v1/outcomes/{outcome.id}"

    body = assert_problem(await archive(editor, url), 409)
    assert body["blocking"] == [
        {"type": "objective", "id": objective.id, "ref": objective.ref},
        {"type": "action", "id": action.id, "ref": action.ref},
        {"type": "success_criterion", "id": criterion.id},
    ]

    assert (await archive(editor, f"/api/v1/objectives/{objective.id}")).status_code == 200
    assert (await archive(editor, f"/api/v1/success-criteria/{criterion.id}")).status_code == 200
    action.archived_at = utcnow()
    await session.commit()
    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None

    listing = f"/api/v1/areas/{area.id}/outcomes"
    assert (await editor.get(listing)).json()["total"] == 0
    listed = await editor.get(listing, params={"include_archived": "true"})
    assert [o["id"] for o in listed.json()["items"]] == [outcome.id]
    assert (await editor.get(url)).status_code == 200
    assert_problem(await patch(editor, url, {"statement": "x"}), 409)
    assert_problem(await archive(editor, url), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert (await editor.get(listing)).json()["total"] == 1


async def test_restore_refused_while_the_area_is_archived(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    url = f"/api/v1/outcomes/{outcome.id}"
    assert (await archive(editor, url)).status_code == 200
    assert (await archive(editor, f"/api/v1/areas/{area.id}")).status_code == 200
    body = assert_problem(await admin.post(f"{url}/restore"), 409)
    assert "area" in body["detail"]
    assert (await admin.post(f"/api/v1/areas/{area.id}/restore")).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200


async def test_sort_and_unknown_sort_field(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    for position, ref in enumerate(("1.b", "1.c", "1.a"), start=1):
        await make_outcome(session, area, ref=ref, position=position)
    url = f"/api/v1/areas/{area.id}/outcomes"
    refs = [o["ref"] for o in (await viewer.get(url, params={"sort": "-ref"})).json()["items"]]
    assert refs == ["1.c", "1.b", "1.a"]
    page = (await viewer.get(url, params={"limit": "2"})).json()
    assert [o["ref"] for o in page["items"]] == ["1.b", "1.c"]
    rest = await viewer.get(url, params={"limit": "2", "cursor": page["next_cursor"]})
    assert [o["ref"] for o in rest.json()["items"]] == ["1.a"]
    assert_problem(await viewer.get(url, params={"sort": "title"}), 422)
    # A field once, either way, as the contract says.
    both = assert_problem(await viewer.get(url, params={"sort": "ref,-ref"}), 422)
    assert both["errors"][0]["type"] == "duplicate_sort_field"
    document = (await viewer.get("/openapi.json")).json()
    (sort,) = [
        p
        for p in document["paths"]["/api/v1/areas/{area_id}/outcomes"]["get"]["parameters"]
        if p["name"] == "sort"
    ]
    assert {"allOf": [{"contains": {"const": "ref"}}, {"contains": {"const": "-ref"}}]} in sort[
        "schema"
    ]["not"]["anyOf"]


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    created = await editor.post(f"/api/v1/areas/{area.id}/outcomes", json={"statement": "Old"})
    url = f"/api/v1/outcomes/{created.json()['id']}"
    assert (await patch(editor, url, {"statement": "New"})).status_code == 200
    assert (await archive(editor, url)).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200
    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == created.json()["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert {e.entity_type for e in events} == {"outcome"}
    assert events[0].changes["statement"] == {"before": None, "after": "Old"}
    assert events[1].changes == {"statement": {"before": "Old", "after": "New"}}
    assert events[0].actor == "editor test key"
