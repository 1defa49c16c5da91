"""`Idempotency-Key` on POST: a retry with the same key and body gets the first response.

The record is stored in the same transaction as the write it describes, so a retry can
never see the write without its response or the response without its write.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal, authenticate
from app.core.db.session import SessionDep
from app.core.errors import ValidationFailed
from app.models import IdempotencyRecord, new_id

REPLAY_HEADER = "Idempotent-Replayed"


@dataclass
class Idempotency:
    """The request's idempotency key, and the stored response when it is a retry."""

    key: str | None
    key_id: str
    method: str
    path: str
    request_hash: str
    replay: IdempotencyRecord | None = None

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


async def idempotency(
    request: Request,
    session: SessionDep,
    principal: Annotated[Principal, Depends(authenticate)],
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Any unique string (a UUID is good). A retry with the same key and "
            "body returns the first response and creates nothing; the same key with another "
            "body is a 422. Keys are kept per API key.",
        ),
    ] = None,
) -> Idempotency:
    body = await request.body()
    try:
        canonical = json.dumps(json.loads(body or b"null"), sort_keys=True).encode()
    except ValueError:
        canonical = body
    request_hash = hashlib.sha256(
        request.method.encode() + b" " + request.url.path.encode() + b"\n" + canonical
    ).hexdigest()
    found = Idempotency(
        key=idempotency_key,
        key_id=principal.key_id,
        method=request.method,
        path=request.url.path,
        request_hash=request_hash,
    )
    if idempotency_key is None:
        return found
    record = await session.scalar(
        sa.select(IdempotencyRecord).where(
            col(IdempotencyRecord.key_id) == principal.key_id,
            col(IdempotencyRecord.idempotency_key) == idempotency_key,
        )
    )
    if record is not None:
        if record.request_hash != request_hash:
            raise ValidationFailed(
                "This Idempotency-Key was used with another request. Use a new key for a "
                "new request.",
                field="header.Idempotency-Key",
                message="already used with a different request",
                type="idempotency_key_reused",
            )
        found.replay = record
    return found


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]
