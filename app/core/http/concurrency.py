"""ETags on reads, `If-None-Match` for 304, and `If-Match` required on writes."""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, TypeVar

from fastapi import Depends, Request, Response
from pydantic import BaseModel

from app.core.errors import PreconditionFailed, PreconditionRequired
from app.core.http.responses import json_bytes_response

E = TypeVar("E")
R = TypeVar("R", bound=BaseModel)


def digest_etag(data: bytes) -> str:
    """A strong ETag: a digest of these bytes."""
    return f'"{hashlib.sha256(data).hexdigest()[:32]}"'


def etag_of(representation: BaseModel) -> str:
    """A strong ETag: a digest of the resource's JSON representation."""
    return digest_etag(representation.model_dump_json().encode())


def _tags(header: str) -> list[str]:
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def client_has(request: Request, etag: str) -> bool:
    """Whether `If-None-Match` names this ETag (weakly compared) or is `*`."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is None:
        return False
    tags = [tag.removeprefix("W/") for tag in _tags(if_none_match)]
    return "*" in tags or etag in tags


def not_modified(etag: str, *, by_accept: bool = False) -> Response:
    """The 304 for a client that holds the current ETag; `by_accept` for a resource whose
    body depends on `Accept` (a report in several formats)."""
    headers = {"Vary": "Accept", "ETag": etag} if by_accept else {"ETag": etag}
    return Response(status_code=304, headers=headers)


def conditional_read(
    request: Request,
    response: Response,
    representation: BaseModel,
    *,
    version_of: BaseModel | None = None,
) -> Response:
    """The representation as JSON with its ETag, or 304 when the client already has it.

    The JSON is serialised once, for the body and the digest alike, with the headers set on
    `response`. With `version_of`, the ETag is that of the resource's unexpanded representation
    (so it works for `If-Match`), and 304 is never sent, since the expanded parts may have
    changed.
    """
    body = representation.model_dump_json().encode()
    unexpanded = None if version_of is None else version_of.model_dump_json().encode()
    return conditional_json(request, response, body, unexpanded=unexpanded)


def conditional_json(
    request: Request, response: Response, body: bytes, *, unexpanded: bytes | None = None
) -> Response:
    """`conditional_read` for a representation already serialised (`body`), and with
    `unexpanded`, the unexpanded representation's JSON its ETag is taken from."""
    etag = digest_etag(body if unexpanded is None else unexpanded)
    if unexpanded is None and client_has(request, etag):
        return not_modified(etag)
    return json_bytes_response(body, response, etag=etag)


MISSING_IF_MATCH = (
    "This write needs an If-Match header with the ETag from your last read of the "
    "resource, so that concurrent edits are never silently overwritten."
)
STALE_IF_MATCH = (
    "The resource has changed since you read it (If-Match does not match its ETag). "
    "Read it again, reapply your change, and retry."
)


@dataclass(frozen=True)
class IfMatch:
    """The ETags a write's `If-Match` header names (`*` for any), and the response the
    write answers with."""

    tags: tuple[str, ...]
    response: Response | None = field(default=None, compare=False)

    def check(self, current: BaseModel) -> None:
        """Refuse the write (412) unless the client saw `current`, the representation now."""
        if "*" not in self.tags and etag_of(current) not in self.tags:
            raise PreconditionFailed(STALE_IF_MATCH)

    async def change(
        self,
        current: R,
        write: Callable[[], Awaitable[E]],
        read: Callable[[E], R | Awaitable[R]],
    ) -> R:
        """A write route's answer: 412 unless the client saw `current`; otherwise `write`
        runs, and the representation `read` makes of what it returns is sent with its ETag."""
        self.check(current)
        if self.response is None:
            raise RuntimeError("IfMatch.change needs the response from the dependency.")
        written = read(await write())
        return with_etag(self.response, await written if inspect.isawaitable(written) else written)


def if_match(request: Request, response: Response) -> IfMatch:
    """The write's `If-Match` header, parsed; 428 without one. Declared in the contract by
    the operation's 428 response (`main._document_conditional_headers`), not as a
    parameter here."""
    header = request.headers.get("If-Match")
    if header is None:
        raise PreconditionRequired(MISSING_IF_MATCH)
    return IfMatch(tuple(_tags(header)), response)


IfMatchDep = Annotated[IfMatch, Depends(if_match)]
"""A write that needs `If-Match`: declare it after the resource's loader (so a missing
resource is a 404 first), and answer with `change` (or call `check` with the current
representation first)."""


def with_etag(response: Response, read: R) -> R:
    """The representation a write answers with, its ETag set on the response."""
    response.headers["ETag"] = etag_of(read)
    return read


def created(response: Response, read: R, location: object) -> R:
    """The representation of a resource just created, with its ETag and `Location`."""
    response.headers["Location"] = str(location)
    return with_etag(response, read)
