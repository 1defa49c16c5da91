"""The action `GET /actions/{action_id}` reads, and `expand`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from app.actions import rendering
from app.actions.query import get_action
from app.actions.schemas import ActionRead, Expansion
from app.core.db.session import SessionDep
from app.core.errors import ValidationFailed
from app.core.http.schemas import FilterText
from app.core.resources import crud
from app.core.resources.loaders import MAX_ID_LENGTH
from app.models import Action

MAX_EXPAND_VALUES = 10

ActionId = Annotated[str, Path(max_length=MAX_ID_LENGTH, description="The action's id.")]


def expansion_names(values: Iterable[str]) -> set[str]:
    return {name.strip() for value in values for name in value.split(",") if name.strip()}


def parse_expansions(values: Iterable[str]) -> set[Expansion]:
    """The expansions `expand` names, comma-separated or repeated; a 422 for an unknown one."""
    names = expansion_names(values)
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


async def action_to_read(
    request: Request, session: SessionDep, action_id: ActionId
) -> Action | ActionRead:
    """The action `GET /actions/{action_id}` reads, found before its query is parsed, so
    that a missing action is a 404 whatever else the request says (as on every other
    action path).

    Without `as_of` it is read as shown, with the expansions the query names (unknown names
    are refused later, by `expansions`), in the request's one statement after the key
    check; with it, it is loaded, and shown as it stood that day by the route.
    """
    if "as_of" not in request.query_params:
        known = {e.value for e in Expansion}
        names = expansion_names(request.query_params.getlist("expand"))
        expand = {Expansion(name) for name in names & known}
        reads = await rendering.render_actions(session, [action_id], expand)
        if not reads:
            raise crud.not_found("action", action_id)
        return reads[0]
    return await get_action(session=session, action_id=action_id)


ActionToReadDep = Annotated[Action | ActionRead, Depends(action_to_read)]


async def expansions(
    expand: Annotated[
        list[FilterText],
        Query(
            description="Related data to include, comma-separated or repeated: "
            + ", ".join(f"`{e.value}`" for e in Expansion)
            + ".",
            max_length=MAX_EXPAND_VALUES,
            # Declared as repeated names from the list; comma-separated names are read too.
            json_schema_extra={
                "items": {"type": "string", "enum": [e.value for e in Expansion]},
                "uniqueItems": True,
            },
        ),
    ] = [],  # noqa: B006
) -> set[Expansion]:
    return parse_expansions(expand)


ExpandDep = Annotated[set[Expansion], Depends(expansions)]
