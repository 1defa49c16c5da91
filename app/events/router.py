"""`/events`: the change feed."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.core.auth.keys import Viewer
from app.core.db.session import SessionDep
from app.core.http.listing import DEFAULT_LIMIT, MAX_LIMIT
from app.core.http.responses import json_bytes_response, problems
from app.core.http.schemas import MAX_FILTER_VALUES, Filters, TextFilters
from app.events import service
from app.events.catalogue import EVENT_TYPES
from app.events.schemas import EventPage, to_json
from app.models import Role

router = APIRouter(tags=["Change feed"])

MAX_WAIT_SECONDS = 30
EventTypeName = StrEnum(  # type: ignore[misc]
    "EventTypeName", {name: name for name in sorted(EVENT_TYPES)}
)


@router.get("/events", response_model=EventPage, responses=problems())
async def list_events(
    request: Request,
    response: Response,
    session: SessionDep,
    principal: Viewer,
    after: Annotated[
        str | None,
        Query(
            max_length=60,
            description="The `next_cursor` of the previous page; leave out to start from the "
            "first event.",
        ),
    ] = None,
    type: Annotated[
        Filters[EventTypeName],
        Query(description="Only events of this type. Repeatable.", max_length=MAX_FILTER_VALUES),
    ] = [],  # noqa: B006
    plan_id: Annotated[
        TextFilters,
        Query(
            description="Only events about this plan's content. Repeatable.",
            max_length=MAX_FILTER_VALUES,
        ),
    ] = [],  # noqa: B006
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Events per page, 1 to {MAX_LIMIT}.")
    ] = DEFAULT_LIMIT,
    wait: Annotated[
        int,
        Query(
            ge=0,
            le=MAX_WAIT_SECONDS,
            description="When no event is ready, wait up to this many seconds for one "
            "before answering (a long poll).",
        ),
    ] = 0,
) -> Response:
    """Every change, oldest first, in an order that never changes: follow `next_cursor`
    and no event is ever missed or repeated. Events about API keys and officers are shown
    to admins only."""
    position = service.parse_cursor(after)
    filters = service.EventFilters(
        types=[t.value for t in type],
        plan_ids=plan_id,
        include_admin_only=principal.role.allows(Role.admin),
    )
    events, more, reached = await service.follow_events(
        session=session,
        write_sessions=request.app.state.write_session_factory,
        after=position,
        filters=filters,
        limit=limit,
        wait_seconds=wait,
    )
    next_cursor = service.cursor_of(reached)
    if more:
        url = request.url.include_query_params(after=next_cursor)
        response.headers["Link"] = f'<{url}>; rel="next"'
    page = {"items": events, "next_cursor": next_cursor, "has_more": more}
    return json_bytes_response(to_json(page), response)
