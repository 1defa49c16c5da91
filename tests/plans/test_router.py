"""`/api/v1/plans`: the first resource, with every convention of the API."""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import AuditEvent, Plan
from tests.factories import make_plan
from tests.support import assert_problem

PLANS = "/api/v1/plans"
NEW_PLAN = {
    "title": "Children's Services Improvement Plan",
    "organisation": "Stockton-on-Tees Borough Council",
    "version_label": "Draft, April 2023",
}


async def test_create_then_get_returns_the_stored_plan(editor: httpx.AsyncClient) -> None:
    created = await editor.post(PLANS, json=NEW_PLAN)
    assert created.status_code == 201, created.text
    plan = created.json()
    assert plan["id"].startswith("plan_")
    assert plan["status"] == "draft"
    assert plan["archived_at"] is None
    assert plan["created_at"].endswith("Z")
    assert set(plan["rating_definitions"]) == {"red", "amber", "green", "blue"}
    assert created.headers["Location"].endswith(f"{PLANS}/{plan['id']}")

    fetched = await editor.get(f"{PLANS}/{plan['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == plan
    assert fetched.headers["ETag"] == created.headers["ETag"]


async def test_create_rejects_unknown_and_read_only_fields(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    response = await editor.post(PLANS, json={**NEW_PLAN, "colour": "red", "id": "plan_mine"})
    body = assert_problem(response, 422)
    fields = {error["field"] for error in body["errors"]}
    assert fields == {"body.colour", "body.id"}
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


async def test_create_names_each_invalid_field(editor: httpx.AsyncClient) -> None:
    response = await editor.post(PLANS, json={"title": "", "status": "finished"})
    body = assert_problem(response, 422)
    fields = {error["field"] for error in body["errors"]}
    assert fields == {"body.title", "body.organisation", "body.status"}


async def test_malformed_json_is_a_problem_not_a_crash(editor: httpx.AsyncClient) -> None:
    response = await editor.post(
        PLANS, content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 400)


async def test_unknown_plan_is_404_problem(viewer: httpx.AsyncClient) -> None:
    body = assert_problem(await viewer.get(f"{PLANS}/plan_missing"), 404)
    assert "plan_missing" in str(body["detail"])


async def test_unknown_path_and_method_are_problems(viewer: httpx.AsyncClient) -> None:
    assert_problem(await viewer.get("/api/v1/nothing-here"), 404)
    assert_problem(await viewer.put(PLANS), 405)


async def test_viewer_cannot_create(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    assert_problem(await viewer.post(PLANS, json=NEW_PLAN), 403)
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


async def test_etag_and_if_none_match(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    first = await viewer.get(f"{PLANS}/{plan.id}")
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    again = await viewer.get(f"{PLANS}/{plan.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = await viewer.get(f"{PLANS}/{plan.id}", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200


async def test_update_needs_if_match(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    response = await editor.patch(f"{PLANS}/{plan.id}", json={"title": "New"})
    assert_problem(response, 428)
    stored = (await editor.get(f"{PLANS}/{plan.id}")).json()
    assert stored["title"] == plan.title


async def test_stale_if_match_is_412_and_changes_nothing(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    url = f"{PLANS}/{plan.id}"
    etag = (await editor.get(url)).headers["ETag"]
    first = await editor.patch(url, json={"title": "First edit"}, headers={"If-Match": etag})
    assert first.status_code == 200, first.text
    assert first.headers["ETag"] != etag

    second = await editor.patch(url, json={"title": "Second edit"}, headers={"If-Match": etag})
    assert_problem(second, 412)
    assert (await editor.get(url)).json()["title"] == "First edit"


async def test_update_changes_only_the_fields_sent(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session, description="Intro")
    url = f"{PLANS}/{plan.id}"
    etag = (await editor.get(url)).headers["ETag"]
    response = await editor.patch(
        url, json={"status": "approved", "version_label": None}, headers={"If-Match": etag}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "approved"
    assert body["version_label"] is None
    assert body["description"] == "Intro"
    assert body["updated_at"] > body["created_at"]
    assert response.headers["ETag"] == (await editor.get(url)).headers["ETag"]


async def test_update_refuses_null_for_required_fields(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    url = f"{PLANS}/{plan.id}"
    etag = (await editor.get(url)).headers["ETag"]
    response = await editor.patch(url, json={"title": None}, headers={"If-Match": etag})
    assert_problem(response, 422)


async def test_archive_hides_from_lists_and_restore_brings_back(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    url = f"{PLANS}/{plan.id}"
    assert_problem(await editor.delete(url), 428)
    etag = (await editor.get(url)).headers["ETag"]
    archived = await editor.delete(url, headers={"If-Match": etag})
    assert archived.status_code == 200, archived.text
    assert archived.json()["archived_at"] is not None

    assert (await editor.get(PLANS)).json()["total"] == 0
    listed = (await editor.get(PLANS, params={"include_archived": "true"})).json()
    assert [p["id"] for p in listed["items"]] == [plan.id]
    assert (await editor.get(url)).status_code == 200

    changed = await editor.patch(
        url, json={"title": "x"}, headers={"If-Match": archived.headers["ETag"]}
    )
    assert_problem(changed, 409)
    assert_problem(await editor.post(f"{url}/restore"), 403)
    restored = await admin.post(f"{url}/restore")
    assert restored.status_code == 200
    assert restored.json()["archived_at"] is None
    assert (await editor.get(PLANS)).json()["total"] == 1
    assert await session.get(Plan, plan.id) is not None


async def test_every_write_is_audited(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    created = (await editor.post(PLANS, json=NEW_PLAN)).json()
    url = f"{PLANS}/{created['id']}"
    etag = (await editor.get(url)).headers["ETag"]
    updated = await editor.patch(url, json={"title": "Renamed"}, headers={"If-Match": etag})
    archived = await editor.delete(url, headers={"If-Match": updated.headers["ETag"]})
    assert archived.status_code == 200
    await admin.post(f"{url}/restore")

    events = (
        await session.scalars(
            sa.select(AuditEvent)
            .where(col(AuditEvent.entity_id) == created["id"])
            .order_by(col(AuditEvent.occurred_at))
        )
    ).all()
    assert [e.operation for e in events] == ["create", "update", "archive", "restore"]
    assert events[1].changes["title"] == {"before": NEW_PLAN["title"], "after": "Renamed"}
    assert events[0].actor == "editor test key"
    assert all(e.request_id for e in events)


async def test_list_pages_never_skip_or_repeat(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    originals = {(await make_plan(session, title=f"Plan {i % 3}")).id for i in range(7)}
    seen: list[str] = []
    params: dict[str, str] = {"limit": "3", "sort": "title"}
    pages = 0
    while True:
        response = await viewer.get(PLANS, params=params)
        assert response.status_code == 200, response.text
        body = response.json()
        seen.extend(item["id"] for item in body["items"])
        pages += 1
        if body["next_cursor"] is None:
            assert "Link" not in response.headers
            break
        assert 'rel="next"' in response.headers["Link"]
        params["cursor"] = body["next_cursor"]
        if pages == 1:
            # Plans created mid-read must not shift the pages still to come.
            await make_plan(session, title="Plan 0")
            await make_plan(session, title="A plan")
    assert len(seen) == len(set(seen))
    assert originals <= set(seen)


async def test_link_header_points_at_the_next_page(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    for _ in range(3):
        await make_plan(session)
    first = await viewer.get(PLANS, params={"limit": "2"})
    next_url = first.headers["Link"].split(";")[0].strip("<>")
    second = await viewer.get(next_url)
    assert len(second.json()["items"]) == 1


async def test_sort_descending_and_unknown_field(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    for title in ("B", "C", "A"):
        await make_plan(session, title=title)
    response = await viewer.get(PLANS, params={"sort": "-title"})
    assert [p["title"] for p in response.json()["items"]] == ["C", "B", "A"]
    body = assert_problem(await viewer.get(PLANS, params={"sort": "colour"}), 422)
    assert body["errors"][0]["field"] == "query.sort"


async def test_repeated_filter_means_or(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    await make_plan(session, title="d", status="draft")
    await make_plan(session, title="a", status="approved")
    await make_plan(session, title="c", status="closed")
    response = await viewer.get(PLANS, params=[("status", "draft"), ("status", "closed")])
    assert sorted(p["title"] for p in response.json()["items"]) == ["c", "d"]
    response = await viewer.get(PLANS, params=[("status", "draft"), ("q", "zz")])
    assert response.json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "query.limit"),
        ({"limit": "501"}, "query.limit"),
        ({"limit": "ten"}, "query.limit"),
        ({"status": "finished"}, "query.status"),
        ({"cursor": "forged"}, "query.cursor"),
        ({"include_archived": "maybe"}, "query.include_archived"),
    ],
)
async def test_bad_list_parameters_name_the_parameter(
    viewer: httpx.AsyncClient, params: dict[str, str], field: str
) -> None:
    body = assert_problem(await viewer.get(PLANS, params=params), 422)
    assert field in {error["field"] for error in body["errors"]}


async def test_cursor_from_another_sort_is_refused(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    for _ in range(3):
        await make_plan(session)
    cursor = (await viewer.get(PLANS, params={"limit": "1"})).json()["next_cursor"]
    response = await viewer.get(PLANS, params={"cursor": cursor, "sort": "-title"})
    assert_problem(response, 422)


async def test_list_runs_a_fixed_number_of_statements(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: object
) -> None:
    from tests.conftest import StatementCounter

    assert isinstance(count_statements, StatementCounter)
    await viewer.get(PLANS)  # the key's last-used time is written on first use
    counts = []
    for size in (1, 10):
        while (await viewer.get(PLANS, params={"limit": "100"})).json()["total"] < size:
            await make_plan(session)
        before = count_statements.count
        response = await viewer.get(PLANS, params={"limit": str(size)})
        assert len(response.json()["items"]) == size
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 3
