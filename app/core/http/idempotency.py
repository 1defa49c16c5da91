"""`Idempotency-Key` on POST: a retry with the same key and body gets the first response.

The record is stored in the same transaction as the write it describes, so a retry can
never see the write without its response or the response without its write.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any, TypeVar

import sqlalchemy as sa
from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.core.auth.keys import Principal, authenticate
from app.core.db import outbox
from app.core.db.session import SessionDep
from app.core.errors import ValidationFailed
from app.core.http.concurrency import created
from app.core.http.locations import url_for
from app.core.http.schemas import DryRun
from app.models import IdempotencyRecord, new_id, utcnow

E = TypeVar("E")
R = TypeVar("R", bound=BaseModel)
Read = Callable[[AsyncSession, E], Awaitable[R]]

REPLAY_HEADER = "Idempotent-Replayed"
PURGE_FIRST_AFTER_SECONDS = 300
PURGE_EVERY_SECONDS = 3600
logger = logging.getLogger("app.idempotency")


@dataclass
class Idempotency:
    """The request's idempotency key, and the stored response when it is a retry."""

    key: str | None
    key_id: str
    method: str
    path: str
    request_hash: str
    replay: IdempotencyRecord | None = None
    # The exchange it belongs to, for `create`.
    request: Request | None = None
    response: Response | None = None
    session: AsyncSession | None = None

    def replayed_response(self) -> JSONResponse | None:
        """The first response again, marked as a replay; None when this is no retry."""
        if self.replay is None:
            return None
        headers = {REPLAY_HEADER: "true"}
        if self.replay.location:
            headers["Location"] = self.replay.location
        return JSONResponse(
            self.replay.response_body, status_code=self.replay.status_code, headers=headers
        )

    async def replay_after_clash(self, session: AsyncSession) -> JSONResponse | None:
        """After a write failed on a unique constraint: when a concurrent request with the
        same key stored its response first (another worker or copy of the service), that
        response as a replay; None when the clash was about something else."""
        if self.key is None:
            return None
        await session.rollback()
        self.replay = await _stored(session, self)
        return self.replayed_response()

    def remember(
        self,
        session: AsyncSession,
        *,
        status_code: int,
        body: dict[str, Any],
        location: str | None = None,
    ) -> None:
        """Add the response to the session, to be committed with the write."""
        if self.key is None:
            return
        session.add(
            IdempotencyRecord(
                id=new_id("idem"),
                key_id=self.key_id,
                idempotency_key=self.key,
                method=self.method,
                path=self.path,
                request_hash=self.request_hash,
                status_code=status_code,
                response_body=body,
                location=location,
            )
        )

    def remember_created(
        self,
        session: AsyncSession,
        *,
        read: Callable[[AsyncSession, str], Awaitable[BaseModel]],
        location: Callable[[str], str],
    ) -> None:
        """Store, with the write, the 201 for what the request creates: `read` gives its
        representation by id, as the route answers."""
        if self.key is None:
            return

        async def store(session: AsyncSession, changes: list[Any]) -> None:
            created_id = next(c.entity_id for c in changes if c.operation == "create")
            body = (await read(session, created_id)).model_dump(mode="json")
            self.remember(session, status_code=201, body=body, location=location(created_id))

        outbox.before_commit(session, store)

    async def create(
        self,
        write: Callable[[], Awaitable[E]],
        read: Read[E, R],
        model: type[E],
        at: tuple[str, str],
    ) -> R | JSONResponse:
        """A create route's answer: the first response again on a retry; otherwise `write`
        stores the new `model` row, and its 201 (`read` gives its representation) is stored
        with it and sent with its ETag and its `Location`: the URL of the route `at` names,
        whose path parameter `at` also names."""
        replay = self.replayed_response()
        if replay is not None:
            return replay
        request, response, session = self.request, self.response, self.session
        if request is None or response is None or session is None:
            raise RuntimeError("Idempotency.create needs the request from the dependency.")
        route, parameter = at

        def location(created_id: str) -> str:
            return url_for(request, route, parameter, created_id)

        async def read_by_id(s: AsyncSession, created_id: str) -> R:
            entity = await s.get(model, created_id)
            return await read(s, entity)  # type: ignore[arg-type]

        self.remember_created(session, read=read_by_id, location=location)
        entity = await write()
        read_now = await read(session, entity)
        return created(response, read_now, location(getattr(entity, "id")))  # noqa: B009


