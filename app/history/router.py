"""`/audit-events` (admin) and `/actions/{action_id}/history`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.core.auth.keys import Admin, Viewer
from app.core.db.session import SessionDep
from app.core.http.listing import ListParams, sorted_by
from app.core.http.responses import problems
from app.core.http.schemas import IsoDateTime, TextFilters
from app.dependencies import ActionDep
from app.history import service
from app.history.schemas import ActionHistory, AuditEventPage, AuditEventRead

router = APIRouter(tags=["History and audit"])


@router.get("/actions/{action_id}/history", responses=problems(404))
async def get_action_history(session: SessionDep, _: Viewer, action: ActionDep) -> ActionHistory:
    """Every change to the action, its due-date revisions and its status updates (with the
    rating changes they made), oldest first."""
    return await service.action_history(session=session, action=action)


@router.get("/audit-events", responses=problems())
async def list_audit_events(
    session: SessionDep,
    _: Admin,
    params: ListParams = sorted_by(service.SORTABLE, changed_since=False),
    entity_type: Annotated[
        TextFilters, Query(description="Only events on this kind of item. Repeatable.")
    ] = [],  # noqa: B006
    entity_id: Annotated[
        TextFilters, Query(description="Only events on this item. Repeatable.")
    ] = [],  # noqa: B006
    actor: Annotated[TextFilters, Query(description="Only events by this actor. Repeatable.")] = [],  # noqa: B006
    actor_key_id: Annotated[
        TextFilters, Query(description="Only events by this API key. Repeatable.")
    ] = [],  # noqa: B006
    operation: Annotated[TextFilters, Query(description="Only this operation. Repeatable.")] = [],  # noqa: B006
    since: Annotated[IsoDateTime | None, Query(description="At or after this time.")] = None,
    until: Annotated[IsoDateTime | None, Query(description="Before this time.")] = None,
) -> AuditEventPage:
    """Who changed what and when, for every write (admin). Oldest first; `sort=-occurred_at`
    for newest first."""
    filters = service.AuditFilters(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        actor_key_id=actor_key_id,
        operation=operation,
        since=since,
        until=until,
    )
    result = await service.list_audit_events(session=session, params=params, filters=filters)
    return params.page(result, AuditEventPage, AuditEventRead.model_validate)
