"""The application factory."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.routing import APIRoute
from prometheus_fastapi_instrumentator import Instrumentator

from app import __version__, worker
from app.api import api_router, public_router
from app.core.auth.ratelimit import RateLimiter
from app.core.config import Settings, get_settings
from app.core.db.engine import create_engine, create_session_factory
from app.core.db.migrations import head_revisions
from app.core.errors import PROBLEM_CONTENT_TYPE, install_error_handlers
from app.core.http.docs import declare_sign_in, install_docs
from app.core.http.idempotency import purge_periodically
from app.core.http.metrics import RequestMetrics, allowed_methods, route_templates
from app.core.http.middleware import RequestMiddleware
from app.core.http.openapi_document import refine
from app.core.http.openapi_examples import add_examples
from app.core.http.responses import document_limits
from app.events import outbox
from app.events.contract import add_webhooks
from app.fastpath import install as install_fast_paths
from app.fastpath.reading import Connections
from app.health.router import router as health_router
from app.models import clock

DESCRIPTION = """
Tracks a council's improvement plan: improvement areas, outcomes, objectives and actions,
with lead officers, timescales, success criteria, strategy links, inspection actions and
RAG ratings kept current by status updates.

**Authentication.** Every `/api/v1` operation needs an API key,
`Authorization: Bearer <key>`, or, where the service is configured for sign-in, an access
token from the council's OpenID Connect provider in its place. The `OpenIdConnect` scheme
names the provider's discovery document, `GET /auth/openid-configuration`, which needs
neither. Roles: `viewer` reads; `contributor` posts status updates on the actions it leads;
`editor` changes plan content; `admin` manages keys and restores archived items. A missing
or invalid key or token is 401, a role that does not allow the call is 403.

**Errors** are RFC 9457 problem details (`application/problem+json`) with `type`, `title`,
`status`, `detail`, and for 422 an `errors` list naming each field and what is wrong.

**Lists** take `limit` (1-500, default 50) and an opaque `cursor`, and answer
`{"items": [...], "total": N, "next_cursor": ...}` with a `Link: <...>; rel="next"` header.
A repeated filter parameter means OR; different parameters mean AND. `sort=a,-b` sorts;
unknown fields are a 422.

**Concurrency.** Single-resource reads send an `ETag`; `If-None-Match` answers 304.
Updates and archives need `If-Match` with the ETag of your last read: 428 without it,
412 when someone else changed the resource first.

**Idempotency.** Every `POST` that creates something (but API keys and webhooks, whose
answers hold a secret) takes an `Idempotency-Key` header: a retry with the same key and body
returns the first response (marked `Idempotent-Replayed: true`) and creates nothing; the
same key with another body is a 422. Keys are kept per API key.

**Change feed and webhooks.** `GET /events` lists every change in a stable order: follow
`next_cursor` (with `wait=` to long-poll) and no event is missed. Admins can have events
posted to an HTTPS URL, signed per Standard Webhooks; the `webhooks` section documents each.

**Stable keys.** A plan has a unique `key` (`stockton-2023`), and
`GET /plans/{key}/actions/{ref}` finds an action by names other systems know. Every list
takes `updated_since`.

**Nothing is lost.** Deleting plan content archives it: it leaves lists unless
`include_archived=true` and an admin can restore it.

**Time.** Timestamps are RFC 3339 in UTC; dates are ISO 8601. A time you send needs a zone
offset (`2023-07-31T09:00:00Z` or `+01:00`): one without is a 422.
"""


def _operation_id(route: APIRoute) -> str:
    return route.name


ETAG_HEADER = {
    "description": "The resource's version, for `If-None-Match` on reads and `If-Match` on writes.",
    "schema": {"type": "string"},
}


def _document_conditional_headers(operation: dict[str, Any]) -> None:
    """Declare the ETag and conditional-request headers the concurrency rules use."""
    responses = operation.get("responses", {})
    parameters = operation.setdefault("parameters", [])
    if "428" in responses:
        parameters.append(
            {
                "name": "If-Match",
                "in": "header",
                "required": True,
                "description": "The `ETag` of your last read of the resource: 428 without it, "
                "412 when someone changed the resource since.",
                "schema": {"type": "string"},
            }
        )
    if "304" in responses:
        parameters.append(
            {
                "name": "If-None-Match",
                "in": "header",
                "required": False,
                "description": "An `ETag` you hold: 304 with no body when it is still current.",
                "schema": {"type": "string"},
            }
        )
    for status in ("200", "201"):
        if status in responses and ("304" in responses or "428" in responses):
            responses[status].setdefault("headers", {})["ETag"] = ETAG_HEADER
    if not parameters:
        del operation["parameters"]


def _install_openapi(app: FastAPI) -> None:
    """Errors are documented as `application/problem+json` only, which is what is sent."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        document = generate()
        for path in document.get("paths", {}).values():
            for operation in path.values():
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    if PROBLEM_CONTENT_TYPE in content:
                        content.pop("application/json", None)
                _document_conditional_headers(operation)
                document_limits(operation)
        refine(document)
        add_examples(document)
        add_webhooks(document)
        declare_sign_in(document, str(app.url_path_for("get_openid_configuration")))
        app.openapi_schema = document
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _install_metrics(app: FastAPI) -> None:
    """`/metrics`: requests by method, status class and route, and their latency (recorded
    by `RequestMiddleware`), summed over the workers in multiprocess mode
    (`app.core.http.metrics_server`)."""
    Instrumentator().expose(app, include_in_schema=False)


