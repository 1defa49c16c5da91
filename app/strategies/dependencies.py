"""Load a strategy from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import Strategy
from app.strategies.service import get_strategy


async def strategy_from_path(
    session: SessionDep,
    strategy_id: Annotated[str, Path(max_length=40, description="The strategy's id.")],
) -> Strategy:
    return await get_strategy(session=session, strategy_id=strategy_id)


StrategyDep = Annotated[Strategy, Depends(strategy_from_path)]
