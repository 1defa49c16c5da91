"""What every HTTP response gets: security headers, caching rules, the time the server took
(`Server-Timing`), an access log line, and a problem-details 500 for an error nothing else
handled.

A pure ASGI middleware: it edits the response's start message on its way out and never
touches the body, so responses stream through it unchanged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("app.access")

ErrorHandler = Callable[[Request, Exception], Awaitable[Response] | Response]

SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
)
# API responses depend on who asks: shared caches must not keep them, and clients revalidate.
API_CACHE_CONTROL = "private, no-cache"
_SECURITY = MutableHeaders(dict(SECURITY_HEADERS)).raw
_API_CACHE_CONTROL = (b"cache-control", API_CACHE_CONTROL.encode())


class ResponseDefaultsMiddleware:
    """Adds the headers every response needs (unless set), logs the request, renders crashes.

    A request that authentication counted against its key's rate limit gets the
    `RateLimit-*` headers on every response, 200, 304 or problem, however it was built.

    An exception that escapes the application before the response has started is answered
    by `handle_error` (the application's handler for `Exception`), here rather than by
    Starlette's outermost error middleware, so that the 500 gets the request id and the
    headers above like any other response.
    """

    def __init__(self, app: ASGIApp, *, handle_error: ErrorHandler) -> None:
        self.app = app
        self.handle_error = handle_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        is_api = scope["path"].startswith("/api/")
        status = 0

        async def send_with_defaults(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # Names as ASGI sends them: lower-case bytes. One set answers every "is it
                # set?" below, where each lookup in `MutableHeaders` reads every header.
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
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_defaults)
        except Exception as exc:
            if status:  # the response has started: nothing can be sent in its place
                raise
            rendered = self.handle_error(Request(scope, receive), exc)
            response = rendered if isinstance(rendered, Response) else await rendered
            await response(scope, receive, send_with_defaults)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(
                    "%s %s %s %.1fms",
                    scope["method"],
                    scope["path"],
                    status or 500,
                    (time.perf_counter() - started) * 1000,
                )
