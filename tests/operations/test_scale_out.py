"""Two copies of the service, two workers each, on one PostgreSQL database and one Redis:
what a client sees is the same whichever worker of whichever copy answers.

- the rate limit is one count per key across every worker and copy;
- one `Idempotency-Key` sent to both copies creates one status update;
- two editors racing with one ETag through different copies get one 200 and one 412;
- a closed quarter's report has the same ETag from every copy.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.operations.instances import Instance, running, spec
from tests.operations.redis import Redis

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
RATE_LIMIT = 40
POOL_SIZE, MAX_OVERFLOW, WORKERS = 2, 2, 2


@pytest.fixture
def copies(tmp_path: Path, database_url: str, redis: Redis) -> Iterator[list[Instance]]:
    shared = {
        "IPA_RATE_LIMIT_STORAGE_URI": redis.url,
        "IPA_RATE_LIMIT": f"{RATE_LIMIT}/minute",
        # Small pools: the test server is shared, and four workers need few connections.
        "IPA_DB_POOL_SIZE": str(POOL_SIZE),
        "IPA_DB_MAX_OVERFLOW": str(MAX_OVERFLOW),
    }
    # The first migrates, loads the plan and makes the admin key; the second only serves.
    first = spec("--workers", str(WORKERS), settings=shared)
    second = spec(
        "--workers", str(WORKERS), "--no-migrate", "--no-seed",
        settings={**shared, "IPA_CREATE_ADMIN_KEY_ON_START": "false"},
    )  # fmt: skip
    with running(tmp_path, database_url, first, second) as started:
        yield started


async def test_two_copies_with_two_workers_each_behave_as_one_service(
    copies: list[Instance], database_url: str
) -> None:
    one, two = copies
    admin_key = one.admin_key()
    async with one.client(admin_key) as admin:
        keys = {}
        for name, role in [("viewer", "viewer"), ("alice", "editor"), ("bob", "editor")]:
            made = await admin.post("/api/v1/api-keys", json={"name": name, "role": role})
            assert made.status_code == 201, made.text
            keys[name] = made.json()["key"]
        plan_id = (await admin.get("/api/v1/plans")).json()["items"][0]["id"]
        listed = await admin.get("/api/v1/actions", params={"limit": 2, "parent_id": "none"})
        rated, renamed = (item["id"] for item in listed.json()["items"])

    # The rate limit holds across copies and workers: one count, whoever answers.
    viewers = [one.client(keys["viewer"]), two.client(keys["viewer"])]
    try:
        answered = [(await viewers[n % 2].get("/api/v1/me")) for n in range(RATE_LIMIT)]
        assert [r.status_code for r in answered] == [200] * RATE_LIMIT
        remaining = [int(r.headers["RateLimit-Remaining"]) for r in answered]
        assert remaining == list(range(RATE_LIMIT - 1, -1, -1))
        for http in viewers:
            assert (await http.get("/api/v1/me")).status_code == 429
    finally:
        for http in viewers:
            await http.aclose()

    clients = {name: (one.client(admin_key), two.client(admin_key)) for name in ("admin",)}
    for name in ("alice", "bob"):
        clients[name] = (one.client(keys[name]), two.client(keys[name]))
    try:
        admin_one, admin_two = clients["admin"]
        path = f"/api/v1/actions/{rated}/status-updates"
        body = {"rag": "green", "status": "in_progress", "narrative": "On track."}

        # One Idempotency-Key sent to both copies, one after the other: one update.
        headers = {"Idempotency-Key": "scale-out-1"}
        created = await admin_one.post(path, json=body, headers=headers)
        replayed = await admin_two.post(path, json=body, headers=headers)
        assert created.status_code == replayed.status_code == 201, (created.text, replayed.text)
        assert replayed.headers.get("Idempotent-Replayed") == "true"
        assert replayed.json()["id"] == created.json()["id"]

        # And at the same moment: still one update, and both get its response.
        headers = {"Idempotency-Key": "scale-out-2"}
        raced = await asyncio.gather(
            admin_one.post(path, json=body, headers=headers),
            admin_two.post(path, json=body, headers=headers),
        )
        assert [r.status_code for r in raced] == [201, 201], [r.text for r in raced]
        raced_ids = {r.json()["id"] for r in raced}
        assert len(raced_ids) == 1
        again = await admin_two.post(path, json=body, headers=headers)
        assert again.headers.get("Idempotent-Replayed") == "true"
        assert again.json()["id"] in raced_ids

        stored = await admin_one.get(path, params={"limit": 100})
        assert stored.json()["total"] == 2
        assert {u["id"] for u in stored.json()["items"]} == {created.json()["id"], *raced_ids}

        # Two editors with one ETag, through different copies: one wins, one is told.
        alice, bob = clients["alice"][0], clients["bob"][1]
        url = f"/api/v1/actions/{renamed}"
        etag = (await alice.get(url)).headers["ETag"]
        assert (await bob.get(url)).headers["ETag"] == etag
        outcomes = await asyncio.gather(
            alice.patch(url, json={"title": "Alice's title"}, headers={"If-Match": etag}),
            bob.patch(url, json={"title": "Bob's title"}, headers={"If-Match": etag}),
        )
        assert sorted(r.status_code for r in outcomes) == [200, 412], outcomes
        winner = next(r for r in outcomes if r.status_code == 200).json()["title"]
        for http in (*clients["alice"], *clients["bob"]):
            assert (await http.get(url)).json()["title"] == winner

        # A closed quarter's report: one ETag, whichever copy and worker answers.
        report = "/api/v1/reports/quarterly"
        params = {"plan_id": plan_id, "quarter": "2023-24-Q2"}
        etags = set()
        for http in (admin_one, admin_two) * 3:
            answered_report = await http.get(report, params=params)
            assert answered_report.status_code == 200
            assert answered_report.json()["period"]["closed"] is True
            etags.add(answered_report.headers["ETag"])
        assert len(etags) == 1, etags
    finally:
        for pair in clients.values():
            for http in pair:
                await http.aclose()

    # The connection budget of docs/operations.md: copies x workers x (pool + overflow).
    assert _connections(database_url) <= len(copies) * WORKERS * (POOL_SIZE + MAX_OVERFLOW)
    for instance in copies:
        log = instance.log.read_text()
        assert "Traceback" not in log, log[-6000:]


def _connections(database_url: str) -> int:
    """The connections the service holds open to its database now."""
    engine = sa.create_engine(make_url(database_url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as connection:
            return int(
                connection.scalar(
                    sa.text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                )
                or 0
            )
    finally:
        engine.dispose()
