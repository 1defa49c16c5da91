"""Strategies and detailed action plans: `/strategies` and `/strategies/{strategy_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, HasDependents, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.schemas import TextFilters
from app.dependencies import StrategyDep
from app.models import Strategy
from app.strategies import service
from app.strategies.schemas import StrategyCreate, StrategyPage, StrategyRead, StrategyUpdate

router = APIRouter(tags=["Strategies"])


@router.get("/strategies", responses=problems())
async def list_strategies(
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    plan_id: Annotated[
        TextFilters, Query(description="Only strategies in this plan; repeat for any of several.")
    ] = [],  # noqa: B006
    action_id: Annotated[
        TextFilters,
        Query(
            description="Only strategies this action links to (by a live strategy link); "
            "repeat for any of several."
        ),
    ] = [],  # noqa: B006
    q: Annotated[
        str | None, Query(max_length=200, description="Text the title contains (any case).")
    ] = None,
    include_archived: Annotated[bool, Query(description="Include archived strategies.")] = False,
) -> StrategyPage:
    """List strategies and detailed action plans.

    Sortable by `title` (the default), `created_at`, `updated_at`.
    """
    result = await service.list_strategies(
        session=session,
        params=params,
        plan_id=plan_id,
        action_id=action_id,
        q=q,
        include_archived=include_archived,
    )
    return params.page(
        result,
        StrategyPage,
        await service.read_strategies(session=session, strategies=result.rows),
    )


@router.post(
    "/strategies",
    response_model=StrategyRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Archived,)),
)
async def create_strategy(
    session: SessionDep, actor: Editor, body: StrategyCreate, idempotency: IdempotencyDep
) -> StrategyRead | JSONResponse:
    """Add a strategy to a plan. 422 when the plan does not exist, 409 when it is archived."""
    return await idempotency.create(
        lambda: service.create_strategy(session=session, data=body, actor=actor),
        lambda s, strategy: service.read_strategy(session=s, strategy=strategy),
        Strategy,
        ("get_strategy", "strategy_id"),
    )


@router.get("/strategies/{strategy_id}", response_model=StrategyRead, responses=READ_BY_ID)
async def get_strategy(
    request: Request, response: Response, session: SessionDep, _: Viewer, strategy: StrategyDep
) -> StrategyRead | Response:
    """Get a strategy, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    read = await service.read_strategy(session=session, strategy=strategy)
    return conditional_read(request, response, read)


@router.patch("/strategies/{strategy_id}", responses=problems(404, 412, 428, conflicts=(Archived,)))
async def update_strategy(
    session: SessionDep,
    actor: Editor,
    strategy: StrategyDep,
    if_match: IfMatchDep,
    body: StrategyUpdate,
) -> StrategyRead:
    """Change a strategy. Needs `If-Match`."""
    current = await service.read_strategy(session=session, strategy=strategy)
    return await if_match.change(
        current,
        lambda: service.update_strategy(session=session, strategy=strategy, data=body, actor=actor),
        lambda changed: StrategyRead.of(changed, current.action_count),
    )


@router.delete(
    "/strategies/{strategy_id}",
    responses=problems(404, 412, 428, conflicts=(Archived, HasDependents)),
)
async def archive_strategy(
    session: SessionDep, actor: Editor, strategy: StrategyDep, if_match: IfMatchDep
) -> StrategyRead:
    """Archive a strategy. Needs `If-Match`; 409 naming the live strategy links to it."""
    current = await service.read_strategy(session=session, strategy=strategy)
    return await if_match.change(
        current,
        lambda: service.archive_strategy(session=session, strategy=strategy, actor=actor),
        lambda changed: StrategyRead.of(changed, current.action_count),
    )


@router.post(
    "/strategies/{strategy_id}/restore", responses=problems(404, conflicts=(ParentArchived,))
)
async def restore_strategy(
    response: Response, session: SessionDep, actor: Admin, strategy: StrategyDep
) -> StrategyRead:
    """Restore an archived strategy (admin). 409 while its plan is archived."""
    strategy = await service.restore_strategy(session=session, strategy=strategy, actor=actor)
    return with_etag(response, await service.read_strategy(session=session, strategy=strategy))
