"""Strategy links: `/strategy-links` and `/strategy-links/{link_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate
from app.core.http.concurrency import IfMatchDep, conditional_read
from app.core.http.idempotency import IdempotencyDep, as_read
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.schemas import TextFilters
from app.dependencies import StrategyLinkDep
from app.models import StrategyLink
from app.strategy_links import service
from app.strategy_links.schemas import (
    StrategyLinkCreate,
    StrategyLinkPage,
    StrategyLinkRead,
    StrategyLinkUpdate,
)

router = APIRouter(tags=["Strategy links"])


@router.get("/strategy-links", responses=problems())
async def list_strategy_links(
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    action_id: Annotated[
        TextFilters, Query(description="Only links from this action; repeat for any of several.")
    ] = [],  # noqa: B006
    strategy_id: Annotated[
        TextFilters, Query(description="Only links to this strategy; repeat for any of several.")
    ] = [],  # noqa: B006
    include_archived: Annotated[
        bool, Query(description="Include deleted (archived) links.")
    ] = False,
) -> StrategyLinkPage:
    """List links between actions and strategies.

    Sortable by `created_at` (the default), `updated_at`.
    """
    result = await service.list_strategy_links(
        session=session,
        params=params,
        action_id=action_id,
        strategy_id=strategy_id,
        include_archived=include_archived,
    )
    return params.page(result, StrategyLinkPage, StrategyLinkRead.model_validate)


@router.post(
    "/strategy-links",
    response_model=StrategyLinkRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Archived, Duplicate)),
)
async def create_strategy_link(
    session: SessionDep, actor: Editor, body: StrategyLinkCreate, idempotency: IdempotencyDep
) -> StrategyLinkRead | JSONResponse:
    """Link an action to a strategy in the same plan.

    422 when either does not exist or they are in different plans; 409 when either is
    archived or the action is already linked to the strategy (naming that link).
    """
    return await idempotency.create(
        lambda: service.create_strategy_link(session=session, data=body, actor=actor),
        as_read(StrategyLinkRead),
        StrategyLink,
        ("get_strategy_link", "link_id"),
    )


@router.get("/strategy-links/{link_id}", response_model=StrategyLinkRead, responses=READ_BY_ID)
async def get_strategy_link(
    request: Request, response: Response, _: Viewer, link: StrategyLinkDep
) -> StrategyLinkRead | Response:
    """Get a link, deleted or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, StrategyLinkRead.model_validate(link))


@router.patch("/strategy-links/{link_id}", responses=problems(404, 412, 428, conflicts=(Archived,)))
async def update_strategy_link(
    session: SessionDep,
    actor: Editor,
    link: StrategyLinkDep,
    if_match: IfMatchDep,
    body: StrategyLinkUpdate,
) -> StrategyLinkRead:
    """Change a link's note. Needs `If-Match`; 409 when the link was deleted."""
    return await if_match.change(
        StrategyLinkRead.model_validate(link),
        lambda: service.update_strategy_link(session=session, link=link, data=body, actor=actor),
        StrategyLinkRead.model_validate,
    )


@router.delete(
    "/strategy-links/{link_id}", responses=problems(404, 412, 428, conflicts=(Archived,))
)
async def delete_strategy_link(
    session: SessionDep, actor: Editor, link: StrategyLinkDep, if_match: IfMatchDep
) -> StrategyLinkRead:
    """Delete a link. Needs `If-Match`.

    Nothing is lost: the link is archived (its `archived_at` set), leaves lists unless
    `include_archived=true`, and stays readable by id. 409 when it was already deleted.
    """
    return await if_match.change(
        StrategyLinkRead.model_validate(link),
        lambda: service.delete_strategy_link(session=session, link=link, actor=actor),
        StrategyLinkRead.model_validate,
    )
