"""`/plans`: list, create, get, update, archive and restore plans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.actions import reads
from app.actions.dependencies import ExpandDep
from app.actions.query import find_action_by_ref
from app.actions.schemas import ActionRead
from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate
from app.core.http.concurrency import (
    IfMatchDep,
    conditional_json,
    conditional_read,
    with_etag,
)
from app.core.http.idempotency import IdempotencyDep, as_read
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.schemas import Filters, IsoDate, TextFilters
from app.dependencies import PlanDep
from app.models import Plan, PlanStatus
from app.plans import service
from app.plans.schemas import PlanCreate, PlanPage, PlanRead, PlanTree, PlanUpdate
from app.plans.tree import tree_body

router = APIRouter(prefix="/plans", tags=["Plans"])


@router.get("", responses=problems())
async def list_plans(
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
    key: Annotated[
        TextFilters, Query(description="Only the plan with this key; repeat for several.")
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
        key=key,
        q=q,
        include_archived=include_archived,
    )
    return params.page(result, PlanPage, PlanRead.model_validate)


@router.post(
    "",
    response_model=PlanRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Duplicate,)),
)
async def create_plan(
    session: SessionDep, actor: Editor, body: PlanCreate, idempotency: IdempotencyDep
) -> PlanRead | JSONResponse:
    """Create a plan."""
    return await idempotency.create(
        lambda: service.create_plan(session=session, data=body, actor=actor),
        as_read(PlanRead),
        Plan,
        ("get_plan", "plan_id"),
    )


@router.get("/{plan_id}", response_model=PlanRead, responses=READ_BY_ID)
async def get_plan(
    request: Request, response: Response, _: Viewer, plan: PlanDep
) -> PlanRead | Response:
    """Get a plan, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, PlanRead.model_validate(plan))


@router.patch("/{plan_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate)))
async def update_plan(
    session: SessionDep, actor: Editor, plan: PlanDep, if_match: IfMatchDep, body: PlanUpdate
) -> PlanRead:
    """Change a plan. Needs `If-Match` with the ETag of your last read."""
    return await if_match.change(
        PlanRead.model_validate(plan),
        lambda: service.update_plan(session=session, plan=plan, data=body, actor=actor),
        PlanRead.model_validate,
    )


@router.delete("/{plan_id}", responses=problems(404, 412, 428, conflicts=(Archived,)))
async def archive_plan(
    session: SessionDep, actor: Editor, plan: PlanDep, if_match: IfMatchDep
) -> PlanRead:
    """Archive a plan: it leaves lists but nothing is deleted. Needs `If-Match`."""
    return await if_match.change(
        PlanRead.model_validate(plan),
        lambda: service.archive_plan(session=session, plan=plan, actor=actor),
        PlanRead.model_validate,
    )


@router.post("/{plan_id}/restore", responses=problems(404))
async def restore_plan(
    response: Response, session: SessionDep, actor: Admin, plan: PlanDep
) -> PlanRead:
    """Restore an archived plan (admin)."""
    plan = await service.restore_plan(session=session, plan=plan, actor=actor)
    return with_etag(response, PlanRead.model_validate(plan))


@router.get("/{plan_id}/tree", response_model=PlanTree, responses=READ_BY_ID)
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
    body = await tree_body(session=session, plan=plan, as_of=as_of)
    return conditional_json(request, response, body)


@router.get("/{plan_key_or_id}/actions/{ref}", response_model=ActionRead, responses=READ_BY_ID)
async def get_plan_action_by_ref(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    plan_key_or_id: Annotated[
        str, Path(max_length=100, description="The plan's key (`stockton-2023`) or its id.")
    ],
    ref: Annotated[str, Path(max_length=40, description="The action's reference (`A1.3`).")],
    expand: ExpandDep,
) -> ActionRead | Response:
    """Get an action by its plan's key and its own reference, the names other systems know
    it by; the same representation and `ETag` as `GET /actions/{action_id}`."""
    plan = await service.find_plan(session=session, key_or_id=plan_key_or_id)
    action = await find_action_by_ref(session=session, plan_id=plan.id, ref=ref)
    read, unexpanded = await reads.read_action_and_version(
        session=session, action=action, expand=expand
    )
    if not expand:
        return conditional_read(request, response, unexpanded)
    return conditional_read(request, response, read, version_of=unexpanded)
