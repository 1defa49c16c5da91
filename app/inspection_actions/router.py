"""Inspection actions: `/inspection-actions` and `/inspection-actions/{inspection_action_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, HasDependents, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.schemas import TextFilters
from app.dependencies import InspectionActionDep
from app.inspection_actions import service
from app.inspection_actions.schemas import (
    InspectionActionCreate,
    InspectionActionPage,
    InspectionActionRead,
    InspectionActionUpdate,
)
from app.models import InspectionAction

router = APIRouter(tags=["Inspection actions"])
PATH = "/inspection-actions/{inspection_action_id}"


@router.get("/inspection-actions", responses=problems())
async def list_inspection_actions(
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    plan_id: Annotated[
        TextFilters,
        Query(description="Only inspection actions in this plan; repeat for any of several."),
    ] = [],  # noqa: B006
    source: Annotated[
        TextFilters,
        Query(description='Only recommendations from this source ("Ofsted"); repeat for several.'),
    ] = [],  # noqa: B006
    include_archived: Annotated[
        bool, Query(description="Include archived inspection actions.")
    ] = False,
) -> InspectionActionPage:
    """List inspection recommendations, each with the actions that answer it.

    Sortable by `number` (the default), `source`, `created_at`, `updated_at`.
    """
    result = await service.list_inspection_actions(
        session=session,
        params=params,
        plan_id=plan_id,
        source=source,
        include_archived=include_archived,
    )
    return params.page(
        result,
        InspectionActionPage,
        await service.read_inspection_actions(session=session, inspection_actions=result.rows),
    )


@router.post(
    "/inspection-actions",
    response_model=InspectionActionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Archived, Duplicate)),
)
async def create_inspection_action(
    session: SessionDep, actor: Editor, body: InspectionActionCreate, idempotency: IdempotencyDep
) -> InspectionActionRead | JSONResponse:
    """Add an inspection recommendation to a plan.

    422 when the plan does not exist; 409 when it is archived or already has that source's
    recommendation with that number.
    """
    return await idempotency.create(
        lambda: service.create_inspection_action(session=session, data=body, actor=actor),
        lambda s, row: service.read_inspection_action(session=s, inspection_action=row),
        InspectionAction,
        ("get_inspection_action", "inspection_action_id"),
    )


@router.get(PATH, response_model=InspectionActionRead, responses=READ_BY_ID)
async def get_inspection_action(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    inspection_action: InspectionActionDep,
) -> InspectionActionRead | Response:
    """Get an inspection action, archived or not. Sends an `ETag`; `If-None-Match` gives 304."""
    read = await service.read_inspection_action(
        session=session, inspection_action=inspection_action
    )
    return conditional_read(request, response, read)


@router.patch(PATH, responses=problems(404, 412, 428, conflicts=(Archived, Duplicate)))
async def update_inspection_action(
    session: SessionDep,
    actor: Editor,
    inspection_action: InspectionActionDep,
    if_match: IfMatchDep,
    body: InspectionActionUpdate,
) -> InspectionActionRead:
    """Change an inspection action. Needs `If-Match`; 409 when the source and number are taken."""
    current = await service.read_inspection_action(
        session=session, inspection_action=inspection_action
    )
    return await if_match.change(
        current,
        lambda: service.update_inspection_action(
            session=session, inspection_action=inspection_action, data=body, actor=actor
        ),
        lambda changed: InspectionActionRead.of(changed, current.action_ids),
    )


@router.delete(PATH, responses=problems(404, 412, 428, conflicts=(Archived, HasDependents)))
async def archive_inspection_action(
    session: SessionDep, actor: Editor, inspection_action: InspectionActionDep, if_match: IfMatchDep
) -> InspectionActionRead:
    """Archive an inspection action. Needs `If-Match`; 409 naming the live actions tagged."""
    current = await service.read_inspection_action(
        session=session, inspection_action=inspection_action
    )
    return await if_match.change(
        current,
        lambda: service.archive_inspection_action(
            session=session, inspection_action=inspection_action, actor=actor
        ),
        lambda changed: InspectionActionRead.of(changed, current.action_ids),
    )


@router.post(PATH + "/restore", responses=problems(404, conflicts=(ParentArchived,)))
async def restore_inspection_action(
    response: Response, session: SessionDep, actor: Admin, inspection_action: InspectionActionDep
) -> InspectionActionRead:
    """Restore an archived inspection action (admin). 409 while its plan is archived."""
    inspection_action = await service.restore_inspection_action(
        session=session, inspection_action=inspection_action, actor=actor
    )
    return with_etag(
        response,
        await service.read_inspection_action(session=session, inspection_action=inspection_action),
    )
