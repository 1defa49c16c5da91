"""The error responses routes declare, so they appear in the contract."""

from __future__ import annotations

from typing import Any

from app.core.errors import PROBLEM_CONTENT_TYPE, Problem

_DESCRIPTIONS = {
    400: "The request could not be read.",
    401: "No API key, or the key is not valid, revoked or expired.",
    403: "The key's role does not allow this.",
    404: "No such resource.",
    409: "The change conflicts with the resource's state.",
    406: "None of the representations asked for in `Accept` is available.",
    412: "`If-Match` does not match the resource's current ETag.",
    422: "A field, parameter or header is not valid; `errors` says which and why.",
    428: "The write needs an `If-Match` header.",
    503: "The database is not available.",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for these statuses, each a problem-details body."""
    wanted = sorted({401, 403, 422, 503, *statuses})
    return {
        status: {
            "model": Problem,
            "description": _DESCRIPTIONS[status],
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status in wanted
    }


NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the `If-None-Match` ETag is current."}
}
