"""The rules every status update keeps, whether posted alone or in a batch, and how the
audit trail records one."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.auth.keys import Principal
from app.core.errors import FieldError
from app.core.resources import audit, crud
from app.models import Action, DeliveryStatus, Officer, Rag, StatusUpdate, clock, new_id
from app.status_updates.schemas import StatusUpdateCreate

ENTITY = "status_update"


def rule_errors(data: StatusUpdateCreate, effective: date) -> list[FieldError]:
    """Each rule the update's rating, status, text and date break, named `body.field`."""
    errors = []

    def broken(field: str, message: str, kind: str) -> None:
        errors.append(FieldError(field=f"body.{field}", message=message, type=kind))

    if data.rag in (Rag.red, Rag.amber):
        for field in ("narrative", "next_steps"):
            if not getattr(data, field):
                broken(field, f"required when the rating is {data.rag.value}", "missing")
    if data.rag == Rag.blue and data.status != DeliveryStatus.complete:
        broken("status", "blue (complete) goes with status complete", "inconsistent")
    if data.status == DeliveryStatus.complete and data.rag != Rag.blue:
        broken("rag", "status complete goes with the rating blue", "inconsistent")
    if data.status in (DeliveryStatus.deferred, DeliveryStatus.cancelled) and not data.reason:
        broken("reason", f"required when the status is {data.status.value}", "missing")
    if effective > clock.today():
        broken("effective_date", "cannot be in the future", "future_date")
    return errors


def own_author(actor: Principal, officer: Officer | None) -> str | None:
    """The author a caller's updates carry whatever the body says: a signed-in person's or
    an officer's key's own name. None for a system or a key for no officer, which may name
    the author it writes for."""
    person = actor.subject is not None and actor.system is None
    if actor.officer_id is None and not person:
        return None
    return officer.name if officer else actor.name


def author_error(
    field: str, actor: Principal, own: str | None, given: str | None
) -> FieldError | None:
    """The error for a body naming someone other than the caller's own author."""
    if own is None or given is None or given == own:
        return None
    who = "this key acts for an officer" if actor.key_id else "a signed-in person"
    return FieldError(
        field=field, message=f"{who} cannot name another author", type="forbidden_field"
    )


def new_update(
    action: Action,
    data: StatusUpdateCreate,
    effective: date,
    actor: Principal,
    own: str | None,
    **extra: Any,
) -> StatusUpdate:
    """The row a posted update is stored as, alone or in a batch: who wrote it is recorded
    the same way for both (`own` from `own_author`)."""
    return StatusUpdate(
        id=new_id("upd"),
        action_id=action.id,
        plan_id=action.plan_id,
        area_id=action.area_id,
        rag=data.rag,
        status=data.status,
        narrative=data.narrative,
        next_steps=data.next_steps,
        reason=data.reason,
        evidence=[e.model_dump() for e in data.evidence],
        effective_date=effective,
        author=own or data.author or actor.name,
        author_officer_id=actor.officer_id,
        created_by_key_id=actor.key_id,
        author_subject=actor.subject,
        corrects_update_id=data.corrects_update_id,
        **extra,
    )


def audit_new_update(session: AsyncSession, actor: Principal, update: StatusUpdate) -> None:
    """The audit event of a new update: a correction when it corrects another."""
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=update.id,
        operation="correct" if update.corrects_update_id else "create",
        changes=audit.created(crud.snapshot(update)),
    )
