"""Every event type, what it describes, and how its resource is represented: one place.

An event is named `resource.past_tense_verb`. Its `data` is the resource as the API's own
read shows it after the change, built by the same functions the routes use.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence, Set
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from app.actions.rendering import render_actions
from app.actions.schemas import ActionRead
from app.api_keys.schemas import ApiKeyRead
from app.areas.schemas import AreaRead
from app.events.schemas import WebhookRead
from app.inspection_actions.schemas import InspectionActionRead
from app.inspection_actions.service import read_inspection_actions
from app.meetings.schemas import MeetingRead
from app.models import (
    Action,
    ApiKey,
    Area,
    AuditEvent,
    InspectionAction,
    Meeting,
    MeetingSnapshot,
    Objective,
    Officer,
    Outcome,
    Plan,
    StatusUpdate,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    Webhook,
)
from app.objectives.schemas import ObjectiveRead
from app.officers.schemas import OfficerRead
from app.outcomes.schemas import OutcomeRead
from app.plans.schemas import PlanRead
from app.status_updates.reads import read_updates
from app.status_updates.schemas import StatusUpdateRead
from app.strategies.schemas import StrategyRead
from app.strategies.service import read_strategies
from app.strategy_links.schemas import StrategyLinkRead
from app.success_criteria.schemas import SuccessCriterionRead
from app.success_criteria.service import read_many as read_criteria


@dataclass(frozen=True)
class Rendered:
    """A resource after a change: its plan (if any), its URL path and its representation."""

    plan_id: str | None
    path: str
    data: BaseModel


# Called with the session, the ids, and those of the ids created in the same transaction.
Renderer = Callable[[AsyncSession, Sequence[str], Set[str]], Awaitable[dict[str, Rendered]]]


@dataclass(frozen=True)
class Resource:
    """A kind of resource the feed reports on."""

    name: str
    schema: type[BaseModel]
    render: Renderer
    # API keys and officers' personal data: only admins see their events.
    admin_only: bool = False


def _held(session: AsyncSession, model: type[SQLModel], row_id: str) -> Any | None:
    """The row as the session holds it, when every column of it is loaded: a query would
    return that same object and leave its loaded values as they are."""
    mapper = sa.inspect(model)
    found = session.identity_map.get(mapper.identity_key_from_primary_key((row_id,)))
    if found is None:
        return None
    state = sa.inspect(found)
    if not state.persistent or not state.unloaded.isdisjoint(mapper.column_attrs.keys()):
        return None
    return found


async def _rows(session: AsyncSession, model: type[SQLModel], ids: Sequence[str]) -> list[Any]:
    """The rows by id: those the transaction has loaded or written already as the session
    holds them, without reading them again, and the others in one query."""
    held = [row for row in (_held(session, model, i) for i in ids) if row is not None]
    found = {row.id for row in held}
    missing = [i for i in ids if i not in found]
    if not missing:
        return held
    id_column = getattr(model, "id")  # noqa: B009
    query = sa.select(model).where(col(id_column).in_(missing))
    return held + list((await session.scalars(query)).all())


def _simple(model: type[SQLModel], schema: type[BaseModel], path: str) -> Renderer:
    async def render(session: AsyncSession, ids: Sequence[str], _: Set[str]) -> dict[str, Rendered]:
        return {
            row.id: Rendered(
                plan_id=row.id if model is Plan else getattr(row, "plan_id", None),
                path=path.format(id=row.id),
                data=schema.model_validate(row),
            )
            for row in await _rows(session, model, ids)
        }

    return render


async def _actions(session: AsyncSession, ids: Sequence[str], _: Set[str]) -> dict[str, Rendered]:
    reads = await render_actions(session, ids)
    return {r.id: Rendered(r.plan_id, f"/actions/{r.id}", r) for r in reads}


async def _status_updates(
    session: AsyncSession, ids: Sequence[str], created: Set[str]
) -> dict[str, Rendered]:
    rows = await _rows(session, StatusUpdate, ids)
    # A correction names an update stored before it, so one made now is corrected by none.
    reads = await read_updates(session=session, updates=[u for u in rows if u.id not in created])
    reads += [StatusUpdateRead.of(u) for u in rows if u.id in created]
    return {r.id: Rendered(r.plan_id, f"/status-updates/{r.id}", r) for r in reads}


async def _criteria(session: AsyncSession, ids: Sequence[str], _: Set[str]) -> dict[str, Rendered]:
    reads = await read_criteria(
        session=session, criteria=await _rows(session, SuccessCriterion, ids)
    )
    return {r.id: Rendered(r.plan_id, f"/success-criteria/{r.id}", r) for r in reads}


async def _strategies(
    session: AsyncSession, ids: Sequence[str], _: Set[str]
) -> dict[str, Rendered]:
    reads = await read_strategies(session=session, strategies=await _rows(session, Strategy, ids))
    return {r.id: Rendered(r.plan_id, f"/strategies/{r.id}", r) for r in reads}


async def _inspection_actions(
    session: AsyncSession, ids: Sequence[str], _: Set[str]
) -> dict[str, Rendered]:
    rows = await _rows(session, InspectionAction, ids)
    reads = await read_inspection_actions(session=session, inspection_actions=rows)
    return {r.id: Rendered(r.plan_id, f"/inspection-actions/{r.id}", r) for r in reads}


async def _strategy_links(
    session: AsyncSession, ids: Sequence[str], _: Set[str]
) -> dict[str, Rendered]:
    rows = (
        await session.execute(
            sa.select(StrategyLink, col(Action.plan_id))
            .join(Action, col(Action.id) == col(StrategyLink.action_id))
            .where(col(StrategyLink.id).in_(ids))
        )
    ).all()
    return {
        link.id: Rendered(
            plan_id, f"/strategy-links/{link.id}", StrategyLinkRead.model_validate(link)
        )
        for link, plan_id in rows
    }


async def _meetings(session: AsyncSession, ids: Sequence[str], _: Set[str]) -> dict[str, Rendered]:
    rows = (
        await session.execute(
            sa.select(Meeting, col(MeetingSnapshot.id))
            .outerjoin(MeetingSnapshot, col(MeetingSnapshot.meeting_id) == col(Meeting.id))
            .where(col(Meeting.id).in_(ids))
        )
    ).all()
    return {
        meeting.id: Rendered(
            meeting.plan_id, f"/meetings/{meeting.id}", MeetingRead.of(meeting, snapshot_id)
        )
        for meeting, snapshot_id in rows
    }


async def _snapshots(session: AsyncSession, ids: Sequence[str], _: Set[str]) -> dict[str, Rendered]:
    """A snapshot is reported by its meeting, which now names it: the frozen plan itself
    is large, and is one GET away at the event's URL."""
    rows = (
        await session.execute(
            sa.select(MeetingSnapshot.id, Meeting)  # type: ignore[call-overload]
            .join(Meeting, col(Meeting.id) == col(MeetingSnapshot.meeting_id))
            .where(col(MeetingSnapshot.id).in_(ids))
        )
    ).all()
    return {
        snapshot_id: Rendered(
            meeting.plan_id,
            f"/meetings/{meeting.id}/snapshot",
            MeetingRead.of(meeting, snapshot_id),
        )
        for snapshot_id, meeting in rows
    }


