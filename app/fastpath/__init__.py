"""Fast paths: the hottest GETs answered before routing, on PostgreSQL.

Every answer the service gives outside FastAPI's normal pipeline is registered here, by the
name of the route it stands in for. A fast path handles only the simple case it recognises
(one statement reads the key and the answer together) and returns None for anything else,
which its route then answers. Both paths give the same status, headers and bytes; the
tests draw requests and compare them.

`install` refuses to build the application when a fast path would answer a request meant
for another route (see `registry.build_entries`). A fast path takes the role its route
declares, and shares the key rules, rate limits, metrics, error rendering and connection
pool with the ordinary path.
"""

from __future__ import annotations

from fastapi import FastAPI

from app.fastpath import actions, reports
from app.fastpath.registry import FastPath, FastPaths, build_entries

FAST_PATHS: dict[str, FastPath] = {
    "list_actions": actions.list_actions,
    "get_action": actions.get_action,
    "get_quarterly_report": reports.get_quarterly_report,
}


def install(app: FastAPI) -> None:
    """Put the fast paths in front of the app's routes; call once every route is included."""
    app.add_middleware(FastPaths, entries=build_entries(app.routes, FAST_PATHS))
