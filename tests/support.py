"""Assertions and request helpers shared by the router tests."""

from __future__ import annotations

from typing import Any

import httpx


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
