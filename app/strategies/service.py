"""Strategies and detailed action plans: adding, changing, archiving and restoring them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.http.listing import ListParams, PageResult, SortField, contains, paginate
from app.core.resources import crud
from app.models import Action, Plan, Strategy, StrategyLink, new_id
from app.strategies.schemas import StrategyCreate, StrategyRead, StrategyUpdate

ENTITY = "strategy"
SORTABLE = {
    "title": SortField(col(Strategy.title), "str"),
    **SortField.timestamps(Strategy),
}


async def _action_counts(session: AsyncSession, strategy_ids: Sequence[str]) -> dict[str, int]:
    """Live actions linked per strategy, for a whole page in one grouped query."""
    if not strategy_ids:
        return {}
    rows = (
        await session.execute(
            sa.select(col(StrategyLink.strategy_id), sa.func.count())
            .join(Action, col(Action.id) == col(StrategyLink.action_id))
            .where(
                col(StrategyLink.strategy_id).in_(strategy_ids),
                col(StrategyLink.archived_at).is_(None),
                col(Action.archived_at).is_(None),
            )
            .group_by(col(StrategyLink.strategy_id))
        )
    ).all()
    return {strategy_id: count for strategy_id, count in rows}


async def read_strategies(
    *, session: AsyncSession, strategies: Sequence[Strategy]
) -> list[StrategyRead]:
    """The representations of these strategies, with their action counts."""
    counts = await _action_counts(session, [s.id for s in strategies])
    return [StrategyRead.of(s, counts.get(s.id, 0)) for s in strategies]


async def read_strategy(*, session: AsyncSession, strategy: Strategy) -> StrategyRead:
    return (await read_strategies(session=session, strategies=[strategy]))[0]


async def list_strategies(
    *,
    session: AsyncSession,
    params: ListParams,
    plan_id: Sequence[str] = (),
    action_id: Sequence[str] = (),
    q: str | None = None,
    include_archived: bool = False,
) -> PageResult[Strategy]:
    """One page of strategies matching the filters, by title unless sorted otherwise."""
    statement = sa.select(Strategy)
    statement = crud.unless_archived(statement, Strategy, include_archived)
    if plan_id:
        statement = statement.where(col(Strategy.plan_id).in_(plan_id))
    if action_id:
        linked = sa.select(col(StrategyLink.strategy_id)).where(
            col(StrategyLink.action_id).in_(action_id), col(StrategyLink.archived_at).is_(None)
        )
        statement = statement.where(col(Strategy.id).in_(linked))
    if q:
        statement = statement.where(contains(col(Strategy.title), q))
    return await paginate(session, statement, params, SORTABLE, ["title"])


async def create_strategy(
    *, session: AsyncSession, data: StrategyCreate, actor: Principal
) -> Strategy:
    """Add a strategy to a live plan."""
    plan = await crud.live_in_body(session, Plan, data.plan_id, field="plan_id", label="plan")
    strategy = Strategy(
        id=new_id("strat"),
        plan_id=plan.id,
        title=data.title,
        url=data.url,
        owner=data.owner,
    )
    return await crud.create(session, strategy, actor=actor, entity_type=ENTITY)


async def update_strategy(
    *, session: AsyncSession, strategy: Strategy, data: StrategyUpdate, actor: Principal
) -> Strategy:
    return await crud.update(session, strategy, data.changes(), actor=actor, entity_type=ENTITY)


async def archive_strategy(
    *, session: AsyncSession, strategy: Strategy, actor: Principal
) -> Strategy:
    """Archive a strategy no live strategy link points at."""
    blocking = await crud.live_children(
        session, StrategyLink, col(StrategyLink.strategy_id), strategy.id, "strategy_link"
    )
    return await crud.archive(session, strategy, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_strategy(
    *, session: AsyncSession, strategy: Strategy, actor: Principal
) -> Strategy:
    plan = await session.get(Plan, strategy.plan_id)
    archived_parent = "plan" if plan is not None and plan.archived_at is not None else None
    return await crud.restore(
        session, strategy, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )
