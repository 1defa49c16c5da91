"""`/api/v1/officers`: lead officers, whose reads are audited because they are personal data."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionLeadOfficer, AuditEvent, Officer, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import archive, assert_problem, error_fields, patch

OFFICERS = "/api/v1/officers"
NEW_OFFICER = {
    "name": "Jane Smith",
    "job_title": "Director of Children's Services",
    "email": "jane.smith@example.gov.uk",
    "organisation": "Example Borough Council",
}


async def _lead(session: AsyncSession, action: Action, officer: Officer) -> None:
    session.add(ActionLeadOfficer(action_id=action.id, officer_id=officer.id))
    await session.commit()


async def _events(session: AsyncSession, entity_id: str) -> list[AuditEvent]:
    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == entity_id)
            .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
        )
    ).all()
    await session.commit()
    return list(events)


async def _names(http: httpx.AsyncClient, params: Any) -> list[str]:
    response = await http.get(OFFICERS, params=params)
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


async def test_create_list_get(editor: httpx.AsyncClient) -> None:
    created = await editor.post(OFFICERS, json=NEW_OFFICER)
    assert created.status_code == 201, created.text
    officer = created.json()
    assert officer["id"].startswith("off_")
    assert officer["is_role"] is False
    assert officer["archived_at"] is None
    assert {k: officer[k] for k in NEW_OFFICER} == NEW_OFFICER
    assert created.headers["Location"].endswith(f"{OFFICERS}/{officer['id']}")

    listed = (await editor.get(OFFICERS)).json()
    assert listed["total"] == 1
    assert listed["items"] == [officer]
    fetched = await editor.get(f"{OFFICERS}/{officer['id']}")
    assert fetched.json() == officer
    assert fetched.headers["ETag"] == created.headers["ETag"]


async def test_a_role_needs_only_a_name(editor: httpx.AsyncClient) -> None:
    created = await editor.post(OFFICERS, json={"name": "DCS", "is_role": True})
    assert created.status_code == 201, created.text
    assert created.json()["is_role"] is True
    assert created.json()["email"] is None


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({**NEW_OFFICER, "email": "not an address"}, {"body.email"}),
        ({**NEW_OFFICER, "email": "jane@nodot"}, {"body.email"}),
        ({**NEW_OFFICER, "colour": "red", "id": "off_mine"}, {"body.colour", "body.id"}),
        ({"name": ""}, {"body.name"}),
        ({"job_title": "x"}, {"body.name"}),
    ],
)
async def test_invalid_bodies_name_the_field(
    editor: httpx.AsyncClient, session: AsyncSession, body: dict[str, object], fields: set[str]
) -> None:
    response = await editor.post(OFFICERS, json=body)
    assert_problem(response, 422)
    assert error_fields(response) == fields
    assert await session.scalar(sa.select(sa.func.count()).select_from(Officer)) == 0


async def test_viewer_cannot_create(viewer: httpx.AsyncClient) -> None:
    assert_problem(await viewer.post(OFFICERS, json=NEW_OFFICER), 403)


async def test_unknown_officer_is_404(viewer: httpx.AsyncClient, editor: httpx.AsyncClient) -> None:
    body = assert_problem(await viewer.get(f"{OFFICERS}/off_missing"), 404)
    assert "off_missing" in str(body["detail"])
    response = await editor.patch(
        f"{OFFICERS}/off_missing", json={"name": "x"}, headers={"If-Match": "*"}
    )
    assert_problem(response, 404)
    assert_problem(await editor.delete(f"{OFFICERS}/off_missing", headers={"If-Match": "*"}), 404)


async def test_filters_or_within_a_parameter_and_across_parameters(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    await make_officer(session, name="Jane Smith", organisation="Council")
    await make_officer(session, name="John Smithers", organisation="Police")
    await make_officer(session, name="DCS", is_role=True, organisation="Council")
    await make_officer(session, name="Health partners", is_role=True, organisation="NHS")
    await make_officer(session, name="100% Sam_", organisation="NHS")

    assert await _names(viewer, {"q": "SMITH"}) == ["Jane Smith", "John Smithers"]
    assert await _names(viewer, {"q": "%"}) == ["100% Sam_"]
    assert await _names(viewer, {"q": "_"}) == ["100% Sam_"]
    assert await _names(viewer, {"is_role": "true"}) == ["DCS", "Health partners"]
    assert await _names(viewer, {"is_role": "false", "q": "o"}) == ["John Smithers"]
    assert await _names(viewer, [("organisation", "Police"), ("organisation", "NHS")]) == [
        "100% Sam_",
        "Health partners",
        "John Smithers",
    ]
    assert await _names(
        viewer, [("organisation", "Police"), ("organisation", "NHS"), ("is_role", "true")]
    ) == ["Health partners"]


async def test_filter_by_plan_means_leading_a_live_action_there(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plans = [await make_plan(session) for _ in range(3)]
    areas = [await make_area(session, plan) for plan in plans]
    ann = await make_officer(session, name="Ann")
    bob = await make_officer(session, name="Bob")
    cat = await make_officer(session, name="Cat", is_role=True)
    await make_officer(session, name="Dan")
    await _lead(session, await make_action(session, areas[0]), ann)
    await _lead(session, await make_action(session, areas[0]), ann)
    await _lead(session, await make_action(session, areas[1]), bob)
    await _lead(session, await make_action(session, areas[1]), cat)
    await _lead(session, await make_action(session, areas[2], archived_at=utcnow()), cat)

    assert await _names(viewer, {"plan_id": plans[0].id}) == ["Ann"]
    assert await _names(viewer, [("plan_id", plans[0].id), ("plan_id", plans[1].id)]) == [
        "Ann",
        "Bob",
        "Cat",
    ]
    assert await _names(viewer, {"plan_id": plans[2].id}) == []
    assert await _names(viewer, [("plan_id", plans[1].id), ("is_role", "true")]) == ["Cat"]
    assert await _names(viewer, {"plan_id": "plan_missing"}) == []


async def test_sorting(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    for name in ("B", "C", "A"):
        await make_officer(session, name=name)
    assert await _names(viewer, {}) == ["A", "B", "C"]
    assert await _names(viewer, {"sort": "-name"}) == ["C", "B", "A"]
    assert await _names(viewer, {"sort": "created_at"}) == ["B", "C", "A"]
    body = assert_problem(await viewer.get(OFFICERS, params={"sort": "email"}), 422)
    assert body["errors"][0]["field"] == "query.sort"


async def test_update_needs_a_current_if_match(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session, email="jane@example.gov.uk")
    url = f"{OFFICERS}/{officer.id}"
    assert_problem(await editor.patch(url, json={"name": "Janet"}), 428)

    etag = (await editor.get(url)).headers["ETag"]
    first = await editor.patch(
        url, json={"name": "Janet", "email": None}, headers={"If-Match": etag}
    )
    assert first.status_code == 200, first.text
    assert first.json()["name"] == "Janet"
    assert first.json()["email"] is None
    assert first.headers["ETag"] != etag

    stale = await editor.patch(url, json={"name": "Jo"}, headers={"If-Match": etag})
    assert_problem(stale, 412)
    assert (await editor.get(url)).json()["name"] == "Janet"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "nope"}, "body.email"),
        ({"name": None}, "body"),
        ({"id": "off_other"}, "body.id"),
    ],
)
async def test_update_refuses_bad_changes(
    editor: httpx.AsyncClient, session: AsyncSession, body: dict[str, object], field: str
) -> None:
    officer = await make_officer(session)
    response = await patch(editor, f"{OFFICERS}/{officer.id}", body)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_archive_refused_while_leading_a_live_action(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    officer = await make_officer(session)
    action = await make_action(session, area, ref="A1.1")
    done = await make_action(session, area, ref="A1.2", archived_at=utcnow())
    await _lead(session, action, officer)
    await _lead(session, done, officer)
    url = f"{OFFICERS}/{officer.id}"

    assert_problem(await editor.delete(url), 428)
    body = assert_problem(await archive(editor, url), 409)
    assert body["blocking"] == [{"type": "action", "id": action.id, "ref": "A1.1"}]

    action.archived_at = utcnow()
    await session.commit()
    archived = await archive(editor, url)
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None
    assert (await editor.get(OFFICERS)).json()["total"] == 0
    listed = (await editor.get(OFFICERS, params={"include_archived": "true"})).json()
    assert [o["id"] for o in listed["items"]] == [officer.id]
    assert (await editor.get(url)).status_code == 200
    assert_problem(await patch(editor, url, {"name": "x"}), 409)

    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200, restored.text
    assert restored.json()["archived_at"] is None
    assert restored.headers["ETag"] == (await editor.get(url)).headers["ETag"]
    assert (await editor.get(OFFICERS)).json()["total"] == 1


async def test_every_read_of_an_officer_is_audited(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session)
    url = f"{OFFICERS}/{officer.id}"
    first = await viewer.get(url)
    assert first.status_code == 200
    again = await viewer.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    listed = await viewer.get(OFFICERS)
    assert [item["id"] for item in listed.json()["items"]] == [officer.id]

    events = await _events(session, officer.id)
    assert [e.operation for e in events] == ["read", "read", "read"]
    assert all(e.entity_type == "officer" for e in events)
    assert all(e.actor == "viewer test key" and e.actor_key_id for e in events)
    assert all(e.request_id for e in events)


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    created = (await editor.post(OFFICERS, json=NEW_OFFICER)).json()
    url = f"{OFFICERS}/{created['id']}"
    updated = await patch(editor, url, {"job_title": "DCS"})
    assert updated.status_code == 200
    assert (await archive(editor, url)).status_code == 200
    assert (await admin.post(f"{url}/restore")).status_code == 200

    events = [e for e in await _events(session, created["id"]) if e.operation != "read"]
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert events[0].changes["email"] == {"before": None, "after": NEW_OFFICER["email"]}
    assert events[1].changes == {"job_title": {"before": NEW_OFFICER["job_title"], "after": "DCS"}}
    assert [e.actor for e in events] == ["editor test key"] * 3 + ["admin test key"]


async def test_list_pages_follow_the_cursor(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = {(await make_officer(session, name=f"Officer {i % 2}")).id for i in range(5)}
    seen: list[str] = []
    params = {"limit": "2"}
    while True:
        response = await viewer.get(OFFICERS, params=params)
        body = response.json()
        seen.extend(item["id"] for item in body["items"])
        if body["next_cursor"] is None:
            break
        assert 'rel="next"' in response.headers["Link"]
        params["cursor"] = body["next_cursor"]
    assert len(seen) == len(set(seen)) == 5
    assert set(seen) == ids


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    await viewer.get(OFFICERS)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        while (await viewer.get(OFFICERS, params={"limit": "100"})).json()["total"] < size:
            await _lead(session, await make_action(session, area), await make_officer(session))
        before = count_statements.count
        response = await viewer.get(OFFICERS, params={"limit": str(size), "plan_id": plan.id})
        assert len(response.json()["items"]) == size
        counts.append(count_statements.count - before)
    # The key, the page, the total and one INSERT auditing every officer on the page.
    assert counts[0] == counts[1] <= 4, counts
