"""A created resource's `Location` is the URL `request.url_for` gives, found without
searching the route table on every request."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, FastAPI
from starlette.requests import Request
from starlette.routing import NoMatchFound

from app.core.http.locations import url_for

VALUES = ["upd_0123456789abcdef0123", "a b", "é%20", "x?y#z", "..", "a" * 200]


def _request(app: FastAPI, root_path: str, host: bytes) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "scheme": "https",
            "server": ("example.org", 443),
            "path": f"{root_path}/api/v1/things",
            "root_path": root_path,
            "query_string": b"",
            "headers": [(b"host", host)],
            "app": app,
            "router": app.router,
        }
    )


def _app() -> FastAPI:
    router = APIRouter(prefix="/things")

    @router.get("/{thing_id}")
    async def get_thing(thing_id: str) -> str:
        return thing_id

    @router.get("/{thing_id}/parts/{part_id}")
    async def get_part(thing_id: str, part_id: str) -> str:
        return part_id

    app = FastAPI()
    app.include_router(router, prefix="/api/v1")
    return app


@pytest.mark.parametrize("root_path", ["", "/plans-api"])
@pytest.mark.parametrize("host", [b"example.org", b"example.org:8443"])
def test_the_same_url_as_url_for(root_path: str, host: bytes) -> None:
    app = _app()
    request = _request(app, root_path, host)
    for value in VALUES:
        expected = str(request.url_for("get_thing", thing_id=value))
        assert url_for(request, "get_thing", "thing_id", value) == expected
        assert url_for(request, "get_thing", "thing_id", value) == expected  # from the cache


def test_what_url_for_refuses_it_refuses() -> None:
    request = _request(_app(), "", b"example.org")
    for value in ("", "a/b"):
        with pytest.raises(AssertionError):
            url_for(request, "get_thing", "thing_id", value)
    with pytest.raises(NoMatchFound):
        url_for(request, "get_nothing", "thing_id", "x")
    with pytest.raises(NoMatchFound):
        url_for(request, "get_part", "thing_id", "x")  # a route with two parameters
