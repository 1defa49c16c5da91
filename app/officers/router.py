"""Lead officers: `/officers` and `/officers/{officer_id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Admin, Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, HasDependents
from app.core.http.concurrency import IfMatchDep, conditional_read, with_etag
from app.core.http.idempotency import IdempotencyDep, as_read
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import READ_BY_ID, problems
from app.core.http.schemas import TextFilters
from app.dependencies import OfficerDep
from app.models import Officer
from app.officers import service
from app.officers.schemas import OfficerCreate, OfficerPage, OfficerRead, OfficerUpdate

router = APIRouter(tags=["Officers"])


@router.get("/officers", responses=problems())
async def list_officers(
    session: SessionDep,
    actor: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    q: Annotated[
        str | None, Query(max_length=200, description="Text the name contains (any case).")
    ] = None,
    is_role: Annotated[
        bool | None,
        Query(description="Only roles and groups (`true`) or only named people (`false`)."),
    ] = None,
    organisation: Annotated[
        TextFilters, Query(description="Only officers of this organisation; repeat for several.")
    ] = [],  # noqa: B006
    plan_id: Annotated[
        TextFilters,
        Query(
            description="Only officers leading at least one live action in this plan; "
            "repeat for any of several."
        ),
    ] = [],  # noqa: B006
    include_archived: Annotated[bool, Query(description="Include archived officers.")] = False,
) -> OfficerPage:
    """List lead officers.

    Sortable by `name` (the default), `created_at`, `updated_at`. Officers' details are
    personal data: each officer on the page is recorded in the audit log as read.
    """
    result = await service.list_officers(
        session=session,
        params=params,
        q=q,
        is_role=is_role,
        organisation=organisation,
        plan_id=plan_id,
        include_archived=include_archived,
    )
    await service.record_reads(session=session, officers=result.rows, actor=actor)
    return params.page(result, OfficerPage, OfficerRead.model_validate)


@router.post(
    "/officers",
    response_model=OfficerRead,
    status_code=status.HTTP_201_CREATED,
    responses=problems(conflicts=(Duplicate,)),
)
async def create_officer(
    session: SessionDep, actor: Editor, body: OfficerCreate, idempotency: IdempotencyDep
) -> OfficerRead | JSONResponse:
    """Add a lead officer: a person, or a role such as "DCS"."""
    return await idempotency.create(
        lambda: service.create_officer(session=session, data=body, actor=actor),
        as_read(OfficerRead),
        Officer,
        ("get_officer", "officer_id"),
    )


@router.get("/officers/{officer_id}", response_model=OfficerRead, responses=READ_BY_ID)
async def get_officer(
    request: Request, response: Response, session: SessionDep, actor: Viewer, officer: OfficerDep
) -> OfficerRead | Response:
    """Get an officer, archived or not. Sends an `ETag`; `If-None-Match` gives 304.

    An officer's details are personal data: every read is recorded in the audit log.
    """
    await service.record_read(session=session, officer=officer, actor=actor)
    return conditional_read(request, response, OfficerRead.model_validate(officer))


@router.patch(
    "/officers/{officer_id}", responses=problems(404, 412, 428, conflicts=(Archived, Duplicate))
)
async def update_officer(
    session: SessionDep,
    actor: Editor,
    officer: OfficerDep,
    if_match: IfMatchDep,
    body: OfficerUpdate,
) -> OfficerRead:
    """Change an officer. Needs `If-Match`."""
    return await if_match.change(
        OfficerRead.model_validate(officer),
        lambda: service.update_officer(session=session, officer=officer, data=body, actor=actor),
        OfficerRead.model_validate,
    )


@router.delete(
    "/officers/{officer_id}", responses=problems(404, 412, 428, conflicts=(Archived, HasDependents))
)
async def archive_officer(
    session: SessionDep, actor: Editor, officer: OfficerDep, if_match: IfMatchDep
) -> OfficerRead:
    """Archive an officer. Needs `If-Match`; 409 naming the live actions they still lead."""
    return await if_match.change(
        OfficerRead.model_validate(officer),
        lambda: service.archive_officer(session=session, officer=officer, actor=actor),
        OfficerRead.model_validate,
    )


@router.post("/officers/{officer_id}/restore", responses=problems(404))
async def restore_officer(
    response: Response, session: SessionDep, actor: Admin, officer: OfficerDep
) -> OfficerRead:
    """Restore an archived officer (admin)."""
    officer = await service.restore_officer(session=session, officer=officer, actor=actor)
    return with_etag(response, OfficerRead.model_validate(officer))
