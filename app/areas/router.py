"""Improvement areas: `/plans/{plan_id}/areas` and `/areas/{area_id}`."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import JSONResponse

from app.areas import service
from app.areas.schemas import AreaCreate, AreaPage, AreaRead, AreaUpdate
from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, HasDependents, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep, as_read
from app.core.http.listing import IncludeArchived, ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.review import NeedsReviewFilter
from app.dependencies import AreaDep, PlanDep
from app.models import Area

router = APIRouter(tags=["Areas"])


@router.get("/plans/{plan_id}/areas", responses=problems(404))
async def list_areas(
    session: SessionDep,
    _: Viewer,
    plan: PlanDep,
    params: ListParams = sorted_by(service.SORTABLE),
    include_archived: IncludeArchived = False,
    needs_review: NeedsReviewFilter = None,
) -> AreaPage:
    """List a plan's improvement areas, in document order.

    Sortable by `position`, `number`, `ref`, `title`, `created_at`, `updated_at`.
    """
    result = await service.list_areas(
        session=session,
        plan=plan,
        params=params,
        include_archived=include_archived,
        needs_review=needs_review,
    )
    return params.page(result, AreaPage, AreaRead.model_validate)


@router.post(
    "/plans/{plan_id}/areas",
    response_model=AreaRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, conflicts=(Archived, Duplicate)),
)
async def create_area(
    session: SessionDep, actor: Editor, plan: PlanDep, body: AreaCreate, idempotency: IdempotencyDep
) -> AreaRead | JSONResponse:
    """Add an improvement area to a plan. 409 when the ref is taken or the plan archived."""
    return await idempotency.create(
        lambda: service.create_area(session=session, plan=plan, data=body, actor=actor),
        as_read(AreaRead),
        Area,
        ("get_area", "area_id"),
    )


@router.get("/areas/{area_id}", response_model=AreaRead, responses=READ_BY_ID)
async def get_area(
    request: Request, response: Response, _: Viewer, area: AreaDep
) -> AreaRead | Response:
    """Get an area, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, AreaRead.model_validate(area))


@router.patch(
    "/areas/{area_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate))
)
async def update_area(
    session: SessionDep, actor: Editor, area: AreaDep, if_match: IfMatchDep, body: AreaUpdate
) -> AreaRead:
    """Change an area. Needs `If-Match`."""
    return await if_match.change(
        AreaRead.model_validate(area),
        lambda: service.update_area(session=session, area=area, data=body, actor=actor),
        AreaRead.model_validate,
    )


@router.delete(
    "/areas/{area_id}", responses=problems(404, 412, 428, conflicts=(Archived, HasDependents))
)
async def archive_area(
    session: SessionDep, actor: Editor, area: AreaDep, if_match: IfMatchDep
) -> AreaRead:
    """Archive an area. Needs `If-Match`; 409 naming the live items still under it."""
    return await if_match.change(
        AreaRead.model_validate(area),
        lambda: service.archive_area(session=session, area=area, actor=actor),
        AreaRead.model_validate,
    )


@router.post("/areas/{area_id}/restore", responses=problems(404, conflicts=(ParentArchived,)))
async def restore_area(
    response: Response, session: SessionDep, actor: Admin, area: AreaDep
) -> AreaRead:
    """Restore an archived area (admin). 409 while its plan is archived."""
    area = await service.restore_area(session=session, area=area, actor=actor)
    return with_etag(response, AreaRead.model_validate(area))
