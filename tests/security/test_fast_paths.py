"""Fast paths check keys as every path does.

On PostgreSQL `GET /actions/{id}` and a simple `GET /actions` are answered before routing,
in one statement that checks the key and reads the actions (`app.fastpath`); anything
but the simple case goes down the ordinary path. These tests hold both to the same rules:
revoked, expired and forged keys are refused, a key's last use is stamped, failed keys
count toward the address's limit, requests count toward the key's, and the response is
counted under its route. On SQLite the same requests take the ordinary path and must
behave the same.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI, Request
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.fastpath import reading
from app.fastpath.actions import _detail_query
from app.fastpath.registry import FallBack
from app.models import Role, utcnow
from tests.conftest import StatementCounter
from tests.factories import make_action, make_api_key, make_area, make_plan
from tests.security.test_resource_consumption import (
    assert_too_many,
    clock,  # noqa: F401 (a fixture)
    http,
    new_key,
    running,
)
from tests.support import assert_problem, same_headers

ACTIONS = "/api/v1/actions"
EXPAND = {"expand": "success_criteria,strategies,latest_update"}
LISTED = {"rag": "none", "limit": "50", "expand": "lead_officers,latest_update"}


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def new_action(session: AsyncSession) -> str:
    plan = await make_plan(session)
    return (await make_action(session, await make_area(session, plan))).id


@pytest.fixture
async def action_id(session: AsyncSession) -> str:
    return await new_action(session)


async def test_revoked_expired_and_forged_keys_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, action_id: str
) -> None:
    url = f"{ACTIONS}/{action_id}"
    revoked, revoked_key = await make_api_key(session)
    expired, expired_key = await make_api_key(session, expires_at=utcnow() + timedelta(hours=1))
    _, key = await make_api_key(session)
    for good in (revoked_key, expired_key, key):
        assert (await client.get(url, params=EXPAND, headers=bearer(good))).status_code == 200
    revoked.revoked_at = utcnow()
    expired.expires_at = utcnow() - timedelta(seconds=1)
    await session.commit()

    for refused, words in (
        (revoked_key, "revoked"),
        (expired_key, "expired"),
        (key[:-1] + ("x" if key[-1] != "x" else "y"), "not valid"),
        ("ipa_0123456789ab_" + "A" * 43, "not valid"),
    ):
        for path, params in ((url, EXPAND), (url, None), (ACTIONS, LISTED)):
            response = await client.get(path, params=params, headers=bearer(refused))
            body = assert_problem(response, 401)
            assert words in str(body["detail"])
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert (await client.get(url, params=EXPAND, headers=bearer(key))).status_code == 200
    assert (await client.get(ACTIONS, params=LISTED, headers=bearer(key))).status_code == 200


async def test_a_key_due_a_new_last_use_gets_it(
    client: httpx.AsyncClient, session: AsyncSession, action_id: str
) -> None:
    api_key, key = await make_api_key(session)
    url = f"{ACTIONS}/{action_id}"
    assert (await client.get(url, headers=bearer(key))).status_code == 200
    hour_ago = utcnow() - timedelta(hours=1)
    api_key.last_used_at = hour_ago
    await session.commit()

    assert (await client.get(url, params=EXPAND, headers=bearer(key))).status_code == 200
    await session.refresh(api_key)
    assert api_key.last_used_at is not None
    assert api_key.last_used_at > utcnow() - timedelta(minutes=1)


@pytest.mark.usefixtures("clock")
async def test_the_detail_counts_toward_the_keys_rate_limit(settings: Settings) -> None:
    async with running(settings, rate_limit="3/minute") as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            action_id = await new_action(session)
        async with http(app, key) as caller:
            assert (await caller.get("/api/v1/me")).status_code == 200  # stamps last use
            found = await caller.get(f"{ACTIONS}/{action_id}", params=EXPAND)
            assert found.status_code == 200
            assert found.headers["RateLimit-Limit"] == "3"
            assert found.headers["RateLimit-Remaining"] == "1"
            missing = await caller.get(f"{ACTIONS}/act_missing", params=EXPAND)
            assert_problem(missing, 404)
            assert missing.headers["RateLimit-Remaining"] == "0"
            refused = await caller.get(f"{ACTIONS}/{action_id}", params=EXPAND)
            assert assert_too_many(refused) > 0
            assert "3 requests per minute" in refused.json()["detail"]


@pytest.mark.usefixtures("clock")
async def test_failed_keys_on_the_detail_count_toward_the_address_limit(settings: Settings) -> None:
    async with running(settings, auth_failure_rate_limit="2/minute") as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            url = f"{ACTIONS}/{await new_action(session)}"
        async with http(app, key) as caller:
            assert (await caller.get(url, params=EXPAND)).status_code == 200
        forged = key[:-1] + ("x" if key[-1] != "x" else "y")
        async with http(app, forged) as caller:
            for _ in range(2):
                assert_problem(await caller.get(url, params=EXPAND), 401)
        async with http(app, key) as caller:  # a good key, but from that address
            assert_too_many(await caller.get(url, params=EXPAND))


async def test_the_detail_is_counted_under_its_route(
    viewer: httpx.AsyncClient, client: httpx.AsyncClient, action_id: str
) -> None:
    def counted(text: str) -> float:
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                labels = sample.labels
                if (
                    sample.name == "http_requests_total"
                    and labels["handler"] == f"{ACTIONS}/{{action_id}}"
                    and labels["status"] == "2xx"
                ):
                    return sample.value
        return 0

    before = counted((await client.get("/metrics")).text)
    for _ in range(3):
        assert (await viewer.get(f"{ACTIONS}/{action_id}", params=EXPAND)).status_code == 200
    assert counted((await client.get("/metrics")).text) - before == 3


async def test_the_detail_is_answered_by_its_fast_path_on_postgresql(
    backend: str,
    app: FastAPI,
    viewer: httpx.AsyncClient,
    action_id: str,
    count_statements: StatementCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One statement for the key and the action; a lost connection falls back, unseen."""
    url = f"{ACTIONS}/{action_id}"
    first = await viewer.get(url, params=EXPAND)  # the key's first use is stamped
    before = count_statements.count
    again = await viewer.get(url, params=EXPAND)
    assert again.content == first.content and again.headers["ETag"] == first.headers["ETag"]
    if backend != "postgresql":
        return
    assert count_statements.count - before == 1
    assert count_statements.statements[-1].startswith("SELECT api_key.id")

    async def lost(*_args: object) -> None:
        raise FallBack

    monkeypatch.setattr(reading, "fetch_row", lost)
    before = count_statements.count
    answered = await viewer.get(url, params=EXPAND)
    assert answered.content == first.content and answered.headers["ETag"] == first.headers["ETag"]
    assert count_statements.count - before > 1  # the ordinary path's statements


