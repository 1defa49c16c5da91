"""Dependencies every router uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db.engine import session_scope

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session for the request: reads share the database; writes queue for it (SQLite).

    A read's session runs without a transaction on PostgreSQL (see `create_app`).
    """
    state = request.app.state
    factory = (
        state.read_session_factory
        if request.method in SAFE_METHODS
        else state.write_session_factory
    )
    async for session in session_scope(factory):
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]
