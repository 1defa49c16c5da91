"""Status updates: the rules, corrections, and the action's current state they decide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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
    clock,
    new_id,
    utcnow,
)
from app.status_updates.schemas import (
    BatchItemFailure,
    StatusUpdateBatch,
    StatusUpdateBatchItem,
    StatusUpdateBatchResult,
    StatusUpdateCreate,
    StatusUpdateRead,
)

ENTITY = "status_update"
SORTABLE = {
    "created_at": SortField(col(StatusUpdate.created_at), "datetime"),
    "effective_date": SortField(col(StatusUpdate.effective_date), "date"),
}


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
    if effective > clock.today():
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
    state = _state_of(latest)
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
    effective = data.effective_date or (corrected.effective_date if corrected else clock.today())
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


def _state_of(latest: StatusUpdate | None) -> dict[str, object]:
    return {
        "rag": latest.rag if latest else None,
        "status": latest.status if latest else DeliveryStatus.not_started,
        "last_update_date": latest.effective_date if latest else None,
        "completed_date": (
            latest.effective_date
            if latest is not None and latest.status == DeliveryStatus.complete
            else None
        ),
    }


async def latest_updates(
    session: AsyncSession, action_ids: Sequence[str]
) -> dict[str, StatusUpdate]:
    """Each action's deciding update, as `latest_update` picks it, in one statement."""
    corrected = sa.select(col(StatusUpdate.corrects_update_id)).where(
        col(StatusUpdate.action_id).in_(action_ids),
        col(StatusUpdate.corrects_update_id).is_not(None),
    )
    ranked = (
        sa.select(
            col(StatusUpdate.id),
            sa.func.row_number()
            .over(
                partition_by=col(StatusUpdate.action_id),
                order_by=(
                    col(StatusUpdate.effective_date).desc(),
                    col(StatusUpdate.created_at).desc(),
                    col(StatusUpdate.id).desc(),
                ),
            )
            .label("place"),
        )
        .where(col(StatusUpdate.action_id).in_(action_ids), col(StatusUpdate.id).not_in(corrected))
        .subquery()
    )
    rows = await session.scalars(
        sa.select(StatusUpdate)
        .join(ranked, ranked.c.id == col(StatusUpdate.id))
        .where(ranked.c.place == 1)
    )
    return {update.action_id: update for update in rows}


@dataclass
class _BatchContext:
    actions: dict[str, Action]
    leads: dict[str, set[str]]
    corrected: dict[str, StatusUpdate]
    already_corrected: set[str]
    officer_name: str | None


async def _batch_context(
    session: AsyncSession, items: Sequence[StatusUpdateBatchItem], actor: Principal
) -> _BatchContext:
    """Everything the rules need for the whole batch, in a fixed number of statements."""
    action_ids = list(dict.fromkeys(item.action_id for item in items))
    actions = {
        action.id: action
        for action in await session.scalars(sa.select(Action).where(col(Action.id).in_(action_ids)))
    }
    leads: dict[str, set[str]] = {}
    for action_id, officer_id in await session.execute(
        sa.select(col(ActionLeadOfficer.action_id), col(ActionLeadOfficer.officer_id)).where(
            col(ActionLeadOfficer.action_id).in_(action_ids)
        )
    ):
        leads.setdefault(action_id, set()).add(officer_id)
    corrects = [item.corrects_update_id for item in items if item.corrects_update_id]
    corrected: dict[str, StatusUpdate] = {}
    already: set[str] = set()
    if corrects:
        corrected = {
            update.id: update
            for update in await session.scalars(
                sa.select(StatusUpdate).where(col(StatusUpdate.id).in_(corrects))
            )
        }
        already = {
            str(found)
            for found in await session.scalars(
                sa.select(col(StatusUpdate.corrects_update_id)).where(
                    col(StatusUpdate.corrects_update_id).in_(corrects)
                )
            )
        }
    officer = await session.get(Officer, actor.officer_id) if actor.officer_id else None
    return _BatchContext(
        actions=actions,
        leads=leads,
        corrected=corrected,
        already_corrected=already,
        officer_name=(officer.name if officer else actor.name) if actor.officer_id else None,
    )


