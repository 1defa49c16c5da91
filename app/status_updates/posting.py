"""Posting one status update on an action, and the action's state it decides."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import FieldError, Forbidden, RulesBroken
from app.core.http.idempotency import Idempotency
from app.core.resources import audit
from app.models import Action, ActionLeadOfficer, Officer, Role, StatusUpdate, clock, utcnow
from app.status_updates.rules import (
    audit_new_update,
    author_error,
    new_update,
    own_author,
    rule_errors,
)
from app.status_updates.schemas import StatusUpdateCreate, StatusUpdateRead
from app.status_updates.state import refresh_action_state


async def _leads(session: AsyncSession, action_id: str) -> set[str]:
    return set(
        (
            await session.scalars(
                sa.select(col(ActionLeadOfficer.officer_id)).where(
                    col(ActionLeadOfficer.action_id) == action_id
                )
            )
        ).all()
    )


async def _corrected(
    session: AsyncSession, action: Action, corrects_update_id: str
) -> StatusUpdate:
    corrected = await session.get(StatusUpdate, corrects_update_id)
    problem = None
    if corrected is None or corrected.action_id != action.id:
        problem = "no update of this action has this id"
    elif await session.scalar(
        sa.select(col(StatusUpdate.id)).where(
            col(StatusUpdate.corrects_update_id) == corrects_update_id
        )
    ):
        problem = "that update has already been corrected; correct the correction instead"
    if problem or corrected is None:
        raise RulesBroken(
            f"Cannot correct update '{corrects_update_id}': {problem}.",
            errors=[
                FieldError(field="body.corrects_update_id", message=str(problem), type="invalid")
            ],
        )
    return corrected


async def _may_post(
    session: AsyncSession, action: Action, data: StatusUpdateCreate, actor: Principal
) -> StatusUpdate | None:
    """Refuse an update the caller may not post here; return the update it corrects, if any."""
    if actor.role == Role.contributor and actor.officer_id not in await _leads(session, action.id):
        raise Forbidden("A contributor key may post updates only on actions its officer leads.")
    if action.archived_at is not None:
        raise RulesBroken(
            "The action is archived and takes no updates.",
            errors=[FieldError(field="path.action_id", message="archived", type="archived")],
        )
    corrected = (
        await _corrected(session, action, data.corrects_update_id)
        if data.corrects_update_id
        else None
    )
    if (
        actor.role == Role.contributor
        and corrected is not None
        and corrected.author_officer_id != actor.officer_id
    ):
        raise Forbidden("A contributor key may correct only the updates its own officer wrote.")
    return corrected


async def _own_author(
    session: AsyncSession, data: StatusUpdateCreate, actor: Principal, errors: list[FieldError]
) -> str | None:
    officer = await session.get(Officer, actor.officer_id) if actor.officer_id else None
    own = own_author(actor, officer)
    error = author_error("body.author", actor, own, data.author)
    if error is not None:
        errors.append(error)
    return own


def _audit(
    session: AsyncSession,
    actor: Principal,
    action: Action,
    update: StatusUpdate,
    changed: dict[str, object],
) -> None:
    """The update's own audit event, then the action's, naming the update that moved it."""
    audit_new_update(session, actor, update)
    audit.record(
        session,
        actor=actor,
        entity_type="action",
        entity_id=action.id,
        operation="status_update",
        changes={**changed, "status_update_id": {"before": None, "after": update.id}},
    )


# The rules of an update, the action's new state, audit and idempotency in one transaction.
async def create_status_update(
    *,
    session: AsyncSession,
    action: Action,
    data: StatusUpdateCreate,
    actor: Principal,
    idempotency: Idempotency,
    location_for: Callable[[str], str],
) -> StatusUpdateRead:
    """Record an update, then the action's state it decides, in one transaction."""
    corrected = await _may_post(session, action, data, actor)
    effective = data.effective_date or (corrected.effective_date if corrected else clock.today())
    errors = rule_errors(data, effective)
    own = await _own_author(session, data, actor, errors)
    if errors:
        fields = ", ".join(dict.fromkeys(e.field for e in errors))
        raise RulesBroken(f"The update breaks the rules for: {fields}.", errors=errors)
    update = new_update(action, data, effective, actor, own)
    session.add(update)
    await session.flush()
    changed = await refresh_action_state(session, action)
    if changed:
        action.updated_at = utcnow()
    _audit(session, actor, action, update, changed)
    read = StatusUpdateRead.of(update)
    idempotency.remember(
        session,
        status_code=201,
        body=read.model_dump(mode="json"),
        location=location_for(update.id),
    )
    await session.commit()
    return read
