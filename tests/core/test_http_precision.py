"""HTTP as clients and proxies expect it: 415 for a body that is not sent as JSON, 400 for
a body that is not JSON, every method of a path in a 405's `Allow`, 422 naming a query
parameter the operation does not take, and a problem type for each kind of conflict."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI, Query
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import CONFLICTS, PROBLEM_BASE
from app.core.http.metrics import effective_routes
from app.core.http.requests import query_names
from tests.factories import make_action, make_area, make_plan
from tests.support import assert_problem, error_fields, patch


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", None]
)
async def test_a_body_not_sent_as_json_is_415_and_stores_nothing(
    admin: httpx.AsyncClient, content_type: str | None
) -> None:
    response = await admin.post(
        "/api/v1/plans",
        content=b'{"title": "Plan", "organisation": "Stockton"}',
        headers={"Content-Type": content_type} if content_type else {},
    )
    problem = assert_problem(response, 415)
    assert problem["type"] == PROBLEM_BASE + "unsupported-media-type"
    assert response.headers["Accept-Post"] == "application/json"
    assert (await admin.get("/api/v1/plans")).json()["total"] == 0


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/json; charset=utf-8", "application/merge-patch+json"],
)
async def test_a_json_body_is_taken(admin: httpx.AsyncClient, content_type: str) -> None:
    response = await admin.post(
        "/api/v1/plans",
        content=b'{"title": "Plan", "organisation": "Stockton"}',
        headers={"Content-Type": content_type},
    )
    assert response.status_code == 201, response.text


async def test_a_patch_not_sent_as_json_names_what_it_takes(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    etag = (await admin.get(f"/api/v1/plans/{plan.id}")).headers["ETag"]
    response = await admin.patch(
        f"/api/v1/plans/{plan.id}",
        content=b"title=Renamed",
        headers={"Content-Type": "application/x-www-form-urlencoded", "If-Match": etag},
    )
    assert_problem(response, 415)
    assert response.headers["Accept-Patch"] == "application/json"
    assert (await admin.get(f"/api/v1/plans/{plan.id}")).json()["title"] == plan.title


@pytest.mark.parametrize("body", [b'{"title": "Plan",', b"not json", b'{"title": "\xff\xfe"}'])
async def test_a_body_that_is_not_json_is_400(admin: httpx.AsyncClient, body: bytes) -> None:
    response = await admin.post(
        "/api/v1/plans", content=body, headers={"Content-Type": "application/json"}
    )
    problem = assert_problem(response, 400)
    assert problem["type"] == PROBLEM_BASE + "bad-request"
    assert problem["errors"][0]["field"] == "body"
    assert problem["errors"][0]["type"] == "json_invalid"
    assert (await admin.get("/api/v1/plans")).json()["total"] == 0


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("OPTIONS", "/api/v1/actions", "GET, POST"),
        ("PUT", "/api/v1/actions", "GET, POST"),
        ("PUT", "/api/v1/plans/plan_x", "DELETE, GET, PATCH"),
        ("DELETE", "/api/v1/status-updates/upd_x", "GET"),
        # A path of its own names the path before a template it also matches.
        ("OPTIONS", "/api/v1/meetings/schedule", "POST"),
        # ... though routing hands it to the template's route, which finds no such id.
        ("GET", "/api/v1/meetings/schedule", "POST"),
        ("GET", "/api/v1/status-updates/batch", "POST"),
    ],
)
async def test_a_405_allows_every_method_of_the_path(
    viewer: httpx.AsyncClient, method: str, path: str, allowed: str
) -> None:
    response = await viewer.request(method, path)
    assert_problem(response, 405)
    assert response.headers["Allow"] == allowed


async def test_a_missing_id_under_a_template_is_still_a_404(viewer: httpx.AsyncClient) -> None:
    assert_problem(await viewer.get("/api/v1/meetings/mtg_missing"), 404)
    assert_problem(await viewer.get("/api/v1/status-updates/upd_missing"), 404)


async def test_an_unknown_query_parameter_is_named(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    await make_action(session, area)
    response = await viewer.get("/api/v1/actions", params={"rag_status": "red", "rag": "red"})
    problem = assert_problem(response, 422)
    assert error_fields(response) == {"query.rag_status"}
    assert problem["errors"][0]["type"] == "unknown_parameter"
    assert "rag" in problem["errors"][0]["message"]
    # The known spelling still filters.
    assert (await viewer.get("/api/v1/actions", params={"rag": "red"})).json()["total"] == 0


@pytest.mark.parametrize(
    ("url", "unknown"),
    [
        ("/api/v1/plans?include_archive=true", "include_archive"),
        ("/api/v1/me?verbose=1", "verbose"),
        ("/api/v1/actions/act_x?expand=children&as_of=2024-01-01&x=1", "x"),
        ("/api/v1/reports/quarterly?plan_id=p&quarter=2023-24-Q1&fromat=csv", "fromat"),
    ],
)
async def test_every_operation_refuses_a_parameter_it_does_not_take(
    admin: httpx.AsyncClient, url: str, unknown: str
) -> None:
    response = await admin.get(url)
    assert_problem(response, 422)
    assert error_fields(response) == {f"query.{unknown}"}


def test_every_operation_takes_the_query_parameters_its_contract_names(app: FastAPI) -> None:
    """What the check allows is what the contract documents, operation by operation."""
    document = app.openapi()
    for template, route, _ in effective_routes(app.routes):
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        for method in route.methods or ():
            operation = document["paths"][template][method.lower()]
            documented = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert query_names(route.dependant) == documented, route.name


class Filters(BaseModel):
    rag: list[str] = []
    due_before: str | None = Field(default=None, alias="due-before")


def test_a_query_model_is_read_by_its_fields() -> None:
    app = FastAPI()

    @app.get("/things")
    async def list_things(filters: Filters = Query(), limit: int = 50) -> None:
        return None

    route = next(r for r in app.routes if isinstance(r, APIRoute) and r.name == "list_things")
    assert query_names(route.dependant) == {"rag", "due-before", "limit"}


async def test_each_kind_of_conflict_has_its_own_type(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    action = await make_action(session, area)

    duplicate = await admin.post(f"/api/v1/plans/{plan.id}/areas", json={"number": 1, "title": "T"})
    assert assert_problem(duplicate, 409)["type"] == PROBLEM_BASE + "duplicate"

    in_use = await patch_delete(admin, f"/api/v1/areas/{area.id}")
    problem = assert_problem(in_use, 409)
    assert problem["type"] == PROBLEM_BASE + "has-dependents"
    assert problem["blocking"][0]["id"] == action.id

    assert (await patch_delete(admin, f"/api/v1/actions/{action.id}")).status_code == 200
    archived = await patch(admin, f"/api/v1/actions/{action.id}", {"title": "Renamed"})
    assert assert_problem(archived, 409)["type"] == PROBLEM_BASE + "archived"

    assert (await patch_delete(admin, f"/api/v1/areas/{area.id}")).status_code == 200
    parent = await admin.post(f"/api/v1/actions/{action.id}/restore")
    assert assert_problem(parent, 409)["type"] == PROBLEM_BASE + "parent-archived"


async def patch_delete(http: httpx.AsyncClient, url: str) -> httpx.Response:
    etag = (await http.get(url)).headers["ETag"]
    return await http.delete(url, headers={"If-Match": etag})


def test_the_contract_lists_every_kind_of_conflict(app: FastAPI) -> None:
    document = app.openapi()
    declared = {
        example["value"]["type"]
        for operations in document["paths"].values()
        for operation in operations.values()
        for example in operation["responses"]
        .get("409", {})
        .get("content", {})
        .get("application/problem+json", {})
        .get("examples", {})
        .values()
    }
    assert declared == {PROBLEM_BASE + kind.slug for kind in CONFLICTS}
