"""A batch of status updates: each item checked by the rules of one, stored together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import FieldError, RulesBroken
from app.core.http.idempotency import Idempotency
from app.core.resources import audit
from app.models import (
    Action,
    ActionLeadOfficer,
    Officer,
    Role,
    StatusUpdate,
    clock,
    utcnow,
)
from app.status_updates.rules import (
    audit_new_update,
    author_error,
    new_update,
    own_author,
    rule_errors,
)
from app.status_updates.schemas import (
    BatchItemFailure,
    StatusUpdateBatch,
    StatusUpdateBatchItem,
    StatusUpdateBatchResult,
    StatusUpdateRead,
)
from app.status_updates.state import latest_updates, state_of


@dataclass
class _BatchContext:
    actions: dict[str, Action]
    leads: dict[str, set[str]]
    corrected: dict[str, StatusUpdate]
    already_corrected: set[str]
    own_author: str | None


async def _batch_context(
    session: AsyncSession, items: Sequence[StatusUpdateBatchItem], actor: Principal
) -> _BatchContext:
    """Everything the rules need for the whole batch, in a fixed number of statements."""
    action_ids = list(dict.fromkeys(item.action_id for item in items))
    actions = {
        action.id: action
        # Locked, in one order, as a single post locks its action (see `LockedActionDep`).
        for action in await session.scalars(
            sa.select(Action)
            .where(col(Action.id).in_(action_ids))
            .order_by(col(Action.id))
            .with_for_update()
        )
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
        own_author=own_author(actor, officer),
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
    for error in rule_errors(item, effective):
        errors.append(
            FieldError(
                field=prefix + error.field.removeprefix("body"),
                message=error.message,
                type=error.type,
            )
        )
    named = author_error(f"{prefix}.author", actor, context.own_author, item.author)
    if named is not None:
        errors.append(named)
    return errors, effective


def _checked_items(
    batch: StatusUpdateBatch, context: _BatchContext, actor: Principal
) -> tuple[list[BatchItemFailure], list[tuple[StatusUpdateBatchItem, date]]]:
    """The items that break the rules and those that keep them, with the date each takes;
    when the batch is all or nothing, one broken item refuses the lot."""
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
    return failed, accepted


def _new_updates(
    accepted: Sequence[tuple[StatusUpdateBatchItem, date]],
    context: _BatchContext,
    actor: Principal,
) -> list[StatusUpdate]:
    # Entry order decides between updates of one action with the same effective date.
    entered = utcnow()
    updates = []
    for position, (item, effective) in enumerate(accepted):
        action = context.actions[item.action_id]
        updates.append(
            new_update(
                action,
                item,
                effective,
                actor,
                context.own_author,
                created_at=entered + timedelta(microseconds=position),
            )
        )
    return updates


async def _move_states(
    session: AsyncSession,
    context: _BatchContext,
    updates: Sequence[StatusUpdate],
    actor: Principal,
) -> None:
    """Set each touched action's state from its deciding update and audit it, with one
    statement for every action whose state changed."""
    made: dict[str, list[str]] = {}
    for update in updates:
        made.setdefault(update.action_id, []).append(update.id)
    touched = list(made)
    latest = await latest_updates(session, touched)
    states: list[dict[str, object]] = []
    for action_id in touched:
        action = context.actions[action_id]
        state = state_of(latest.get(action_id))
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
                "status_update_ids": {"before": None, "after": made[action_id]},
            },
        )
    if states:
        # The version moves on so an ETag read before the batch no longer matches.
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
        # The statement bypasses the loaded actions: the change feed reads them afresh.
        moved = ["rag", "status", "last_update_date", "completed_date", "updated_at", "version"]
        for state in states:
            session.expire(context.actions[str(state["action_key"])], moved)


async def create_status_updates(
    *,
    session: AsyncSession,
    batch: StatusUpdateBatch,
    actor: Principal,
    idempotency: Idempotency,
    dry_run: bool = False,
) -> StatusUpdateBatchResult:
    """Record many updates and the states they decide in one transaction, in a fixed number
    of statements whatever the batch's size. A dry run keeps the same rules and stops before
    the first write, answering the updates as they would be stored."""
    context = await _batch_context(session, batch.items, actor)
    failed, accepted = _checked_items(batch, context, actor)
    updates = _new_updates(accepted, context, actor)
    if dry_run:
        return StatusUpdateBatchResult(
            dry_run=True, created=[StatusUpdateRead.of(update) for update in updates], failed=failed
        )
    if updates:
        session.add_all(updates)
        await session.flush()
        await _move_states(session, context, updates, actor)
        for update in updates:
            audit_new_update(session, actor, update)
    result = StatusUpdateBatchResult(
        dry_run=False, created=[StatusUpdateRead.of(update) for update in updates], failed=failed
    )
    idempotency.remember(session, status_code=201, body=result.model_dump(mode="json"))
    await session.commit()
    return result
