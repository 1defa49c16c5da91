"""Load an inspection action from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.inspection_actions.service import get_inspection_action
from app.models import InspectionAction


async def inspection_action_from_path(
    session: SessionDep,
    inspection_action_id: Annotated[
        str, Path(max_length=40, description="The inspection action's id.")
    ],
) -> InspectionAction:
    return await get_inspection_action(session=session, inspection_action_id=inspection_action_id)


InspectionActionDep = Annotated[InspectionAction, Depends(inspection_action_from_path)]
