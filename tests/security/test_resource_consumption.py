"""OWASP API4:2023 Unrestricted Resource Consumption: pages, bodies and request rates are bounded.

Rate limits run on a clock the test moves (the `limits` memory storage reads `time.time()`
from its module), so the windows are exact and nothing waits or depends on timing.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from limits.aio.storage import memory as limits_memory
from limits.errors import ConfigurationError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from starlette.types import Message

from app.core.auth import ratelimit
from app.core.config import Settings
from app.core.http.listing import MAX_LIMIT
from app.main import create_app
from app.models import AuditEvent, Plan, Role, utcnow
from tests import conformance
from tests.conftest import Clients
from tests.factories import make_api_key, make_plan
from tests.support import assert_problem, error_fields

PLANS = "/api/v1/plans"
ME = "/api/v1/me"


class Clock:
    """Stands in for the `time` module where the rate limiter reads the time."""

    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fixed = Clock()
    monkeypatch.setattr(limits_memory, "time", fixed)
    monkeypatch.setattr(ratelimit, "time", fixed)
    return fixed


@asynccontextmanager
async def running(settings: Settings, **changes: Any) -> AsyncIterator[FastAPI]:
    app = create_app(settings.model_copy(update=changes))
    async with app.router.lifespan_context(app):
        yield app


def http(
    app: FastAPI, key: str | None = None, address: str = "127.0.0.1", *, checked: bool = True
) -> httpx.AsyncClient:
    """A client calling from `address`; its responses are checked against the contract."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=(address, 50000)),
        base_url="http://test",
        headers={"Authorization": f"Bearer {key}"} if key else {},
        event_hooks={"response": [conformance.hook] if checked else []},
    )


async def new_key(app: FastAPI, role: Role = Role.viewer) -> str:
    async with app.state.session_factory() as session:
        _, key = await make_api_key(session, role=role)
    return key


def assert_too_many(response: httpx.Response) -> int:
    body = assert_problem(response, 429)
    assert body["type"] == "/problems/too-many-requests"
    retry_after = response.headers["Retry-After"]
    assert retry_after.isdigit(), retry_after
    assert response.headers["RateLimit-Remaining"] == "0"
    return int(retry_after)


# Pages


@pytest.mark.parametrize("limit", [str(MAX_LIMIT + 1), "0", "-1", "10" * 30, "1e3", "ten"])
async def test_a_page_size_out_of_bounds_is_422(viewer: httpx.AsyncClient, limit: str) -> None:
    response = await viewer.get(PLANS, params={"limit": limit})
    assert_problem(response, 422)
    assert error_fields(response) == {"query.limit"}


async def test_the_largest_page_size_is_accepted(viewer: httpx.AsyncClient) -> None:
    response = await viewer.get(PLANS, params={"limit": MAX_LIMIT})
    assert response.status_code == 200


# Request bodies


def _plan_body(size: int) -> bytes:
    """A well-formed plan of about `size` bytes."""
    body = {"title": "", "organisation": "Example Borough Council"}
    padding = size - len(json.dumps(body).encode())
    body["title"] = "x" * max(padding, 1)
    return json.dumps(body).encode()


async def _nothing_stored(session: AsyncSession) -> None:
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0
    events = sa.select(sa.func.count()).where(col(AuditEvent.entity_type) != "api_key")
    assert await session.scalar(events) == 0


async def test_a_body_over_the_limit_is_413_and_stores_nothing(
    settings: Settings, clients: Clients, session: AsyncSession
) -> None:
    editor = await clients.as_role(Role.editor)
    over = _plan_body(settings.max_request_body_bytes + 1)
    response = await editor.post(PLANS, content=over, headers={"Content-Type": "application/json"})
    body = assert_problem(response, 413)
    assert body["type"] == "/problems/content-too-large"
    assert str(settings.max_request_body_bytes) in body["detail"]
    assert response.headers["X-Request-ID"] == body["request_id"]
    await _nothing_stored(session)


