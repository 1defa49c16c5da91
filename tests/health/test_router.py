"""Probes: liveness, and readiness that tells the truth about the database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from app.core.migrations import downgrade


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


async def test_metrics_are_prometheus_text(client: httpx.AsyncClient) -> None:
    await client.get("/health/live")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert "http_requests_total" in response.text
