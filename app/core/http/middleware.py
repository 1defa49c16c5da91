"""What every HTTP request and response gets, in one pure ASGI layer:

- a request id: the client's `X-Request-ID` when it is one (32 hex digits, or a UUID),
  a new one otherwise; set as `asgi_correlation_id.correlation_id` for the log lines,
  problem details and audit events the request writes, and sent back as `X-Request-ID`;
- the request body limit (`app.core.http.body_limit`);
- security headers, caching rules and the time the server took (`Server-Timing`);
- a problem-details 500 for an error nothing else handled;
- an access log line, and the request's metrics (`app.core.http.metrics`).

It edits the response's start message on its way out and never touches the body, so
responses stream through it unchanged. One layer rather than one for each of these: each
layer of middleware wraps every request and every message of its response again, and
together they cost more than the service's own work on its hottest reads.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from typing import Any

from asgi_correlation_id import correlation_id
from asgi_correlation_id.middleware import FAILED_VALIDATION_MESSAGE, is_valid_uuid4
from starlette.datastructures import MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.http.body_limit import declared_too_large, within_limit
from app.core.http.metrics import RequestMetrics

access_log = logging.getLogger("app.access")
request_id_log = logging.getLogger("asgi_correlation_id")

ErrorHandler = Callable[[Request, Exception], Awaitable[Response] | Response]

REQUEST_ID_HEADER = "X-Request-ID"
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)
# API responses depend on who asks: shared caches must not keep them, and clients revalidate.
API_CACHE_CONTROL = "private, no-cache"
_SECURITY = MutableHeaders(dict(SECURITY_HEADERS)).raw
_API_CACHE_CONTROL = (b"cache-control", API_CACHE_CONTROL.encode())
_REQUEST_ID = REQUEST_ID_HEADER.lower().encode()


# A random UUID's version (4) and variant bits, as `uuid.uuid4()` sets them.
_UUID4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def new_request_id() -> str:
    """A random (version 4) UUID's 32 hex digits, as `uuid.uuid4().hex` gives them, without
    building a `UUID` object, which cost twice as long."""
    return "%032x" % (int.from_bytes(os.urandom(16)) & _UUID4_CLEAR | _UUID4_SET)


def request_id(given: bytes | None) -> str:
    """The client's request id when it is one we accept, else a new one."""
    if given:
        value = given.decode("latin-1")
        if is_valid_uuid4(value):
            return value
        generated = new_request_id()
        request_id_log.warning(FAILED_VALIDATION_MESSAGE, generated)
        return generated
    return new_request_id()


class RequestMiddleware:
    """The request id, the body limit, the headers every response needs (unless set), the
    access log, the metrics, and the 500 for a crash.

    A request that authentication counted against its key's rate limit gets the
    `RateLimit-*` headers on every response, 200, 304 or problem, however it was built.

    An exception that escapes the application before the response has started is answered
    by `handle_error` (the application's handler for `Exception`), here rather than by
    Starlette's outermost error middleware, so that the 500 gets the request id and the
    headers above like any other response. With `cors` (the options of the application's
    `CORSMiddleware`, which runs inside this layer), the responses this layer makes itself,
    the 500 and the 413, get the CORS headers too, so a browser can read them.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        handle_error: ErrorHandler,
        max_body_size: int,
        metrics: RequestMetrics,
        cors: dict[str, Any] | None = None,
    ) -> None:
        self.app = app
        self.handle_error = handle_error
        self.max_body_size = max_body_size
        self.metrics = metrics
        self.cors = cors

    def _own(self, response: Response) -> ASGIApp:
        """A response this layer makes itself, with the CORS headers the others get."""
        return response if self.cors is None else CORSMiddleware(response, **self.cors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        given = declared = None
        for name, value in scope["headers"]:  # names as ASGI gives them: lower-case bytes
            if name == _REQUEST_ID:
                given = value if given is None else given
            elif name == b"content-length":
                declared = value if declared is None else declared
        rid = request_id(given)
        # Left set when the request ends, as the log lines of an error that escapes this
        # layer are written after it (each request runs in its own task, so none sees another's).
        correlation_id.set(rid)
        is_api = scope["path"].startswith("/api/")
        status = 0

        async def send_with_defaults(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # One set answers every "is it set?" below, where each lookup in
                # `MutableHeaders` reads every header.
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers += [header for header in _SECURITY if header[0] not in present]
                if is_api and b"cache-control" not in present:
                    headers.append(_API_CACHE_CONTROL)
                # The time until the response started: what the server spent on the request,
                # to a tenth of a millisecond (finer would say more than a client needs).
                if b"server-timing" not in present:
                    elapsed = (time.perf_counter() - started) * 1000
                    headers.append((b"server-timing", b"app;dur=%.1f" % elapsed))
                usage = scope.get("state", {}).get("rate_limit")
                if usage is not None and b"ratelimit-limit" not in present:
                    headers += MutableHeaders(usage.headers()).raw
                headers.append((_REQUEST_ID, rid.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        try:
            refusal = declared_too_large(scope, declared, self.max_body_size)
            if refusal is not None:
                await self._own(refusal)(scope, receive, send_with_defaults)
            else:
                await self.app(scope, within_limit(receive, self.max_body_size), send_with_defaults)
        except Exception as exc:
            if status:  # the response has started: nothing can be sent in its place
                raise
            rendered = self.handle_error(Request(scope, receive), exc)
            response = rendered if isinstance(rendered, Response) else await rendered
            await self._own(response)(scope, receive, send_with_defaults)
        finally:
            elapsed = time.perf_counter() - started
            if access_log.isEnabledFor(logging.INFO):
                self._log_access(scope, status or 500, elapsed)
            self.metrics.record(scope, status or 500, elapsed)

    def _log_access(self, scope: Scope, status: int, seconds: float) -> None:
        """One record a request: a line for people, and fields for a JSON log. The client
        address is the one uvicorn gives, which is the proxy's `X-Forwarded-For` when the
        proxy is trusted (`--forwarded-allow-ips`, docs/operations.md)."""
        principal = scope.get("state", {}).get("principal")
        client = scope.get("client")
        duration = round(seconds * 1000, 1)
        access_log.info(
            "%s %s %s %.1fms",
            scope["method"],
            scope["path"],
            status,
            duration,
            extra={
                "method": scope["method"],
                "route": self.metrics.handler(scope),
                "path": scope["path"],
                "status": status,
                "duration_ms": duration,
                "key_id": getattr(principal, "key_id", None),
                "system": getattr(principal, "system", None),
                "client_address": client[0] if client else None,
            },
        )
