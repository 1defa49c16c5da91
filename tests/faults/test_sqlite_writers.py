"""Concurrent writers on SQLite: queued for the lock, never "database is locked" 500s.

Writes take the lock with BEGIN IMMEDIATE and wait up to the busy timeout for it; a write
that still cannot get it is a 503 problem with Retry-After, and changes nothing.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.models import Role
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_plan
from tests.faults.service import Service, serving
from tests.support import assert_problem

UPDATES_PER_ACTION = 10
PATCHES_PER_ACTION = 5


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    url = f"sqlite+aiosqlite:///{tmp_path}/service.db"
    with serving(tmp_path, url, "--workers", "2") as running:
        yield running


def stored(database: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


async def test_many_concurrent_writers_on_two_workers_all_succeed_or_get_412(
    service: Service, tmp_path: Path
) -> None:
    async with service.client() as admin:
        keys = []
        for n in range(4):
            made = await admin.post("/api/v1/api-keys", json={"name": f"w{n}", "role": "editor"})
            assert made.status_code == 201, made.text
            keys.append(made.json()["key"])
        listed = await admin.get("/api/v1/actions", params={"limit": 8, "parent_id": "none"})
        actions = [item["id"] for item in listed.json()["items"]]
        rated, renamed = actions[:4], actions[4:]
        etags = {a: (await admin.get(f"/api/v1/actions/{a}")).headers["ETag"] for a in renamed}

    clients = [service.client(key) for key in keys]
    calls: list[tuple[str, str, Any]] = []
    for n in range(UPDATES_PER_ACTION):
        for action_id in rated:
            body = {"rag": "green", "status": "in_progress", "narrative": f"Update {n}."}
            calls.append(("update", action_id, body))
    for n in range(PATCHES_PER_ACTION):
        for action_id in renamed:
            calls.append(("rename", action_id, {"title": f"Renamed by writer {n}"}))
    for _ in range(20):
        calls.append(("read", "", None))

    async def call(index: int, kind: str, action_id: str, body: Any) -> httpx.Response:
        http = clients[index % len(clients)]
        if kind == "update":
            return await http.post(f"/api/v1/actions/{action_id}/status-updates", json=body)
        if kind == "rename":
            headers = {"If-Match": etags[action_id]}
            return await http.patch(f"/api/v1/actions/{action_id}", json=body, headers=headers)
        return await http.get("/api/v1/status-updates", params={"limit": 100})

    try:
        responses = await asyncio.gather(
            *(call(i, kind, action_id, body) for i, (kind, action_id, body) in enumerate(calls))
        )
    finally:
        for http in clients:
            await http.aclose()

    outcomes = Counter(
        (kind, r.status_code) for (kind, _, _), r in zip(calls, responses, strict=True)
    )
    assert all(status < 500 for _, status in outcomes), (outcomes, service.log.read_text()[-6000:])
    assert outcomes[("update", 201)] == len(rated) * UPDATES_PER_ACTION, outcomes
    assert outcomes[("read", 200)] == 20, outcomes
    assert (
        outcomes[("rename", 200)] + outcomes[("rename", 412)] == len(renamed) * PATCHES_PER_ACTION
    )

    # What is stored matches what succeeded: every update and its audit event, and for each
    # renamed action exactly one winner, whose title is the one kept.
    database = tmp_path / "service.db"
    for action_id in rated:
        [(updates,)] = stored(
            database, "SELECT count(*) FROM status_update WHERE action_id = ?", action_id
        )
        [(events,)] = stored(
            database,
            "SELECT count(*) FROM audit_event WHERE entity_id = ? AND operation = 'status_update'",
            action_id,
        )
        assert updates == events == UPDATES_PER_ACTION
    for action_id in renamed:
        winners = [
            body["title"]
            for (kind, target, body), r in zip(calls, responses, strict=True)
            if kind == "rename" and target == action_id and r.status_code == 200
        ]
        assert len(winners) == 1, winners
        [(title,)] = stored(database, "SELECT title FROM action WHERE id = ?", action_id)
        assert title == winners[0]
    log = service.log.read_text()
    assert "database is locked" not in log and "Traceback" not in log, log[-6000:]


@pytest.fixture
def settings(database_url: str) -> Settings:
    """A short busy timeout, so a held lock outlasts it quickly."""
    return Settings(
        environment="test",
        database_url=database_url,
        sqlite_busy_timeout_ms=200,
        create_admin_key_on_start=False,
    )


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_a_write_that_cannot_get_the_lock_is_a_503_and_changes_nothing(
    clients: Clients, session: AsyncSession, database_url: str
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area, title="Before")
    editor = await clients.as_role(Role.editor)
    url = f"/api/v1/actions/{action.id}"
    etag = (await editor.get(url)).headers["ETag"]

    holder = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process writing, for longer than we wait
    try:
        refused = await editor.patch(url, json={"title": "After"}, headers={"If-Match": etag})
        body = assert_problem(refused, 503)
        assert int(refused.headers["Retry-After"]) > 0
        assert "locked" not in body["detail"].lower() and "sqlite" not in refused.text.lower()
        read = await editor.get(url)  # readers are not blocked by a writer
        assert read.status_code == 200 and read.json()["title"] == "Before"
    finally:
        holder.rollback()
        holder.close()
    retried = await editor.patch(url, json={"title": "After"}, headers={"If-Match": etag})
    assert retried.status_code == 200
    assert retried.json()["title"] == "After"
