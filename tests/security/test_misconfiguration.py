"""API8, security misconfiguration: errors reveal nothing, CORS is an allow-list, headers are set.

- An unexpected exception or a database error, even one whose message holds SQL, answers
  problem details with a generic detail and the request id: no stack trace, exception text,
  file path or SQL. Throwaway routes on the test's app raise them, on both databases.
- CORS: only the origins in `IPA_CORS_ORIGINS` get `Access-Control-Allow-Origin`, for simple
  requests and preflights; with none configured, no origin does.
- Every response, errors included, carries the security headers; API responses are not
  cached by shared caches; the app sends no `Server` header of its own.
- Production settings: with the docs switched off, `/docs`, `/redoc` and `/openapi.json`
  are 404. Production's refusal of a placeholder secret, a short one and a `*` origin is
  tested in tests/core/test_settings.py (`test_production_refuses_unsafe_values`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from app.core.config import Settings
from app.core.db.session import SessionDep
from app.main import create_app
from app.models import Role
from tests.conftest import Clients

MARKER = "hunter2-internal-marker"
SQL = "SELECT key_hash, secret_column FROM api_key WHERE note = 'hunter2-internal-marker'"
# Anything that would show the internals: the marker, SQL, a trace, a path, a library name.
LEAKS = (
    MARKER,
    "secret_column",
    "key_hash",
    "select ",
    "traceback",
    'file "',
    ".py",
    "sqlalchemy",
    "asyncpg",
    "aiosqlite",
    "sqlite3",
    "runtimeerror",
    "keyerror",
    "no_such_table",
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _database_error(kind: type[sa.exc.DBAPIError]) -> Callable[[], Any]:
    async def endpoint() -> None:
        raise kind(SQL, {"note": MARKER}, Exception(f"{MARKER} at /srv/app/queries.py"))

    return endpoint


async def _runtime_error() -> None:
    raise RuntimeError(f"{MARKER} in /srv/app/service.py line 42")


async def _key_error() -> None:
    settings: dict[str, str] = {}
    settings[MARKER] = settings["missing_secret_column"]


async def _real_bad_sql(session: SessionDep) -> None:
    await session.execute(sa.text("SELECT secret_column FROM no_such_table -- hunter2-internal"))


# Path under /api/v1/_faults, the endpoint, and the statuses it may answer.
FAULTS: dict[str, tuple[Callable[..., Any], set[int]]] = {
    "runtime": (_runtime_error, {500}),
    "key": (_key_error, {500}),
    "programming": (_database_error(sa.exc.ProgrammingError), {500}),
    "data": (_database_error(sa.exc.DataError), {500}),
    "integrity": (_database_error(sa.exc.IntegrityError), {409}),
    "operational": (_database_error(sa.exc.OperationalError), {503}),
    # The real thing on each database: SQLite calls a missing table an operational error.
    "real-sql": (_real_bad_sql, {500, 503}),
}


@pytest.fixture
async def faulty(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the test's app with routes that fail, unknown to the contract."""
    for name, (endpoint, _) in FAULTS.items():
        app.add_api_route(f"/api/v1/_faults/{name}", endpoint, include_in_schema=False)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        yield http


def assert_reveals_nothing(response: httpx.Response) -> dict[str, Any]:
    assert response.headers["content-type"].startswith("application/problem+json")
    text = response.text.lower()
    assert not [leak for leak in LEAKS if leak.lower() in text], response.text
    body: dict[str, Any] = response.json()
    assert set(body) <= {"type", "title", "status", "detail", "instance", "request_id"}, body
    assert body["status"] == response.status_code
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (name, response.headers)
    return body


@pytest.mark.parametrize("fault", sorted(FAULTS))
async def test_failures_answer_problem_details_that_reveal_nothing(
    faulty: httpx.AsyncClient, fault: str
) -> None:
    _, statuses = FAULTS[fault]
    response = await faulty.get(f"/api/v1/_faults/{fault}")
    assert response.status_code in statuses, response.text
    body = assert_reveals_nothing(response)
    assert body["request_id"] == response.headers["X-Request-ID"]
    assert "private" in response.headers["Cache-Control"]
    given = "0123456789abcdef0123456789abcdef"
    again = await faulty.get(f"/api/v1/_faults/{fault}", headers={"X-Request-ID": given})
    assert again.json()["request_id"] == again.headers["X-Request-ID"] == given


async def test_the_500_detail_is_generic(faulty: httpx.AsyncClient) -> None:
    body = (await faulty.get("/api/v1/_faults/runtime")).json()
    assert body["type"] == "/problems/internal-error"
    assert "request id" in body["detail"]


async def cors_client(settings: Settings, origins: list[str]) -> tuple[FastAPI, httpx.AsyncClient]:
    app = create_app(settings.model_copy(update={"cors_origins": origins}))
    transport = httpx.ASGITransport(app=app)
    return app, httpx.AsyncClient(transport=transport, base_url="http://test")


def preflight(origin: str) -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "PATCH",
        "Access-Control-Request-Headers": "authorization,if-match,content-type",
    }


