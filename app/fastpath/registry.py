"""The middleware that offers a route's GETs to its fast path before routing, and the check
that refuses to start when a fast path would answer a request another route should.

A fast path answers only the simple case it recognises and returns None for anything
else; the request then takes its route's ordinary path. Its answer passes through the same
middleware as any other response (logged, counted under its route, the same headers), and
what it raises is rendered by the application's own exception handlers.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request, Response
from fastapi._compat import ModelField
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import Mount, compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.http.metrics import effective_routes
from app.core.http.requests import query_names
from app.models import Role

FastPath = Callable[[Request, "Entry"], Awaitable[Response | None]]


class FastPathConflict(RuntimeError):
    """A fast path is registered for a route that does not exist, declares no role, or
    whose path overlaps another route's."""


class FallBack(Exception):
    """The fast path cannot answer after all (its read failed in the driver): the route's
    ordinary path answers instead, and handles what went wrong as it does for any request."""


def _declared(dependant: Dependant) -> list[ModelField]:
    fields = list(dependant.query_params)
    for dependency in dependant.dependencies:
        fields.extend(_declared(dependency))
    return fields


class QueryDeclarations:
    """The query parameters a route and its dependencies declare, as FastAPI reads them,
    and every name a query string may use for them: a fast path parses its query with
    these, as the route does."""

    def __init__(self, route: APIRoute) -> None:
        self.fields = _declared(route.dependant)
        self.names = query_names(route.dependant)


@dataclass(frozen=True, eq=False)
class Entry:
    """A fast path, and what it takes from its route: the role and the query parameters."""

    pattern: re.Pattern[str]
    convertors: dict[str, Any]
    route: APIRoute
    role: Role
    query: QueryDeclarations
    answer: FastPath


def required_role(route: APIRoute) -> Role | None:
    """The role the route's own dependencies require (see `app.core.auth.keys.require`)."""
    pending = list(route.dependant.dependencies)
    while pending:
        dependant = pending.pop()
        role = getattr(dependant.call, "required_role", None)
        if isinstance(role, Role):
            return role
        pending.extend(dependant.dependencies)
    return None


def _segments(template: str) -> list[str]:
    return template.strip("/").split("/")


def _is_parameter(segment: str) -> bool:
    return "{" in segment


def overlaps(first: str, second: str) -> bool:
    """Whether some request path matches both templates. A `{name:path}` parameter matches
    any rest of the path; any other parameter, any one segment (conservatively: a segment
    an `int` parameter would refuse still counts)."""
    a, b = _segments(first), _segments(second)
    for x, y in zip(a, b, strict=False):
        if x.endswith(":path}") or y.endswith(":path}"):
            return True
        if x != y and not (_is_parameter(x) or _is_parameter(y)):
            return False
    return len(a) == len(b)


def _templates(routes: Iterable[Any]) -> Iterable[tuple[str, Any]]:
    """Every route's full template, a mount's as a prefix of any path under it."""
    for template, route, _matchable in effective_routes(routes):
        if template is None:
            continue
        if isinstance(route, Mount):  # Starlette writes a mount's template as `…/{path}`
            template = template.removesuffix("/{path}") + "/{rest:path}"
        yield template, route


def build_entries(routes: list[Any], fast_paths: Mapping[str, FastPath]) -> list[Entry]:
    """The entries for these fast paths, by route name; `FastPathConflict` when one names
    no GET route, its route declares no role, or its path overlaps any other route's (of
    any method, declared before or after it): a fast path is tried before routing, so it
    would answer requests that route should."""
    everything = list(_templates(routes))
    entries = []
    for name, answer in fast_paths.items():
        found = [
            (template, route)
            for template, route in everything
            if isinstance(route, APIRoute) and route.name == name and "GET" in (route.methods or ())
        ]
        if len(found) != 1:
            raise FastPathConflict(f"A fast path names '{name}', which is not one GET route.")
        template, route = found[0]
        role = required_role(route)
        if role is None:
            raise FastPathConflict(f"The route '{name}' of a fast path declares no role.")
        for other_template, other in everything:
            if other is route or not overlaps(template, other_template):
                continue
            methods = getattr(other, "methods", None)
            if other_template == template and methods is not None and "GET" not in methods:
                continue  # the same path by another method: the fast path takes only GETs
            raise FastPathConflict(
                f"The fast path of '{name}' ({template}) would answer requests for "
                f"{other_template}: give one of them another path."
            )
        pattern, _, convertors = compile_path(template)
        entries.append(Entry(pattern, convertors, route, role, QueryDeclarations(route), answer))
    return entries


class FastPaths:
    """Offers each GET on a registered route's path to its fast path, before routing."""

    def __init__(self, app: ASGIApp, entries: list[Entry]) -> None:
        self.app = app
        self.entries = entries

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            path = scope["path"].removeprefix(scope.get("root_path", ""))
            for entry in self.entries:
                match = entry.pattern.match(path)
                if match is None:
                    continue
                response = await self._answer(entry, match, scope, receive)
                if response is not None:
                    await response(scope, receive, send)
                    return
                break
        await self.app(scope, receive, send)

    async def _answer(
        self, entry: Entry, match: re.Match[str], scope: Scope, receive: Receive
    ) -> Response | None:
        # What routing would have set: the metrics name the route, the handlers read both.
        scope["route"] = entry.route
        scope["path_params"] = {
            name: entry.convertors[name].convert(value) for name, value in match.groupdict().items()
        }
        request = Request(scope, receive)
        try:
            return await entry.answer(request, entry)
        except FallBack:
            return None
        except Exception as exc:
            handler = _handler_for(scope["app"].exception_handlers, exc)
            if handler is None:
                raise
            response: Response = await handler(request, exc)
            return response


def _handler_for(handlers: dict[Any, Any], exc: Exception) -> Any:
    """The application's handler for this exception, found as Starlette finds it."""
    for cls in type(exc).__mro__:
        if cls in handlers:
            return handlers[cls]
    return None
