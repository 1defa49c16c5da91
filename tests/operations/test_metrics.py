"""`/metrics` with several workers: one scrape sums them all (prometheus_client's
multiprocess mode), and `IPA_METRICS_PORT` moves it off the API's port."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families

from app.core.config import Settings
from tests.operations.instances import NO_KEEPALIVE, Instance, running, spec

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
WORKER_FILE = re.compile(r"counter_(\d+)\.db")


@pytest.fixture
def metrics_folder(tmp_path: Path) -> Path:
    """The operator's multiprocess folder, holding a file an earlier run left behind: not
    a counts file prometheus_client could read, so a scrape fails unless `serve` empties
    the folder at start."""
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_1.db").write_bytes(b"left by an earlier run")
    return folder


@pytest.fixture
def server(tmp_path: Path, database_url: str, metrics_folder: Path) -> Iterator[Instance]:
    two_workers = spec(
        "--workers", "2",
        settings={"PROMETHEUS_MULTIPROC_DIR": str(metrics_folder)},
        metrics_port=True,
    )  # fmt: skip
    with running(tmp_path, database_url, two_workers) as [started]:
        yield started


def _requests_counted(scrape: str, handler: str) -> float:
    for family in text_string_to_metric_families(scrape):
        for sample in family.samples:
            if sample.name == "http_requests_total" and sample.labels["handler"] == handler:
                return sample.value
    return 0


async def test_one_scrape_sums_both_workers_on_a_port_of_its_own(
    server: Instance, metrics_folder: Path
) -> None:
    sent = 0
    # Generous: on a busy machine a worker can take a while to start.
    deadline = time.monotonic() + 120
    async with httpx.AsyncClient(base_url=server.base_url, limits=NO_KEEPALIVE) as http:
        # A connection per request, until both workers have answered some.
        while len({m[1] for f in metrics_folder.iterdir() if (m := WORKER_FILE.match(f.name))}) < 2:
            assert time.monotonic() < deadline, "the second worker never answered"
            answered = await asyncio.gather(*(http.get("/health/live") for _ in range(10)))
            assert all(r.status_code == 200 for r in answered)
            sent += len(answered)
            await asyncio.sleep(0.1)
        # The API's port has no /metrics.
        assert (await http.get("/metrics")).status_code == 404
        assert server.metrics_url is not None
        scrape = await http.get(server.metrics_url, timeout=30)
    assert scrape.status_code == 200, scrape.text
    # Every request either worker answered, in one scrape.
    assert _requests_counted(scrape.text, "/health/live") == sent


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        create_admin_key_on_start=False,
        metrics_port=9464,
    )


async def test_with_a_metrics_port_the_app_has_no_metrics_route(app: FastAPI) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        assert (await http.get("/metrics")).status_code == 404
        assert (await http.get("/health/live")).status_code == 200
