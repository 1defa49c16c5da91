"""What every response carries, whichever way its body was produced.

Single-resource reads send JSON serialised once, for the body and its ETag alike; the
headers set before the body (rate limits, request id, security and caching headers) must
still reach the client, on the 200 and on the 304. An error nothing handled is logged with
the status the client got.
"""

from __future__ import annotations

import logging
import re

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Role
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_plan


async def test_reads_keep_every_header_on_the_200_and_the_304(
    clients: Clients, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area)
    viewer = await clients.as_role(Role.viewer)
    paths = [
        f"/api/v1/plans/{plan.id}",
        f"/api/v1/plans/{plan.id}/tree",
        f"/api/v1/areas/{area.id}",
        f"/api/v1/actions/{action.id}",
    ]
    for path in paths:
        read = await viewer.get(path)
        assert read.status_code == 200, path
        assert read.headers["content-type"] == "application/json", path
        assert plan.id in read.text, path
        assert read.headers["ETag"].startswith('"'), path
        assert "RateLimit-Remaining" in read.headers, path
        assert read.headers["Cache-Control"] == "private, no-cache", path
        assert read.headers["X-Content-Type-Options"] == "nosniff", path
        assert len(read.headers["X-Request-ID"]) == 32, path
        assert re.fullmatch(r"app;dur=\d+\.\d", read.headers["Server-Timing"]), path
        again = await viewer.get(path, headers={"If-None-Match": read.headers["ETag"]})
        assert again.status_code == 304, path
        assert again.content == b"", path
        assert again.headers["ETag"] == read.headers["ETag"], path
        assert again.headers["X-Frame-Options"] == "DENY", path
        assert again.headers["Server-Timing"].startswith("app;dur="), path


async def test_rate_limit_headers_reach_reports_304s_and_problems(
    clients: Clients, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    viewer = await clients.as_role(Role.viewer)
    report = "/api/v1/reports/quarterly"
    params = {"plan_id": plan.id, "quarter": "2023-24-Q2"}
    first = await viewer.get(report, params=params)
    assert first.status_code == 200
    again = await viewer.get(
        report, params=params, headers={"If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304
    csv = await viewer.get(report, params={**params, "format": "csv"})
    missing = await viewer.get("/api/v1/plans/plan_00000000000000000000")
    assert missing.status_code == 404
    remaining = [
        int(response.headers["RateLimit-Remaining"]) for response in (first, again, csv, missing)
    ]
    assert remaining == sorted(remaining, reverse=True)
    assert len(set(remaining)) == 4


async def test_an_expanded_read_sends_the_plain_etag_and_the_whole_body(
    clients: Clients, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    action = await make_action(session, await make_area(session, plan))
    viewer = await clients.as_role(Role.viewer)
    plain = await viewer.get(f"/api/v1/actions/{action.id}")
    expanded = await viewer.get(
        f"/api/v1/actions/{action.id}", params={"expand": "success_criteria,latest_update"}
    )
    assert expanded.status_code == 200
    assert expanded.headers["ETag"] == plain.headers["ETag"]
    assert expanded.json()["success_criteria"] == []
    assert "RateLimit-Remaining" in expanded.headers


async def test_an_unhandled_error_is_logged_with_its_500(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    async def crash() -> None:
        raise RuntimeError("boom")

    app.add_api_route("/api/v1/_crash", crash, include_in_schema=False)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        with caplog.at_level(logging.INFO, logger="app.access"):
            response = await http.get("/api/v1/_crash")
    assert response.status_code == 500
    assert response.headers["Cache-Control"] == "private, no-cache"
    access = [r.getMessage() for r in caplog.records if r.name == "app.access"]
    assert any(line.startswith("GET /api/v1/_crash 500 ") for line in access), access
