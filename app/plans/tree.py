"""The whole plan nested in one response, in document order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

import sqlalchemy as sa
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped
from sqlmodel import col

from app.actions.assembly import read_actions
from app.actions.query import action_state_as_of
from app.actions.schemas import ActionRead, Expansion
from app.actions.state import live_at
from app.core.http.review import NEEDS_REVIEW, READING_NOTES
from app.models import (
    Action,
    ActionInspectionAction,
    ActionSuccessCriterion,
    Area,
    InspectionAction,
    Objective,
    Outcome,
    Plan,
    SuccessCriterion,
)
from app.plans.schemas import PlanRead


class CriterionNode(BaseModel):
    """A success criterion and the actions it is linked to."""

    id: str = Field(description="The criterion's id.")
    statement: str = Field(description="What good looks like.")
    action_ids: list[str] = Field(description="The live actions it is linked to.")
    reading_notes: list[str] = Field(description=READING_NOTES)
    needs_review: bool = Field(description=NEEDS_REVIEW)


class ActionNode(ActionRead):
    """An action with its success criteria, strategies and inspection actions expanded."""

    sub_actions: list[ActionNode] = Field(description="Its live sub-actions, in order.")


class ObjectiveNode(BaseModel):
    """An objective with its criteria and actions."""

    id: str = Field(description="The objective's id.")
    ref: str = Field(description="Its ref.", examples=["1.1.1"])
    statement: str = Field(description="The objective.")
    reading_notes: list[str] = Field(description=READING_NOTES)
    needs_review: bool = Field(description=NEEDS_REVIEW)
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    actions: list[ActionNode] = Field(description="Its actions, in order.")


class OutcomeNode(BaseModel):
    """An outcome with its objectives, criteria, and actions that have no objective."""

    id: str = Field(description="The outcome's id.")
    ref: str = Field(description="Its ref.", examples=["1.1"])
    number: str | None = Field(description="Its printed number, if the plan gives one.")
    statement: str = Field(description="The outcome.")
    reading_notes: list[str] = Field(description=READING_NOTES)
    needs_review: bool = Field(description=NEEDS_REVIEW)
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    objectives: list[ObjectiveNode] = Field(description="Its objectives, in order.")
    actions: list[ActionNode] = Field(description="Actions under it with no objective.")


class AreaNode(BaseModel):
    """An improvement area with everything under it."""

    id: str = Field(description="The area's id.")
    ref: str = Field(description="Its ref.", examples=["1"])
    number: int = Field(description="Its number.")
    title: str = Field(description="Its title.")
    aim: str | None = Field(description="Its aim.")
    reading_notes: list[str] = Field(description=READING_NOTES)
    needs_review: bool = Field(description=NEEDS_REVIEW)
    success_criteria: list[CriterionNode] = Field(description="Criteria describing it.")
    outcomes: list[OutcomeNode] = Field(description="Its outcomes, in order.")
    actions: list[ActionNode] = Field(description="Actions under it with no outcome.")


class InspectionActionNode(BaseModel):
    """An inspection recommendation and the actions that answer it."""

    id: str = Field(description="Its id.")
    source: str = Field(description="Who made it.")
    number: int = Field(description="Its number.")
    text: str = Field(description="The recommendation.")
    action_ids: list[str] = Field(description="The live actions that answer it.")


class PlanTree(BaseModel):
    """The whole live plan, nested in document order."""

    plan: PlanRead = Field(description="The plan itself.")
    areas: list[AreaNode] = Field(description="Its improvement areas, in order.")
    inspection_actions: list[InspectionActionNode] = Field(
        description="Its inspection recommendations, by number."
    )


Item = TypeVar("Item", Area, Outcome, Objective, SuccessCriterion)


def _live(model: type[Item], plan_id: str) -> sa.Select[Item]:
    return (
        sa.select(model)
        .where(col(model.plan_id) == plan_id, col(model.archived_at).is_(None))
        .order_by(col(model.position), col(model.id))
    )


async def _linked_actions(
    session: AsyncSession,
    plan_id: str,
    other_id: Mapped[str],
    action_id: Mapped[str],
    live_ids: set[str],
) -> dict[str, list[str]]:
    """The live actions linked to each item by a link table's two columns, in ref order."""
    rows = await session.execute(
        sa.select(other_id, action_id)
        .join(Action, col(Action.id) == action_id)
        .where(col(Action.plan_id) == plan_id)
        .order_by(col(Action.ref))
    )
    linked: dict[str, list[str]] = defaultdict(list)
    for other, action in rows.all():
        if action in live_ids:
            linked[other].append(action)
    return linked


def _criteria_under(
    criteria: Sequence[SuccessCriterion], actions_of: dict[str, list[str]]
) -> dict[str, list[CriterionNode]]:
    """Each criterion under the item it describes: its objective, outcome or area."""
    under: dict[str, list[CriterionNode]] = defaultdict(list)
    for criterion in criteria:
        owner = criterion.objective_id or criterion.outcome_id or criterion.area_id
        under[str(owner)].append(
            CriterionNode(
                id=criterion.id,
                statement=criterion.statement,
                action_ids=actions_of.get(criterion.id, []),
                reading_notes=criterion.reading_notes,
                needs_review=criterion.needs_review,
            )
        )
    return under


