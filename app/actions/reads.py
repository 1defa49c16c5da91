"""Actions as the API shows them: a page of them, and one with the version its ETag is
taken from. The database writes each action (`app.actions.rendering`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.actions import rendering
from app.actions.query import list_action_ids
from app.actions.schemas import ActionFilters, ActionPage, ActionRead, Expansion
from app.core.http.listing import ListParams
from app.models import Action


async def page_of_actions(
    *,
    session: AsyncSession,
    params: ListParams,
    filters: ActionFilters,
    expand: Collection[Expansion],
) -> ActionPage:
    """One page of actions as the API shows them, with the expansions asked for: the
    page's ids first, then the actions in one statement."""
    found = await list_action_ids(session=session, params=params, filters=filters)
    items = await rendering.render_actions(session, found.rows, expand, as_of=filters.as_of)
    return ActionPage(items=items, total=found.total, next_cursor=found.next_cursor)


async def read_action_and_version(
    *,
    session: AsyncSession,
    action: Action | ActionRead,
    expand: Collection[Expansion] = (),
    as_of: date | None = None,
) -> tuple[ActionRead, ActionRead]:
    """The action as asked for, and its unexpanded representation (whose digest is the ETag).

    `action` is the stored action, or its read already rendered with `expand`. Without
    `as_of` the unexpanded representation is the expanded one with its expansions left
    out, so the action is read once; with it, the ETag is still the current action's.
    """
    if isinstance(action, ActionRead):
        read = action
    elif as_of is None:
        read = await rendering.render_action(session, action.id, expand)
    else:
        unexpanded = await rendering.render_action(session, action.id)
        read = await rendering.render_action(session, action.id, expand, as_of=as_of)
        return read, unexpanded
    return read, unexpanded_of(read, expand)


def unexpanded_of(read: ActionRead, expand: Collection[Expansion]) -> ActionRead:
    """The unexpanded representation of an action read with these expansions."""
    # Lead officers are part of the unexpanded action: expanding them changes nothing.
    left_out = {e.value for e in expand} - {Expansion.lead_officers.value}
    return read.model_copy(update=dict.fromkeys(left_out)) if left_out else read
