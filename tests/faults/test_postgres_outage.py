"""PostgreSQL stopped mid-run, on a throwaway cluster of the test's own.

While the database is down every request that needs it gets a 503 problem (never a 500,
never a hang), readiness says 503 and liveness 200; a write caught in flight leaves nothing
behind; and when the database is back the same service process serves again by itself.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine

from app.core.config import Settings
from app.core.db import engine as db
from app.core.db.migrations import upgrade
from app.main import create_app
from tests import conformance
from tests.faults.cluster import Cluster, throwaway_cluster
from tests.faults.service import Service, serving
from tests.support import assert_problem

GREEN = {"rag": "green", "status": "in_progress", "narrative": "On track."}
RED = {
    "rag": "red",
    "status": "in_progress",
    "narrative": "Recruitment has stalled.",
    "next_steps": "Agency staff from September.",
}
# Words that would mean a 503 leaked the driver's message or the query.
LEAKS = ("select", "insert", "update ", "asyncpg", "sqlalchemy", "errno", "refused", "127.0.0.1")


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster() as made:
        yield made


@pytest.fixture
def service(cluster: Cluster, tmp_path: Path) -> Iterator[Service]:
    url = cluster.create_database("ipa")
    upgrade(url)
    with serving(tmp_path, url, "--no-migrate") as running:
        yield running


def assert_unavailable(response: httpx.Response, *, port: int) -> None:
    body = assert_problem(response, 503)
    assert body["type"] == "/problems/service-unavailable"
    assert int(response.headers["Retry-After"]) > 0
    text = response.text.lower()
    assert not [leak for leak in (*LEAKS, str(port)) if leak in text], response.text


def stored(cluster: Cluster, action_id: str) -> tuple[int, int, int]:
    """Status updates, their audit events, and idempotency records, as stored."""
    with psycopg.connect(cluster.dsn("ipa")) as connection:
        updates = connection.execute(
            "SELECT count(*) FROM status_update WHERE action_id = %s", (action_id,)
        ).fetchone()
        events = connection.execute(
            "SELECT count(*) FROM audit_event WHERE entity_type = 'action' "
            "AND entity_id = %s AND operation = 'status_update'",
            (action_id,),
        ).fetchone()
        keys = connection.execute("SELECT count(*) FROM idempotency_record").fetchone()
    assert updates and events and keys
    return updates[0], events[0], keys[0]


async def wait_for_lock_wait(cluster: Cluster) -> None:
    """Until a session of the service is waiting for a lock (the write is in flight)."""
    url = cluster.dsn("ipa")
    async with await psycopg.AsyncConnection.connect(url, autocommit=True) as watcher:
        for _ in range(600):
            row = await (
                await watcher.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO audit_event%'"
                )
            ).fetchone()
            if row and row[0]:
                return
            await asyncio.sleep(0.05)
    raise AssertionError("the write never reached the audit log")


async def test_outage_gives_503_leaves_nothing_half_written_and_recovers(
    cluster: Cluster, service: Service
) -> None:
    port = cluster.port
    async with service.client() as http:
        actions = (await http.get("/api/v1/actions", params={"limit": 2})).json()["items"]
        action_url = f"/api/v1/actions/{actions[0]['id']}"
        updates_url = f"{action_url}/status-updates"
        assert (await http.post(updates_url, json=GREEN)).status_code == 201
        other = await http.get(f"/api/v1/actions/{actions[1]['id']}")
        assert other.status_code == 200
        assert stored(cluster, actions[0]["id"]) == (1, 1, 0)

        # A write in flight: another session holds the audit log, so the status update
        # waits inside its transaction, having written its row and the action's new rating.
        url = cluster.dsn("ipa")
        holder = psycopg.connect(url)
        try:
            holder.execute("LOCK TABLE audit_event IN EXCLUSIVE MODE")
            in_flight = asyncio.create_task(
                http.post(updates_url, json=RED, headers={"Idempotency-Key": "outage-1"})
            )
            await wait_for_lock_wait(cluster)
            await asyncio.to_thread(cluster.stop, "immediate")
            assert_unavailable(await in_flight, port=port)
        finally:
            holder.close()

        # The database is down: reads and writes are 503s, never 500s or hangs.
        responses: list[Any] = [
            await http.get("/api/v1/actions"),
            await http.get(action_url),
            await http.post(updates_url, json=RED, headers={"Idempotency-Key": "outage-2"}),
            await http.patch(
                f"/api/v1/actions/{actions[1]['id']}",
                json={"title": "Changed while the database was down"},
                headers={"If-Match": other.headers["ETag"]},
            ),
            await http.get("/api/v1/me"),
        ]
        for response in responses:
            assert_unavailable(response, port=port)
        ready = await http.get("/health/ready")
        assert_problem(ready, 503)
        assert (await http.get("/health/live")).status_code == 200

        await asyncio.to_thread(cluster.start)

        # Back by itself: the same process, no restart, and the first request works.
        assert service.process.poll() is None
        assert (await http.get("/health/ready")).status_code == 200
        action = (await http.get(action_url)).json()
        assert (action["rag"], action["status"]) == ("green", "in_progress")
        assert stored(cluster, actions[0]["id"]) == (1, 1, 0)

        # The writes that failed are safe to retry, and now they are stored whole.
        retried = await http.post(updates_url, json=RED, headers={"Idempotency-Key": "outage-1"})
        assert retried.status_code == 201
        assert "Idempotent-Replayed" not in retried.headers
        assert stored(cluster, actions[0]["id"]) == (2, 2, 1)
        assert (await http.get(action_url)).json()["rag"] == "red"
        patched = await http.patch(
            f"/api/v1/actions/{actions[1]['id']}",
            json={"title": "Changed after the database came back"},
            headers={"If-Match": other.headers["ETag"]},
        )
        assert patched.status_code == 200
    log = service.log.read_text()
    assert "Traceback" not in log, log[-6000:]


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never says a word, like a hung server."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield int(listener.getsockname()[1])


@pytest.fixture
async def hung_app(silent_port: int) -> AsyncIterator[FastAPI]:
    settings = Settings(
        environment="test",
        database_url=f"postgresql+asyncpg://postgres@127.0.0.1:{silent_port}/ipa",
        db_connect_timeout_ms=500,
        create_admin_key_on_start=False,
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


async def test_a_database_that_never_answers_gives_503_not_a_hang(
    hung_app: FastAPI, silent_port: int
) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=hung_app),
        base_url="http://test",
        headers={"Authorization": "Bearer ipa_0123456789ab_" + "x" * 43},
        event_hooks={"response": [conformance.hook]},
    ) as http:
        async with asyncio.timeout(60):
            plans = await http.get("/api/v1/plans")
            ready = await http.get("/health/ready")
    assert_unavailable(plans, port=silent_port)
    assert_problem(ready, 503)


@pytest.mark.parametrize("idle_ping", [True, False], ids=["idle-ping", "no-idle-ping"])
async def test_after_a_restart_the_pool_hands_out_new_connections(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch, idle_ping: bool
) -> None:
    # Without the idle ping (connections used a moment ago are not pinged), the pool must
    # still notice that the server closed them, without a round trip.
    if not idle_ping:
        monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 3600.0)
    url = cluster.create_database("ipa")
    engine = db.create_engine(
        Settings(environment="test", database_url=url, create_admin_key_on_start=False)
    )
    try:
        async with asyncio.TaskGroup() as group:  # several connections in the pool
            for _ in range(3):
                group.create_task(_select_one(engine))
        await asyncio.to_thread(cluster.stop, "immediate")
        await asyncio.to_thread(cluster.start)
        await asyncio.sleep(0.2)  # the driver reads the server's goodbye
        for _ in range(3):
            assert await _select_one(engine) == 1
    finally:
        await engine.dispose()


async def _select_one(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        await asyncio.sleep(0.05)
        return int((await connection.execute(sa.text("SELECT 1"))).scalar_one())
