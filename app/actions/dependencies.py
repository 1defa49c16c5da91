"""Load an action from the path (or answer 404), and read `expand`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Query

from app.actions.schemas import Expansion
from app.actions.service import get_action
from app.core.deps import SessionDep
from app.core.errors import ValidationFailed
from app.core.schemas import FilterText
from app.models import Action

ActionId = Annotated[str, Path(max_length=40, description="The action's id.")]


async def action_from_path(session: SessionDep, action_id: ActionId) -> Action:
    return await get_action(session=session, action_id=action_id)


ActionDep = Annotated[Action, Depends(action_from_path)]


async def expansions(
    expand: Annotated[
        list[FilterText],
        Query(
            description="Related data to include, comma-separated or repeated: "
            + ", ".join(f"`{e.value}`" for e in Expansion)
            + ".",
            max_length=10,
        ),
    ] = [],  # noqa: B006
) -> set[Expansion]:
    names = {name.strip() for value in expand for name in value.split(",") if name.strip()}
    known = {e.value for e in Expansion}
    unknown = sorted(names - known)
    if unknown:
        raise ValidationFailed(
            f"Cannot expand {', '.join(unknown)}. Expandable: {', '.join(sorted(known))}.",
            field="query.expand",
            message=f"unknown expansion: {', '.join(unknown)}",
            type="unknown_expansion",
        )
    return {Expansion(name) for name in names}


ExpandDep = Annotated[set[Expansion], Depends(expansions)]
