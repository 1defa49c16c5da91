"""Board meetings and their snapshots: `/meetings`, `/meetings/{meeting_id}` and
`/meetings/{meeting_id}/snapshot`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from app.core.auth.keys import Editor, Viewer
from app.core.db.session import SessionDep
from app.core.errors import Archived, Duplicate, MeetingNotHeld, SnapshotTaken
from app.core.http.concurrency import (
    IfMatchDep,
    client_has,
    conditional_read,
    created,
    not_modified,
)
from app.core.http.idempotency import REPLAY_HEADER, IdempotencyDep
from app.core.http.listing import ListParams, sorted_by
from app.core.http.locations import url_for
from app.core.http.responses import NOT_MODIFIED, READ_BY_ID, problems
from app.core.http.schemas import IsoDate, TextFilters
from app.dependencies import MeetingDep
from app.meetings import schedules, service, snapshots
from app.meetings.pack import meeting_pack
from app.meetings.schemas import (
    MeetingCreate,
    MeetingPage,
    MeetingRead,
    MeetingSchedule,
    MeetingScheduleCreate,
    MeetingSnapshotRead,
    MeetingUpdate,
)
from app.plans.service import get_plan
from app.reports.rendering import (
    DOWNLOAD_HEADERS,
    ReportFormat,
    choose_format,
    pack_etag,
    render_pack,
    respond,
)
from app.reports.router import DOCUMENT_CONTENT

router = APIRouter(tags=["Meetings"])

REPLAYED = (
    "A retry with the same `Idempotency-Key` and body gets this response again, with "
    f"`{REPLAY_HEADER}: true`."
)


@router.get("/meetings", response_model=MeetingPage, responses=problems())
async def list_meetings(
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(service.SORTABLE),
    plan_id: Annotated[
        TextFilters, Query(description="Only meetings about this plan; repeat for any of several.")
    ] = [],  # noqa: B006
    board: Annotated[
        TextFilters,
        Query(description="Only meetings of this board (`GABB`); repeat for any of several."),
    ] = [],  # noqa: B006
    date_from: Annotated[IsoDate | None, Query(description="Held on or after this day.")] = None,
    date_to: Annotated[IsoDate | None, Query(description="Held on or before this day.")] = None,
    partners_attending: Annotated[
        bool | None, Query(description="Only meetings partners attend (true) or not (false).")
    ] = None,
) -> MeetingPage:
    """List board meetings. Sortable by `date` (the default) and `created_at`."""
    result = await service.list_meetings(
        session=session,
        params=params,
        filters=service.MeetingFilters(
            plan_id=plan_id,
            board=board,
            date_from=date_from,
            date_to=date_to,
            partners_attending=partners_attending,
        ),
    )
    return params.page(result, MeetingPage, service.page_reads(result))


@router.post(
    "/meetings",
    response_model=MeetingRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(conflicts=(Archived, Duplicate)),
        201: {"description": "Created. " + REPLAYED},
    },
)
async def create_meeting(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Editor,
    body: MeetingCreate,
    idempotency: IdempotencyDep,
) -> MeetingRead | JSONResponse:
    """Add a board meeting. 422 when the plan does not exist; 409 when it is archived or the
    board already meets about the plan that day (naming that meeting)."""
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    try:
        read = await service.create_meeting(
            session=session,
            data=body,
            actor=actor,
            idempotency=idempotency,
            location_for=lambda meeting_id: url_for(
                request, "get_meeting", "meeting_id", meeting_id
            ),
        )
    except IntegrityError:
        replay = await idempotency.replay_after_clash(session)
        if replay is None:
            raise
        return replay
    return created(response, read, url_for(request, "get_meeting", "meeting_id", read.id))


@router.post(
    "/meetings/schedule",
    response_model=MeetingSchedule,
    status_code=status.HTTP_201_CREATED,
    responses={**problems(conflicts=(Archived,)), 201: {"description": "Created. " + REPLAYED}},
)
async def create_meeting_schedule(
    session: SessionDep,
    actor: Editor,
    body: MeetingScheduleCreate,
    idempotency: IdempotencyDep,
) -> MeetingSchedule | JSONResponse:
    """Create a run of a board's meetings, such as a year of GABB meetings with partners at
    every second one.

    The board, how often it meets and how often partners attend come from the body, or else
    from the plan's `meeting_schedule` (Stockton's: the Good and Beyond Board, monthly,
    partners every second meeting), or else from the service's defaults (GABB, monthly,
    partners every second meeting); the response says which. Monthly meetings fall on the
    same day of each month as `first_date` (the month's last day when it is shorter).
    Days the board already meets about the plan are skipped and listed in
    `skipped_dates`, so running the same schedule again creates nothing. 422 when the plan
    does not exist, 409 when it is archived.
    """
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    try:
        return await schedules.create_schedule(
            session=session, data=body, actor=actor, idempotency=idempotency
        )
    except IntegrityError:
        replay = await idempotency.replay_after_clash(session)
        if replay is None:
            raise
        return replay


@router.get("/meetings/{meeting_id}", response_model=MeetingRead, responses=READ_BY_ID)
async def get_meeting(
    request: Request, response: Response, session: SessionDep, _: Viewer, meeting: MeetingDep
) -> MeetingRead | Response:
    """Get a meeting. Sends an `ETag`; `If-None-Match` gives 304."""
    read = await service.read_meeting(session=session, meeting=meeting)
    return conditional_read(request, response, read)


@router.patch(
    "/meetings/{meeting_id}",
    response_model=MeetingRead,
    responses=problems(404, 412, 428, conflicts=(Duplicate, SnapshotTaken)),
)
async def update_meeting(
    session: SessionDep,
    actor: Editor,
    meeting: MeetingDep,
    if_match: IfMatchDep,
    body: MeetingUpdate,
) -> MeetingRead:
    """Change a meeting. Needs `If-Match`. 409 when the board already meets about the plan on
    the new day, or when the meeting's snapshot is taken and the board or date would change."""
    current = await service.read_meeting(session=session, meeting=meeting)
    return await if_match.change(
        current,
        lambda: service.update_meeting(
            session=session, meeting=meeting, current=current, data=body, actor=actor
        ),
        lambda changed: MeetingRead.of(changed, current.snapshot_id),
    )


@router.post(
    "/meetings/{meeting_id}/snapshot",
    response_model=MeetingSnapshotRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(404, conflicts=(SnapshotTaken, MeetingNotHeld)),
        201: {"description": "Taken. " + REPLAYED},
    },
)
async def create_meeting_snapshot(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Editor,
    meeting: MeetingDep,
    idempotency: IdempotencyDep,
) -> MeetingSnapshotRead | JSONResponse:
    """Freeze the plan for the meeting's papers, as it stood at the end of the meeting's date:
    the summary by area, the exceptions and the whole plan tree. No body.

    A snapshot is taken once and never changes, whatever happens to the plan later (the
    database refuses to change it). 409 naming the snapshot when there is one already, and
    when the meeting's date has not come yet.
    """
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    location = url_for(request, "get_meeting_snapshot", "meeting_id", meeting.id)
    try:
        read = await snapshots.create_snapshot(
            session=session,
            meeting=meeting,
            actor=actor,
            idempotency=idempotency,
            location=location,
        )
    except IntegrityError:
        replay = await idempotency.replay_after_clash(session)
        if replay is None:
            raise
        return replay
    response.headers["Location"] = location
    return read


