"""A dependency that loads a resource by the id in the path, or answers 404."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

from fastapi import Path
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db.session import SessionDep
from app.core.resources.crud import fetch
from app.models import TimestampedTable

M = TypeVar("M", bound=TimestampedTable)
MAX_ID_LENGTH = 40


def path_loader(
    model: type[M], label: str, parameter: str, *, lock: bool = False
) -> Callable[..., Awaitable[M]]:
    """A dependency that loads the `model` row whose id is the path parameter `parameter`,
    archived or not, or answers 404 naming the `label`; with `lock`, for a write that must
    see every other write to the row committed first."""

    async def load(session: AsyncSession, **path: str) -> M:
        return await fetch(session, model, path[parameter], label, lock=lock)

    # FastAPI reads a dependency's parameters from its signature: the path parameter's
    # name is the route's own, which a plain function could not take as an argument.
    id_type = Annotated[str, Path(max_length=MAX_ID_LENGTH, description=f"The {label}'s id.")]
    load.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("session", inspect.Parameter.KEYWORD_ONLY, annotation=SessionDep),
            inspect.Parameter(parameter, inspect.Parameter.KEYWORD_ONLY, annotation=id_type),
        ]
    )
    return load
