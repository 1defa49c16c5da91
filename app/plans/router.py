"""`/plans`: list, create, get, update, archive and restore plans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.http.concurrency import conditional_read, created, require_if_match, with_etag
from app.core.http.listing import ListParams, set_link_header, sorted_by
from app.core.http.responses import NOT_MODIFIED, problems
from app.core.http.schemas import Filters, IsoDate, TextFilters
from app.dependencies import PlanDep
from app.models import PlanStatus
from app.plans import service
from app.plans.schemas import PlanCreate, PlanPage, PlanRead, PlanUpdate
from app.plans.tree import PlanTree, plan_tree

router = APIRouter(prefix="/plans", tags=["Plans"])


@router.get("", response_model=PlanPage, responses=problems())
async def list_plans(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    status_: Annotated[
        Filters[PlanStatus],
        Query(
            alias="status", description="Only plans with this status; repeat for any of several."
        ),
    ] = [],  # noqa: B006
    organisation: Annotated[
        TextFilters, Query(description="Only plans of this organisation; repeat for several.")
    ] = [],  # noqa: B006
    q: Annotated[
        str | None, Query(max_length=200, description="Text the title contains (any case).")
    ] = None,
    include_archived: Annotated[bool, Query(description="Include archived plans.")] = False,
) -> PlanPage:
    """List plans.

    Sortable by `title`, `organisation`, `status`, `created_at`, `updated_at`; oldest first
    by default.
    """
    result = await service.list_plans(
        session=session,
        params=params,
        status=status_,
        organisation=organisation,
        q=q,
        include_archived=include_archived,
    )
    set_link_header(request, response, result.next_cursor)
    return PlanPage(
        items=[PlanRead.model_validate(plan) for plan in result.rows],
        total=result.total,
        next_cursor=result.next_cursor,
    )


@router.post(
    "",
    response_model=PlanRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(),
)
async def create_plan(
    request: Request, response: Response, session: SessionDep, actor: Editor, body: PlanCreate
) -> PlanRead:
    """Create a plan."""
    plan = await service.create_plan(session=session, data=body, actor=actor)
    return created(
        response, PlanRead.model_validate(plan), request.url_for("get_plan", plan_id=plan.id)
    )


@router.get(
    "/{plan_id}",
    response_model=PlanRead,
    responses={**problems(404), **NOT_MODIFIED},
)
async def get_plan(
    request: Request, response: Response, _: Viewer, plan: PlanDep
) -> PlanRead | Response:
    """Get a plan, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, PlanRead.model_validate(plan))


@router.patch("/{plan_id}", response_model=PlanRead, responses=problems(404, 409, 412, 428))
async def update_plan(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Editor,
    plan: PlanDep,
    body: PlanUpdate,
) -> PlanRead:
    """Change a plan. Needs `If-Match` with the ETag of your last read."""
    require_if_match(request, PlanRead.model_validate(plan))
    plan = await service.update_plan(session=session, plan=plan, data=body, actor=actor)
    return with_etag(response, PlanRead.model_validate(plan))


@router.delete("/{plan_id}", response_model=PlanRead, responses=problems(404, 409, 412, 428))
async def archive_plan(
    request: Request, response: Response, session: SessionDep, actor: Editor, plan: PlanDep
) -> PlanRead:
    """Archive a plan: it leaves lists but nothing is deleted. Needs `If-Match`."""
    require_if_match(request, PlanRead.model_validate(plan))
    plan = await service.archive_plan(session=session, plan=plan, actor=actor)
    return with_etag(response, PlanRead.model_validate(plan))


@router.post("/{plan_id}/restore", response_model=PlanRead, responses=problems(404))
async def restore_plan(
    response: Response, session: SessionDep, actor: Admin, plan: PlanDep
) -> PlanRead:
    """Restore an archived plan (admin)."""
    plan = await service.restore_plan(session=session, plan=plan, actor=actor)
    return with_etag(response, PlanRead.model_validate(plan))


@router.get(
    "/{plan_id}/tree",
    response_model=PlanTree,
    responses={**problems(404), **NOT_MODIFIED},
)
async def get_plan_tree(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    plan: PlanDep,
    as_of: Annotated[
        IsoDate | None,
        Query(
            description="The plan as it stood at the end of this day: each action's rating, "
            "status and due date from the recorded history."
        ),
    ] = None,
) -> PlanTree | Response:
    """The whole plan nested in one response, in document order.

    Areas hold their success criteria, outcomes, and actions with no outcome; outcomes hold
    objectives and actions with no objective; objectives hold actions; actions hold their
    sub-actions, lead officers, success criteria, strategies and inspection actions, with
    current ratings. Archived items are left out.
    """
    tree = await plan_tree(session=session, plan=plan, as_of=as_of)
    return conditional_read(request, response, tree)
