"""The plan tree's JSON on PostgreSQL, from one statement.

The database reads every part of the tree in one statement: the items as `json` values and
each action's JSON text as `app.actions.rendering` writes it. The tree is then written
around them with orjson, each node with its model's members in its model's order, so the
bytes are those pydantic writes for `PlanTree` (`app.plans.tree` builds the same tree from
rows, for SQLite and `as_of`; the tests compare the two).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

import orjson
import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.rendering import document
from app.actions.schemas import Expansion
from app.core.db.json_text import stored_fields
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
    clock,
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

_PLAN_ID = sa.bindparam("plan_id", type_=sa.String)


def _rows(model: Any, node: type[BaseModel], *order: Any, **extra: Any) -> sa.ScalarSelect[Any]:
    """The plan's live rows of a table, as a `json` array of objects (as text), in order:
    each with the node's members its table holds, and `extra`."""
    columns = stored_fields(node, model, **extra)
    item = sa.func.json_build_object(*[part for name, c in columns.items() for part in (name, c)])
    aggregated = sa.func.json_agg(postgresql.aggregate_order_by(item, *order))
    return (
        sa.select(sa.cast(aggregated, sa.Text))
        .where(col(model.plan_id) == _PLAN_ID, col(model.archived_at).is_(None))
        .scalar_subquery()
    )


def _links(table: Any, other: Any) -> sa.ScalarSelect[Any]:
    """`[other id, action id]` pairs of a link table for the plan's live actions, in the
    actions' ref order."""
    pair = sa.func.json_build_array(other, col(table.action_id))
    # Byte order, which is Python's order of the refs (`app.plans.tree` sorts them there).
    aggregated = sa.func.json_agg(postgresql.aggregate_order_by(pair, col(Action.ref).collate("C")))
    return (
        sa.select(sa.cast(aggregated, sa.Text))
        .select_from(table)
        .join(Action, col(Action.id) == col(table.action_id))
        .where(col(Action.plan_id) == _PLAN_ID, col(Action.archived_at).is_(None))
        .scalar_subquery()
    )


def _actions(column: Any) -> sa.ScalarSelect[Any]:
    """One column of the plan's live actions, as an array in document order."""
    aggregated = sa.func.array_agg(
        postgresql.aggregate_order_by(column, col(Action.position), col(Action.id))
    )
    return (
        sa.select(aggregated)
        .where(col(Action.plan_id) == _PLAN_ID, col(Action.archived_at).is_(None))
        .scalar_subquery()
    )


@functools.lru_cache(maxsize=1)
def _statement(expand: frozenset[Expansion]) -> sa.Select[Any]:
    owner = sa.func.coalesce(col(Action.objective_id), col(Action.outcome_id), col(Action.area_id))
    criterion_owner = sa.func.coalesce(
        col(SuccessCriterion.objective_id),
        col(SuccessCriterion.outcome_id),
        col(SuccessCriterion.area_id),
    )
    return sa.select(
        _rows(Area, AreaNode, col(Area.position), col(Area.id)).label("areas"),
        _rows(
            Outcome, OutcomeNode, col(Outcome.position), col(Outcome.id), area_id=Outcome.area_id
        ).label("outcomes"),
        _rows(
            Objective,
            ObjectiveNode,
            col(Objective.position),
            col(Objective.id),
            outcome_id=Objective.outcome_id,
        ).label("objectives"),
        _rows(
            SuccessCriterion,
            CriterionNode,
            col(SuccessCriterion.position),
            col(SuccessCriterion.id),
            owner=criterion_owner,
        ).label("criteria"),
        _rows(
            InspectionAction,
            InspectionActionNode,
            col(InspectionAction.source),
            col(InspectionAction.number),
        ).label("inspection_actions"),
        _links(ActionSuccessCriterion, col(ActionSuccessCriterion.criterion_id)).label(
            "criterion_links"
        ),
        _links(ActionInspectionAction, col(ActionInspectionAction.inspection_action_id)).label(
            "inspection_links"
        ),
        _actions(col(Action.id)).label("action_ids"),
        _actions(col(Action.parent_id)).label("parent_ids"),
        _actions(owner).label("owners"),
        _actions(document(expand)).label("documents"),
    )