async def test_a_long_query_string_is_answered_as_a_short_one(
    backend: str,
    viewer: httpx.AsyncClient,
    action_id: str,
    count_statements: StatementCounter,
) -> None:
    """Query strings are parsed once and cached, up to a length; a longer one is parsed
    every time, to the same answer, and is not cached; one naming anything else is not
    taken for a simple one however often it is asked."""
    url = f"{ACTIONS}/{action_id}"
    short = await viewer.get(url, params={"expand": "latest_update"})
    long = "&".join(["expand=" + "latest_update," * 14] * 3)
    assert len(long) > 256
    cached = _detail_query.cached.cache_info().currsize
    for _ in range(2):
        before = count_statements.count
        answered = await viewer.get(url, params=long)
        assert answered.content == short.content
        assert answered.headers["ETag"] == short.headers["ETag"]
        if backend == "postgresql":
            assert count_statements.count - before == 1
    assert _detail_query.cached.cache_info().currsize == cached
    today = utcnow().date().isoformat()
    for params, status in (
        ({"expand": "latest_update", "as_of": today}, 200),
        ({"expand": "nothing"}, 422),
    ):
        for _ in range(2):
            before = count_statements.count
            assert (await viewer.get(url, params=params)).status_code == status
            if backend == "postgresql":
                assert count_statements.count - before > 1  # the ordinary path's statements