@router.get(
    "/meetings/{meeting_id}/snapshot",
    response_model=MeetingSnapshotRead,
    responses={
        **problems(404, 406),
        **NOT_MODIFIED,
        200: {
            "description": "The snapshot as JSON (default), or the meeting's board pack: HTML "
            "or PDF (cover, ratings by area, movement, trend over the board's snapshots, "
            "exceptions, overdue and slipped actions, inspection coverage, every action, the "
            "rating definitions), XLSX (the same as a workbook) or CSV (every action). Each "
            "download is named by the plan's key, the board and the day in "
            "`Content-Disposition`.",
            "headers": DOWNLOAD_HEADERS,
            "content": DOCUMENT_CONTENT,
        },
    },
)
async def get_meeting_snapshot(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    meeting: MeetingDep,
    format_: Annotated[
        ReportFormat | None,
        Query(
            alias="format",
            description="`json`, `csv`, `xlsx`, `html` or `pdf`; overrides `Accept`.",
        ),
    ] = None,
) -> MeetingSnapshotRead | Response:
    """The meeting's snapshot, with rating movement since the snapshot of the same board's
    latest earlier meeting about the plan. 404 until one is taken. Sends an `ETag`;
    `If-None-Match` gives 304, in every format."""
    chosen = choose_format(request, format_)
    read = await snapshots.get_snapshot(session=session, meeting=meeting)
    if chosen == ReportFormat.json:
        return conditional_read(request, response, read)
    pack = await meeting_pack(
        session=session,
        meeting=meeting,
        plan=await get_plan(session=session, plan_id=meeting.plan_id),
        read=read,
    )
    etag = pack_etag(pack, chosen)
    if client_has(request, etag):
        return not_modified(etag, by_accept=True)
    # Rendering a PDF or a workbook is CPU work: off the event loop.
    return respond(await run_in_threadpool(render_pack, pack, chosen, etag))
