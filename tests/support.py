"""Assertions and request helpers shared by the router tests."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import (
    Action,
    AuditEvent,
    Event,
    IdempotencyRecord,
    StatusUpdate,
    WebhookDelivery,
)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """The response is problem details with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    return body


def error_fields(response: httpx.Response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


async def patch(http: httpx.AsyncClient, url: str, body: dict[str, Any]) -> httpx.Response:
    """PATCH with the If-Match of a fresh read, as a careful client does."""
    etag = (await http.get(url)).headers["ETag"]
    return await http.patch(url, json=body, headers={"If-Match": etag})


async def archive(http: httpx.AsyncClient, url: str) -> httpx.Response:
    """DELETE (archive) with the If-Match of a fresh read."""
    etag = (await http.get(url)).headers["ETag"]
    return await http.delete(url, headers={"If-Match": etag})


# Headers that differ between any two responses: the moment, the request, the key's usage.
PER_REQUEST_HEADERS = frozenset(
    {"date", "server-timing", "x-request-id", "ratelimit-remaining", "ratelimit-reset"}
)


def same_headers(response: httpx.Response) -> dict[str, str]:
    """The response's headers but those that differ between any two responses."""
    return {k: v for k, v in response.headers.items() if k not in PER_REQUEST_HEADERS}


WRITTEN_TABLES = (StatusUpdate, AuditEvent, Event, IdempotencyRecord, WebhookDelivery)


async def traces_of_writes(session: AsyncSession) -> dict[str, Any]:
    """What a write leaves behind: how many rows each table a write adds to holds, and every
    action's state and version. Equal before and after means nothing was stored."""
    # Each read in a transaction of its own: SQLite would show a held one's snapshot.
    await session.commit()
    traces: dict[str, Any] = {}
    for table in WRITTEN_TABLES:
        count = await session.scalar(sa.select(sa.func.count()).select_from(table))
        traces[table.__name__] = int(count or 0)
    states = await session.execute(
        sa.select(
            col(Action.id), col(Action.rag), col(Action.status), col(Action.version)
        ).order_by(col(Action.id))
    )
    traces["actions"] = [tuple(row) for row in states]
    await session.commit()
    return traces


def write_statements(statements: list[str]) -> list[str]:
    """The statements among these that change something."""
    return [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def as_posted(updates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Status updates as answered, less what only storing them decides: ids and times."""
    return [
        {k: v for k, v in u.items() if k not in {"id", "created_at", "updated_at"}} for u in updates
    ]
