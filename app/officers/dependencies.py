"""Load an officer from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import Officer
from app.officers.service import get_officer


async def officer_from_path(
    session: SessionDep,
    officer_id: Annotated[str, Path(max_length=40, description="The officer's id.")],
) -> Officer:
    return await get_officer(session=session, officer_id=officer_id)


OfficerDep = Annotated[Officer, Depends(officer_from_path)]