async def test_a_streamed_body_over_the_limit_is_413_and_stores_nothing(
    settings: Settings, clients: Clients, session: AsyncSession
) -> None:
    """Without a Content-Length the body is counted as it arrives."""
    editor = await clients.as_role(Role.editor)
    over = _plan_body(settings.max_request_body_bytes + 1)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(over), 64 * 1024):
            yield over[start : start + 64 * 1024]

    response = await editor.post(
        PLANS, content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in response.request.headers
    body = assert_problem(response, 413)
    assert body["type"] == "/problems/content-too-large"
    await _nothing_stored(session)


async def test_a_large_content_length_is_refused_even_where_no_body_is_read(
    app: FastAPI, settings: Settings, session: AsyncSession
) -> None:
    """An archive reads no body; the declared size is refused before anything runs."""
    plan_id = (await make_plan(session)).id
    _, key = await make_api_key(session, role=Role.editor)
    # The contract declares 413 where a body is expected; this request is off the contract.
    async with http(app, key, checked=False) as editor:
        etag = (await editor.get(f"{PLANS}/{plan_id}")).headers["ETag"]
        response = await editor.request(
            "DELETE",
            f"{PLANS}/{plan_id}",
            content=b"x" * (settings.max_request_body_bytes + 1),
            headers={"If-Match": etag},
        )
    assert_problem(response, 413)
    session.expire_all()
    stored = await session.get(Plan, plan_id)
    assert stored is not None and stored.archived_at is None


@pytest.mark.parametrize(
    ("declared", "status"),
    [
        (b"9" * 5000, 413),  # more digits than Python reads as a number
        (b"0" * 5000 + b"2", 401),  # a small size, written long: not refused for its size
    ],
)
async def test_a_content_length_of_thousands_of_digits_is_judged_by_its_value(
    app: FastAPI, declared: bytes, status: int
) -> None:
    """Called as the server would call it, since HTTP clients write their own length."""
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": PLANS,
        "raw_path": PLANS.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"test"), (b"content-length", declared)],
        "client": ("127.0.0.1", 5000),
        "server": ("test", 80),
    }
    await app(scope, receive, send)
    assert sent[0]["status"] == status
    assert json.loads(sent[-1]["body"])["status"] == status


