"""Responses: JSON serialised once, and the error responses routes declare, so they appear
in the contract."""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import Response
from pydantic import BaseModel

from app.core.errors import (
    PROBLEM_BASE,
    PROBLEM_CONTENT_TYPE,
    ConcurrentChange,
    Conflict,
    Problem,
)


def json_response(model: BaseModel, response: Response) -> Response:
    """The model as JSON, serialised once by pydantic, with the headers set on `response`.

    The route's `response_model` still documents the body; sending the bytes skips FastAPI's
    own handling of the returned model.
    """
    return json_bytes_response(model.model_dump_json().encode(), response)


_BODY_HEADERS = frozenset({b"content-length", b"content-type"})
_BODY_AND_ETAG = _BODY_HEADERS | {b"etag"}


def json_bytes_response(body: bytes, response: Response, *, etag: str | None = None) -> Response:
    """JSON already serialised, with the status and headers set on `response`, and `etag`
    as its ETag (in place of any `response` has)."""
    sent = Response(body, status_code=response.status_code or 200, media_type="application/json")
    skipped = _BODY_HEADERS
    if etag is not None:
        sent.raw_headers.append((b"etag", etag.encode("latin-1")))
        skipped = _BODY_AND_ETAG
    sent.raw_headers.extend(
        (name, value) for name, value in response.raw_headers if name not in skipped
    )
    return sent


_DESCRIPTIONS = {
    400: "The body is not valid JSON (or not UTF-8).",
    401: "No API key, or the key is not valid, revoked or expired.",
    403: "The key's role does not allow this.",
    404: "No such resource.",
    409: "The change conflicts with the resource's state.",
    406: "None of the representations asked for in `Accept` is available.",
    415: "The body is not of a media type this operation accepts: JSON (`Content-Type: "
    "application/json`), or for an upload, a file of a kind it reads.",
    412: "`If-Match` does not match the resource's current ETag.",
    413: "The request body is larger than the service accepts (`IPA_MAX_REQUEST_BODY_BYTES`).",
    422: "A field, parameter or header is not valid; `errors` says which and why.",
    428: "The write needs an `If-Match` header.",
    429: "Too many requests: this key's rate limit is used up, or too many requests from "
    "this address presented a key that is not valid. Wait `Retry-After` seconds.",
    503: "The database is not available.",
}


def _integer_header(description: str) -> dict[str, Any]:
    return {"description": description, "schema": {"type": "integer", "minimum": 0}}


RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": _integer_header("Requests this key may make in the rate limit's window."),
    "RateLimit-Remaining": _integer_header("Requests left in the window."),
    "RateLimit-Reset": _integer_header("Seconds until the oldest request in the window expires."),
}
RETRY_AFTER_HEADER = {
    "Retry-After": _integer_header("Seconds to wait before trying again."),
}


_SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "content-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    428: "precondition-required",
    429: "too-many-requests",
    503: "service-unavailable",
}


def _problem(status: int) -> dict[str, Any]:
    example = {
        "type": PROBLEM_BASE + _SLUGS[status],
        "title": "Unprocessable Content" if status == 422 else HTTPStatus(status).phrase,
        "status": status,
        "detail": _DESCRIPTIONS[status],
    }
    response: dict[str, Any] = {
        "model": Problem,
        "description": _DESCRIPTIONS[status],
        "content": {
            PROBLEM_CONTENT_TYPE: {
                "schema": {"$ref": "#/components/schemas/Problem"},
                "example": example,
            }
        },
    }
    if status == 429:
        response["headers"] = {**RETRY_AFTER_HEADER, **RATE_LIMIT_HEADERS}
    return response


def _conflict(conflicts: Sequence[type[Conflict]]) -> dict[str, Any]:
    """The 409 of an operation, naming each kind of conflict it can answer by its `type`.
    A concurrent request winning a race can make any write answer `concurrent-change`."""
    kinds: list[type[Conflict]] = list(dict.fromkeys([*conflicts, ConcurrentChange]))
    lines = "\n".join(f"- `{PROBLEM_BASE}{kind.slug}`: {_first_line(kind)}" for kind in kinds)
    description = f"{_DESCRIPTIONS[409]} `type` says which:\n\n{lines}"
    examples = {
        kind.slug: {
            "summary": kind.title,
            "value": {
                "type": PROBLEM_BASE + kind.slug,
                "title": kind.title,
                "status": 409,
                "detail": _first_line(kind),
            },
        }
        for kind in kinds
    }
    return {
        "model": Problem,
        "description": description,
        "content": {
            PROBLEM_CONTENT_TYPE: {
                "schema": {"$ref": "#/components/schemas/Problem"},
                "examples": examples,
            }
        },
    }


def _first_line(kind: type[Conflict]) -> str:
    return " ".join((kind.__doc__ or kind.title).split())


def problems(
    *statuses: int, conflicts: Sequence[type[Conflict]] = ()
) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for these statuses, each a problem-details body, and a 409 for
    these kinds of conflict.

    Every operation that takes a key can answer 401, 403, 422 (its input), 429 (the key's
    rate limit) and 503 (the database), so those are always declared.
    """
    if 409 in statuses:
        raise ValueError("declare a 409 by the kinds of conflict it can be: conflicts=(...)")
    wanted = sorted({401, 403, 422, 429, 503, *statuses})
    declared: dict[int | str, dict[str, Any]] = {status: _problem(status) for status in wanted}
    if conflicts:
        declared[409] = _conflict(conflicts)
    return dict(sorted(declared.items(), key=lambda item: int(item[0])))


def document_limits(operation: dict[str, Any]) -> None:
    """Declare, in a generated operation, the answers the service's limits give.

    An operation with a request body can answer 400 (not JSON), 413 (too large) and 415
    (not sent as JSON); an operation under the rate limit sends
    the `RateLimit-*` headers on its successful responses.
    """
    responses = operation.get("responses", {})
    if "requestBody" in operation:
        for status in (400, 413, 415):
            if str(status) not in responses:
                problem = _problem(status)
                del problem["model"]
                responses[str(status)] = problem
        operation["responses"] = dict(sorted(responses.items()))
    if "429" in responses:
        for status, response in responses.items():
            if status.startswith("2"):
                response.setdefault("headers", {}).update(RATE_LIMIT_HEADERS)


NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the `If-None-Match` ETag is current."}
}
READ_BY_ID: dict[int | str, dict[str, Any]] = {**problems(404), **NOT_MODIFIED}
"""`responses=` of a read of one resource by its id: 404, and 304 for `If-None-Match`."""
