"""Objectives: `/outcomes/{outcome_id}/objectives` and `/objectives/{objective_id}`."""

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
from app.dependencies import ObjectiveDep, OutcomeDep
from app.models import Objective
from app.objectives import service
from app.objectives.schemas import ObjectiveCreate, ObjectivePage, ObjectiveRead, ObjectiveUpdate

router = APIRouter(tags=["Objectives"])
IncludeArchived = Annotated[bool, Query(description="Include archived items.")]


@router.get("/outcomes/{outcome_id}/objectives", responses=problems(404))
async def list_objectives(
    session: SessionDep,
    _: Viewer,
    outcome: OutcomeDep,
    params: ListParams = sorted_by(service.SORTABLE),
    include_archived: IncludeArchived = False,
    needs_review: NeedsReviewFilter = None,
) -> ObjectivePage:
    """List an outcome's objectives, in document order.

    Sortable by `position`, `ref`, `created_at`, `updated_at`.
    """
    result = await service.list_objectives(
        session=session,
        outcome=outcome,
        params=params,
        include_archived=include_archived,
        needs_review=needs_review,
    )
    return params.page(result, ObjectivePage, ObjectiveRead.model_validate)


@router.post(
    "/outcomes/{outcome_id}/objectives",
    response_model=ObjectiveRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(404, conflicts=(Archived, Duplicate)),
)
async def create_objective(
    session: SessionDep,
    actor: Editor,
    outcome: OutcomeDep,
    body: ObjectiveCreate,
    idempotency: IdempotencyDep,
) -> ObjectiveRead | JSONResponse:
    """Add an objective to an outcome. 409 when the ref is taken or the outcome archived."""
    return await idempotency.create(
        lambda: service.create_objective(session=session, outcome=outcome, data=body, actor=actor),
        as_read(ObjectiveRead),
        Objective,
        ("get_objective", "objective_id"),
    )


@router.get("/objectives/{objective_id}", response_model=ObjectiveRead, responses=READ_BY_ID)
async def get_objective(
    request: Request, response: Response, _: Viewer, objective: ObjectiveDep
) -> ObjectiveRead | Response:
    """Get an objective, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    return conditional_read(request, response, ObjectiveRead.model_validate(objective))


@router.patch(
    "/objectives/{objective_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate))
)
async def update_objective(
    session: SessionDep,
    actor: Editor,
    objective: ObjectiveDep,
    if_match: IfMatchDep,
    body: ObjectiveUpdate,
) -> ObjectiveRead:
    """Change an objective. Needs `If-Match`; 409 when the ref is taken or it is archived."""
    return await if_match.change(
        ObjectiveRead.model_validate(objective),
        lambda: service.update_objective(
            session=session, objective=objective, data=body, actor=actor
        ),
        ObjectiveRead.model_validate,
    )


@router.delete(
    "/objectives/{objective_id}",
    responses=problems(404, 412, 428, conflicts=(Archived, HasDependents)),
)
async def archive_objective(
    session: SessionDep, actor: Editor, objective: ObjectiveDep, if_match: IfMatchDep
) -> ObjectiveRead:
    """Archive an objective. Needs `If-Match`; 409 naming the live items still under it."""
    return await if_match.change(
        ObjectiveRead.model_validate(objective),
        lambda: service.archive_objective(session=session, objective=objective, actor=actor),
        ObjectiveRead.model_validate,
    )


@router.post(
    "/objectives/{objective_id}/restore", responses=problems(404, conflicts=(ParentArchived,))
)
async def restore_objective(
    response: Response, session: SessionDep, actor: Admin, objective: ObjectiveDep
) -> ObjectiveRead:
    """Restore an archived objective (admin). 409 while its outcome is archived."""
    objective = await service.restore_objective(session=session, objective=objective, actor=actor)
    return with_etag(response, ObjectiveRead.model_validate(objective))
