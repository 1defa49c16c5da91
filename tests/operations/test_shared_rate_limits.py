"""Rate limits counted in Redis (`IPA_RATE_LIMIT_STORAGE_URI=redis://…`): two copies of the
service share one count per key, and the count lives in Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.main import create_app
from tests import conformance
from tests.factories import make_api_key
from tests.operations.redis import Redis
from tests.support import assert_problem

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
LIMIT = 5


@pytest.fixture
def settings(database_url: str, redis: Redis) -> Settings:
    return Settings(
        environment="test",
        database_url=database_url,
        create_admin_key_on_start=False,
        rate_limit=f"{LIMIT}/minute",
        rate_limit_storage_uri=redis.url,
    )


@pytest.fixture
async def other_app(settings: Settings) -> AsyncIterator[FastAPI]:
    """A second copy of the service on the same database and Redis."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def _client(application: FastAPI, key: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=application),
        base_url="http://test",
        headers={"Authorization": f"Bearer {key}"},
        event_hooks={"response": [conformance.hook]},
    )


async def test_two_copies_count_one_limit_per_key_in_redis(
    app: FastAPI, other_app: FastAPI, session: AsyncSession, redis: Redis
) -> None:
    _, key = await make_api_key(session)
    async with _client(app, key) as first, _client(other_app, key) as second:
        remaining = []
        for http in (first, second, first, second, first):
            answered = await http.get("/api/v1/me")
            assert answered.status_code == 200, answered.text
            remaining.append(int(answered.headers["RateLimit-Remaining"]))
        # One count: each copy sees the requests the other served.
        assert remaining == [4, 3, 2, 1, 0]
        for http in (first, second):
            refused = await http.get("/api/v1/me")
            assert_problem(refused, 429)
            assert int(refused.headers["Retry-After"]) >= 1

        # The count is Redis's: gone from Redis, gone from both copies.
        assert redis.command("KEYS", "LIMITS*")
        redis.command("FLUSHALL")
        for http in (first, second):
            assert (await http.get("/api/v1/me")).status_code == 200