async def test_cors_answers_only_the_configured_origins(settings: Settings) -> None:
    """Simple requests are in tests/core/test_requests.py; here preflights and the rest."""
    allowed, other = "https://plan.example.gov.uk", "https://evil.example"
    app, http = await cors_client(settings, [allowed])
    async with app.router.lifespan_context(app), http:
        good = await http.options("/api/v1/plans", headers=preflight(allowed))
        assert good.status_code == 200
        assert good.headers["Access-Control-Allow-Origin"] == allowed
        assert "PATCH" in good.headers["Access-Control-Allow-Methods"]
        assert "if-match" in good.headers["Access-Control-Allow-Headers"].lower()
        assert "Access-Control-Allow-Credentials" not in good.headers
        bad = await http.options("/api/v1/plans", headers=preflight(other))
        assert "Access-Control-Allow-Origin" not in bad.headers
        assert bad.status_code == 400
        # A lookalike is not the origin: the match is exact.
        for lookalike in (allowed + ".evil.example", allowed.replace("https", "http"), "null"):
            response = await http.get("/api/v1/plans", headers={"Origin": lookalike})
            assert "Access-Control-Allow-Origin" not in response.headers, lookalike
        listed = await http.get("/api/v1/plans", headers={"Origin": allowed})
        assert listed.status_code == 401  # CORS lets the browser read it; the key still counts
        assert listed.headers["Access-Control-Allow-Origin"] == allowed
        exposed = listed.headers["Access-Control-Expose-Headers"]
        assert "ETag" in exposed
        assert "Server-Timing" in exposed


async def test_a_browser_can_read_the_problems_the_outer_layer_makes(settings: Settings) -> None:
    """The 500 for a crash and the 413 for a declared body over the limit are made outside
    the routes, around CORS; they carry its headers too, and a preflight carries a request id
    and the security headers like any other response."""
    allowed = "https://plan.example.gov.uk"
    app = create_app(settings.model_copy(update={"cors_origins": [allowed]}))
    app.add_api_route("/api/v1/_faults/runtime", _runtime_error, include_in_schema=False)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://test") as http,
    ):
        crashed = await http.get("/api/v1/_faults/runtime", headers={"Origin": allowed})
        too_large = await http.post(
            "/api/v1/plans",
            content=b"x" * (settings.max_request_body_bytes + 1),
            headers={"Origin": allowed, "Content-Type": "application/json"},
        )
        pre = await http.options("/api/v1/plans", headers=preflight(allowed))
    assert (crashed.status_code, too_large.status_code, pre.status_code) == (500, 413, 200)
    for response in (crashed, too_large):
        assert response.headers["Access-Control-Allow-Origin"] == allowed
        assert response.json()["request_id"] == response.headers["X-Request-ID"]
    assert len(pre.headers["X-Request-ID"]) == 32
    for name, value in SECURITY_HEADERS.items():
        assert pre.headers.get(name) == value, name


async def test_with_no_origins_configured_no_origin_is_allowed(settings: Settings) -> None:
    app, http = await cors_client(settings, [])
    async with app.router.lifespan_context(app), http:
        for origin in ("https://plan.example.gov.uk", "http://localhost:3000", "null"):
            pre = await http.options("/api/v1/plans", headers=preflight(origin))
            simple = await http.get("/health/live", headers={"Origin": origin})
            assert "Access-Control-Allow-Origin" not in pre.headers
            assert "Access-Control-Allow-Origin" not in simple.headers


async def test_every_kind_of_response_carries_the_security_headers(
    client: httpx.AsyncClient, clients: Clients, faulty: httpx.AsyncClient
) -> None:
    viewer = await clients.as_role(Role.viewer)
    responses = [
        await client.get("/health/live"),
        await client.get("/health/ready"),
        await client.get("/metrics"),
        await client.get("/openapi.json"),
        await client.get("/docs"),
        await client.get("/redoc"),
        await client.get("/nothing-here"),
        await client.get("/api/v1/plans"),  # 401
        await viewer.get("/api/v1/me"),  # 200
        await viewer.get("/api/v1/plans", params={"limit": "0"}),  # 422
        await viewer.post("/api/v1/plans", json={}),  # 403
        await viewer.get("/api/v1/plans/plan_missing"),  # 404
        await viewer.delete("/api/v1/me"),  # 405
        await faulty.get("/api/v1/_faults/runtime"),  # 500
        await faulty.get("/api/v1/_faults/operational"),  # 503
    ]
    for response in responses:
        where = f"{response.request.method} {response.request.url.path} {response.status_code}"
        for name, value in SECURITY_HEADERS.items():
            assert response.headers.get(name) == value, (where, name)
        if response.request.url.path.startswith("/api/"):
            assert "private" in response.headers.get("Cache-Control", ""), where
        # The application names no server software or version; the ASGI server may add its own.
        assert "Server" not in response.headers, where
        assert "X-Powered-By" not in response.headers, where
    for docs in responses[4:6]:
        assert "img-src 'self'" in docs.headers["Content-Security-Policy"]


async def test_production_settings_serve_no_docs_or_contract(database_url: str) -> None:
    settings = Settings(
        environment="production",
        database_url=database_url,
        secret_key="k" * 40,
        cors_origins=["https://plan.example.gov.uk"],
        docs_enabled=False,
        create_admin_key_on_start=False,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            for path in ("/docs", "/redoc", "/openapi.json", "/docs/static/swagger-ui.css"):
                response = await http.get(path)
                assert response.status_code == 404, path
                assert_reveals_nothing(response)
            assert (await http.get("/health/live")).status_code == 200
            assert (await http.get("/api/v1/plans")).status_code == 401
