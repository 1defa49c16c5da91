"""Request bodies over `IPA_MAX_REQUEST_BODY_BYTES` are refused with 413 problem details.

A declared `Content-Length` over the limit is refused before the request reaches a route, so
nothing runs; a body sent without one is counted as it is read and refused once it passes the
limit, before the route parses it. The request middleware (`app.core.http.middleware`) applies
both, so the refusal gets the headers every response gets.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import Message, Receive, Scope

from app.core.errors import problem_response

SLUG = "content-too-large"
TITLE = HTTPStatus(413).phrase


def _detail(limit: int) -> str:
    return f"The request body is larger than the {limit} bytes this service accepts."


def declared_too_large(scope: Scope, declared: bytes | None, limit: int) -> Response | None:
    """The 413 for a request whose declared `Content-Length` is over the limit.

    Digits only (ASCII: `bytes.isdigit`); a value with more digits than the limit has is
    over it without being read as a number (Python refuses to read one of thousands)."""
    if declared is None or not declared.isdigit():
        return None
    digits = declared.lstrip(b"0")
    if len(digits) <= len(str(limit)) and int(digits or b"0") <= limit:
        return None
    return problem_response(
        Request(scope), status=413, slug=SLUG, title=TITLE, detail=_detail(limit)
    )


def within_limit(receive: Receive, limit: int) -> Receive:
    """`receive`, counting the body's bytes: past the limit, a 413 before the route has it."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                # An HTTPException, so the route's body parsing passes it on unchanged.
                raise HTTPException(413, detail=_detail(limit))
        return message

    return receive_within_limit
