"""Request metrics for `/metrics`: requests by method, status class and route, and latency.

A pure ASGI middleware recording into `prometheus_client`. The route label is the template
of the route that answered (`/api/v1/actions/{action_id}`), read from the scope once
routing has run, so no request pays for matching the route table a second time; a request
no route matched is labelled `none`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
LABELS = ("handler", "method", "status")

REQUESTS = Counter(
    "http_requests_total", "Total number of requests by method, status and handler.", LABELS
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Duration of HTTP requests in seconds",
    LABELS,
    buckets=LATENCY_BUCKETS,
)


def route_templates(routes: Iterable[Any]) -> dict[int, str]:
    """Each route's full template (prefixes included), by the identity of the route object.

    Routers included with a prefix keep their own routes, whose `path_format` lacks the
    prefix; FastAPI lists each with its full template in `effective_route_contexts()`.
    """
    templates: dict[int, str] = {}
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if callable(contexts):
            for context in contexts():
                original = getattr(context, "original_route", None)
                if original is not None:
                    templates[id(original)] = context.path_format
        elif hasattr(route, "path_format"):
            templates[id(route)] = route.path_format
    return templates


class RequestMetricsMiddleware:
    def __init__(self, app: ASGIApp, *, excluded: Iterable[str] = ()) -> None:
        self.app = app
        self.excluded = frozenset(excluded)
        self.templates: dict[int, str] = {}

    def handler(self, scope: Scope) -> str:
        route = scope.get("route")
        if route is None:
            return "none"
        template = self.templates.get(id(route))
        if template is None:  # routes added since the map was made
            self.templates = route_templates(scope["app"].routes)
            template = self.templates.get(id(route), getattr(route, "path_format", "none"))
        return template

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in self.excluded:
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording)
        finally:
            labels = (self.handler(scope), scope["method"], f"{str(status)[0]}xx")
            REQUESTS.labels(*labels).inc()
            LATENCY.labels(*labels).observe(time.perf_counter() - started)
