"""Request bodies over `IPA_MAX_REQUEST_BODY_BYTES` are refused with 413 problem details.

A declared `Content-Length` over the limit is refused before the request reaches a route, so
nothing runs; a body sent without one is counted as it is read and refused once it passes the
limit, before the route parses it.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import problem_response

SLUG = "content-too-large"
TITLE = HTTPStatus(413).phrase


def _detail(limit: int) -> str:
    return f"The request body is larger than the {limit} bytes this service accepts."


class BodyLimitMiddleware:
    """A pure ASGI middleware, so the refusal passes through the other middleware's headers."""

    def __init__(self, app: ASGIApp, max_body_size: int) -> None:
        self.app = app
        self.max_body_size = max_body_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_size:
            response = problem_response(
                Request(scope),
                status=413,
                slug=SLUG,
                title=TITLE,
                detail=_detail(self.max_body_size),
            )
            await response(scope, receive, send)
            return

        received = 0

        async def receive_within_limit() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_size:
                    # An HTTPException, so the route's body parsing passes it on unchanged.
                    raise HTTPException(413, detail=_detail(self.max_body_size))
            return message

        await self.app(scope, receive_within_limit, send)