def _cors_options(settings: Settings) -> dict[str, Any] | None:
    """`CORSMiddleware`'s options: the configured origins may call the API from a browser."""
    if not settings.cors_origins:
        return None
    return {
        "allow_origins": settings.cors_origins,
        "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE"],
        "allow_headers": [
            "Authorization",
            "Content-Type",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "X-Request-ID",
        ],
        "expose_headers": [
            "Content-Disposition",
            "ETag",
            "Link",
            "Location",
            "X-Request-ID",
            "Retry-After",
            "RateLimit-Limit",
            "RateLimit-Remaining",
            "RateLimit-Reset",
            "Server-Timing",
        ],
    }


# Once per process: asking whether anything is frozen walks every frozen object, a cost
# each later start (each test's) paid.
@functools.cache
def _freeze_start_up() -> None:
    """Keep what start-up made (modules, schemas, the app), which lives as long as the
    process, out of the collector's full passes, which a large report would otherwise set
    off every few reads. Done once per process, after a collection, so that nothing
    unreachable is kept: a process that starts several apps (the tests) freezes only the
    first, and the others are collected as usual once their lifespans end."""
    if gc.get_freeze_count():
        return
    gc.collect()
    gc.freeze()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """The worker's database engines, pools and background tasks, for the app's life."""
    # Read here, not from create_app's: the tests start one app on many databases.
    settings: Settings = app.state.settings
    engine = create_engine(settings)
    write_engine = create_engine(settings, for_writes=True) if settings.is_sqlite else engine
    app.state.engine = engine
    app.state.write_engine = write_engine
    app.state.session_factory = create_session_factory(engine)
    app.state.write_session_factory = create_session_factory(write_engine)
    # A request that only reads runs each statement in its own transaction on PostgreSQL:
    # at READ COMMITTED the statements of one transaction share no snapshot anyway, and
    # BEGIN and ROLLBACK would cost two round trips a request.
    read_engine = (
        engine if settings.is_sqlite else engine.execution_options(isolation_level="AUTOCOMMIT")
    )
    app.state.read_session_factory = create_session_factory(read_engine)
    # At most half of what a worker may open, so the routes always have the other half.
    fast_path_connections = Connections(
        engine, (settings.db_pool_size + settings.db_max_overflow) // 2
    )
    app.state.fast_path_connections = fast_path_connections
    app.state.migration_heads = head_revisions(settings.database_url)
    # FastAPI prepares each route (its parameters' validators, its dependencies) when the
    # first request comes; preparing them all now spares each worker's first request.
    route_templates(app.routes)
    _freeze_start_up()
    purging = asyncio.create_task(
        purge_periodically(app.state.write_session_factory, settings.idempotency_retention_hours)
    )
    try:
        if settings.run_worker:
            async with worker.in_background(
                settings, app.state.session_factory, app.state.write_session_factory
            ):
                yield
        else:
            yield
    finally:
        purging.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await purging
        await fast_path_connections.close()
        await engine.dispose()
        await write_engine.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the service for these settings (the environment's, by default)."""
    settings = settings or get_settings()
    outbox.install()

    docs = settings.docs_enabled
    app = FastAPI(
        title="Improvement Plan API",
        version=__version__,
        description=DESCRIPTION,
        contact={"name": "Improvement Plan API maintainers"},
        license_info={"name": "MIT", "identifier": "MIT"},
        openapi_url="/openapi.json" if docs else None,
        docs_url=None,  # served by install_docs, without a CDN
        redoc_url=None,
        generate_unique_id_function=_operation_id,
        lifespan=_lifespan,
        # The service's metrics are Prometheus's (`/metrics`); FastAPI's OpenTelemetry
        # bridge would otherwise look for configured providers on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.settings = settings
    clock.set_time_zone(settings.timezone)
    app.state.rate_limiter = RateLimiter(settings)
    install_error_handlers(app, allowed_methods=allowed_methods)
    app.include_router(health_router)
    app.include_router(api_router)
    app.include_router(public_router)
    # Innermost: the hottest reads answered before routing, on PostgreSQL.
    install_fast_paths(app)
    cors = _cors_options(settings)
    if cors is not None:
        app.add_middleware(CORSMiddleware, **cors)
    # Outermost of the service's own: the request id, the body limit, the headers every
    # response gets, the access log, the metrics, and the 500 for a crash, in one layer.
    app.add_middleware(
        RequestMiddleware,
        handle_error=app.exception_handlers[Exception],
        max_body_size=settings.max_request_body_bytes,
        metrics=RequestMetrics(excluded=["/metrics"]),
        cors=cors,
    )

    _install_openapi(app)
    if docs:
        install_docs(app)
    if settings.metrics_port is None:  # else `serve` answers /metrics on that port
        _install_metrics(app)
    return app
