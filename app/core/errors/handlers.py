"""The handlers that render every error as RFC 9457 problem details."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors.database import database_trouble
from app.core.errors.kinds import (
    PROBLEM_BASE,
    PROBLEM_CONTENT_TYPE,
    AppError,
    Blocker,
    ConcurrentChange,
    FieldError,
    Problem,
)

logger = logging.getLogger("app.errors")


def problem_response(
    request: Request,
    *,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    blocking: Sequence[Blocker] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        request_id=_request_id() or request.headers.get("X-Request-ID"),
        errors=list(errors) if errors is not None else None,
        blocking=list(blocking) if blocking is not None else None,
    ).model_dump(exclude_none=True)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_CONTENT_TYPE)


def _request_id() -> str | None:
    from asgi_correlation_id import correlation_id

    return correlation_id.get()


def _location(loc: Sequence[int | str]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"query", "path", "header", "cookie"}:
        # A repeated parameter is named once, not by its position.
        return ".".join(str(part) for part in loc if not isinstance(part, int))
    # A position in a list is written as an index, so a batch's errors read `body.items[3].rag`.
    named = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    return named[1:] if parts and parts[0] == "body" else "body" + named


def validation_errors(exc: RequestValidationError) -> list[FieldError]:
    errors = []
    for error in exc.errors():
        message = str(error.get("msg", "Invalid value"))
        errors.append(
            FieldError(
                field=_location(error.get("loc", ())),
                message=message,
                type=str(error.get("type", "invalid")),
            )
        )
    return errors


def _json_error(exc: RequestValidationError) -> FieldError | None:
    """The error FastAPI reports for a body that is not JSON at all, if that is this one."""
    for error in exc.errors():
        if error.get("type") == "json_invalid" and tuple(error.get("loc", ()))[:1] == ("body",):
            loc = error.get("loc", ())
            reason = str((error.get("ctx") or {}).get("error", "JSON decode error"))
            where = f" at character {loc[1]}" if len(loc) > 1 else ""
            return FieldError(field="body", message=f"{reason}{where}", type="json_invalid")
    return None


_STATUS_SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "content-too-large",
    415: "unsupported-media-type",
    429: "too-many-requests",
}


AllowedMethods = Callable[[Request], list[str]]


def app_error_handler(allowed_methods: AllowedMethods | None) -> Any:
    """The handler for the service's own errors. A 404 for a path that, as the contract reads
    it, is a fixed path without this method (`GET /meetings/schedule`, which routing gives
    to `/meetings/{meeting_id}`) is a 405, as it would be had routing preferred the fixed
    path."""

    async def handle_app_error(request: Request, exc: AppError) -> JSONResponse:
        if exc.status_code == 404 and allowed_methods is not None:
            allowed = allowed_methods(request)
            if allowed and request.method not in allowed:
                return method_not_allowed(request, allowed)
        return _app_error(request, exc)

    return handle_app_error


def method_not_allowed(request: Request, allowed: list[str]) -> JSONResponse:
    """A 405 with `Allow` naming what the path does answer."""
    listed = ", ".join(allowed)
    return problem_response(
        request,
        status=405,
        slug=_STATUS_SLUGS[405],
        title=HTTPStatus.METHOD_NOT_ALLOWED.phrase,
        detail=f"{request.method} is not allowed on {request.url.path}; "
        f"it allows {listed or 'nothing'}.",
        headers={"Allow": listed} if listed else {},
    )


def _app_error(request: Request, exc: AppError) -> JSONResponse:
    return problem_response(
        request,
        status=exc.status_code,
        slug=exc.slug,
        title=exc.title,
        detail=exc.detail,
        errors=exc.errors,
        headers=exc.headers,
        blocking=exc.blocking,
    )


async def handle_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    not_json = _json_error(exc)
    if not_json is not None:
        return problem_response(
            request,
            status=400,
            slug="bad-request",
            title="Bad Request",
            detail=f"The body is not valid JSON: {not_json.message}.",
            errors=[not_json],
        )
    errors = validation_errors(exc)
    fields = ", ".join(dict.fromkeys(error.field for error in errors))
    return problem_response(
        request,
        status=422,
        slug="validation-error",
        title="Unprocessable Content",
        detail=f"The request is not valid: {fields}.",
        errors=errors,
    )


def http_error_handler(allowed_methods: AllowedMethods | None) -> Any:
    """The handler for Starlette's HTTP errors (404, 405, ...); `allowed_methods` gives a
    405's `Allow`."""

    async def handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
        if status == 404 and detail is None:
            detail = f"There is nothing at {request.url.path}."
        if status == 405 and detail is None:
            return method_not_allowed(request, allowed_methods(request) if allowed_methods else [])
        headers = dict(exc.headers or {})
        if status == 400 and exc.detail == "There was an error parsing the body":
            # A body that is not UTF-8 is refused like any other malformed JSON body.
            return problem_response(
                request,
                status=400,
                slug="bad-request",
                title="Bad Request",
                detail="The body is not valid JSON: it is not UTF-8.",
                errors=[FieldError(field="body", message="it is not UTF-8", type="json_invalid")],
            )
        return problem_response(
            request,
            status=status,
            slug=_STATUS_SLUGS.get(status, "http-error"),
            title=phrase,
            detail=detail or phrase,
            headers=headers,
        )

    return handle_http_error


