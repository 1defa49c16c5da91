"""Success criteria: `/success-criteria` and `/success-criteria/{criterion_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.review import NeedsReviewFilter
from app.core.http.schemas import TextFilters
from app.dependencies import CriterionDep
from app.models import SuccessCriterion
from app.success_criteria import service
from app.success_criteria.schemas import (
    SuccessCriterionCreate,
    SuccessCriterionPage,
    SuccessCriterionRead,
    SuccessCriterionUpdate,
)

router = APIRouter(tags=["Success criteria"])
IdFilter = TextFilters


@router.get("/success-criteria", responses=problems())
async def list_success_criteria(
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    plan_id: Annotated[
        IdFilter, Query(description="Only criteria in this plan; repeat for any of several.")
    ] = [],  # noqa: B006
    area_id: Annotated[
        IdFilter,
        Query(description="Only criteria attached to this area itself; repeat for several."),
    ] = [],  # noqa: B006
    outcome_id: Annotated[
        IdFilter, Query(description="Only criteria attached to this outcome; repeat for several.")
    ] = [],  # noqa: B006
    objective_id: Annotated[
        IdFilter,
        Query(description="Only criteria attached to this objective; repeat for several."),
    ] = [],  # noqa: B006
    action_id: Annotated[
        IdFilter,
        Query(description="Only criteria linked to this action; repeat for any of several."),
    ] = [],  # noqa: B006
    q: Annotated[
        str | None, Query(max_length=200, description="Text the statement contains (any case).")
    ] = None,
    include_archived: Annotated[bool, Query(description="Include archived criteria.")] = False,
    needs_review: NeedsReviewFilter = None,
) -> SuccessCriterionPage:
    """List success criteria.

    Sortable by `position`, `created_at`, `updated_at`; by `position` (then id) by default.
    """
    result = await service.list_success_criteria(
        session=session,
        params=params,
        plan_id=plan_id,
        area_id=area_id,
        outcome_id=outcome_id,
        objective_id=objective_id,
        action_id=action_id,
        q=q,
        include_archived=include_archived,
        needs_review=needs_review,
    )
    return params.page(
        result,
        SuccessCriterionPage,
        await service.read_many(session=session, criteria=result.rows),
    )


@router.post(
    "/success-criteria",
    response_model=SuccessCriterionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Archived,)),
)
async def create_success_criterion(
    session: SessionDep, actor: Editor, body: SuccessCriterionCreate, idempotency: IdempotencyDep
) -> SuccessCriterionRead | JSONResponse:
    """Add a success criterion to exactly one area, outcome or objective.

    422 when none or several are given or the one given does not exist; 409 when it is archived.
    """
    return await idempotency.create(
        lambda: service.create_criterion(session=session, data=body, actor=actor),
        lambda s, criterion: service.read_one(session=s, criterion=criterion),
        SuccessCriterion,
        ("get_success_criterion", "criterion_id"),
    )


@router.get(
    "/success-criteria/{criterion_id}", response_model=SuccessCriterionRead, responses=READ_BY_ID
)
async def get_success_criterion(
    request: Request, response: Response, session: SessionDep, _: Viewer, criterion: CriterionDep
) -> SuccessCriterionRead | Response:
    """Get a success criterion, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    read = await service.read_one(session=session, criterion=criterion)
    return conditional_read(request, response, read)


@router.patch(
    "/success-criteria/{criterion_id}", responses=problems(404, 412, 428, conflicts=(Archived,))
)
async def update_success_criterion(
    session: SessionDep,
    actor: Editor,
    criterion: CriterionDep,
    if_match: IfMatchDep,
    body: SuccessCriterionUpdate,
) -> SuccessCriterionRead:
    """Change a success criterion's statement. Needs `If-Match`; 409 when it is archived."""
    return await if_match.change(
        await service.read_one(session=session, criterion=criterion),
        lambda: service.update_criterion(
            session=session, criterion=criterion, data=body, actor=actor
        ),
        lambda changed: service.read_one(session=session, criterion=changed),
    )


@router.delete(
    "/success-criteria/{criterion_id}", responses=problems(404, 412, 428, conflicts=(Archived,))
)
async def archive_success_criterion(
    session: SessionDep, actor: Editor, criterion: CriterionDep, if_match: IfMatchDep
) -> SuccessCriterionRead:
    """Archive a success criterion. Needs `If-Match`; links to actions are kept."""
    return await if_match.change(
        await service.read_one(session=session, criterion=criterion),
        lambda: service.archive_criterion(session=session, criterion=criterion, actor=actor),
        lambda changed: service.read_one(session=session, criterion=changed),
    )


@router.post(
    "/success-criteria/{criterion_id}/restore", responses=problems(404, conflicts=(ParentArchived,))
)
async def restore_success_criterion(
    response: Response, session: SessionDep, actor: Admin, criterion: CriterionDep
) -> SuccessCriterionRead:
    """Restore an archived success criterion (admin). 409 while its parent is archived."""
    criterion = await service.restore_criterion(session=session, criterion=criterion, actor=actor)
    return with_etag(response, await service.read_one(session=session, criterion=criterion))
