"""The fast-path registry refuses to build an application in which a fast path would
answer requests meant for another route."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi import APIRouter, FastAPI
from starlette.datastructures import QueryParams
from starlette.staticfiles import StaticFiles

from app.api import api_router
from app.core.http.requests import query_names
from app.fastpath import FAST_PATHS, install, reading
from app.fastpath.registry import FastPathConflict, build_entries, overlaps
from app.models import Role


async def _endpoint() -> dict[str, str]:
    return {}


def _with(extra: Callable[[APIRouter], object], *, first: bool) -> FastAPI:
    """The API's routes and one more, declared before or after them."""
    router = APIRouter()
    extra(router)
    app = FastAPI()
    for included in (router, api_router) if first else (api_router, router):
        app.include_router(included)
    return app


SHADOWED = {
    "a GET beside the detail": lambda r: r.get("/api/v1/actions/export")(_endpoint),
    "a POST beside the detail": lambda r: r.post("/api/v1/actions/export")(_endpoint),
    "a DELETE on every report": lambda r: r.delete("/api/v1/reports/{name}")(_endpoint),
    "a second GET of the list": lambda r: r.get("/api/v1/actions")(_endpoint),
}


@pytest.mark.parametrize("first", [True, False], ids=["declared first", "declared last"])
@pytest.mark.parametrize("extra", SHADOWED.values(), ids=SHADOWED.keys())
def test_a_route_a_fast_path_would_shadow_stops_start_up(
    extra: Callable[[APIRouter], object], first: bool
) -> None:
    app = _with(extra, first=first)
    with pytest.raises(FastPathConflict, match="would answer requests for"):
        install(app)


def test_a_mount_under_a_fast_paths_path_stops_start_up() -> None:
    app = FastAPI()
    app.include_router(api_router)
    app.mount("/api/v1/reports", StaticFiles(directory="."), name="files")
    with pytest.raises(FastPathConflict, match="/api/v1/reports/quarterly"):
        install(app)


def test_routes_beside_the_fast_paths_that_no_request_shares_are_allowed() -> None:
    app = _with(lambda r: r.get("/api/v1/actions/{action_id}/export")(_endpoint), first=True)
    app.mount("/api/v1/actions/files", StaticFiles(directory="."), name="files")
    install(app)  # the detail's path has one segment fewer than either: no request matches both


def test_a_fast_path_needs_its_route_and_a_declared_role() -> None:
    with pytest.raises(FastPathConflict, match="not one GET route"):
        build_entries(api_router.routes, {"no_such_route": FAST_PATHS["get_action"]})
    app = _with(lambda r: r.get("/elsewhere", name="open")(_endpoint), first=True)
    with pytest.raises(FastPathConflict, match="declares no role"):
        build_entries(app.routes, {"open": FAST_PATHS["get_action"]})


def test_each_fast_path_takes_the_role_its_route_declares() -> None:
    entries = build_entries(api_router.routes, FAST_PATHS)
    assert {entry.route.name: entry.role for entry in entries} == {
        "list_actions": Role.viewer,
        "get_action": Role.viewer,
        "get_quarterly_report": Role.viewer,
    }


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("/a/{id}", "/a/export", True),
        ("/a/{id}", "/a/{id}/b", False),
        ("/a", "/b", False),
        ("/a/{id}", "/b/{id}", False),
        ("/a/{rest:path}", "/a/b/c", True),
        ("/a/{id}", "/a/{other}", True),
    ],
)
def test_overlapping_templates(first: str, second: str, expected: bool) -> None:
    assert overlaps(first, second) is expected
    assert overlaps(second, first) is expected


def test_a_fast_path_takes_no_query_parameter_its_route_refuses() -> None:
    """A parameter the route does not take is a 422 there; a fast path that took it would
    answer instead. Each fast path parses its query by its route's declarations."""
    app = FastAPI()
    app.include_router(api_router)
    for entry in build_entries(app.routes, FAST_PATHS):
        assert entry.query.names == query_names(entry.route.dependant)
        for query in ("rag_status=red", "expand=latest_update&Expand=latest_update", "x="):
            assert reading.route_query(entry.query, QueryParams(query)) is None, (
                entry.route.name,
                query,
            )
