"""Values of the wrong JSON type, NUL characters, far-off dates, undecodable bodies and forged
cursors are a 422 naming the field, never coerced, never stored, never a 500 (found by fuzzing)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_action, make_area, make_outcome, make_plan
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
    assert_problem(response, 400)
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


# Every time a client can send, walked from the contract the code generates: a time without
# a zone offset could mean any of 24 hours, so it is refused like a malformed one.
NAIVE_TIMES = ["2024-01-01T10:00:00", "2024-01-01 10:00:00", "2024-01-01T10:00"]
MALFORMED_TIMES = [
    "2024-02-30T10:00:00Z",
    "2024-01-01T25:00:00+00:00",
    "2024-01-01T10:00:00 01:00",  # `+01:00` sent unencoded in a query string
    "2024-01-01T10:00:00+24:00",
    "2024-01-01T10:00:00Zjunk",
    "yesterday",
    "",
]
TIMES_WITH_OFFSET = ["2999-01-01T10:00:00Z", "2999-01-01T10:00:00+01:00", "2999-01-01T10:00-05:00"]
# A request each operation takes apart from the time, for operations that need more.
REQUEST_CONTEXT: dict[str, dict[str, Any]] = {
    "create_api_key": {"json": {"name": "Sweep", "role": "viewer"}},
}
KNOWN_TIME_INPUTS = {
    "query.updated_since",
    "query.created_since",
    "query.since",
    "query.until",
    "body.expires_at",
}


def _is_date_time(schema: dict[str, Any]) -> bool:
    return schema.get("format") == "date-time" or any(
        _is_date_time(option) for option in schema.get("anyOf", [])
    )


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def date_time_inputs(document: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(method, path, operation id, where, name) for every date-time a request can carry."""
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                if _is_date_time(parameter["schema"]):
                    where, name = parameter["in"], parameter["name"]
                    found.append((method, path, operation["operationId"], where, name))
            content = operation.get("requestBody", {}).get("content", {})
            body = _resolve(document, content.get("application/json", {}).get("schema", {}))
            for name, field in body.get("properties", {}).items():
                if _is_date_time(field):
                    found.append((method, path, operation["operationId"], "body", name))
    return found


async def test_every_time_in_the_contract_needs_a_zone_offset(
    app: FastAPI, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    inputs = date_time_inputs(app.openapi())
    assert {f"{where}.{name}" for *_, where, name in inputs} >= KNOWN_TIME_INPUTS
    area = await make_area(session, await make_plan(session))
    outcome = await make_outcome(session, area)
    action = await make_action(session, area)
    path_ids = {
        "plan_id": area.plan_id,
        "area_id": area.id,
        "outcome_id": outcome.id,
        "action_id": action.id,
    }
    wrong = []
    for method, template, operation_id, where, name in inputs:
        path = template.format_map(path_ids) if "{" in template else template
        assert "{" not in path, f"give {operation_id} real path parameters in this test"
        context = REQUEST_CONTEXT.get(operation_id, {})
        if where == "body":
            assert "json" in context, f"add a body for {operation_id} to REQUEST_CONTEXT"
        for value in [*NAIVE_TIMES, *MALFORMED_TIMES, *TIMES_WITH_OFFSET]:
            request: dict[str, Any] = {
                "params": dict(context.get("params", {})),
                "headers": {},
                "json": dict(context["json"]) if "json" in context else None,
            }
            {"query": request["params"], "header": request["headers"], "body": request["json"]}[
                where
            ][name] = value
            response = await admin.request(method.upper(), path, **request)
            field = f"{where}.{name}"
            if value in TIMES_WITH_OFFSET:
                ok = response.is_success
            else:
                ok = response.status_code == 422 and field in error_fields(response)
                ok = ok and response.headers["content-type"] == "application/problem+json"
            if not ok:
                wrong.append(f"{method.upper()} {path} {field}={value!r}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


async def test_a_time_without_an_offset_says_what_is_missing(admin: httpx.AsyncClient) -> None:
    response = await admin.get("/api/v1/actions", params={"updated_since": "2024-01-01T10:00:00"})
    problem = assert_problem(response, 422)
    assert problem["errors"] == [
        {
            "field": "query.updated_since",
            "message": "Input should be a time with a zone offset, such as "
            "2023-07-31T09:00:00Z or 2023-07-31T10:00:00+01:00",
            "type": "timezone_aware",
        }
    ]
