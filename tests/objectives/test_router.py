"""Objectives under an outcome."""

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
    outcome = await make_outcome(session, area, ref="1.1")
    url = f"/api/v1/outcomes/{outcome.id}/objectives"
    first = await editor.post(url, json={"statement": "Sufficient capacity"})
    assert first.status_code == 201, first.text
    assert first.headers["Location"].endswith(f"/api/v1/objectives/{first.json()['id']}")
    assert first.headers["ETag"]
    second = await editor.post(url, json={"statement": "Manageable caseloads", "ref": "1.1.x"})
    assert second.status_code == 201, second.text
    third = await editor.post(url, json={"statement": "Stable leadership"})
    assert third.status_code == 201, third.text

    body = (await editor.get(url)).json()
    assert body["total"] == 3
    assert [o["statement"] for o in body["items"]] == [
        "Sufficient capacity",
        "Manageable caseloads",
        "Stable leadership",
    ]
    assert [o["ref"] for o in body["items"]] == ["1.1.1", "1.1.x", "1.1.2"]
    objective = body["items"][0]
    assert (objective["plan_id"], objective["area_id"], objective["outcome_id"]) == (
        plan.id,
        area.id,
        outcome.id,
    )
    fetched = await editor.get(f"/api/v1/objectives/{objective['id']}")
    assert fetched.json() == objective


async def test_duplicate_ref_is_409_naming_the_holder(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area, ref="1.1")
    other = await make_outcome(session, area, ref="1.2")
    objective = await make_objective(session, outcome, ref="1.1.1")
    response = await editor.post(
        f"/api/v1/outcomes/{other.id}/objectives", json={"ref": "1.1.1", "statement": "x"}
    )
    body = assert_problem(response, 409)
    assert body["blocking"] == [{"type": "objective", "id": objective.id, "ref": "1.1.1"}]
    second = await make_objective(session, outcome, ref="1.1.2")
    response = await patch(editor, f"/api/v1/objectives/{second.id}", {"ref": "1.1.1"})
    assert assert_problem(response, 409)["blocking"][0]["id"] == objective.id
    # Its own ref is not a conflict.
    response = await patch(editor, f"/api/v1/objectives/{second.id}", {"ref": "1.1.2"})
    assert response.status_code == 200, response.text


async def test_unknown_outcome_or_objective_is_404(editor: httpx.AsyncClient) -> None:
    assert_problem(await editor.get("/api/v1/outcomes/out_missing/objectives"), 404)
    response = await editor.post("/api/v1/outcomes/out_missing/objectives", json={"statement": "x"})
    assert_problem(response, 404)
    assert_problem(await editor.get("/api/v1/objectives/obj_missing"), 404)


async def test_cannot_add_to_an_archived_outcome(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan), archived_at=utcnow())
    response = await editor.post(
        f"/api/v1/outcomes/{outcome.id}/objectives", json={"statement": "x"}
    )
    assert_problem(response, 409)


async def test_unknown_and_invalid_body_fields_are_422(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan))
    url = f"/api/v1/outcomes/{outcome.id}/objectives"
    response = await editor.post(url, json={"statement": "x", "outcome_id": outcome.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.outcome_id"}
    response = await editor.post(url, json={"statement": "x", "ref": "has space"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.ref"}
    objective = await make_objective(session, outcome)
    response = await patch(editor, f"/api/v1/objectives/{objective.id}", {"ref": None})
    assert_problem(response, 422)


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    objective = await make_objective(
        session, await make_outcome(session, await make_area(session, plan))
    )
    url = f"/api/v1/objectives/{objective.id}"
    assert_problem(await editor.patch(url, json={"statement": "New"}), 428)
    stale = (await editor.get(url)).headers["ETag"]
    response = await patch(editor, url, {"statement": "New"})
    assert response.status_code == 200, response.text
    assert response.json()["statement"] == "New"
    response = await editor.patch(url, json={"statement": "Newer"}, headers={"If-Match": stale})
    assert_problem(response, 412)
    assert (await editor.get(url)).json()["statement"] == "New"
    etag = (await editor.get(url)).headers["ETag"]
    assert (await editor.get(url, headers={"If-None-Match": etag})).status_code == 304


async def test_archive_refused_while_children_live_then_restored(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    outcome = await make_outcome(session, area)
    objective = await make_objective(session, outcome)
    action = await make_action(session, area, outcome_id=outcome.id, objective_id=objective.id)
    criterion = await make_criterion(session, plan, objective_id=objective.id)
    url = f"/api/v1/objectives/{objective.id}"

    body = assert_problem(await archive(editor, url), 409)
    assert body["blocking"] == [
        {"type": "action", "id": action.id, "ref": action.ref},
        {"type": "success_criterion", "id": criterion.id},
    ]
    assert (await archive(editor, f"/api/v1/success-criteria/{criterion.id}")).status_code == 200
    action.archived_at = utcnow()
    await session.commit()
    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None

    listing = f"/api/v1/outcomes/{outcome.id}/objectives"
    assert (await editor.get(listing)).json()["total"] == 0
    listed = await editor.get(listing, params={"include_archived": "true"})
    assert [o["id"] for o in listed.json()["items"]] == [objective.id]
    assert_problem(await patch(editor, url, {"statement": "x"}), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert (await editor.get(listing)).json()["total"] == 1


async def test_restore_refused_while_the_outcome_is_archived(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan))
    objective = await make_objective(session, outcome)
    url = f"/api/v1/objectives/{objective.id}"
    assert (await archive(editor, url)).status_code == 200
    assert (await archive(editor, f"/api/v1/outcomes/{outcome.id}")).status_code == 200
    body = assert_problem(await admin.post(f"{url}/restore"), 409)
    assert "outcome" in body["detail"]
    assert (await admin.post(f"/api/v1/outcomes/{outcome.id}/restore")).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    outcome = await make_outcome(session, await make_area(session, plan))
    created = await editor.post(
        f"/api/v1/outcomes/{outcome.id}/objectives", json={"statement": "Old"}
    )
    objective_id = created.json()["id"]
    url = f"/api/v1/objectives/{objective_id}"
    assert (await patch(editor, url, {"statement": "New"})).status_code == 200
    assert (await archive(editor, url)).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200
    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == objective_id)
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert {e.entity_type for e in events} == {"objective"}
    assert events[0].changes["outcome_id"] == {"before": None, "after": outcome.id}
    assert events[1].changes == {"statement": {"before": "Old", "after": "New"}}
