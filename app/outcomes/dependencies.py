"""Load an outcome from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import Outcome
from app.outcomes.service import get_outcome


async def outcome_from_path(
    session: SessionDep,
    outcome_id: Annotated[str, Path(max_length=40, description="The outcome's id.")],
) -> Outcome:
    return await get_outcome(session=session, outcome_id=outcome_id)


OutcomeDep = Annotated[Outcome, Depends(outcome_from_path)]
