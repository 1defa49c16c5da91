"""Status updates: posted on an action, listed for reporting, never changed or deleted."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from app.core.auth.keys import Contributor, Viewer
from app.core.db.session import SessionDep
from app.core.http.concurrency import conditional_read
from app.core.http.idempotency import REPLAY_HEADER, DryRunIdempotencyDep, IdempotencyDep
from app.core.http.listing import ListParams, page_of, sorted_by
from app.core.http.locations import url_for
from app.core.http.responses import NOT_MODIFIED, problems
from app.core.http.schemas import DryRun, Filters, IsoDate, IsoDateTime, TextFilters
from app.core.resources.loaders import MAX_ID_LENGTH
from app.dependencies import ActionDep, LockedActionDep
from app.models import RagFilter, StatusUpdate
from app.status_updates import batch, posting, reads
from app.status_updates.schemas import (
    StatusUpdateBatch,
    StatusUpdateBatchResult,
    StatusUpdateCreate,
    StatusUpdatePage,
    StatusUpdateRead,
)

router = APIRouter(tags=["Status updates"])


async def update_from_path(
    session: SessionDep,
    update_id: Annotated[
        str, Path(max_length=MAX_ID_LENGTH, description="The status update's id.")
    ],
) -> StatusUpdate:
    return await reads.get_status_update(session=session, update_id=update_id)


UpdateDep = Annotated[StatusUpdate, Depends(update_from_path)]


async def _page(
    request: Request,
    response: Response,
    session: SessionDep,
    params: ListParams,
    filters: reads.UpdateFilters,
) -> StatusUpdatePage:
    result = await reads.list_status_updates(session=session, params=params, filters=filters)
    items = await reads.read_updates(session=session, updates=result.rows)
    return page_of(request, response, result, StatusUpdatePage, items)


@router.post(
    "/actions/{action_id}/status-updates",
    response_model=StatusUpdateRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(404),
        201: {
            "description": "Recorded. A retry with the same `Idempotency-Key` and body gets "
            f"this response again, with `{REPLAY_HEADER}: true`."
        },
    },
)
async def create_status_update(
    request: Request,
    response: Response,
    session: SessionDep,
    actor: Contributor,
    action: LockedActionDep,
    body: StatusUpdateCreate,
    idempotency: IdempotencyDep,
) -> StatusUpdateRead | JSONResponse:
    """Post a status update on an action; the action's rating, status and last update date
    follow its latest update by effective date, then by entry.

    Contributors may post only on actions their officer leads, and correct only the updates
    their officer wrote. Send `corrects_update_id` to correct an update: the corrected one
    stays, marked as superseded.
    """
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    try:
        read = await posting.create_status_update(
            session=session,
            action=action,
            data=body,
            actor=actor,
            idempotency=idempotency,
            location_for=lambda update_id: url_for(
                request, "get_status_update", "update_id", update_id
            ),
        )
    except IntegrityError:
        replay = await idempotency.replay_after_clash(session)
        if replay is None:
            raise
        return replay
    response.headers["Location"] = url_for(request, "get_status_update", "update_id", read.id)
    return read


@router.get(
    "/actions/{action_id}/status-updates", response_model=StatusUpdatePage, responses=problems(404)
)
async def list_action_status_updates(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    action: ActionDep,
    params: ListParams = sorted_by(reads.SORTABLE),
) -> StatusUpdatePage:
    """An action's status updates, superseded ones included. Sortable by `created_at`
    (default) and `effective_date`."""
    filters = reads.UpdateFilters(action_id=[action.id])
    return await _page(request, response, session, params, filters)


@router.get("/status-updates", response_model=StatusUpdatePage, responses=problems())
async def list_status_updates(
    request: Request,
    response: Response,
    session: SessionDep,
    _: Viewer,
    params: ListParams = sorted_by(reads.SORTABLE),
    plan_id: Annotated[TextFilters, Query(description="Only this plan's. Repeatable.")] = [],  # noqa: B006
    area_id: Annotated[TextFilters, Query(description="Only this area's. Repeatable.")] = [],  # noqa: B006
    action_id: Annotated[TextFilters, Query(description="Only this action's. Repeatable.")] = [],  # noqa: B006
    author: Annotated[TextFilters, Query(description="Only by this author. Repeatable.")] = [],  # noqa: B006
    rag: Annotated[
        Filters[RagFilter], Query(description="Only with this rating; `none` for not rated.")
    ] = [],  # noqa: B006
    effective_from: Annotated[
        IsoDate | None, Query(description="Effective on or after this date.")
    ] = None,
    effective_to: Annotated[
        IsoDate | None, Query(description="Effective on or before this date.")
    ] = None,
    created_since: Annotated[
        IsoDateTime | None, Query(description="Recorded at or after this time (RFC 3339).")
    ] = None,
) -> StatusUpdatePage:
    """All status updates, for reporting. Sortable by `created_at` (default) and
    `effective_date`."""
    filters = reads.UpdateFilters(
        plan_id=plan_id,
        area_id=area_id,
        action_id=action_id,
        author=author,
        rag=rag,
        effective_from=effective_from,
        effective_to=effective_to,
        created_since=created_since,
    )
    return await _page(request, response, session, params, filters)


@router.get(
    "/status-updates/{update_id}",
    response_model=StatusUpdateRead,
    responses={**problems(404), **NOT_MODIFIED},
)
async def get_status_update(
    request: Request, response: Response, session: SessionDep, _: Viewer, update: UpdateDep
) -> StatusUpdateRead | Response:
    """One status update, with the update that supersedes it if it was corrected."""
    read = (await reads.read_updates(session=session, updates=[update]))[0]
    return conditional_read(request, response, read)


@router.post(
    "/status-updates/batch",
    response_model=StatusUpdateBatchResult,
    status_code=status.HTTP_201_CREATED,
    responses={
        **problems(),
        200: {
            "model": StatusUpdateBatchResult,
            "description": "A dry run's preview (`dry_run: true`): nothing was stored.",
        },
        201: {
            "description": "Stored. A retry with the same `Idempotency-Key` and body gets "
            f"this response again, with `{REPLAY_HEADER}: true`."
        },
    },
)
async def create_status_update_batch(
    response: Response,
    session: SessionDep,
    actor: Contributor,
    body: StatusUpdateBatch,
    dry_run: DryRun,
    idempotency: DryRunIdempotencyDep,
) -> StatusUpdateBatchResult | JSONResponse:
    """Post up to 500 status updates at once, as the monthly round sends them.

    Each item is checked by the rules of a single update, and contributors may post only on
    actions their officer leads. By default the batch is all or nothing: one broken item
    stores nothing, and the 422 names every broken item and field (`body.items[3].rag`).
    One `Idempotency-Key` covers the whole batch.

    With `dry_run=true` the batch is checked by the same rules and gets the same errors, and
    a 200 answers the updates it would store; nothing is stored, and an `Idempotency-Key` is
    neither used nor kept.
    """
    replay = idempotency.replayed_response()
    if replay is not None:
        return replay
    result = await batch.create_status_updates(
        session=session, batch=body, actor=actor, idempotency=idempotency, dry_run=dry_run
    )
    if dry_run:
        response.status_code = status.HTTP_200_OK
    return result