def as_read(schema: type[R]) -> Read[Any, R]:
    """`Idempotency.create`'s `read` for a representation made from the row alone."""

    async def read(_: AsyncSession, entity: Any) -> R:
        return schema.model_validate(entity)

    return read


IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Any unique string (a UUID is good). A retry with the same key and "
        "body returns the first response and creates nothing; the same key with another "
        "body is a 422. Keys are kept per API key or signed-in caller.",
    ),
]


async def idempotency(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Annotated[Principal, Depends(authenticate)],
    idempotency_key: IdempotencyKey = None,
) -> Idempotency:
    found = Idempotency(
        key=idempotency_key,
        key_id=principal.caller_id,
        method=request.method,
        path=request.url.path,
        request_hash="",
        request=request,
        response=response,
        session=session,
    )
    if idempotency_key is None:
        return found  # nothing is looked up or kept: the body need not be hashed
    canonical = await _canonical_body(request)
    found.request_hash = hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + canonical
    ).hexdigest()
    found.replay = await _stored(session, found)
    return found


async def _canonical_body(request: Request) -> bytes:
    """The body as retries are compared: JSON with its keys sorted; an upload's fields and
    files in order, whatever boundary the client chose between them."""
    if request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        # FastAPI has parsed the form already (the stream is spent); this is its copy.
        form = await request.form()
        digest = hashlib.sha256()
        for name, value in form.multi_items():
            if isinstance(value, str):
                data = value.encode()
            else:
                data = await value.read()
                await value.seek(0)
            digest.update(f"{len(name)}:{name}:{len(data)}:".encode() + data)
        return digest.hexdigest().encode()
    body = await request.body()
    try:
        return json.dumps(json.loads(body or b"null"), sort_keys=True).encode()
    except ValueError:
        return body


# Built once, the caller and key bound at execution.
_STORED = sa.select(IdempotencyRecord).where(
    col(IdempotencyRecord.key_id) == sa.bindparam("key_id"),
    col(IdempotencyRecord.idempotency_key) == sa.bindparam("key"),
)


async def _stored(session: AsyncSession, request: Idempotency) -> IdempotencyRecord | None:
    """The stored first response to this key, or None; a 422 when it answered another
    request."""
    record = await session.scalar(_STORED, {"key_id": request.key_id, "key": request.key})
    if record is not None and record.request_hash != request.request_hash:
        raise ValidationFailed(
            "This Idempotency-Key was used with another request. Use a new key for a new request.",
            field="header.Idempotency-Key",
            message="already used with a different request",
            type="idempotency_key_reused",
        )
    return record


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]


async def idempotency_unless_dry_run(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Annotated[Principal, Depends(authenticate)],
    dry_run: DryRun,
    idempotency_key: IdempotencyKey = None,
) -> Idempotency:
    """The key of a route that takes `dry_run`. A dry run stores nothing, so its key is
    neither looked up nor kept: it never replays a real request's answer, and a real
    request with the same key later is the first with it."""
    key = None if dry_run else idempotency_key
    return await idempotency(request, response, session, principal, key)


DryRunIdempotencyDep = Annotated[Idempotency, Depends(idempotency_unless_dry_run)]


async def purge_idempotency_records(session: AsyncSession, *, older_than_hours: int) -> int:
    """Delete the stored responses older than this many hours; how many went."""
    cutoff = utcnow() - timedelta(hours=older_than_hours)
    result = await session.execute(
        sa.delete(IdempotencyRecord).where(col(IdempotencyRecord.created_at) < cutoff)
    )
    await session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


async def purge_periodically(
    session_factory: async_sessionmaker[AsyncSession], older_than_hours: int
) -> None:
    """Purge every hour while the worker runs, starting a few minutes after it starts.
    Each worker does this; a purge another has just done deletes nothing."""
    delay = PURGE_FIRST_AFTER_SECONDS + random.uniform(0, PURGE_FIRST_AFTER_SECONDS)  # noqa: S311
    while True:
        await asyncio.sleep(delay)
        delay = PURGE_EVERY_SECONDS
        try:
            async with session_factory() as session:
                purged = await purge_idempotency_records(session, older_than_hours=older_than_hours)
            if purged:
                logger.info("purged %d idempotency records", purged)
        except Exception as exc:  # a database away now is retried next time
            logger.warning("idempotency purge failed: %s", exc.__class__.__name__)
