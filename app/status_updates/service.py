"""Status updates: the rules, corrections, and the action's current state they decide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import FieldError, Forbidden, NotFound, RulesBroken
from app.core.http.idempotency import Idempotency
from app.core.http.listing import ListParams, PageResult, SortField, one_of, paginate
from app.core.resources import audit, crud
from app.models import (
    Action,
    ActionLeadOfficer,
    DeliveryStatus,
    Officer,
    Rag,
    RagFilter,
    Role,
    StatusUpdate,
    new_id,
    utcnow,
)
from app.status_updates.schemas import StatusUpdateCreate, StatusUpdateRead

ENTITY = "status_update"
SORTABLE = {
    "created_at": SortField(col(StatusUpdate.created_at), "datetime"),
    "effective_date": SortField(col(StatusUpdate.effective_date), "date"),
}


def today() -> date:
    return utcnow().date()


def _rule_errors(data: StatusUpdateCreate, effective: date) -> list[FieldError]:
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
    if effective > today():
        broken("effective_date", "cannot be in the future", "future_date")
    return errors


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


async def latest_update(session: AsyncSession, action_id: str) -> StatusUpdate | None:
    """The update that decides the action's state: latest by effective date, then entry."""
    corrected = sa.select(col(StatusUpdate.corrects_update_id)).where(
        col(StatusUpdate.action_id) == action_id,
        col(StatusUpdate.corrects_update_id).is_not(None),
    )
    return await session.scalar(
        sa.select(StatusUpdate)
        .where(col(StatusUpdate.action_id) == action_id, col(StatusUpdate.id).not_in(corrected))
        .order_by(
            col(StatusUpdate.effective_date).desc(),
            col(StatusUpdate.created_at).desc(),
            col(StatusUpdate.id).desc(),
        )
        .limit(1)
    )


async def refresh_action_state(session: AsyncSession, action: Action) -> dict[str, object]:
    """Set the action's rating, status and dates from its latest update; return what changed."""
    latest = await latest_update(session, action.id)
    state = {
        "rag": latest.rag if latest else None,
        "status": latest.status if latest else DeliveryStatus.not_started,
        "last_update_date": latest.effective_date if latest else None,
        "completed_date": (
            latest.effective_date
            if latest is not None and latest.status == DeliveryStatus.complete
            else None
        ),
    }
    before = {name: getattr(action, name) for name in state}
    for name, value in state.items():
        setattr(action, name, value)
    return audit.changes_between(before, state)


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
    effective = data.effective_date or (corrected.effective_date if corrected else today())
    errors = _rule_errors(data, effective)
    author, author_officer_id = await _author(session, data, actor, errors)
    if errors:
        fields = ", ".join(dict.fromkeys(e.field for e in errors))
        raise RulesBroken(f"The update breaks the rules for: {fields}.", errors=errors)
    update = StatusUpdate(
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
        author=author,
        author_officer_id=author_officer_id,
        created_by_key_id=actor.key_id,
        author_subject=actor.subject,
        corrects_update_id=data.corrects_update_id,
    )
    session.add(update)
    await session.flush()
    changed = await refresh_action_state(session, action)
    if changed:
        action.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=update.id,
        operation="correct" if corrected else "create",
        changes=audit.created(crud.snapshot(update)),
    )
    audit.record(
        session,
        actor=actor,
        entity_type="action",
        entity_id=action.id,
        operation="status_update",
        changes={**changed, "status_update_id": {"before": None, "after": update.id}},
    )
    read = StatusUpdateRead.of(update)
    idempotency.remember(
        session,
        status_code=201,
        body=read.model_dump(mode="json"),
        location=location_for(update.id),
    )
    await session.commit()
    return read


async def _author(
    session: AsyncSession, data: StatusUpdateCreate, actor: Principal, errors: list[FieldError]
) -> tuple[str, str | None]:
    person = actor.subject is not None and actor.system is None
    if actor.officer_id is None and not person:
        return data.author or actor.name, None
    officer = await session.get(Officer, actor.officer_id) if actor.officer_id else None
    name = officer.name if officer else actor.name
    if data.author is not None and data.author != name:
        who = "this key acts for an officer" if actor.key_id else "a signed-in person"
        errors.append(
            FieldError(
                field="body.author",
                message=f"{who} cannot name another author",
                type="forbidden_field",
            )
        )
    return name, actor.officer_id


@dataclass(frozen=True)
class UpdateFilters:
    plan_id: Sequence[str] = ()
    area_id: Sequence[str] = ()
    action_id: Sequence[str] = ()
    author: Sequence[str] = ()
    rag: Sequence[RagFilter] = ()
    effective_from: date | None = None
    effective_to: date | None = None
    created_since: object | None = None


async def list_status_updates(
    *, session: AsyncSession, params: ListParams, filters: UpdateFilters
) -> PageResult[StatusUpdate]:
    conditions: list[sa.ColumnElement[bool]] = []
    for column, values in (
        (col(StatusUpdate.plan_id), filters.plan_id),
        (col(StatusUpdate.area_id), filters.area_id),
        (col(StatusUpdate.action_id), filters.action_id),
        (col(StatusUpdate.author), filters.author),
    ):
        if values:
            conditions.append(column.in_(values))
    if filters.rag:
        conditions.append(one_of(col(StatusUpdate.rag), filters.rag))
    if filters.effective_from is not None:
        conditions.append(col(StatusUpdate.effective_date) >= filters.effective_from)
    if filters.effective_to is not None:
        conditions.append(col(StatusUpdate.effective_date) <= filters.effective_to)
    if filters.created_since is not None:
        conditions.append(col(StatusUpdate.created_at) >= filters.created_since)
    return await paginate(
        session,
        sa.select(StatusUpdate).where(*conditions),
        params=params,
        sortable=SORTABLE,
        default_sort=["created_at"],
        id_column=col(StatusUpdate.id),
    )


async def read_updates(
    *, session: AsyncSession, updates: Sequence[StatusUpdate]
) -> list[StatusUpdateRead]:
    """Updates as the API shows them, with who superseded each: one query for a page."""
    if not updates:
        return []
    rows = (
        await session.execute(
            sa.select(col(StatusUpdate.corrects_update_id), col(StatusUpdate.id)).where(
                col(StatusUpdate.corrects_update_id).in_([u.id for u in updates])
            )
        )
    ).all()
    superseded_by = {str(corrected): correction for corrected, correction in rows}
    return [StatusUpdateRead.of(update, superseded_by.get(update.id)) for update in updates]


async def get_status_update(*, session: AsyncSession, update_id: str) -> StatusUpdate:
    update = await session.get(StatusUpdate, update_id)
    if update is None:
        raise NotFound(f"No status update with id '{update_id}'.")
    return update