RESOURCES: dict[str, Resource] = {
    resource.name: resource
    for resource in (
        Resource("plan", PlanRead, _simple(Plan, PlanRead, "/plans/{id}")),
        Resource("area", AreaRead, _simple(Area, AreaRead, "/areas/{id}")),
        Resource("outcome", OutcomeRead, _simple(Outcome, OutcomeRead, "/outcomes/{id}")),
        Resource("objective", ObjectiveRead, _simple(Objective, ObjectiveRead, "/objectives/{id}")),
        Resource("action", ActionRead, _actions),
        Resource("success_criterion", SuccessCriterionRead, _criteria),
        Resource("strategy", StrategyRead, _strategies),
        Resource("strategy_link", StrategyLinkRead, _strategy_links),
        Resource("inspection_action", InspectionActionRead, _inspection_actions),
        Resource("status_update", StatusUpdateRead, _status_updates),
        Resource("meeting", MeetingRead, _meetings),
        Resource("meeting_snapshot", MeetingRead, _snapshots),
        Resource(
            "officer", OfficerRead, _simple(Officer, OfficerRead, "/officers/{id}"), admin_only=True
        ),
        Resource(
            "api_key", ApiKeyRead, _simple(ApiKey, ApiKeyRead, "/api-keys/{id}"), admin_only=True
        ),
        Resource(
            "webhook", WebhookRead, _simple(Webhook, WebhookRead, "/webhooks/{id}"), admin_only=True
        ),
    )
}