async def test_a_body_at_the_limit_is_not_refused_for_its_size(
    settings: Settings, clients: Clients
) -> None:
    editor = await clients.as_role(Role.editor)
    # At the limit, so not refused for its size: the title is too long, a 422 not a 413.
    at_limit = _plan_body(settings.max_request_body_bytes)
    assert len(at_limit) == settings.max_request_body_bytes
    response = await editor.post(
        PLANS, content=at_limit, headers={"Content-Type": "application/json"}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.title"}


async def test_every_operation_with_a_body_declares_413(app: FastAPI) -> None:
    document = app.openapi()
    with_body = [
        (path, method)
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
        if "requestBody" in operation
    ]
    assert with_body
    for path, method in with_body:
        responses = document["paths"][path][method]["responses"]
        assert "application/problem+json" in responses["413"]["content"], (path, method)


# The per-key rate limit


async def test_a_key_over_its_rate_is_429_until_the_window_passes(
    settings: Settings, clock: Clock
) -> None:
    async with running(settings, rate_limit="2/minute") as app:
        key = await new_key(app)
        async with http(app, key) as caller:
            first, second = await caller.get(ME), await caller.get(PLANS)
            assert (first.status_code, second.status_code) == (200, 200)
            assert first.headers["RateLimit-Limit"] == "2"
            assert first.headers["RateLimit-Remaining"] == "1"
            assert second.headers["RateLimit-Remaining"] == "0"
            assert 0 < int(second.headers["RateLimit-Reset"]) <= 60

            clock.advance(30)
            refused = await caller.get(PLANS)
            retry_after = assert_too_many(refused)
            assert retry_after == 31  # the first request counts until 60 seconds have passed
            assert refused.headers["RateLimit-Limit"] == "2"
            assert "2 requests per minute" in refused.json()["detail"]
            # Refused requests do not count: waiting Retry-After is enough.
            assert_too_many(await caller.get(ME))

            clock.advance(retry_after)
            again = await caller.get(PLANS)
            assert again.status_code == 200
            assert again.headers["RateLimit-Remaining"] == "1"


async def test_every_operation_that_takes_a_key_is_limited(
    settings: Settings, clock: Clock
) -> None:
    """Writes and admin operations too, and a 429 changes nothing."""
    async with running(settings, rate_limit="1/hour") as app:
        key = await new_key(app, Role.admin)
        async with http(app, key) as caller:
            assert (await caller.get(ME)).status_code == 200
            created = await caller.post(PLANS, json={"title": "T", "organisation": "Council"})
            assert_too_many(created)
            assert_too_many(await caller.get("/api/v1/api-keys"))
            assert_too_many(await caller.get("/api/v1/audit-events"))
        async with app.state.session_factory() as session:
            assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


async def test_one_keys_exhaustion_does_not_limit_another(settings: Settings, clock: Clock) -> None:
    async with running(settings, rate_limit="2/minute") as app:
        busy, quiet = await new_key(app), await new_key(app)
        async with http(app, busy) as first, http(app, quiet) as second:
            for _ in range(2):
                assert (await first.get(ME)).status_code == 200
            assert_too_many(await first.get(ME))
            response = await second.get(ME)
            assert response.status_code == 200
            assert response.headers["RateLimit-Remaining"] == "1"


async def test_each_app_counts_afresh(settings: Settings, clock: Clock) -> None:
    async with running(settings, rate_limit="1/minute") as app:
        key = await new_key(app)
        async with http(app, key) as caller:
            assert (await caller.get(ME)).status_code == 200
            assert_too_many(await caller.get(ME))
        async with running(settings, rate_limit="1/minute") as other, http(other, key) as caller:
            assert (await caller.get(ME)).status_code == 200


async def test_an_empty_rate_turns_the_limit_off(settings: Settings, clock: Clock) -> None:
    async with running(settings, rate_limit="") as app:
        key = await new_key(app)
        async with http(app, key) as caller:
            for _ in range(5):
                response = await caller.get(ME)
                assert response.status_code == 200
                assert "RateLimit-Limit" not in response.headers


# Failed authentication per client address


async def test_repeated_invalid_keys_from_one_address_are_429(
    settings: Settings, clock: Clock
) -> None:
    async with running(settings, auth_failure_rate_limit="3/minute") as app:
        key = await new_key(app)
        forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
        async with (
            http(app, forged, "203.0.113.7") as guesser,
            http(app, key, "203.0.113.7") as neighbour,
            http(app, key, "198.51.100.2") as elsewhere,
        ):
            for _ in range(3):
                assert_problem(await guesser.get(ME), 401)
            retry_after = assert_too_many(await guesser.get(ME))
            assert 0 < retry_after <= 61
            # While the address is refused no key is checked from it, not even a good one.
            assert_too_many(await neighbour.get(ME))
            assert (await elsewhere.get(ME)).status_code == 200

            clock.advance(retry_after)
            assert (await neighbour.get(ME)).status_code == 200


async def test_missing_revoked_and_expired_keys_are_not_guesses(
    settings: Settings, clock: Clock
) -> None:
    """Only keys that match no key count: a stale key once was real, and is refused with 401."""
    async with running(settings, auth_failure_rate_limit="2/minute") as app:
        async with app.state.session_factory() as session:
            revoked, revoked_key = await make_api_key(session)
            expired, expired_key = await make_api_key(session)
            revoked.revoked_at = utcnow()
            expired.expires_at = utcnow()
            await session.commit()
        async with http(app) as anonymous, http(app, revoked_key) as stale:
            for _ in range(4):
                assert_problem(await anonymous.get(ME), 401)
                assert_problem(await stale.get(ME), 401)
                assert_problem(
                    await stale.get(ME, headers={"Authorization": f"Bearer {expired_key}"}), 401
                )


def test_an_unusable_rate_limit_storage_stops_the_service_at_start(settings: Settings) -> None:
    with pytest.raises(ConfigurationError):
        create_app(settings.model_copy(update={"rate_limit_storage_uri": "nosuch://here"}))


def test_rate_settings_must_be_readable() -> None:
    with pytest.raises(ValueError, match="600/minute"):
        Settings(rate_limit="lots")
    with pytest.raises(ValueError, match="at least one"):
        Settings(auth_failure_rate_limit="0/minute")
    assert Settings(rate_limit=" ").rate_limit == ""
    assert Settings(rate_limit="10 per second").rate_limit == "10 per second"
