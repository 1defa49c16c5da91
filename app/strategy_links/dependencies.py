"""Load a strategy link from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.models import StrategyLink
from app.strategy_links.service import get_strategy_link


async def strategy_link_from_path(
    session: SessionDep,
    link_id: Annotated[str, Path(max_length=40, description="The strategy link's id.")],
) -> StrategyLink:
    return await get_strategy_link(session=session, link_id=link_id)


StrategyLinkDep = Annotated[StrategyLink, Depends(strategy_link_from_path)]
