"""Request ids, JSON logs, security headers and CORS."""

from __future__ import annotations

import json
import logging
import re
import uuid

import httpx
import pytest
from fastapi import FastAPI

from app.core.config import Settings
from app.core.http.middleware import new_request_id
from app.core.logging import configure_logging
from app.main import create_app


async def test_request_id_is_echoed_or_generated(client: httpx.AsyncClient) -> None:
    given = await client.get(
        "/health/live", headers={"X-Request-ID": "0123456789abcdef0123456789abcdef"}
    )
    assert given.headers["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    generated = [(await client.get("/health/live")).headers["X-Request-ID"] for _ in range(2)]
    assert all(re.fullmatch("[0-9a-f]{32}", rid) for rid in generated)
    assert generated[0] != generated[1]


def test_a_new_request_id_is_a_random_uuid() -> None:
    """32 hex digits with a random UUID's version and variant, as `uuid4().hex` gives."""
    ids = {new_request_id() for _ in range(1000)}
    assert len(ids) == 1000
    for rid in ids:
        parsed = uuid.UUID(rid)
        assert (parsed.version, parsed.variant, parsed.hex) == (4, uuid.RFC_4122, rid)


async def test_problem_carries_the_request_id(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/plans")
    assert response.json()["request_id"] == response.headers["X-Request-ID"]


async def test_a_request_id_not_accepted_is_replaced_in_the_problem_too(
    client: httpx.AsyncClient,
) -> None:
    """A request id that is not 32 hex digits is replaced by a new one, and the problem
    names the one the response carries, not the one refused."""
    for given in ("0123456789abcdef0123456789abcdef", "not an id"):
        response = await client.get("/api/v1/plans", headers={"X-Request-ID": given})
        sent = response.headers["X-Request-ID"]
        assert (sent == given) is (given != "not an id")
        assert response.json()["request_id"] == sent


async def test_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/plans")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


async def test_json_logs_carry_the_request_id(
    client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(Settings(log_format="json"))
    try:
        response = await client.get("/health/live", headers={"X-Request-ID": "a" * 32})
        assert response.status_code == 200
        lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
    access = [line for line in lines if line.get("name") == "app.access"]
    assert access, lines
    assert access[-1]["request_id"] == "a" * 32
    assert "GET /health/live 200" in access[-1]["message"]


async def test_cors_allows_only_configured_origins(settings: Settings) -> None:
    app: FastAPI = create_app(settings.model_copy(update={"cors_origins": ["https://ok.example"]}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            allowed = await http.get("/health/live", headers={"Origin": "https://ok.example"})
            other = await http.get("/health/live", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://ok.example"
    # A browser client reads a report download's file name.
    assert "Content-Disposition" in allowed.headers["access-control-expose-headers"]
    assert "access-control-allow-origin" not in other.headers


async def test_docs_can_be_switched_off(settings: Settings) -> None:
    app: FastAPI = create_app(settings.model_copy(update={"docs_enabled": False}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            assert (await http.get("/docs")).status_code == 404
            assert (await http.get("/openapi.json")).status_code == 404
