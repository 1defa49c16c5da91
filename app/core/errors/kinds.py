"""The error hierarchy: each kind of error the service raises, with its status and problem
type, and the problem-details body they are all rendered as (`handlers.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

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
        default=None,
        description="For 409: the items in the way (on archive, the live items that still "
        "depend on it; on a duplicate, the item that holds the value).",
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
        blocking: Sequence[Blocker] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors) if errors is not None else None
        self.headers = headers or {}
        self.blocking = list(blocking) if blocking is not None else None


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
