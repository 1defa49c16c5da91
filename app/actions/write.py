"""The rules for creating, changing, archiving and restoring an action."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.query import ENTITY
from app.actions.schemas import (
    ActionCreate,
    ActionUpdate,
)
from app.actions.timescales import read_timescale, write_due_date
from app.core.auth.keys import Principal
from app.core.errors import ValidationFailed
from app.core.resources import audit, crud
from app.core.resources.refs import (
    ensure_ref_free,
    next_child_ref,
    next_position,
    refuse_taken_ref,
)
from app.models import (
    Action,
    ActionLeadOfficer,
    Area,
    DueDateRevision,
    Objective,
    Officer,
    Outcome,
    Plan,
    Recurrence,
    new_id,
)


@dataclass
class Placement:
    area: Area
    outcome: Outcome | None
    objective: Objective | None
    parent: Action | None


# Each branch is one rule of where an action may sit; splitting them would hide their order.
async def _placement(
    session: AsyncSession,
    *,
    area_id: str | None,
    outcome_id: str | None,
    objective_id: str | None,
    parent_id: str | None,
    moving: Action | None = None,
) -> Placement:
    """Check that area, outcome, objective and parent agree, and load them.

    A new sub-action named without an outcome or objective takes its parent's.
    """
    parent = None
    if parent_id is not None:
        parent = await crud.named_in_body(
            session, Action, parent_id, field="parent_id", label="action"
        )
        crud.refuse_if_archived(parent, "parent action")
        if moving is not None:
            await _refuse_cycle(session, moving=moving, new_parent=parent)
        elif outcome_id is None and objective_id is None:
            outcome_id, objective_id = parent.outcome_id, parent.objective_id
    if area_id is None:
        if parent is None:
            raise ValidationFailed(
                "An action needs an area_id, or a parent_id to take the area from.",
                field="body.area_id",
                message="required unless parent_id is given",
                type="missing",
            )
        area_id = parent.area_id
    area = await crud.named_in_body(session, Area, area_id, field="area_id", label="area")
    crud.refuse_if_archived(area, "area")
    objective = None
    if objective_id is not None:
        objective = await crud.named_in_body(
            session, Objective, objective_id, field="objective_id", label="objective"
        )
        crud.refuse_if_archived(objective, "objective")
        if outcome_id is None:
            outcome_id = objective.outcome_id
        elif objective.outcome_id != outcome_id:
            raise ValidationFailed(
                "The objective belongs to another outcome.",
                field="body.objective_id",
                message=f"belongs to outcome '{objective.outcome_id}', not '{outcome_id}'",
                type="inconsistent",
            )
    outcome = None
    if outcome_id is not None:
        outcome = await crud.named_in_body(
            session, Outcome, outcome_id, field="outcome_id", label="outcome"
        )
        crud.refuse_if_archived(outcome, "outcome")
        if outcome.area_id != area.id:
            raise ValidationFailed(
                "The outcome belongs to another area.",
                field="body.outcome_id",
                message=f"belongs to area '{outcome.area_id}', not '{area.id}'",
                type="inconsistent",
            )
    if parent is not None and parent.plan_id != area.plan_id:
        raise ValidationFailed(
            "The parent action is in another plan.",
            field="body.parent_id",
            message="in another plan",
            type="cross_plan",
        )
    return Placement(area=area, outcome=outcome, objective=objective, parent=parent)


async def _refuse_cycle(session: AsyncSession, *, moving: Action, new_parent: Action) -> None:
    ancestor: Action | None = new_parent
    seen: set[str] = set()
    while ancestor is not None and ancestor.id not in seen:
        if ancestor.id == moving.id:
            raise ValidationFailed(
                "An action cannot be a sub-action of itself or of its own sub-actions.",
                field="body.parent_id",
                message="would make a cycle",
                type="cycle",
            )
        seen.add(ancestor.id)
        ancestor = await session.get(Action, ancestor.parent_id) if ancestor.parent_id else None


async def _officers(session: AsyncSession, officer_ids: Sequence[str]) -> list[str]:
    unique = list(dict.fromkeys(officer_ids))
    if not unique:
        return []
    found = {
        officer.id: officer
        for officer in (
            await session.scalars(sa.select(Officer).where(col(Officer.id).in_(unique)))
        ).all()
    }
    missing = [officer_id for officer_id in unique if officer_id not in found]
    archived = [
        officer_id for officer_id in unique if officer_id in found and found[officer_id].archived_at
    ]
    if missing or archived:
        problem = (
            f"unknown: {', '.join(missing)}" if missing else f"archived: {', '.join(archived)}"
        )
        raise ValidationFailed(
            f"Lead officers must exist and be live ({problem}).",
            field="body.lead_officer_ids",
            message=problem,
            type="not_found" if missing else "archived",
        )
    return unique


async def _set_leads(session: AsyncSession, action_id: str, officer_ids: Sequence[str]) -> None:
    await session.execute(
        sa.delete(ActionLeadOfficer).where(col(ActionLeadOfficer.action_id) == action_id)
    )
    for position, officer_id in enumerate(officer_ids, start=1):
        session.add(
            ActionLeadOfficer(action_id=action_id, officer_id=officer_id, position=position)
        )


async def _current_leads(session: AsyncSession, action_id: str) -> list[str]:
    return list(
        (
            await session.scalars(
                sa.select(col(ActionLeadOfficer.officer_id))
                .where(col(ActionLeadOfficer.action_id) == action_id)
                .order_by(col(ActionLeadOfficer.position))
            )
        ).all()
    )


async def _default_ref(session: AsyncSession, placement: Placement) -> str:
    plan_id = placement.area.plan_id
    if placement.parent is not None:
        return await next_child_ref(session, Action, plan_id=plan_id, prefix=placement.parent.ref)
    return await next_child_ref(
        session, Action, plan_id=plan_id, prefix=f"A{placement.area.number}"
    )


# The rules of a new action, checked in the order a client's errors are reported.
async def create_action(*, session: AsyncSession, data: ActionCreate, actor: Principal) -> Action:
    """Add an action (or sub-action) at the end of its parent item."""
    placement = await _placement(
        session,
        area_id=data.area_id,
        outcome_id=data.outcome_id if data.outcome_id or not data.parent_id else None,
        objective_id=data.objective_id,
        parent_id=data.parent_id,
    )
    if (
        data.parent_id
        and placement.parent is not None
        and data.outcome_id is None
        and data.objective_id is None
    ):
        placement.outcome = (
            await session.get(Outcome, placement.parent.outcome_id)
            if placement.parent.outcome_id
            else None
        )
        placement.objective = (
            await session.get(Objective, placement.parent.objective_id)
            if placement.parent.objective_id
            else None
        )
    plan = await session.get(Plan, placement.area.plan_id)
    if plan is not None:
        crud.refuse_if_archived(plan, "plan")
    leads = await _officers(session, data.lead_officer_ids)
    ref = data.ref or await _default_ref(session, placement)
    await ensure_ref_free(session, Action, plan_id=placement.area.plan_id, ref=ref, label=ENTITY)
    timescale = read_timescale(data.timescale)
    due_date = data.due_date if data.due_date is not None else timescale.due_date
    siblings = (
        col(Action.parent_id) == placement.parent.id
        if placement.parent is not None
        else sa.and_(col(Action.area_id) == placement.area.id, col(Action.parent_id).is_(None))
    )
    action = Action(
        id=new_id("act"),
        plan_id=placement.area.plan_id,
        area_id=placement.area.id,
        outcome_id=placement.outcome.id if placement.outcome else None,
        objective_id=placement.objective.id if placement.objective else None,
        parent_id=placement.parent.id if placement.parent else None,
        ref=ref,
        title=data.title,
        description=data.description,
        notes=data.notes,
        timescale=data.timescale,
        timescale_readable=timescale.readable,
        due_date=due_date,
        original_due_date=due_date,
        recurrence=timescale.recurrence,
        position=await next_position(session, Action, siblings),
    )
    session.add(action)
    await session.flush()
    await _set_leads(session, action.id, leads)
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=action.id,
        operation="create",
        changes=audit.created({**crud.snapshot(action), "lead_officer_ids": leads}),
    )
    await session.commit()
    return action


# The rules of a change, checked in the order a client's errors are reported.
async def update_action(
    *, session: AsyncSession, action: Action, data: ActionUpdate, actor: Principal
) -> Action:
    """Apply the fields sent. A due date that changes needs a reason, kept in the history."""
    crud.refuse_if_archived(action, ENTITY)
    changes = data.changes()
    reason = changes.pop("due_date_reason", None)
    lead_ids = changes.pop("lead_officer_ids", None)
    placement_fields = {"outcome_id", "objective_id", "parent_id"} & set(changes)
    if placement_fields:
        placement = await _placement(
            session,
            area_id=action.area_id,
            outcome_id=changes.get("outcome_id", action.outcome_id),
            objective_id=changes.get("objective_id", action.objective_id),
            parent_id=changes.get("parent_id", action.parent_id),
            moving=action,
        )
        changes["outcome_id"] = placement.outcome.id if placement.outcome else None
        changes["objective_id"] = placement.objective.id if placement.objective else None
    await refuse_taken_ref(session, action, changes, label=ENTITY)
    if "timescale" in changes:
        timescale = read_timescale(changes["timescale"])
        changes["timescale_readable"] = timescale.readable
        changes["recurrence"] = timescale.recurrence
        if "due_date" not in changes:
            changes["due_date"] = timescale.due_date
    due_changes = "due_date" in changes and changes["due_date"] != action.due_date
    if (
        due_changes
        and "timescale" not in changes
        and action.timescale
        and action.timescale_readable
        and action.recurrence == Recurrence.none
    ):
        # The timescale as written would now disagree with the due date, so it follows; the
        # text it replaces stays in the action's history.
        due = changes["due_date"]
        changes["timescale"] = write_due_date(due) if due is not None else None
    if due_changes and action.due_date is not None and not reason:
        raise ValidationFailed(
            "Changing the due date needs a reason: send due_date_reason.",
            field="body.due_date_reason",
            message="required when the due date changes",
            type="missing",
        )
    if due_changes and action.original_due_date is None:
        changes["original_due_date"] = changes["due_date"]
    extra: dict[str, Any] = {}
    if due_changes and reason:
        extra["due_date_reason"] = {"before": None, "after": reason}
        session.add(
            DueDateRevision(
                id=new_id("rev"),
                action_id=action.id,
                from_date=action.due_date,
                to_date=changes["due_date"],
                reason=reason,
                actor=actor.name,
                actor_key_id=actor.key_id,
            )
        )
        changes["due_date_revision_count"] = action.due_date_revision_count + 1
    if lead_ids is not None:
        leads = await _officers(session, lead_ids)
        before = await _current_leads(session, action.id)
        if leads != before:
            await _set_leads(session, action.id, leads)
            extra["lead_officer_ids"] = {"before": before, "after": leads}
    return await crud.update(
        session, action, changes, actor=actor, entity_type=ENTITY, extra_audit=extra
    )


async def archive_action(*, session: AsyncSession, action: Action, actor: Principal) -> Action:
    """Archive an action with no live sub-actions; its links are kept."""
    blocking = await crud.live_children(session, Action, col(Action.parent_id), action.id, "action")
    return await crud.archive(session, action, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_action(*, session: AsyncSession, action: Action, actor: Principal) -> Action:
    parents: list[tuple[str, Any, str | None]] = [
        ("parent action", Action, action.parent_id),
        ("objective", Objective, action.objective_id),
        ("outcome", Outcome, action.outcome_id),
        ("area", Area, action.area_id),
        ("plan", Plan, action.plan_id),
    ]
    archived_parent = None
    for label, model, parent_id in parents:
        parent = await session.get(model, parent_id) if parent_id else None
        if parent is not None and parent.archived_at is not None:
            archived_parent = label
            break
    return await crud.restore(
        session, action, actor=actor, entity_type=ENTITY, archived_parent=archived_parent
    )