@dataclass(frozen=True)
class EventType:
    """One kind of event: its name, the resource it carries, and when it happens."""

    name: str
    resource: str
    description: str


def _lifecycle(resource: str, label: str, *, restorable: bool = True) -> list[EventType]:
    types = [
        EventType(f"{resource}.created", resource, f"A {label} was created."),
        EventType(f"{resource}.updated", resource, f"A {label} was changed."),
        EventType(f"{resource}.archived", resource, f"A {label} was archived."),
    ]
    if restorable:
        types.append(
            EventType(f"{resource}.restored", resource, f"An archived {label} was restored.")
        )
    return types


EVENT_TYPES: dict[str, EventType] = {
    event_type.name: event_type
    for event_type in (
        *_lifecycle("plan", "plan"),
        *_lifecycle("area", "improvement area"),
        *_lifecycle("outcome", "outcome"),
        *_lifecycle("objective", "objective"),
        *_lifecycle("action", "action"),
        EventType(
            "due_date.revised",
            "action",
            "An action's due date was changed, with a reason; the action follows "
            "(`due_date`, `original_due_date`). Sent beside `action.updated`.",
        ),
        *_lifecycle("success_criterion", "success criterion"),
        *_lifecycle("strategy", "strategy"),
        *_lifecycle("strategy_link", "strategy link", restorable=False),
        *_lifecycle("inspection_action", "inspection action"),
        EventType(
            "status_update.created",
            "status_update",
            "A status update was posted on an action (or a correction of one); the action's "
            "new rating follows in `action.updated`.",
        ),
        EventType("meeting.created", "meeting", "A board meeting was scheduled."),
        EventType("meeting.updated", "meeting", "A board meeting was changed."),
        EventType(
            "meeting.snapshot_created",
            "meeting_snapshot",
            "The plan was frozen for a meeting's papers; `data` is the meeting, naming its "
            "snapshot, and the resource URL is the snapshot's.",
        ),
        *_lifecycle("officer", "lead officer"),
        EventType("api_key.created", "api_key", "An API key was created (admins only)."),
        EventType("api_key.revoked", "api_key", "An API key was revoked (admins only)."),
        EventType("api_key.rotated", "api_key", "An API key was rotated (admins only)."),
        EventType("webhook.created", "webhook", "A webhook subscription was made (admins only)."),
        EventType(
            "webhook.updated", "webhook", "A webhook subscription was changed (admins only)."
        ),
        EventType(
            "webhook.archived", "webhook", "A webhook subscription was deleted (admins only)."
        ),
        EventType(
            "webhook.disabled",
            "webhook",
            "The service stopped a subscription whose deliveries had failed for days "
            "(admins only).",
        ),
    )
}

_VERBS = {
    "create": "created",
    "correct": "created",
    "update": "updated",
    "archive": "archived",
    "restore": "restored",
    "revoke": "revoked",
    "rotate": "rotated",
    "disable": "disabled",
    # A change to an action's links or rating is a change to the action as shown.
    "link": "updated",
    "unlink": "updated",
    "status_update": "updated",
}


def event_types_of(change: AuditEvent) -> list[str]:
    """The event types an audited change makes; none for reads."""
    if change.entity_type == "meeting_snapshot":
        return ["meeting.snapshot_created"] if change.operation == "create" else []
    verb = _VERBS.get(change.operation)
    if verb is None:
        return []
    name = f"{change.entity_type}.{verb}"
    if name not in EVENT_TYPES:
        raise LookupError(f"'{name}' is not in the event catalogue")
    names = [name]
    if (
        change.entity_type == "action"
        and change.operation == "update"
        and "due_date" in change.changes
    ):
        names.append("due_date.revised")
    return names