def _item_errors(
    index: int,
    item: StatusUpdateBatchItem,
    context: _BatchContext,
    actor: Principal,
    correcting: set[str],
) -> tuple[list[FieldError], date]:
    """The rules one update must keep, each broken one named `body.items[n].field`."""
    prefix = f"body.items[{index}]"
    errors: list[FieldError] = []

    def broken(field: str, message: str, kind: str) -> None:
        errors.append(FieldError(field=f"{prefix}.{field}", message=message, type=kind))

    action = context.actions.get(item.action_id)
    if action is None:
        broken("action_id", "no action has this id", "not_found")
        return errors, clock.today()
    if action.archived_at is not None:
        broken("action_id", "the action is archived and takes no updates", "archived")
    if actor.role == Role.contributor and actor.officer_id not in context.leads.get(
        action.id, set()
    ):
        broken(
            "action_id", "a contributor key may post only on actions its officer leads", "forbidden"
        )
    corrected = None
    if item.corrects_update_id:
        corrected = context.corrected.get(item.corrects_update_id)
        if corrected is None or corrected.action_id != action.id:
            broken("corrects_update_id", "no update of this action has this id", "invalid")
            corrected = None
        elif item.corrects_update_id in context.already_corrected | correcting:
            broken("corrects_update_id", "that update has already been corrected", "invalid")
        elif actor.role == Role.contributor and corrected.author_officer_id != actor.officer_id:
            broken(
                "corrects_update_id",
                "a contributor key may correct only its officer's updates",
                "forbidden",
            )
        correcting.add(item.corrects_update_id)
    effective = item.effective_date or (corrected.effective_date if corrected else clock.today())
    for error in _rule_errors(item, effective):
        errors.append(
            FieldError(
                field=prefix + error.field.removeprefix("body"),
                message=error.message,
                type=error.type,
            )
        )
    if context.officer_name is not None and item.author not in (None, context.officer_name):
        broken(
            "author",
            "this key acts for an officer and cannot name another author",
            "forbidden_field",
        )
    return errors, effective


async def create_status_updates(
    *,
    session: AsyncSession,
    batch: StatusUpdateBatch,
    actor: Principal,
    idempotency: Idempotency,
) -> StatusUpdateBatchResult:
    """Record many updates and the states they decide in one transaction, in a fixed number
    of statements whatever the batch's size."""
    context = await _batch_context(session, batch.items, actor)
    failed: list[BatchItemFailure] = []
    accepted: list[tuple[StatusUpdateBatchItem, date]] = []
    correcting: set[str] = set()
    for index, item in enumerate(batch.items):
        errors, effective = _item_errors(index, item, context, actor, correcting)
        if errors:
            failed.append(BatchItemFailure(index=index, action_id=item.action_id, errors=errors))
        else:
            accepted.append((item, effective))
    if failed and batch.all_or_nothing:
        every = [error for failure in failed for error in failure.errors]
        items = ", ".join(f"items[{failure.index}]" for failure in failed[:10])
        raise RulesBroken(
            f"{len(failed)} update(s) break the rules ({items}); nothing was stored.",
            errors=every,
        )
    # Entry order decides between updates of one action with the same effective date.
    entered = utcnow()
    updates = []
    for position, (item, effective) in enumerate(accepted):
        action = context.actions[item.action_id]
        updates.append(
            StatusUpdate(
                id=new_id("upd"),
                action_id=action.id,
                plan_id=action.plan_id,
                area_id=action.area_id,
                rag=item.rag,
                status=item.status,
                narrative=item.narrative,
                next_steps=item.next_steps,
                reason=item.reason,
                evidence=[e.model_dump() for e in item.evidence],
                effective_date=effective,
                author=context.officer_name or item.author or actor.name,
                author_officer_id=actor.officer_id,
                created_by_key_id=actor.key_id,
                corrects_update_id=item.corrects_update_id,
                created_at=entered + timedelta(microseconds=position),
            )
        )
    if updates:
        session.add_all(updates)
        await session.flush()
        touched = list(dict.fromkeys(update.action_id for update in updates))
        latest = await latest_updates(session, touched)
        states: list[dict[str, object]] = []
        for action_id in touched:
            action = context.actions[action_id]
            state = _state_of(latest.get(action_id))
            changed = audit.changes_between({name: getattr(action, name) for name in state}, state)
            if changed:
                states.append({"action_key": action_id, **state})
            audit.record(
                session,
                actor=actor,
                entity_type="action",
                entity_id=action_id,
                operation="status_update",
                changes={
                    **changed,
                    "status_update_ids": {
                        "before": None,
                        "after": [u.id for u in updates if u.action_id == action_id],
                    },
                },
            )
        if states:
            # One statement for every action whose state changed; the version moves on so
            # an ETag read before the batch no longer matches.
            table = Action.__table__  # type: ignore[attr-defined]
            await session.execute(
                sa.update(table)
                .where(table.c.id == sa.bindparam("action_key"))
                .values(
                    rag=sa.bindparam("rag"),
                    status=sa.bindparam("status"),
                    last_update_date=sa.bindparam("last_update_date"),
                    completed_date=sa.bindparam("completed_date"),
                    updated_at=utcnow(),
                    version=table.c.version + 1,
                ),
                states,
            )
        for update in updates:
            audit.record(
                session,
                actor=actor,
                entity_type=ENTITY,
                entity_id=update.id,
                operation="correct" if update.corrects_update_id else "create",
                changes=audit.created(crud.snapshot(update)),
            )
    result = StatusUpdateBatchResult(
        created=[StatusUpdateRead.of(update) for update in updates], failed=failed
    )
    idempotency.remember(session, status_code=201, body=result.model_dump(mode="json"))
    await session.commit()
    return result
