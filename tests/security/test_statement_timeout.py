"""Resource consumption: a runaway query is stopped by the statement timeout.

PostgreSQL cancels it (`statement_timeout`); SQLite interrupts it from a progress handler.
Either way the client gets a 503 problem with Retry-After, not a 500 and not a wait, and the
connection is fit for the next request.
"""

from __future__ import annotations

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db.session import SessionDep
from tests.support import assert_problem

TIMEOUT_MS = 1000
# Each runs for seconds, far longer than the timeout, when nothing stops it.
SLOW_QUERIES = {
    "postgresql": "SELECT pg_sleep(10)",
    "sqlite": (
        "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter "
        "WHERE n < 50000000) SELECT count(*) FROM counter"
    ),
}


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        db_statement_timeout_ms=TIMEOUT_MS,
        db_pool_size=1,
        create_admin_key_on_start=False,
    )


@pytest.fixture
def slow_app(app: FastAPI, backend: str) -> FastAPI:
    """The test's app with one extra route that runs a runaway query, and one quick one."""

    async def runaway(session: SessionDep) -> dict[str, int]:
        result = await session.execute(sa.text(SLOW_QUERIES[backend]))
        return {"result": int(result.scalar_one() or 0)}

    async def quick(session: SessionDep) -> dict[str, int]:
        return {"result": int((await session.execute(sa.text("SELECT 1"))).scalar_one())}

    app.add_api_route("/test-only/runaway", runaway, methods=["GET"])
    app.add_api_route("/test-only/quick", quick, methods=["GET"])
    return app


async def test_a_runaway_query_is_stopped_with_a_503_and_the_service_carries_on(
    slow_app: FastAPI, viewer: httpx.AsyncClient
) -> None:
    stopped = await viewer.get("/test-only/runaway")
    body = assert_problem(stopped, 503)
    assert body["type"] == "/problems/service-unavailable"
    assert "took too long" in body["detail"]
    assert int(stopped.headers["Retry-After"]) > 0
    assert "select" not in stopped.text.lower() and "counter" not in stopped.text.lower()

    # The same pool, the same connection (one only on PostgreSQL): fit for the next request.
    for _ in range(3):
        quick = await viewer.get("/test-only/quick")
        assert (quick.status_code, quick.json()) == (200, {"result": 1})
    assert (await viewer.get("/api/v1/plans")).status_code == 200
    assert (await viewer.get("/health/ready")).status_code == 200


async def test_ordinary_requests_are_well_within_the_timeout(
    slow_app: FastAPI, viewer: httpx.AsyncClient
) -> None:
    for path in ("/api/v1/plans", "/api/v1/actions", "/api/v1/status-updates", "/api/v1/me"):
        assert (await viewer.get(path)).status_code == 200, path
