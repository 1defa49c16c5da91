"""The action's state its updates decide: rating, status and dates from the deciding update."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.resources import audit
from app.models import Action, DeliveryStatus, StatusUpdate

# Built once, the action bound at execution: building it and its cache key on every post
# cost more than running it.
_ACTION: sa.BindParameter[str] = sa.bindparam("action_id")
_LATEST = (
    sa.select(StatusUpdate)
    .where(
        col(StatusUpdate.action_id) == _ACTION,
        col(StatusUpdate.id).not_in(
            sa.select(col(StatusUpdate.corrects_update_id)).where(
                col(StatusUpdate.action_id) == _ACTION,
                col(StatusUpdate.corrects_update_id).is_not(None),
            )
        ),
    )
    .order_by(
        col(StatusUpdate.effective_date).desc(),
        col(StatusUpdate.created_at).desc(),
        col(StatusUpdate.id).desc(),
    )
    .limit(1)
)


async def latest_update(session: AsyncSession, action_id: str) -> StatusUpdate | None:
    """The update that decides the action's state: latest by effective date, then entry."""
    return await session.scalar(_LATEST, {"action_id": action_id})


async def latest_updates(
    session: AsyncSession, action_ids: Sequence[str]
) -> dict[str, StatusUpdate]:
    """Each action's deciding update, as `latest_update` picks it, in one statement."""
    corrected = sa.select(col(StatusUpdate.corrects_update_id)).where(
        col(StatusUpdate.action_id).in_(action_ids),
        col(StatusUpdate.corrects_update_id).is_not(None),
    )
    ranked = (
        sa.select(
            col(StatusUpdate.id),
            sa.func.row_number()
            .over(
                partition_by=col(StatusUpdate.action_id),
                order_by=(
                    col(StatusUpdate.effective_date).desc(),
                    col(StatusUpdate.created_at).desc(),
                    col(StatusUpdate.id).desc(),
                ),
            )
            .label("place"),
        )
        .where(col(StatusUpdate.action_id).in_(action_ids), col(StatusUpdate.id).not_in(corrected))
        .subquery()
    )
    rows = await session.scalars(
        sa.select(StatusUpdate)
        .join(ranked, ranked.c.id == col(StatusUpdate.id))
        .where(ranked.c.place == 1)
    )
    return {update.action_id: update for update in rows}


def state_of(latest: StatusUpdate | None) -> dict[str, object]:
    """The action's rating, status and dates as its deciding update (or none) sets them."""
    return {
        "rag": latest.rag if latest else None,
        "status": latest.status if latest else DeliveryStatus.not_started,
        "last_update_date": latest.effective_date if latest else None,
        "completed_date": (
            latest.effective_date
            if latest is not None and latest.status == DeliveryStatus.complete
            else None
        ),
    }


async def refresh_action_state(session: AsyncSession, action: Action) -> dict[str, object]:
    """Set the action's rating, status and dates from its latest update; return what changed."""
    latest = await latest_update(session, action.id)
    state = state_of(latest)
    before = {name: getattr(action, name) for name in state}
    for name, value in state.items():
        setattr(action, name, value)
    return audit.changes_between(before, state)