@pytest.mark.parametrize(
    "query",
    [
        "expand=",
        "expand",
        "expand=%20latest_update%20,",
        "expand=latest_update&expand=strategies,latest_update",
        "expand=latest_update+strategies",
        "expand=latest_update%00",
        "expand=latest%5Fupdate",
        "Expand=latest_update",
        "expand=latest_update&limit=5",
        "expand=" + ",".join(["latest_update"] * 20),
    ],
)
async def test_an_odd_query_string_gets_the_routes_answer(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    action_id: str,
    query: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever the fast path makes of a query string, the route makes the same (the
    action has a latest update, so a query taken to ask for it reads differently)."""
    update = {"rag": "green", "status": "in_progress", "narrative": "Under way."}
    posted = await editor.post(f"{ACTIONS}/{action_id}/status-updates", json=update)
    assert posted.status_code == 201, posted.text
    await viewer.get(f"{ACTIONS}/{action_id}")  # the key's first use is stamped
    url = f"{ACTIONS}/{action_id}?{query}"
    answered = await viewer.get(url)
    with monkeypatch.context() as routed_only:
        routed_only.setattr(reading, "on_postgres", lambda _request: False)
        routed = await viewer.get(url)
    assert answered.status_code == routed.status_code, answered.text
    assert same_headers(answered) == same_headers(routed)
    if answered.status_code == 200:
        assert answered.content == routed.content
    else:
        assert {**answered.json(), "request_id": None} == {**routed.json(), "request_id": None}


async def test_a_connection_the_server_closed_is_replaced(
    backend: str,
    app: FastAPI,
    session: AsyncSession,
    viewer: httpx.AsyncClient,
    action_id: str,
    count_statements: StatementCounter,
) -> None:
    """The fast path's connection is terminated: reads go on with the same answer, on the
    fast path again (one statement) on a new connection."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    url = f"{ACTIONS}/{action_id}"
    first = await viewer.get(url, params=EXPAND)
    connections = app.state.fast_path_connections
    kept = await connections.take()  # the one the read above used, kept for the next
    pid = kept.driver_connection.get_server_pid()
    connections.give_back(kept)
    # Waits (up to 5 s) until the server process has ended.
    ended = await session.execute(sa.text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    assert ended.scalar_one() is True
    await session.commit()
    for _ in range(2):
        before = count_statements.count
        answered = await viewer.get(url, params=EXPAND)
        assert answered.status_code == 200, answered.text
        assert answered.content == first.content
    assert count_statements.count - before == 1


async def test_a_read_the_driver_fails_is_answered_the_ordinary_way(
    backend: str,
    app: FastAPI,
    viewer: httpx.AsyncClient,
    action_id: str,
    count_statements: StatementCounter,
) -> None:
    """A database error on the fast path's read (here: its connection can no longer see the
    tables) is not the client's: the ordinary path answers, and the connection is
    dropped, so the next read takes the fast path again on a new one."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    url = f"{ACTIONS}/{action_id}"
    first = await viewer.get(url, params=EXPAND)
    connections = app.state.fast_path_connections
    kept = await connections.take()
    # Prepared statements are parsed again when the search path changes.
    await kept.driver_connection.execute("SET search_path = pg_catalog")
    connections.give_back(kept)
    sent = []
    for _ in range(2):
        before = count_statements.count
        answered = await viewer.get(url, params=EXPAND)
        assert answered.status_code == 200, answered.text
        assert answered.content == first.content
        sent.append(count_statements.count - before)
    assert sent[0] > 1  # the ordinary path's statements
    assert sent[1] == 1


async def test_with_every_connection_taken_a_read_waits_on_the_pool_then_is_a_503(
    backend: str, settings: Settings
) -> None:
    """With the fast paths' one connection busy, a read goes the ordinary way; with the
    pool's other one taken too, it waits `db_pool_timeout_ms` and is answered 503, which
    the client may retry. Once the connections are free, reads answer again."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    async with running(settings, db_pool_size=1, db_max_overflow=1, db_pool_timeout_ms=100) as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            url = f"{ACTIONS}/{await new_action(session)}"
        async with http(app, key) as caller:
            first = await caller.get(url, params=EXPAND)  # stamps the key's last use
            await caller.get(url, params=EXPAND)  # the fast path now keeps the connection
            connections = app.state.fast_path_connections
            held = await connections.take()
            assert await connections.take() is None  # half of two: the routes keep one
            counter = StatementCounter()
            sa.event.listen(app.state.engine.sync_engine, "before_cursor_execute", counter)
            routed = await caller.get(url, params=EXPAND)
            sa.event.remove(app.state.engine.sync_engine, "before_cursor_execute", counter)
            # Only the route's statements: the fast path's, which never ran, is not counted.
            assert not [sql for sql in counter.statements if "AS head" in sql]
            assert counter.count > 1
            other = await app.state.engine.raw_connection()
            # Fails, rather than hangs, if the read waits for the connections held here.
            refused = await asyncio.wait_for(caller.get(url, params=EXPAND), timeout=10)
            other.close()
            connections.give_back(held)
            again = await caller.get(url, params=EXPAND)
        assert routed.content == first.content
        assert_problem(refused, 503)
        assert again.content == first.content


async def test_reads_keep_one_connection_of_the_pool_which_stopping_closes(
    backend: str, settings: Settings, session: AsyncSession
) -> None:
    """Reads one after another keep one connection, borrowed from the engine's pool (the
    only pool); stopping the service closes it."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    async with asyncio.timeout(20):
        async with running(settings) as app:
            key = await new_key(app)
            async with app.state.session_factory() as setup:
                url = f"{ACTIONS}/{await new_action(setup)}"
            async with http(app, key) as caller:
                for _ in range(5):
                    assert (await caller.get(url, params=EXPAND)).status_code == 200
            connections = app.state.fast_path_connections
            assert connections.taken == 1
            assert app.state.engine.pool.checkedout() == 1
            kept = await connections.take()
            pid = kept.driver_connection.get_server_pid()
            connections.give_back(kept)
    for _ in range(50):  # the server process ends soon after its client closes
        gone = await session.scalar(
            sa.text("SELECT count(*) = 0 FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        )
        if gone:
            break
        await asyncio.sleep(0.1)
    assert gone


async def test_stopping_returns_the_kept_connections_without_an_error(
    backend: str, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """The pool already holds as many idle connections as it keeps when the fast paths give
    theirs back on stopping: it closes the extra one, which is I/O, without an error."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    async with running(settings, db_pool_size=1, db_max_overflow=1) as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            url = f"{ACTIONS}/{await new_action(session)}"
        async with http(app, key) as caller:
            for params in (EXPAND, EXPAND, {**EXPAND, "as_of": "2030-01-01"}):
                assert (await caller.get(url, params=params)).status_code == 200
        assert app.state.fast_path_connections.taken == 1  # the route used the other
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


async def test_a_read_cancelled_mid_statement_leaves_its_connection_to_no_other(
    backend: str, settings: Settings
) -> None:
    """A read cancelled while its statement runs (its client went away) leaves the
    connection mid-statement: it is closed and its place returned to the pool, and the
    next read gets a new one, even with the fast paths allowed a single connection."""
    if backend != "postgresql":
        pytest.skip("fast paths answer on PostgreSQL only")
    async with running(settings, db_pool_size=1, db_max_overflow=1) as app:
        pool = app.state.engine.pool
        connections = app.state.fast_path_connections
        request = Request({"type": "http", "app": app})
        dialect = app.state.engine.dialect
        sleeping = reading.compile_for(dialect, sa.select(sa.func.pg_sleep(30)))
        read = asyncio.create_task(reading.fetch_row(request, sleeping, {}))
        await asyncio.sleep(0.5)
        assert connections.taken == pool.checkedout() == 1
        read.cancel()
        with pytest.raises(asyncio.CancelledError):
            await read
        assert connections.taken == pool.checkedout() == 0
        answer = reading.compile_for(dialect, sa.select(sa.literal(42, sa.Integer)))
        row = await asyncio.wait_for(reading.fetch_row(request, answer, {}), timeout=10)
        assert row[0] == 42


async def test_the_detail_needs_only_a_viewer(session: AsyncSession, app: FastAPI) -> None:
    action_id = await new_action(session)
    for role in Role:
        _, key = await make_api_key(session, role=role)
        async with http(app, key) as caller:
            response = await caller.get(f"{ACTIONS}/{action_id}", params=EXPAND)
            assert response.status_code == 200, role
