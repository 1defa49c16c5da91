"""Values of the wrong JSON type, NUL characters, far-off dates, undecodable bodies and forged
cursors are a 422 naming the field, never coerced, never stored, never a 500 (found by fuzzing)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_area, make_plan
from tests.support import assert_problem, error_fields


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "Jane Smith", "is_role": 0}, "body.is_role"),
        ({"name": "Jane Smith", "is_role": "yes"}, "body.is_role"),
        ({"name": "Jane\x00 Smith"}, "body.name"),
    ],
)
async def test_officer_bodies_of_the_wrong_type_are_refused(
    admin: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    response = await admin.post("/api/v1/officers", json=body)
    assert_problem(response, 422)
    assert error_fields(response) == {field}
    assert (await admin.get("/api/v1/officers")).json()["total"] == 0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": 0}, "body.date"),
        ({"date": "1690000000"}, "body.date"),
        ({"board": "GA\x00BB"}, "body.board"),
    ],
)
async def test_meeting_bodies_of_the_wrong_type_are_refused(
    admin: httpx.AsyncClient, session: AsyncSession, changes: dict[str, Any], field: str
) -> None:
    plan = await make_plan(session)
    body = {"plan_id": plan.id, "board": "GABB", "date": "2023-07-31", **changes}
    response = await admin.post("/api/v1/meetings", json=body)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


@pytest.mark.parametrize(
    ("number", "status"), [("3", 422), (3.5, 422), (True, 422), (3.0, 201), (3, 201)]
)
async def test_an_integer_is_a_json_integer(
    admin: httpx.AsyncClient, session: AsyncSession, number: Any, status: int
) -> None:
    plan = await make_plan(session)
    response = await admin.post(
        f"/api/v1/plans/{plan.id}/areas", json={"number": number, "title": "Workforce"}
    )
    assert response.status_code == status, response.text
    if status == 422:
        assert error_fields(response) == {"body.number"}
    else:
        assert response.json()["number"] == 3


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/actions?updated_since=0.5", "query.updated_since"),
        ("/api/v1/actions?due_before=0", "query.due_before"),
        ("/api/v1/meetings?date_to=0", "query.date_to"),
        ("/api/v1/status-updates?effective_to=20230731", "query.effective_to"),
        ("/api/v1/audit-events?until=1690000000", "query.until"),
    ],
)
async def test_dates_and_times_in_queries_are_iso_text(
    admin: httpx.AsyncClient, url: str, field: str
) -> None:
    response = await admin.get(url)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_iso_dates_and_times_in_queries_are_taken(admin: httpx.AsyncClient) -> None:
    response = await admin.get(
        "/api/v1/actions",
        params={"updated_since": "2023-07-31T09:00:00Z", "due_before": "2024-03-31"},
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/actions?ref=A1%00", "query.ref"),
        ("/api/v1/actions?q=%00", "query.q"),
        ("/api/v1/audit-events?actor=x%00y", "query.actor"),
        ("/api/v1/plans/plan_%00", "path.plan_id"),
    ],
)
async def test_nul_in_a_url_is_refused_naming_the_parameter(
    admin: httpx.AsyncClient, url: str, field: str
) -> None:
    response = await admin.get(url)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_a_body_that_is_not_utf8_is_refused_as_malformed_json(
    admin: httpx.AsyncClient,
) -> None:
    response = await admin.post(
        "/api/v1/plans",
        content=b'{"title": "\xff\xfe"}',
        headers={"Content-Type": "application/json"},
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body"}


@pytest.mark.parametrize("cursor", ["abc.\u00e9", "e30.\u00ff\u00ff", "\u00e9.\u00e9"])
async def test_a_cursor_with_foreign_characters_is_refused(
    viewer: httpx.AsyncClient, cursor: str
) -> None:
    response = await viewer.get("/api/v1/plans", params={"cursor": cursor})
    assert_problem(response, 422)
    assert error_fields(response) == {"query.cursor"}


async def test_a_real_cursor_still_pages(admin: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    for number in (1, 2, 3):
        await make_area(session, plan, number=number, ref=str(number), position=number)
    first = await admin.get(f"/api/v1/plans/{plan.id}/areas", params={"limit": 2})
    cursor = first.json()["next_cursor"]
    assert cursor
    second = await admin.get(
        f"/api/v1/plans/{plan.id}/areas", params={"limit": 2, "cursor": cursor}
    )
    assert [a["number"] for a in second.json()["items"]] == [3]


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
async def test_days_on_the_far_ends_of_the_calendar_are_refused(
    admin: httpx.AsyncClient, session: AsyncSession, day: str
) -> None:
    plan = await make_plan(session)
    for url, field in [
        (f"/api/v1/actions?as_of={day}", "query.as_of"),
        (f"/api/v1/plans/{plan.id}/tree?as_of={day}", "query.as_of"),
        (f"/api/v1/reports/summary?plan_id={plan.id}&as_of={day}", "query.as_of"),
        (f"/api/v1/reports/exceptions?plan_id={plan.id}&as_of={day}", "query.as_of"),
        (f"/api/v1/actions?updated_since={day}T00:00:00Z", "query.updated_since"),
    ]:
        response = await admin.get(url)
        assert_problem(response, 422)
        assert error_fields(response) == {field}, url
    response = await admin.post(
        "/api/v1/meetings/schedule", json={"plan_id": plan.id, "first_date": day}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.first_date"}
    assert (await admin.get("/api/v1/meetings")).json()["total"] == 0


@pytest.mark.parametrize("day", ["1900-01-01", "2999-12-31"])
async def test_the_ends_of_the_range_are_taken(
    admin: httpx.AsyncClient, session: AsyncSession, day: str
) -> None:
    plan = await make_plan(session)
    assert (await admin.get(f"/api/v1/actions?as_of={day}")).status_code == 200
    response = await admin.get(f"/api/v1/reports/exceptions?plan_id={plan.id}&as_of={day}")
    assert response.status_code == 200, response.text
