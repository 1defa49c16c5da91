"""One error hierarchy, rendered by one set of handlers as RFC 9457 problem details."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from enum import Enum
from http import HTTPStatus
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

logger = logging.getLogger("app.errors")

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "/problems/"


class FieldError(BaseModel):
    """One thing wrong with the request."""

    field: str = Field(
        description="Where the problem is: `body.title`, `query.limit`, `header.If-Match`.",
        examples=["body.title"],
    )
    message: str = Field(description="What is wrong, in words.", examples=["Field required"])
    type: str = Field(description="A stable machine-readable code.", examples=["missing"])


class Blocker(BaseModel):
    """A live item that stops a change, named in a 409's `blocking` list."""

    type: str = Field(description="What kind of item it is.", examples=["action"])
    id: str = Field(description="Its id.", examples=["act_3b8f2c9d1e0a7f64c5b2"])
    ref: str | None = Field(
        default=None,
        description="Its ref, for items that have one; left out otherwise.",
        examples=["A1.3"],
    )


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(
        description="A URI naming the kind of problem; stable, safe to switch on.",
        examples=[PROBLEM_BASE + "not-found"],
    )
    title: str = Field(
        description="A short summary of the kind of problem.", examples=["Not Found"]
    )
    status: int = Field(description="The HTTP status code.", examples=[404])
    detail: str = Field(
        description="What went wrong in this case, for people.",
        examples=["No plan with id 'plan_0123456789abcdef0123'."],
    )
    instance: str | None = Field(default=None, description="The request path.")
    request_id: str | None = Field(default=None, description="The request's `X-Request-ID`.")
    errors: list[FieldError] | None = Field(
        default=None, description="For 422: each field that is wrong and why."
    )
    blocking: list[Blocker] | None = Field(
        default=None, description="For 409 on archive: the live items that still depend on it."
    )


class AppError(Exception):
    """A failure the client can act on."""

    status_code = 500
    slug = "internal-error"
    title = "Internal Server Error"

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.extra = extra or {}


class BadRequest(AppError):
    status_code, slug, title = 400, "bad-request", "Bad Request"


class Unauthorized(AppError):
    status_code, slug, title = 401, "unauthorized", "Unauthorized"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="improvement-plan"'})


class Forbidden(AppError):
    status_code, slug, title = 403, "forbidden", "Forbidden"


class NotFound(AppError):
    status_code, slug, title = 404, "not-found", "Not Found"


class Conflict(AppError):
    """A change the resource's state does not allow. Each kind below has its own `type`, so
    a client can tell them apart; this one is for a conflict none of them names."""

    status_code, slug, title = 409, "conflict", "Conflict"


class Duplicate(Conflict):
    """Another item already has the value that must be unique: a ref, a recommendation's
    number, a board's meeting on a day, a link between the same two items. `blocking`
    names it."""

    slug, title = "duplicate", "Duplicate"


class Archived(Conflict):
    """The item, or the plan it belongs to, is archived: restore it before changing it or
    adding to it."""

    slug, title = "archived", "Archived"


class ParentArchived(Conflict):
    """The item cannot be restored while something above it is archived: restore that first."""

    slug, title = "parent-archived", "Parent Archived"


class HasDependents(Conflict):
    """Live items still depend on the item being archived; `blocking` names them."""

    slug, title = "has-dependents", "Has Dependents"


class SnapshotTaken(Conflict):
    """The meeting's snapshot has been taken: it is taken once, and the meeting's board and
    date are fixed from then on. `blocking` names the snapshot."""

    slug, title = "snapshot-taken", "Snapshot Taken"


class MeetingNotHeld(Conflict):
    """The meeting's date has not come yet, so there is nothing to snapshot."""

    slug, title = "meeting-not-held", "Meeting Not Held"


class KeyRevoked(Conflict):
    """The API key is revoked: create a new one instead."""

    slug, title = "key-revoked", "Key Revoked"


class KeyExpired(Conflict):
    """The API key has expired: create a new one instead."""

    slug, title = "key-expired", "Key Expired"


class KeyRotated(Conflict):
    """The API key has already been rotated: use its replacement, or rotate that."""

    slug, title = "key-rotated", "Key Rotated"


class ConcurrentChange(Conflict):
    """A request made at the same moment stored a conflicting change first (a duplicate, or
    removed something this one refers to): read the resource again and retry."""

    slug, title = "concurrent-change", "Concurrent Change"


class NotExportable(Conflict):
    """The plan holds something its export format cannot write; `detail` says what."""

    slug, title = "not-exportable", "Not Exportable"


CONFLICTS: tuple[type[Conflict], ...] = (
    Duplicate,
    Archived,
    ParentArchived,
    HasDependents,
    SnapshotTaken,
    MeetingNotHeld,
    KeyRevoked,
    KeyExpired,
    KeyRotated,
    ConcurrentChange,
    NotExportable,
)
"""Every kind of 409, in the order the contract and docs/api.md list them."""


class PreconditionFailed(AppError):
    status_code, slug, title = 412, "precondition-failed", "Precondition Failed"


class PreconditionRequired(AppError):
    status_code, slug, title = 428, "precondition-required", "Precondition Required"


class UnsupportedMediaType(AppError):
    status_code, slug, title = 415, "unsupported-media-type", "Unsupported Media Type"


class ValidationFailed(AppError):
    status_code, slug, title = 422, "validation-error", "Unprocessable Content"

    def __init__(self, detail: str, *, field: str, message: str, type: str = "invalid") -> None:
        super().__init__(detail, errors=[FieldError(field=field, message=message, type=type)])


