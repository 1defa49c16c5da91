"""Test databases: every test gets its own freshly migrated database, SQLite and PostgreSQL.

Each test worker builds the app once for each set of settings (the database aside) and
starts it on every test's database in turn, with a fresh `app.state`: building an app
prepares every route, which took most of a short test's time.

The PostgreSQL run needs `IPA_TEST_POSTGRES_URL`, e.g.
`postgresql+asyncpg://postgres@127.0.0.1:5432/ipa_test`; without it those tests are skipped
and the run says so at the end.
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import State

from app.core.auth.ratelimit import RateLimiter
from app.core.config import Settings
from app.core.db.migrations import upgrade
from app.main import create_app
from app.models import Role
from tests import conformance
from tests.factories import make_api_key

POSTGRES_URL = os.environ.get("IPA_TEST_POSTGRES_URL", "")
SKIP_POSTGRES = (
    "PostgreSQL run skipped: IPA_TEST_POSTGRES_URL is not set (make test-postgres sets it)"
)
BACKENDS = ["sqlite", "postgresql"]
_counter = itertools.count()


def _admin_url(url: str) -> sa.URL:
    return make_url(url).set(drivername="postgresql", database="postgres")


@functools.cache
def _admin_engine() -> sa.Engine:
    """One per worker, its connection kept: connecting for each statement was a fair part
    of a PostgreSQL test's set-up and teardown."""
    return sa.create_engine(
        _admin_url(POSTGRES_URL).set(drivername="postgresql+psycopg"),
        isolation_level="AUTOCOMMIT",
        pool_size=1,
        pool_pre_ping=True,
    )


def _run_admin(statement: str) -> None:
    with _admin_engine().connect() as connection:
        connection.execute(sa.text(statement))


@dataclass(frozen=True)
class Templates:
    sqlite_file: Path
    postgres_database: str | None


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    """One migrated database per backend, copied for each test."""
    folder = tmp_path_factory.mktemp("template")
    sqlite_file = folder / "template.db"
    upgrade(f"sqlite+aiosqlite:///{sqlite_file}")
    _checkpoint(sqlite_file)
    postgres_database = None
    if POSTGRES_URL:
        base = make_url(POSTGRES_URL).database or "ipa_test"
        postgres_database = f"{base}_template_{os.getpid()}"
        _run_admin(f'DROP DATABASE IF EXISTS "{postgres_database}"')
        _run_admin(f'CREATE DATABASE "{postgres_database}"')
        upgrade(make_url(POSTGRES_URL).set(database=postgres_database).render_as_string(False))
    yield Templates(sqlite_file, postgres_database)
    if postgres_database:
        _run_admin(f'DROP DATABASE IF EXISTS "{postgres_database}" WITH (FORCE)')
        _admin_engine().dispose()


