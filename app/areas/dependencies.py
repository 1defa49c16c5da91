"""Load an area from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.areas.service import get_area
from app.core.deps import SessionDep
from app.models import Area


async def area_from_path(
    session: SessionDep,
    area_id: Annotated[str, Path(max_length=40, description="The area's id.")],
) -> Area:
    return await get_area(session=session, area_id=area_id)


AreaDep = Annotated[Area, Depends(area_from_path)]