class RulesBroken(AppError):
    """One or more business rules broken; `errors` names every field concerned."""

    status_code, slug, title = 422, "validation-error", "Unprocessable Content"


class ServiceUnavailable(AppError):
    status_code, slug, title = 503, "service-unavailable", "Service Unavailable"


class DatabaseTrouble(Enum):
    """Why the database could not do its part; each is a 503 the client may retry."""

    unavailable = ("The database is not available. Try again shortly.", 5)
    busy = ("The database is busy with other changes. Try again shortly.", 1)
    timeout = (
        "The database took too long to answer, so the request was stopped. Try again shortly; "
        "if it keeps happening, ask for less (a smaller limit, narrower filters).",
        5,
    )

    def __init__(self, detail: str, retry_after: int) -> None:
        self.detail = detail
        self.retry_after = retry_after


# SQLSTATE classes and codes that say the server, not the request, is the trouble.
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53", "57P")  # connection, resources, shutdown
_BUSY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})  # serialization, deadlock, lock
_TIMEOUT_SQLSTATES = frozenset({"57014"})  # query_canceled: statement_timeout
_SQLITE_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")


def database_trouble(exc: BaseException) -> DatabaseTrouble | None:
    """What kind of database trouble an exception is, or None when it is something else.

    Covers what SQLAlchemy raises (wrapped driver errors, pool timeouts, connections found
    dead) and what the drivers raise unwrapped while connecting (refused, reset, timed out).
    """
    if isinstance(exc, PoolTimeoutError):
        return DatabaseTrouble.unavailable
    if isinstance(exc, DBAPIError):
        if isinstance(exc, IntegrityError):
            return None
        found = _driver_trouble(exc.orig)
        if found is not None:
            return found
        # A connection found dead, or SQLite unable to open or read its file.
        if exc.connection_invalidated or isinstance(exc, OperationalError):
            return DatabaseTrouble.unavailable
        return None
    return _driver_trouble(exc)


def _driver_trouble(exc: BaseException | None) -> DatabaseTrouble | None:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.Error):
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith("SQLITE_INTERRUPT"):
                return DatabaseTrouble.timeout
            if name.startswith(_SQLITE_BUSY):
                return DatabaseTrouble.busy
        sqlstate = getattr(exc, "sqlstate", None)
        if isinstance(sqlstate, str):
            if sqlstate in _TIMEOUT_SQLSTATES:
                return DatabaseTrouble.timeout
            if sqlstate in _BUSY_SQLSTATES:
                return DatabaseTrouble.busy
            if sqlstate.startswith(_UNAVAILABLE_SQLSTATE_CLASSES):
                return DatabaseTrouble.unavailable
        if isinstance(exc, OSError):  # refused, reset, unreachable, timed out
            return DatabaseTrouble.unavailable
        exc = exc.__cause__ or exc.__context__
    return None


def problem_response(
    request: Request,
    *,
    status: int,
    slug: str,
    title: str,
    detail: str,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = Problem(
        type=PROBLEM_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        request_id=_request_id() or request.headers.get("X-Request-ID"),
        errors=list(errors) if errors is not None else None,
    ).model_dump(exclude_none=True)
    body.update(extra or {})
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


# One handler per kind of error, registered together so their precedence reads in one place.
def install_error_handlers(
    app: FastAPI, *, allowed_methods: Callable[[Request], list[str]] | None = None
) -> None:
    """Render every error the service can raise as problem details. `allowed_methods` gives
    a 405's `Allow`: every method of the path, where routing names only the first route's."""

    @app.exception_handler(AppError)
    async def handle_app_error(request: Request, exc: AppError) -> JSONResponse:
        return problem_response(
            request,
            status=exc.status_code,
            slug=exc.slug,
            title=exc.title,
            detail=exc.detail,
            errors=exc.errors,
            headers=exc.headers,
            extra=exc.extra,
        )

    @app.exception_handler(RequestValidationError)
    async def handle_validation_error(
        request: Request, exc: RequestValidationError
    ) -> JSONResponse:
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

    @app.exception_handler(StarletteHTTPException)
    async def handle_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != phrase else None
        if status == 404 and detail is None:
            detail = f"There is nothing at {request.url.path}."
        headers = dict(exc.headers or {})
        if status == 405:
            allowed = allowed_methods(request) if allowed_methods is not None else None
            if allowed:
                headers["Allow"] = ", ".join(allowed)
            if detail is None:
                detail = (
                    f"{request.method} is not allowed on {request.url.path}; "
                    f"it allows {headers.get('Allow', 'nothing')}."
                )
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

    @app.exception_handler(IntegrityError)
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

    @app.exception_handler(StaleDataError)
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

    # DBAPIError covers what SQLAlchemy wraps; the others reach here unwrapped from the
    # pool (no connection in time) or the driver (connection refused, reset, timed out).
    unwrapped = (PoolTimeoutError, OSError, asyncpg.PostgresError)
    for error_class in (DBAPIError, *unwrapped):
        app.add_exception_handler(error_class, handle_database_error)

    @app.exception_handler(Exception)
    async def handle_unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error")
        return _internal(request)


def _internal(request: Request) -> JSONResponse:
    return problem_response(
        request,
        status=500,
        slug="internal-error",
        title="Internal Server Error",
        detail="Something went wrong on our side; it has been logged. Quote the request id.",
    )
