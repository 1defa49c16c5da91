"""Load a success criterion from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import SuccessCriterion
from app.success_criteria.service import get_criterion


async def criterion_from_path(
    session: SessionDep,
    criterion_id: Annotated[str, Path(max_length=40, description="The success criterion's id.")],
) -> SuccessCriterion:
    return await get_criterion(session=session, criterion_id=criterion_id)


CriterionDep = Annotated[SuccessCriterion, Depends(criterion_from_path)]