def _node(model: type[BaseModel], row: dict[str, Any], **under: Any) -> dict[str, Any]:
    """A node's members in its model's order: those `under` gives (what sits beneath it),
    the rest from the item's `row`; refused when a member is in neither, or `under` gives
    one the model does not have."""
    members = list(model.model_fields)
    missing = [name for name in members if name not in under and name not in row]
    if missing or not set(under) <= set(members):
        raise TypeError(f"{model.__name__} needs {members}, not {[*row, *under]}")
    return {name: under[name] if name in under else row[name] for name in members}


def _grouped(pairs: list[list[str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


class _Actions:
    """The actions' JSON text, each with its sub-actions, by the item they sit under."""

    def __init__(self, row: Any) -> None:
        self.children: dict[str, list[int]] = defaultdict(list)
        self.top_level: dict[str, list[int]] = defaultdict(list)
        self.ids: list[str] = row.action_ids or []
        self.documents: list[str] = row.documents or []
        for index, (parent_id, owner) in enumerate(
            zip(row.parent_ids or [], row.owners or [], strict=True)
        ):
            if parent_id is not None:
                self.children[parent_id].append(index)
            else:
                self.top_level[owner].append(index)

    def _text(self, index: int) -> str:
        # An ActionNode is an action's members, then its sub-actions.
        sub_actions = ",".join(self._text(i) for i in self.children.get(self.ids[index], []))
        return f'{self.documents[index][:-1]},"sub_actions":[{sub_actions}]}}'

    def under(self, owner_id: str) -> list[orjson.Fragment]:
        return [orjson.Fragment(self._text(i)) for i in self.top_level.get(owner_id, [])]


if list(ActionNode.model_fields)[-1] != "sub_actions":
    raise TypeError("An ActionNode's sub-actions must be its last member")


async def tree_json(session: AsyncSession, plan: Plan, expand: frozenset[Expansion]) -> bytes:
    """The plan's tree as `PlanTree` JSON, its actions with these expansions, read in one
    statement."""
    statement = _statement(expand - {Expansion.lead_officers})
    row = (await session.execute(statement, {"plan_id": plan.id, "today": clock.today()})).one()
    actions = _Actions(row)
    linked = _grouped(orjson.loads(row.criterion_links or "[]"))
    criteria: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in orjson.loads(row.criteria or "[]"):
        criteria[c["owner"]].append(_node(CriterionNode, c, action_ids=linked.get(c["id"], [])))
    objectives: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for o in orjson.loads(row.objectives or "[]"):
        objectives[o["outcome_id"]].append(
            _node(
                ObjectiveNode,
                o,
                success_criteria=criteria.get(o["id"], []),
                actions=actions.under(o["id"]),
            )
        )
    outcomes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for o in orjson.loads(row.outcomes or "[]"):
        outcomes[o["area_id"]].append(
            _node(
                OutcomeNode,
                o,
                success_criteria=criteria.get(o["id"], []),
                objectives=objectives.get(o["id"], []),
                actions=actions.under(o["id"]),
            )
        )
    areas = [
        _node(
            AreaNode,
            a,
            success_criteria=criteria.get(a["id"], []),
            outcomes=outcomes.get(a["id"], []),
            actions=actions.under(a["id"]),
        )
        for a in orjson.loads(row.areas or "[]")
    ]
    tagged = _grouped(orjson.loads(row.inspection_links or "[]"))
    inspection_actions = [
        _node(InspectionActionNode, i, action_ids=tagged.get(i["id"], []))
        for i in orjson.loads(row.inspection_actions or "[]")
    ]
    plan_json = orjson.Fragment(PlanRead.model_validate(plan).model_dump_json())
    tree = _node(PlanTree, {}, plan=plan_json, areas=areas, inspection_actions=inspection_actions)
    return orjson.dumps(tree)
