"""Outcomes: `/areas/{area_id}/outcomes` and `/outcomes/{outcome_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, HasDependents, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep, as_read
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.review import NeedsReviewFilter
from app.dependencies import AreaDep, OutcomeDep
from app.models import Outcome
from app.outcomes import service
from app.outcomes.schemas import OutcomeCreate, OutcomePage, OutcomeRead, OutcomeUpdate

router = APIRouter(tags=["Outcomes"])
IncludeArchived = Annotated[bool, Query(description="Include archived items.")]


@router.get("/areas/{area_id}/outcomes", responses=problems(404))
async def list_outcomes(
    session: SessionDep,
    _: Viewer,
    area: AreaDep,
    params: ListParams = sorted_by(service.SORTABLE),
    include_archived: IncludeArchived = False,
    needs_review: NeedsReviewFilter = None,
) -> OutcomePage:
    """List an area's outcomes, in document order.

    Sortable by `position`, `ref`, `number`, `created_at`, `updated_at`.
    """
    result = await service.list_outcomes(
        session=session,
        area=area,
        params=params,
        include_archived=include_archived,
        needs_review=needs_review,
    )
    return params.page(result, OutcomePage, OutcomeRead.model_validate)


@router.post(
    "/areas/{area_id}/outcomes",
    response_model=OutcomeRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, conflicts=(Archived, Duplicate)),
)
async def create_outcome(
    session: SessionDep,
    actor: Editor,
    area: AreaDep,
    body: OutcomeCreate,
    idempotency: IdempotencyDep,
) -> OutcomeRead | JSONResponse:
    """Add an outcome to an area. 409 when the ref is taken or the area archived."""
    return await idempotency.create(
        lambda: service.create_outcome(session=session, area=area, data=body, actor=actor),
        as_read(OutcomeRead),
        Outcome,
        ("get_outcome", "outcome_id"),
    )


@router.get("/outcomes/{outcome_id}", response_model=OutcomeRead, responses=READ_BY_ID)
async def get_outcome(
    request: Request, response: Response, _: Viewer, outcome: OutcomeDep
) -> OutcomeRead | Response:
    """Get an outcome, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, OutcomeRead.model_validate(outcome))


@router.patch(
    "/outcomes/{outcome_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate))
)
async def update_outcome(
    session: SessionDep,
    actor: Editor,
    outcome: OutcomeDep,
    if_match: IfMatchDep,
    body: OutcomeUpdate,
) -> OutcomeRead:
    """Change an outcome. Needs `If-Match`; 409 when the ref is taken or it is archived."""
    return await if_match.change(
        OutcomeRead.model_validate(outcome),
        lambda: service.update_outcome(session=session, outcome=outcome, data=body, actor=actor),
        OutcomeRead.model_validate,
    )


@router.delete(
    "/outcomes/{outcome_id}", responses=problems(404, 412, 428, conflicts=(Archived, HasDependents))
)
async def archive_outcome(
    session: SessionDep, actor: Editor, outcome: OutcomeDep, if_match: IfMatchDep
) -> OutcomeRead:
    """Archive an outcome. Needs `If-Match`; 409 naming the live items still under it."""
    return await if_match.change(
        OutcomeRead.model_validate(outcome),
        lambda: service.archive_outcome(session=session, outcome=outcome, actor=actor),
        OutcomeRead.model_validate,
    )


@router.post("/outcomes/{outcome_id}/restore", responses=problems(404, conflicts=(ParentArchived,)))
async def restore_outcome(
    response: Response, session: SessionDep, actor: Admin, outcome: OutcomeDep
) -> OutcomeRead:
    """Restore an archived outcome (admin). 409 while its area is archived."""
    outcome = await service.restore_outcome(session=session, outcome=outcome, actor=actor)
    return with_etag(response, OutcomeRead.model_validate(outcome))
