"""Actions answered directly on PostgreSQL check keys as every path does.

On PostgreSQL `GET /actions/{id}` and a plain `GET /actions` are answered before routing,
in one statement that checks the key and reads the actions (`app.core.direct`); anything
but the plain case goes down the ordinary path. These tests hold both to the same rules:
revoked, expired and forged keys are refused, a key's last use is stamped, failed keys
count toward the address's limit, requests count toward the key's, and the response is
counted under its route. On SQLite the same requests take the ordinary path and must
behave the same.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI, Request
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncSession

from app.actions.direct import _kept_detail_query
from app.core import direct
from app.core.config import Settings
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


async def test_the_detail_is_answered_directly_on_postgresql(
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
        raise direct.ReadFailed

    monkeypatch.setattr(direct, "fetch_row", lost)
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
    """Query strings are judged once and kept, up to a length; a longer one is judged
    every time, to the same answer, and is not kept; one naming anything else is not
    taken for a plain one however often it is asked."""
    url = f"{ACTIONS}/{action_id}"
    short = await viewer.get(url, params={"expand": "latest_update"})
    long = "&".join(["expand=" + "latest_update," * 14] * 3)
    assert len(long) > 256
    kept = _kept_detail_query.cache_info().currsize
    for _ in range(2):
        before = count_statements.count
        answered = await viewer.get(url, params=long)
        assert answered.content == short.content
        assert answered.headers["ETag"] == short.headers["ETag"]
        if backend == "postgresql":
            assert count_statements.count - before == 1
    assert _kept_detail_query.cache_info().currsize == kept
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
    """Whatever the direct answer makes of a query string, the route makes the same (the
    action has a latest update, so a query taken to ask for it reads differently)."""
    update = {"rag": "green", "status": "in_progress", "narrative": "Under way."}
    posted = await editor.post(f"{ACTIONS}/{action_id}/status-updates", json=update)
    assert posted.status_code == 201, posted.text
    await viewer.get(f"{ACTIONS}/{action_id}")  # the key's first use is stamped
    url = f"{ACTIONS}/{action_id}?{query}"
    answered = await viewer.get(url)
    with monkeypatch.context() as routed_only:
        routed_only.setattr(direct, "postgres_pool", lambda _request: None)
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
    """The direct pool's connection is terminated: reads go on with the same answer, and
    directly again (one statement) on a new connection."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    url = f"{ACTIONS}/{action_id}"
    first = await viewer.get(url, params=EXPAND)
    pool = app.state.direct_pool
    connection = await pool.take()  # the one the read above used, kept for the next
    pid = connection.get_server_pid()
    pool.give_back(connection)
    # Waits (up to 5 s) until the server process has ended.
    ended = await session.execute(sa.text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    assert ended.scalar_one() is True
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
    """A database error on the direct read (here: its connection can no longer see the
    tables) is not the client's: the ordinary path answers, and the connection is
    dropped, so the next read is direct again on a new one."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    url = f"{ACTIONS}/{action_id}"
    first = await viewer.get(url, params=EXPAND)
    pool = app.state.direct_pool
    connection = await pool.take()  # the one the read above used, kept for the next
    # Prepared statements are parsed again when the search path changes.
    await connection.execute("SET search_path = pg_catalog")
    pool.give_back(connection)
    sent = []
    for _ in range(2):
        before = count_statements.count
        answered = await viewer.get(url, params=EXPAND)
        assert answered.status_code == 200, answered.text
        assert answered.content == first.content
        sent.append(count_statements.count - before)
    assert sent[0] > 1  # the ordinary path's statements
    assert sent[1] == 1


async def test_a_read_that_waits_too_long_for_a_direct_connection_goes_the_ordinary_way(
    backend: str, settings: Settings
) -> None:
    """With every direct connection taken, a read waits `db_pool_timeout_ms` for one, then
    the route answers it on the engine's pool."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    async with running(settings, db_pool_size=1, db_pool_timeout_ms=100) as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            url = f"{ACTIONS}/{await new_action(session)}"
        async with http(app, key) as caller:
            first = await caller.get(url, params=EXPAND)  # stamps the key's last use
            pool = app.state.direct_pool
            held = await pool.take()
            # Fails, rather than hangs, if the read waits for the connection held here.
            answered = await asyncio.wait_for(caller.get(url, params=EXPAND), timeout=10)
            pool.give_back(held)
        assert answered.status_code == 200, answered.text
        assert answered.content == first.content


async def test_reads_keep_one_connection_which_stopping_closes(
    backend: str, settings: Settings, session: AsyncSession
) -> None:
    """Reads one after another use one direct connection, kept between them; stopping the
    service closes it rather than waiting for it to come back."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    async with asyncio.timeout(20):
        async with running(settings) as app:
            key = await new_key(app)
            async with app.state.session_factory() as setup:
                url = f"{ACTIONS}/{await new_action(setup)}"
            async with http(app, key) as caller:
                for _ in range(5):
                    assert (await caller.get(url, params=EXPAND)).status_code == 200
            pool = app.state.direct_pool
            assert pool.taken == 1
            connection = await pool.take()
            pid = connection.get_server_pid()
            pool.give_back(connection)
    for _ in range(50):  # the server process ends soon after its client closes
        gone = await session.scalar(
            sa.text("SELECT count(*) = 0 FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        )
        if gone:
            break
        await asyncio.sleep(0.1)
    assert gone


async def test_a_read_cancelled_mid_statement_leaves_its_connection_to_no_other(
    backend: str, settings: Settings
) -> None:
    """A read cancelled while its statement runs (its client went away) leaves the
    connection mid-statement: it is closed, and the next read gets a new one, even with
    a single connection allowed."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    async with running(settings, db_pool_size=1) as app:
        pool = app.state.direct_pool
        request = Request({"type": "http", "app": app})
        dialect = app.state.engine.dialect
        sleeping = direct.compile_for(dialect, sa.select(sa.func.pg_sleep(30)))
        read = asyncio.create_task(direct.fetch_row(request, sleeping, {}))
        await asyncio.sleep(0.5)
        assert pool.taken == 1
        read.cancel()
        with pytest.raises(asyncio.CancelledError):
            await read
        assert pool.taken == 0
        answer = direct.compile_for(dialect, sa.select(sa.literal(42, sa.Integer)))
        row = await asyncio.wait_for(direct.fetch_row(request, answer, {}), timeout=10)
        assert row[0] == 42


async def test_the_database_urls_options_reach_the_direct_pool(
    backend: str, settings: Settings
) -> None:
    """Options of the URL that only SQLAlchemy knows are left out of the direct pool's
    connections (its prepared statement cache size becomes asyncpg's), and the service's
    own connect timeout wins over the URL's, so the pool still connects and answers."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL answers directly")
    url = f"{settings.database_url}?prepared_statement_cache_size=0&timeout=3"
    async with running(settings, database_url=url) as app:
        key = await new_key(app)
        async with app.state.session_factory() as session:
            action_url = f"{ACTIONS}/{await new_action(session)}"
        async with http(app, key) as caller:
            first = await caller.get(action_url, params=EXPAND)  # stamps the key's last use
            again = await caller.get(action_url, params=EXPAND)
        assert again.status_code == 200, again.text
        assert again.content == first.content
        assert app.state.direct_pool.taken == 1  # the direct pool answered


async def test_the_detail_needs_only_a_viewer(session: AsyncSession, app: FastAPI) -> None:
    action_id = await new_action(session)
    for role in Role:
        _, key = await make_api_key(session, role=role)
        async with http(app, key) as caller:
            response = await caller.get(f"{ACTIONS}/{action_id}", params=EXPAND)
            assert response.status_code == 200, role
