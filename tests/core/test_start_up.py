"""What each worker does when it starts, and what it leaves when it stops."""

from __future__ import annotations

import gc
import weakref

import httpx
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app


async def test_apps_whose_lifespan_ended_are_collected(settings: Settings) -> None:
    """Start-up keeps what it made out of the collector's full passes once per process
    only: an app that has stopped is freed, however many a process starts."""
    stopped: list[weakref.ref[FastAPI]] = []
    for _ in range(3):
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            assert (await _health(app)) == 200
        stopped.append(weakref.ref(app))
        del app
    gc.collect()
    # The process's first app may be the one kept; none after it is.
    assert sum(ref() is not None for ref in stopped) <= 1


async def _health(app: FastAPI) -> int:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return (await client.get("/health/live")).status_code
