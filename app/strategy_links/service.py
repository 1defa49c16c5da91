"""Strategy links: which actions contribute to which strategies, with a note."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, Duplicate, FieldError, ValidationFailed
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import crud
from app.core.resources.refs import holder
from app.models import Action, Plan, Strategy, StrategyLink, new_id
from app.strategy_links.schemas import StrategyLinkCreate, StrategyLinkUpdate

ENTITY = "strategy_link"
SORTABLE = SortField.timestamps(StrategyLink)


async def list_strategy_links(
    *,
    session: AsyncSession,
    params: ListParams,
    action_id: Sequence[str] = (),
    strategy_id: Sequence[str] = (),
    include_archived: bool = False,
) -> PageResult[StrategyLink]:
    """One page of links matching the filters, oldest first unless sorted otherwise."""
    statement = sa.select(StrategyLink)
    statement = crud.unless_archived(statement, StrategyLink, include_archived)
    if action_id:
        statement = statement.where(col(StrategyLink.action_id).in_(action_id))
    if strategy_id:
        statement = statement.where(col(StrategyLink.strategy_id).in_(strategy_id))
    return await paginate(session, statement, params, SORTABLE, ["created_at"])


def _missing(field: str, label: str) -> FieldError:
    return FieldError(field=f"body.{field}", message=f"no {label} with this id", type="not_found")


async def create_strategy_link(
    *, session: AsyncSession, data: StrategyLinkCreate, actor: Principal
) -> StrategyLink:
    """Link a live action to a live strategy in the same plan, once."""
    action = await session.get(Action, data.action_id)
    strategy = await session.get(Strategy, data.strategy_id)
    if action is None or strategy is None:
        errors = [
            *([_missing("action_id", "action")] if action is None else []),
            *([_missing("strategy_id", "strategy")] if strategy is None else []),
        ]
        failure = ValidationFailed(
            "Nothing to link: no "
            + " and no ".join(e.field.removeprefix("body.").replace("_id", "") for e in errors)
            + " with the id given.",
            field=errors[0].field,
            message=errors[0].message,
            type=errors[0].type,
        )
        failure.errors = errors
        raise failure
    if action.plan_id != strategy.plan_id:
        raise ValidationFailed(
            f"The action is in plan '{action.plan_id}' and the strategy in plan "
            f"'{strategy.plan_id}': linking across two plans is not allowed.",
            field="body.strategy_id",
            message="the strategy is in another plan than the action; linking across two plans "
            "is not allowed",
            type="cross_plan_link",
        )
    crud.refuse_if_archived(action, "action")
    crud.refuse_if_archived(strategy, "strategy")
    plan = await session.get(Plan, action.plan_id)
    if plan is not None:
        crud.refuse_if_archived(plan, "plan")
    existing = await holder(
        session,
        StrategyLink,
        col(StrategyLink.action_id) == action.id,
        col(StrategyLink.strategy_id) == strategy.id,
        col(StrategyLink.archived_at).is_(None),
    )
    if existing is not None:
        raise Duplicate(
            f"The action is already linked to this strategy by strategy link '{existing}'.",
            blocking=[Blocker(type=ENTITY, id=existing)],
        )
    link = StrategyLink(
        id=new_id("slink"), action_id=action.id, strategy_id=strategy.id, note=data.note
    )
    return await crud.create(session, link, actor=actor, entity_type=ENTITY)


async def update_strategy_link(
    *, session: AsyncSession, link: StrategyLink, data: StrategyLinkUpdate, actor: Principal
) -> StrategyLink:
    return await crud.update(session, link, data.changes(), actor=actor, entity_type=ENTITY)


async def delete_strategy_link(
    *, session: AsyncSession, link: StrategyLink, actor: Principal
) -> StrategyLink:
    """Remove the link from lists by archiving it, so nothing is lost."""
    return await crud.archive(session, link, actor=actor, entity_type=ENTITY)
