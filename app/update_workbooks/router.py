"""The officer's update workbook: `/officers/{officer_id}/update-workbook`, downloaded for
the monthly round and uploaded filled in.

It lives under the officer because it is the officer's: the actions they lead, `me` for
the caller's own, as `lead_officer_id=me` on the lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Path, Response, UploadFile, status
from fastapi.responses import JSONResponse

from app.core.auth.keys import Contributor, Principal, authenticate
from app.core.config import Settings
from app.core.db.session import SessionDep
from app.core.http.idempotency import REPLAY_HEADER, DryRunIdempotencyDep
from app.core.http.responses import problems
from app.core.http.schemas import DryRun
from app.core.resources.loaders import MAX_ID_LENGTH
from app.models import Officer
from app.reports.formats import XLSX_TYPE
from app.status_updates.schemas import StatusUpdateBatchResult
from app.update_workbooks import service

DEFAULT_BODY_LIMIT = Settings.model_fields["max_request_body_bytes"].default
PATH = "/officers/{officer_id}/update-workbook"

router = APIRouter(tags=["Status updates"])


async def workbook_officer(
    session: SessionDep,
    # The route's own `Contributor` checks the role first; this is the same principal.
    actor: Annotated[Principal, Depends(authenticate)],
    officer_id: Annotated[
        str,
        Path(
            max_length=MAX_ID_LENGTH,
            description="The officer's id, or `me` for the officer you act for.",
        ),
    ],
) -> Officer:
    return await service.officer_for(session, officer_id, actor)


WorkbookOfficer = Annotated[Officer, Depends(workbook_officer)]


@router.get(
    PATH,
    response_class=Response,
    responses={
        **problems(404),
        200: {
            "description": "The workbook, named by the plan's key and the officer "
            "(`stockton-2023-jane-smith-updates.xlsx`).",
            "content": {XLSX_TYPE: {"schema": {"type": "string", "format": "binary"}}},
            "headers": {
                "Content-Disposition": {
                    "description": "The file name: the plan's key (when every action is in "
                    "one plan) and the officer's name.",
                    "schema": {"type": "string"},
                }
            },
        },
    },
)
async def get_update_workbook(
    session: SessionDep, actor: Contributor, officer: WorkbookOfficer
) -> Response:
    """An Excel workbook of the live actions the officer leads, for the monthly round: each
    action's ref, title, area and objective, due date, rating, status, and its last
    update's narrative and next steps, locked; then input cells for a new rating and status
    (drop-down lists), narrative, next steps, reason and effective date (a date no later
    than today). A hidden column carries each action's id and how many updates it had.

    Contributors may download only their own officer's (`me`); editors anyone's. Reading
    it is recorded in the audit log as a read of the officer's details."""
    name, content = await service.workbook_for(session=session, officer=officer, actor=actor)
    return Response(
        content,
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    PATH,
    response_model=StatusUpdateBatchResult,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(404),
        412: {
            **problems(412)[412],
            "description": "A filled row's action has had a status update since the workbook "
            "was written; `errors` names each such row. Nothing was posted.",
        },
        200: {
            "model": StatusUpdateBatchResult,
            "description": "A dry run's preview (`dry_run: true`): nothing was posted.",
        },
        201: {
            "description": "Posted. A retry with the same `Idempotency-Key` and file gets "
            f"this response again, with `{REPLAY_HEADER}: true`."
        },
    },
)
async def post_update_workbook(
    response: Response,
    session: SessionDep,
    actor: Contributor,
    officer: WorkbookOfficer,
    dry_run: DryRun,
    idempotency: DryRunIdempotencyDep,
    file: Annotated[
        UploadFile,
        File(
            description="The officer's update workbook (.xlsx), filled in. The whole request "
            "may be at most `IPA_MAX_REQUEST_BODY_BYTES` (1 MiB by default).",
            json_schema_extra={"maxLength": DEFAULT_BODY_LIMIT},
        ),
    ],
) -> StatusUpdateBatchResult | JSONResponse:
    """Post the filled rows of the workbook as one status update batch
    (`POST /status-updates/batch`), by its rules and all or nothing. Rows with every input
    cell blank are skipped. A 422 names each broken cell by sheet, row and column
    (`file: sheet "Updates", row 7, column N ("New rating")`).

    A row whose action has had an update since the workbook was written is refused with
    412: download a new workbook. A file that is not this officer's update workbook (not
    an .xlsx, another workbook, another officer's, nothing filled in) is a 422 naming
    `body.file`. One `Idempotency-Key` covers the upload.

    With `dry_run=true` the file gets every check and the same errors (the 412 too), and a
    200 answers the updates it would post; nothing is posted, and an `Idempotency-Key` is
    neither used nor kept."""
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    result = await service.post_workbook(
        session=session,
        officer=officer,
        actor=actor,
        content=await file.read(),
        idempotency=idempotency,
        dry_run=dry_run,
    )
    if dry_run:
        response.status_code = status.HTTP_200_OK
    return result