def _action_nodes(reads: Sequence[ActionRead]) -> Callable[[str], list[ActionNode]]:
    """The top-level actions directly under an item, each with its sub-actions."""
    children: dict[str, list[ActionRead]] = defaultdict(list)
    top_level: dict[str, list[ActionRead]] = defaultdict(list)
    for read in reads:
        if read.parent_id is not None:
            children[read.parent_id].append(read)
        else:
            top_level[read.objective_id or read.outcome_id or read.area_id].append(read)

    def node(read: ActionRead) -> ActionNode:
        # The read is validated already: copy its fields rather than dump and re-validate.
        return ActionNode.model_construct(
            **dict(read), sub_actions=[node(c) for c in children.get(read.id, [])]
        )

    def nodes(owner_id: str) -> list[ActionNode]:
        return [node(read) for read in top_level.get(owner_id, [])]

    return nodes


def _area_nodes(
    areas: Sequence[Area],
    outcomes: Sequence[Outcome],
    objectives: Sequence[Objective],
    criteria_under: dict[str, list[CriterionNode]],
    nodes: Callable[[str], list[ActionNode]],
) -> list[AreaNode]:
    objectives_of: dict[str, list[ObjectiveNode]] = defaultdict(list)
    for objective in objectives:
        objectives_of[objective.outcome_id].append(
            ObjectiveNode(
                id=objective.id,
                ref=objective.ref,
                statement=objective.statement,
                reading_notes=objective.reading_notes,
                needs_review=objective.needs_review,
                success_criteria=criteria_under.get(objective.id, []),
                actions=nodes(objective.id),
            )
        )
    outcomes_of: dict[str, list[OutcomeNode]] = defaultdict(list)
    for outcome in outcomes:
        outcomes_of[outcome.area_id].append(
            OutcomeNode(
                id=outcome.id,
                ref=outcome.ref,
                number=outcome.number,
                statement=outcome.statement,
                reading_notes=outcome.reading_notes,
                needs_review=outcome.needs_review,
                success_criteria=criteria_under.get(outcome.id, []),
                objectives=objectives_of.get(outcome.id, []),
                actions=nodes(outcome.id),
            )
        )
    return [
        AreaNode(
            id=area.id,
            ref=area.ref,
            number=area.number,
            title=area.title,
            aim=area.aim,
            reading_notes=area.reading_notes,
            needs_review=area.needs_review,
            success_criteria=criteria_under.get(area.id, []),
            outcomes=outcomes_of.get(area.id, []),
            actions=nodes(area.id),
        )
        for area in areas
    ]


async def plan_tree(*, session: AsyncSession, plan: Plan, as_of: date | None = None) -> PlanTree:
    """Build the tree with a fixed number of queries, whatever the plan's size.

    With `as_of`, actions carry their state at the end of that day and actions archived
    after it are included.
    """
    areas = (await session.scalars(_live(Area, plan.id))).all()
    outcomes = (await session.scalars(_live(Outcome, plan.id))).all()
    objectives = (await session.scalars(_live(Objective, plan.id))).all()
    actions = (
        await session.scalars(
            sa.select(Action)
            .where(col(Action.plan_id) == plan.id, live_at(as_of))
            .order_by(col(Action.position), col(Action.id))
        )
    ).all()
    criteria = (await session.scalars(_live(SuccessCriterion, plan.id))).all()
    live_ids = {a.id for a in actions}
    actions_of_criterion = await _linked_actions(
        session,
        plan.id,
        col(ActionSuccessCriterion.criterion_id),
        col(ActionSuccessCriterion.action_id),
        live_ids,
    )
    inspection_rows = (
        await session.scalars(
            sa.select(InspectionAction)
            .where(
                col(InspectionAction.plan_id) == plan.id,
                col(InspectionAction.archived_at).is_(None),
            )
            .order_by(col(InspectionAction.source), col(InspectionAction.number))
        )
    ).all()
    actions_of_inspection = await _linked_actions(
        session,
        plan.id,
        col(ActionInspectionAction.inspection_action_id),
        col(ActionInspectionAction.action_id),
        live_ids,
    )
    states = await action_state_as_of(session, live_ids, as_of) if as_of else None
    reads = await read_actions(
        session=session,
        actions=actions,
        expand={Expansion.success_criteria, Expansion.strategies, Expansion.inspection_actions},
        today=as_of,
        states=states,
    )
    return PlanTree(
        plan=PlanRead.model_validate(plan),
        areas=_area_nodes(
            areas,
            outcomes,
            objectives,
            _criteria_under(criteria, actions_of_criterion),
            _action_nodes(reads),
        ),
        inspection_actions=[
            InspectionActionNode(
                id=row.id,
                source=row.source,
                number=row.number,
                text=row.text,
                action_ids=actions_of_inspection.get(row.id, []),
            )
            for row in inspection_rows
        ],
    )
