"""The whole plan nested in one response, in document order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from app.actions import rendering
from app.actions.schemas import ActionRead, Expansion
from app.core.db.json_text import stored_names
from app.inspection_actions.service import live_in_plan
from app.models import (
    Area,
    Objective,
    Outcome,
    Plan,
    SuccessCriterion,
)
from app.plans.schemas import (
    ActionNode,
    AreaNode,
    CriterionNode,
    InspectionActionNode,
    ObjectiveNode,
    OutcomeNode,
    PlanRead,
    PlanTree,
)
from app.plans.tree_text import tree_json

Item = TypeVar("Item", Area, Outcome, Objective, SuccessCriterion)


def _live(model: type[Item], plan_id: str) -> sa.Select[Item]:
    return (
        sa.select(model)
        .where(col(model.plan_id) == plan_id, col(model.archived_at).is_(None))
        .order_by(col(model.position), col(model.id))
    )


def _linked_actions(reads: Sequence[ActionRead], expansion: Expansion) -> dict[str, list[str]]:
    """The actions linked to each criterion or inspection action, in ref order, from the
    actions' own expansion of them."""
    linked: dict[str, list[str]] = defaultdict(list)
    for read in sorted(reads, key=lambda read: read.ref):
        for item in getattr(read, expansion.value) or ():
            linked[item.id].append(read.id)
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
                **_stored(CriterionNode, criterion), action_ids=actions_of.get(criterion.id, [])
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


def _stored(node: type[BaseModel], item: SQLModel) -> dict[str, Any]:
    """The node's members its item's row holds."""
    return {name: getattr(item, name) for name in stored_names(node, type(item))}


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
                **_stored(ObjectiveNode, objective),
                success_criteria=criteria_under.get(objective.id, []),
                actions=nodes(objective.id),
            )
        )
    outcomes_of: dict[str, list[OutcomeNode]] = defaultdict(list)
    for outcome in outcomes:
        outcomes_of[outcome.area_id].append(
            OutcomeNode(
                **_stored(OutcomeNode, outcome),
                success_criteria=criteria_under.get(outcome.id, []),
                objectives=objectives_of.get(outcome.id, []),
                actions=nodes(outcome.id),
            )
        )
    return [
        AreaNode(
            **_stored(AreaNode, area),
            success_criteria=criteria_under.get(area.id, []),
            outcomes=outcomes_of.get(area.id, []),
            actions=nodes(area.id),
        )
        for area in areas
    ]


# What every action of the tree shows besides its lead officers.
TREE_EXPANSIONS = frozenset(
    {Expansion.success_criteria, Expansion.strategies, Expansion.inspection_actions}
)


def written_by_database(session: AsyncSession, as_of: date | None) -> bool:
    """Whether the database writes the tree's JSON: on PostgreSQL, without `as_of`."""
    return as_of is None and session.get_bind().dialect.name == "postgresql"


async def tree_body(*, session: AsyncSession, plan: Plan, as_of: date | None = None) -> bytes:
    """The tree's JSON: written from one statement on PostgreSQL (`tree_text`), built here
    from rows otherwise (SQLite, `as_of`)."""
    if written_by_database(session, as_of):
        return await tree_json(session, plan, TREE_EXPANSIONS)
    tree = await plan_tree(session=session, plan=plan, as_of=as_of)
    return tree.model_dump_json().encode()


async def plan_tree(*, session: AsyncSession, plan: Plan, as_of: date | None = None) -> PlanTree:
    """Build the tree with a fixed number of queries, whatever the plan's size.

    With `as_of`, actions carry their state at the end of that day and actions archived
    after it are included.
    """
    areas = (await session.scalars(_live(Area, plan.id))).all()
    outcomes = (await session.scalars(_live(Outcome, plan.id))).all()
    objectives = (await session.scalars(_live(Objective, plan.id))).all()
    criteria = (await session.scalars(_live(SuccessCriterion, plan.id))).all()
    inspection_rows = (await session.scalars(live_in_plan(plan.id))).all()
    reads = await rendering.render_plan_actions(session, plan.id, TREE_EXPANSIONS, as_of=as_of)
    actions_of_criterion = _linked_actions(reads, Expansion.success_criteria)
    actions_of_inspection = _linked_actions(reads, Expansion.inspection_actions)
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
                **_stored(InspectionActionNode, row),
                action_ids=actions_of_inspection.get(row.id, []),
            )
            for row in inspection_rows
        ],
    )
