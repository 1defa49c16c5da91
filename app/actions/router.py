"""Actions and sub-actions: `/actions`, and links to criteria, officers and inspection actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.actions import links, query, reads, rendering, write
from app.actions.dependencies import ActionToReadDep, ExpandDep
from app.actions.schemas import (
    AS_OF,
    ActionCreate,
    ActionFilters,
    ActionPage,
    ActionRead,
    ActionUpdate,
)
from app.core.auth.keys import Admin, Editor, Viewer, own_officer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, HasDependents, ParentArchived
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep
from app.core.http.listing import ListParams, set_link_header, sorted_by
from app.core.http.responses import READ_BY_ID, json_response, problems
from app.core.http.schemas import IsoDate
from app.core.resources.loaders import MAX_ID_LENGTH
from app.dependencies import ActionDep
from app.models import Action

router = APIRouter(tags=["Actions"])

AsOf = Annotated[IsoDate | None, Query(description=AS_OF)]


@router.get("/actions", response_model=ActionPage, responses=problems())
async def list_actions(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Viewer,
    expand: ExpandDep,
    filters: Annotated[ActionFilters, Query()],
    # The filters take updated_since themselves.
    params: ListParams = sorted_by(query.SORTABLE, changed_since=False),
) -> Response:
    """List and search actions and sub-actions.

    `rag`, `status`, `overdue`, `stale`, due dates and sorting all follow `as_of` when it
    is given. Sortable by `created_at` (default), `updated_at`, `due_date`, `original_due_date`,
    `last_update_date`, `ref`, `title`, `position`, `status`, `rag`; empty dates and ratings
    sort last.
    """
    filters = filters.model_copy(
        update={"lead_officer_id": own_officer(filters.lead_officer_id, principal)}
    )
    page = await reads.page_of_actions(
        session=session, params=params, filters=filters, expand=expand
    )
    set_link_header(request, response, page.next_cursor)
    return json_response(page, response)


@router.post(
    "/actions",
    response_model=ActionRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Archived, Duplicate)),
)
async def create_action(
    session: SessionDep, actor: Editor, body: ActionCreate, idempotency: IdempotencyDep
) -> ActionRead | JSONResponse:
    """Create an action or sub-action.

    The due date is read from the timescale (the last day of the named month) unless given.
    """
    return await idempotency.create(
        lambda: write.create_action(session=session, data=body, actor=actor),
        lambda s, action: rendering.render_action(s, action.id),
        Action,
        ("get_action", "action_id"),
    )


@router.get("/actions/{action_id}", response_model=ActionRead, responses=READ_BY_ID)
async def get_action(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    action: ActionToReadDep,
    expand: ExpandDep,
    as_of: AsOf = None,
) -> ActionRead | Response:
    """Get an action, archived or not, with any expansions.

    The `ETag` is that of the plain action, so it serves `If-Match` whatever was expanded;
    `If-None-Match` gives 304 only on reads without `expand` or `as_of`.
    """
    read, unexpanded = await reads.read_action_and_version(
        session=session, action=action, expand=expand, as_of=as_of
    )
    if not expand and as_of is None:
        return conditional_read(request, response, unexpanded)
    return conditional_read(request, response, read, version_of=unexpanded)


@router.patch(
    "/actions/{action_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate))
)
async def update_action(
    session: SessionDep, actor: Editor, action: ActionDep, if_match: IfMatchDep, body: ActionUpdate
) -> ActionRead:
    """Change an action. Needs `If-Match`; a due date change needs `due_date_reason`."""
    return await if_match.change(
        await rendering.render_action(session, action.id),
        lambda: write.update_action(session=session, action=action, data=body, actor=actor),
        lambda changed: rendering.render_action(session, changed.id),
    )


@router.delete(
    "/actions/{action_id}", responses=problems(404, 412, 428, conflicts=(Archived, HasDependents))
)
async def archive_action(
    response: Response, session: SessionDep, actor: Editor, action: ActionDep, if_match: IfMatchDep
) -> ActionRead:
    """Archive an action. Needs `If-Match`; 409 naming live sub-actions."""
    return await if_match.change(
        await rendering.render_action(session, action.id),
        lambda: write.archive_action(session=session, action=action, actor=actor),
        lambda changed: rendering.render_action(session, changed.id),
    )


@router.post("/actions/{action_id}/restore", responses=problems(404, conflicts=(ParentArchived,)))
async def restore_action(
    response: Response, session: SessionDep, actor: Admin, action: ActionDep
) -> ActionRead:
    """Restore an archived action (admin). 409 while something above it is archived."""
    action = await write.restore_action(session=session, action=action, actor=actor)
    return with_etag(response, await rendering.render_action(session, action.id))


LINK_RESPONSES = {
    **problems(404, conflicts=(Archived,)),
    204: {"description": "Done; linking twice or unlinking what is not linked changes nothing."},
}
CriterionId = Annotated[
    str, Path(max_length=MAX_ID_LENGTH, description="The success criterion's id.")
]
OfficerId = Annotated[str, Path(max_length=MAX_ID_LENGTH, description="The officer's id.")]
InspectionActionId = Annotated[
    str, Path(max_length=MAX_ID_LENGTH, description="The inspection action's id.")
]


@router.put(
    "/actions/{action_id}/success-criteria/{criterion_id}",
    status_code=204,
    responses=LINK_RESPONSES,
)
async def link_success_criterion(
    session: SessionDep, actor: Editor, action: ActionDep, criterion_id: CriterionId
) -> Response:
    """Link a success criterion to the action (both in one plan, else 422)."""
    await links.link(
        session=session,
        action=action,
        kind=links.CRITERION_LINK,
        other_id=criterion_id,
        actor=actor,
    )
    return Response(status_code=204)


@router.delete(
    "/actions/{action_id}/success-criteria/{criterion_id}",
    status_code=204,
    responses=LINK_RESPONSES,
)
async def unlink_success_criterion(
    session: SessionDep, actor: Editor, action: ActionDep, criterion_id: CriterionId
) -> Response:
    """Unlink a success criterion from the action. The audit log keeps the link."""
    await links.unlink(
        session=session,
        action=action,
        kind=links.CRITERION_LINK,
        other_id=criterion_id,
        actor=actor,
    )
    return Response(status_code=204)


@router.put(
    "/actions/{action_id}/lead-officers/{officer_id}", status_code=204, responses=LINK_RESPONSES
)
async def add_lead_officer(
    session: SessionDep, actor: Editor, action: ActionDep, officer_id: OfficerId
) -> Response:
    """Add a lead officer to the action, after the existing ones."""
    await links.link(
        session=session, action=action, kind=links.OFFICER_LINK, other_id=officer_id, actor=actor
    )
    return Response(status_code=204)


@router.delete(
    "/actions/{action_id}/lead-officers/{officer_id}", status_code=204, responses=LINK_RESPONSES
)
async def remove_lead_officer(
    session: SessionDep, actor: Editor, action: ActionDep, officer_id: OfficerId
) -> Response:
    """Remove a lead officer from the action."""
    await links.unlink(
        session=session, action=action, kind=links.OFFICER_LINK, other_id=officer_id, actor=actor
    )
    return Response(status_code=204)


@router.put(
    "/actions/{action_id}/inspection-actions/{inspection_action_id}",
    status_code=204,
    responses=LINK_RESPONSES,
)
async def link_inspection_action(
    session: SessionDep, actor: Editor, action: ActionDep, inspection_action_id: InspectionActionId
) -> Response:
    """Tag the action as answering an inspection action (both in one plan, else 422)."""
    await links.link(
        session=session,
        action=action,
        kind=links.INSPECTION_LINK,
        other_id=inspection_action_id,
        actor=actor,
    )
    return Response(status_code=204)


@router.delete(
    "/actions/{action_id}/inspection-actions/{inspection_action_id}",
    status_code=204,
    responses=LINK_RESPONSES,
)
async def unlink_inspection_action(
    session: SessionDep, actor: Editor, action: ActionDep, inspection_action_id: InspectionActionId
) -> Response:
    """Remove the tag."""
    await links.unlink(
        session=session,
        action=action,
        kind=links.INSPECTION_LINK,
        other_id=inspection_action_id,
        actor=actor,
    )
    return Response(status_code=204)