async def handle_integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
    # Checks in the services catch these first; this is a concurrent request winning a race.
    logger.info("integrity error: %s", exc.orig.__class__.__name__)
    return problem_response(
        request,
        status=409,
        slug=ConcurrentChange.slug,
        title=ConcurrentChange.title,
        detail="The change conflicts with data stored meanwhile (a duplicate or a missing "
        "reference). Read the resource again and retry.",
    )


async def handle_stale_write(request: Request, exc: StaleDataError) -> JSONResponse:
    return problem_response(
        request,
        status=412,
        slug="precondition-failed",
        title="Precondition Failed",
        detail="The resource changed while your write was in progress. Read it again, "
        "reapply your change, and retry.",
    )


async def handle_database_error(request: Request, exc: Exception) -> JSONResponse:
    trouble = database_trouble(exc)
    if trouble is None:
        logger.exception("database error")
        return _internal(request)
    # The class name only: the message can carry SQL, parameters or addresses.
    logger.warning("database %s: %s", trouble.name, exc.__class__.__name__)
    return problem_response(
        request,
        status=503,
        slug="service-unavailable",
        title="Service Unavailable",
        detail=trouble.detail,
        headers={"Retry-After": str(trouble.retry_after)},
    )


async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error")
    return _internal(request)


# One handler per kind of error, registered together so their precedence reads in one place.
def install_error_handlers(app: FastAPI, *, allowed_methods: AllowedMethods | None = None) -> None:
    """Render every error the service can raise as problem details. `allowed_methods` gives
    a 405's `Allow`: every method of the path, where routing names only the first route's."""
    app.add_exception_handler(AppError, app_error_handler(allowed_methods))
    app.add_exception_handler(RequestValidationError, handle_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, http_error_handler(allowed_methods))
    app.add_exception_handler(IntegrityError, handle_integrity_error)  # type: ignore[arg-type]
    app.add_exception_handler(StaleDataError, handle_stale_write)  # type: ignore[arg-type]
    # DBAPIError covers what SQLAlchemy wraps; the others reach here unwrapped from the
    # pool (no connection in time) or the driver (connection refused, reset, timed out).
    unwrapped = (PoolTimeoutError, OSError, asyncpg.PostgresError)
    for error_class in (DBAPIError, *unwrapped):
        app.add_exception_handler(error_class, handle_database_error)
    app.add_exception_handler(Exception, handle_unexpected)


def _internal(request: Request) -> JSONResponse:
    return problem_response(
        request,
        status=500,
        slug="internal-error",
        title="Internal Server Error",
        detail="Something went wrong on our side; it has been logged. Quote the request id.",
    )
