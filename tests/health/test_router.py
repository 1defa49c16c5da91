"""Probes: liveness, and readiness that tells the truth about the database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import make_url

from app.core.db.migrations import downgrade


async def test_live_and_ready_need_no_key(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).json() == {
        "status": "ok",
        "database": None,
        "migration": None,
    }
    ready = await client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["database"] == "ok"


async def test_ready_is_503_while_a_migration_is_pending(
    client: httpx.AsyncClient, database_url: str
) -> None:
    await asyncio.to_thread(downgrade, database_url, "base")
    response = await client.get("/health/ready")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "migrate" in response.json()["detail"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_ready_is_503_while_the_database_file_is_unreadable(
    client: httpx.AsyncClient, database_url: str
) -> None:
    path = Path(make_url(database_url).database or "")
    original = path.read_bytes()
    path.write_bytes(b"this is not a database" * 300)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    try:
        response = await client.get("/health/ready")
        assert response.status_code == 503
        assert response.json()["title"] == "Service Unavailable"
    finally:
        path.write_bytes(original)
    assert (await client.get("/health/ready")).status_code == 200


async def _requests_counted(client: httpx.AsyncClient) -> dict[tuple[str, str, str], float]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    counted = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name == "http_requests_total":
                labels = sample.labels
                counted[labels["handler"], labels["method"], labels["status"]] = sample.value
    return counted


async def test_metrics_count_requests_by_route_template_and_status_class(
    client: httpx.AsyncClient,
) -> None:
    before = await _requests_counted(client)
    await client.get("/health/live")
    await client.get("/api/v1/actions/act_1")  # no key: 401
    await client.get("/api/v1/actions/act_2")
    await client.get("/no/such/path")
    await client.delete("/health/live")  # 405: the route, not "none"
    openapi = await client.get("/openapi.json")  # not an API route: matched here
    await client.get("/metrics")  # not counted
    after = await _requests_counted(client)

    def added(key: tuple[str, str, str]) -> float:
        return after.get(key, 0) - before.get(key, 0)

    assert added(("/health/live", "GET", "2xx")) == 1
    assert added(("/api/v1/actions/{action_id}", "GET", "4xx")) == 2
    assert added(("none", "GET", "4xx")) == 1
    assert added(("/health/live", "DELETE", "4xx")) == 1
    assert added(("/openapi.json", "GET", f"{openapi.status_code // 100}xx")) == 1
    assert not any(handler == "/metrics" for handler, _, _ in after)
    latency = await client.get("/metrics")
    assert 'http_request_duration_seconds_bucket{handler="/health/live"' in latency.text
