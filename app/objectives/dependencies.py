"""Load an objective from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import Objective
from app.objectives.service import get_objective


async def objective_from_path(
    session: SessionDep,
    objective_id: Annotated[str, Path(max_length=40, description="The objective's id.")],
) -> Objective:
    return await get_objective(session=session, objective_id=objective_id)


ObjectiveDep = Annotated[Objective, Depends(objective_from_path)]
