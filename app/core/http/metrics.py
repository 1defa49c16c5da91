"""Request metrics for `/metrics`: requests by method, status class and route, and latency.

Recorded into `prometheus_client` by the request middleware (`app.core.http.middleware`). The
route label is the template of the route that answered (`/api/v1/actions/{action_id}`).
An API route leaves itself in the scope once routing has run, so an API request does not
pay for matching the route table a second time; anything else (the documentation, a CORS
preflight, a body refused before routing, a path no route has) is matched against the
routes here, and a request no route matches is labelled `none`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from prometheus_client import Counter, Histogram
from starlette.requests import Request
from starlette.routing import Match
from starlette.types import Scope

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


def effective_routes(routes: Iterable[Any]) -> Iterator[tuple[str | None, Any, Any]]:
    """Each route with its full template (prefixes included; None for a route without
    one), the route object requests are handled by, and the form of it that matches a
    request on its full path.

    Routers included with a prefix keep their own routes, whose `path_format` lacks the
    prefix; FastAPI lists each with its full template in `effective_route_contexts()`.
    """
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if not callable(contexts):
            yield getattr(route, "path_format", None), route, route
            continue
        for context in contexts():
            original = getattr(context, "original_route", None)
            matchable = getattr(context, "starlette_route", None) or context
            yield (context.path_format if original is not None else None), original, matchable


def route_templates(routes: Iterable[Any]) -> tuple[dict[int, str], list[Any]]:
    """Each route's full template, by the identity of the route object, and every route in
    a form that matches a request on its full path."""
    templates: dict[int, str] = {}
    matchable: list[Any] = []
    for template, route, matching in effective_routes(routes):
        if template is not None:
            templates[id(route)] = template
        matchable.append(matching)
    return templates, matchable


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this request's path, for a 405's `Allow`. A path
    without parameters that matches it (`/meetings/schedule`) names it before any that has
    (`/meetings/{meeting_id}`), as in the contract (OpenAPI's Paths Object), so only its
    methods count then."""
    scope = dict(request.scope, type="http")
    fixed: set[str] = set()
    templated: set[str] = set()
    for template, _route, matchable in effective_routes(request.app.router.routes):
        route_methods = getattr(matchable, "methods", None)
        if route_methods and matchable.matches(scope)[0] != Match.NONE:
            (templated if template is None or "{" in template else fixed).update(route_methods)
    return sorted(fixed or templated)


class RequestMetrics:
    """Records each request's count and latency under its label set (see the module's
    docstring); `app.core.http.middleware.RequestMiddleware` calls it once a request is over."""

    def __init__(self, *, excluded: Iterable[str] = ()) -> None:
        self.excluded = frozenset(excluded)
        self.routes: tuple[int, dict[int, str], list[Any]] | None = None
        # Each label set's counter and histogram, found once (by route template, method
        # and status class: a bounded set).
        self.series: dict[tuple[str, str, str], tuple[Any, Any]] = {}

    def _routes(self, scope: Scope) -> tuple[dict[int, str], list[Any]]:
        routes = scope["app"].routes
        if self.routes is None or self.routes[0] != len(routes):
            self.routes = (len(routes), *route_templates(routes))
        return self.routes[1], self.routes[2]

    def handler(self, scope: Scope) -> str:
        templates, matchable = self._routes(scope)
        route = scope.get("route")
        if route is not None and id(route) in templates:
            return templates[id(route)]
        partial = None
        for candidate in matchable:
            match, _ = candidate.matches(scope)
            if match == Match.FULL:
                return str(candidate.path_format)
            if match == Match.PARTIAL and partial is None:
                partial = str(candidate.path_format)
        return partial or "none"

    def record(self, scope: Scope, status: int, seconds: float) -> None:
        """Count a request that ended with `status` after `seconds`, unless its path is
        one not counted (`/metrics` itself)."""
        if scope["path"] in self.excluded:
            return
        labels = (self.handler(scope), scope["method"], f"{str(status)[0]}xx")
        counted = self.series.get(labels)
        if counted is None:
            counted = self.series[labels] = (REQUESTS.labels(*labels), LATENCY.labels(*labels))
        counted[0].inc()
        counted[1].observe(seconds)