def _checkpoint(sqlite_file: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{sqlite_file}")
    with engine.connect() as connection:
        connection.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not POSTGRES_URL:
        if os.environ.get("CI"):  # CI runs everything on PostgreSQL: a skip would hide a gap
            pytest.fail("IPA_TEST_POSTGRES_URL is not set, and under CI no test may skip it")
        pytest.skip(SKIP_POSTGRES)
    return str(request.param)


@pytest.fixture
def database_url(backend: str, templates: Templates, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database of its own for this test."""
    if backend == "sqlite":
        target = tmp_path / "test.db"
        shutil.copyfile(templates.sqlite_file, target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    name = f"{templates.postgres_database}_{next(_counter)}"
    _run_admin(f'CREATE DATABASE "{name}" TEMPLATE "{templates.postgres_database}"')
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    _run_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def settings(database_url: str) -> Settings:
    # Tests make many requests per key; tests of the rate limits set their own.
    return Settings(
        environment="test",
        database_url=database_url,
        create_admin_key_on_start=False,
        rate_limit="100000/minute",
        auth_failure_rate_limit="100000/minute",
    )


# What `create_app` keeps on `app.state`, each made afresh for a test by `_fresh_state`.
_STATE_MADE_BY_CREATE_APP = {"settings", "rate_limiter"}
# This worker's apps not in use, each with the settings it was built with but the database.
_idle_apps: list[tuple[Settings, FastAPI]] = []


def _fresh_state(settings: Settings) -> State:
    return State({"settings": settings, "rate_limiter": RateLimiter(settings)})


def _build(settings: Settings) -> FastAPI:
    application = create_app(settings)
    made = set(vars(application.state)["_state"])
    if made != _STATE_MADE_BY_CREATE_APP:
        raise AssertionError(
            f"create_app now keeps {sorted(made)} on app.state: make each afresh for a test "
            "in tests/conftest.py (_fresh_state), so that no test sees another's"
        )
    return application


def _take_idle(like: Settings, settings: Settings) -> FastAPI | None:
    for index, (built_with, application) in enumerate(_idle_apps):
        if built_with == like:
            del _idle_apps[index]
            application.state = _fresh_state(settings)
            # Made again on first use, as for a new app: the middleware (and what each
            # keeps) and the OpenAPI document.
            application.middleware_stack = None
            application.openapi_schema = None
            return application
    return None


def _parts(application: FastAPI) -> list[object]:
    """What a test may change on an app, beside what `_take_idle` makes afresh: its
    attributes, routes, middleware, exception handlers and dependency overrides."""
    attributes = {
        name: value
        for name, value in vars(application).items()
        if name not in {"state", "middleware_stack", "openapi_schema"}
    }
    return [
        *attributes,
        *attributes.values(),
        *application.router.routes,
        *application.user_middleware,
        *application.exception_handlers,
        *application.exception_handlers.values(),
        *application.dependency_overrides,
        *application.dependency_overrides.values(),
    ]


def _unchanged(before: list[object], after: list[object]) -> bool:
    return len(before) == len(after) and all(a is b for a, b in zip(before, after, strict=True))


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """The app for these settings, started on the test's database.

    One this worker built before for the same settings (the database aside) is taken when
    one is idle: it gets a fresh `app.state` (rate limiter, caches), and its lifespan makes
    the engines and pools for this database. An app a test added routes, middleware or
    handlers to is not used again.
    """
    like = settings.model_copy(update={"database_url": ""})
    application = _take_idle(like, settings) or _build(settings)
    before = _parts(application)
    async with application.router.lifespan_context(application):
        yield application
    application.state = State()  # let the test's engines, caches and data go
    if _unchanged(before, _parts(application)):
        _idle_apps.append((like, application))


@pytest.fixture
async def session(app: FastAPI) -> AsyncIterator[AsyncSession]:
    """A session on the test's database, for arranging data and checking what was stored."""
    async with app.state.session_factory() as db_session:
        yield db_session


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client with no credentials."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url="http://test", event_hooks={"response": [conformance.hook]}
    ) as http:
        yield http


class Clients:
    """A client per role, each with its own API key."""

    def __init__(self, app: FastAPI, session: AsyncSession) -> None:
        self._app = app
        self._session = session
        self._open: list[httpx.AsyncClient] = []

    async def as_role(self, role: Role, **key_fields: Any) -> httpx.AsyncClient:
        _, key = await make_api_key(self._session, role=role, **key_fields)
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=self._app),
            base_url="http://test",
            headers={"Authorization": f"Bearer {key}"},
            event_hooks={"response": [conformance.hook]},
        )
        self._open.append(http)
        return http

    async def close(self) -> None:
        for http in self._open:
            await http.aclose()


@pytest.fixture
async def clients(app: FastAPI, session: AsyncSession) -> AsyncIterator[Clients]:
    made = Clients(app, session)
    yield made
    await made.close()


@pytest.fixture
async def admin(clients: Clients) -> httpx.AsyncClient:
    return await clients.as_role(Role.admin)


@pytest.fixture
async def editor(clients: Clients) -> httpx.AsyncClient:
    return await clients.as_role(Role.editor)


@pytest.fixture
async def viewer(clients: Clients) -> httpx.AsyncClient:
    return await clients.as_role(Role.viewer)


class StatementCounter:
    """Counts the SQL statements the app sends while active."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.startswith(("BEGIN", "PRAGMA")):
            self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_statements(app: FastAPI) -> Iterator[StatementCounter]:
    counter = StatementCounter()
    engines = {app.state.engine.sync_engine, app.state.write_engine.sync_engine}
    for engine in engines:
        sa.event.listen(engine, "before_cursor_execute", counter)
    yield counter
    for engine in engines:
        sa.event.remove(engine, "before_cursor_execute", counter)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not POSTGRES_URL:
        terminalreporter.write_sep("=", SKIP_POSTGRES, yellow=True, bold=True)
