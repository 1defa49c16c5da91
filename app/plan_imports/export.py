"""A stored plan written back as a plan document, the shape every import reads.

Exporting and importing into an empty database gives the same plan: the document is built
from the live items in document order, in a fixed number of statements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
import yaml
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.timescales import read_timescale, write_due_date
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    Area,
    InspectionAction,
    Objective,
    Officer,
    Outcome,
    Plan,
    RatingDefinitionsSource,
    Strategy,
    StrategyLink,
    SuccessCriterion,
)
from app.plan_imports.reading import slug
from app.seeding.format import SeedFile


async def _live(session: AsyncSession, model: Any, plan_id: str) -> Sequence[Any]:
    return (
        await session.scalars(
            sa.select(model)
            .where(col(model.plan_id) == plan_id, col(model.archived_at).is_(None))
            .order_by(col(model.position), col(model.id))
        )
    ).all()


def _reading(item: Any) -> dict[str, Any]:
    """How the item was read from its source, so a re-import keeps the same notes."""
    return {"reading_notes": list(item.reading_notes or []), "needs_review": item.needs_review}


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    taken.add(candidate)
    return candidate


@dataclass
class _Keyed:
    """Items the document lists once and refers to by key: each keyed by a slug of its
    name, unique in the document, and listed in the order first met."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def key(self, item_id: str, name: str, fields: dict[str, Any]) -> str:
        """The item's key, listing it with these fields the first time."""
        if item_id not in self.keys:
            self.keys[item_id] = _unique(slug(name), self.taken)
            self.entries.append({"key": self.keys[item_id], **fields})
        return self.keys[item_id]


async def _officers(
    session: AsyncSession, action_ids: Sequence[str]
) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The officers leading the actions, each under a key made from the name, and each
    action's leads by those keys, in order."""
    rows = (
        await session.execute(
            sa.select(ActionLeadOfficer, Officer)
            .join(Officer, col(Officer.id) == col(ActionLeadOfficer.officer_id))
            .where(col(ActionLeadOfficer.action_id).in_(action_ids))
            .order_by(col(ActionLeadOfficer.position))
        )
    ).all()
    officers = _Keyed()
    leads_of: dict[str, list[str]] = defaultdict(list)
    for lead, officer in rows:
        fields = {
            "name": officer.name,
            "job_title": officer.job_title,
            "email": officer.email,
            "is_role": officer.is_role,
        }
        leads_of[lead.action_id].append(officers.key(officer.id, officer.name, fields))
    return officers.entries, leads_of


async def _strategies(
    session: AsyncSession, action_ids: Sequence[str]
) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The strategies the actions link to, each under a key made from the title, and each
    action's live links by those keys."""
    rows = (
        await session.execute(
            sa.select(StrategyLink, Strategy)
            .join(Strategy, col(Strategy.id) == col(StrategyLink.strategy_id))
            .where(
                col(StrategyLink.action_id).in_(action_ids),
                col(StrategyLink.archived_at).is_(None),
            )
            .order_by(col(StrategyLink.created_at), col(StrategyLink.id))
        )
    ).all()
    strategies = _Keyed()
    links_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for link, strategy in rows:
        fields = {"title": strategy.title, "url": strategy.url, "owner": strategy.owner}
        key = strategies.key(strategy.id, strategy.title, fields)
        links_of[link.action_id].append({"strategy": key, "note": link.note})
    return strategies.entries, links_of


async def _inspections(
    session: AsyncSession, action_ids: Sequence[str]
) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    """The inspection actions the actions answer, by number, and each action's numbers."""
    rows = (
        await session.execute(
            sa.select(col(ActionInspectionAction.action_id), InspectionAction)
            .join(
                InspectionAction,
                col(InspectionAction.id) == col(ActionInspectionAction.inspection_action_id),
            )
            .where(col(ActionInspectionAction.action_id).in_(action_ids))
            .order_by(col(InspectionAction.number))
        )
    ).all()
    inspections: dict[int, dict[str, Any]] = {}
    numbers_of: dict[str, list[int]] = defaultdict(list)
    for action_id, inspection in rows:
        inspections.setdefault(
            inspection.number,
            {"number": inspection.number, "source": inspection.source, "text": inspection.text},
        )
        numbers_of[action_id].append(inspection.number)
    return [inspections[n] for n in sorted(inspections)], numbers_of


async def _criteria(
    session: AsyncSession, action_ids: Sequence[str], criteria: Sequence[SuccessCriterion]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[str]]]:
    """The criteria under each area, outcome and objective, keyed `sc-1`, `sc-2`… in plan
    order, and the keys of each action's criteria in that order."""
    linked = (
        await session.scalars(
            sa.select(ActionSuccessCriterion).where(
                col(ActionSuccessCriterion.action_id).in_(action_ids)
            )
        )
    ).all()
    keys = {c.id: f"sc-{n}" for n, c in enumerate(criteria, start=1)}
    position_of = {c.id: n for n, c in enumerate(criteria)}
    criteria_of: dict[str, list[str]] = defaultdict(list)
    for row in sorted(linked, key=lambda r: position_of.get(r.criterion_id, 0)):
        if row.criterion_id in keys:
            criteria_of[row.action_id].append(keys[row.criterion_id])
    under: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for criterion in criteria:
        owner = criterion.objective_id or criterion.outcome_id or criterion.area_id or ""
        under[owner].append(
            {"key": keys[criterion.id], "statement": criterion.statement, **_reading(criterion)}
        )
    return under, criteria_of


@dataclass
class _ActionNodes:
    """The plan's actions as the document nests them, with what each names by key."""

    actions: Sequence[Action]
    leads_of: dict[str, list[str]]
    links_of: dict[str, list[dict[str, Any]]]
    inspections_of: dict[str, list[int]]
    criteria_of: dict[str, list[str]]
    children: dict[str | None, list[Action]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for action in self.actions:
            self.children[action.parent_id].append(action)

    def _descendants(self, action: Action) -> list[Action]:
        return [d for c in self.children[action.id] for d in (c, *self._descendants(c))]

    def node(self, action: Action) -> dict[str, Any]:
        timescale = action.timescale
        subs = [c.due_date for c in self._descendants(action) if c.due_date is not None]
        if timescale is None and subs and action.due_date == max(subs):
            # Due when the last of its sub-actions is: the import works that out again.
            pass
        elif action.due_date is not None and read_timescale(timescale).due_date != action.due_date:
            # A due date set without a timescale, or moved from it: written so it reads back.
            timescale = write_due_date(action.due_date)
        return {
            "title": action.title,
            "description": action.description,
            "notes": action.notes,
            "timescale": timescale,
            "lead_officers": self.leads_of[action.id],
            "inspection_actions": self.inspections_of[action.id],
            "strategies": self.links_of[action.id],
            "success_criteria": self.criteria_of[action.id],
            "sub_actions": [self.node(child) for child in self.children[action.id]],
            **_reading(action),
        }

    def placed(self, area_id: str, outcome_id: str | None, objective_id: str | None) -> list[Any]:
        """The top-level actions placed directly under this area, outcome or objective."""
        return [
            self.node(a)
            for a in self.children[None]
            if (a.area_id, a.outcome_id, a.objective_id) == (area_id, outcome_id, objective_id)
        ]


def _plan_fields(plan: Plan) -> dict[str, Any]:
    return {
        "key": plan.seed_key or slug(f"{plan.organisation} {plan.title}", limit=60),
        "title": plan.title,
        "organisation": plan.organisation,
        "version_label": plan.version_label,
        "status": plan.status,
        "description": plan.description,
        # Only definitions the plan gave: the service's defaults are not the plan's words.
        "rating_definitions": (
            plan.rating_definitions
            if plan.rating_definitions_source == RatingDefinitionsSource.plan
            else None
        ),
        "meeting_schedule": plan.meeting_schedule,
    }


async def plan_document(session: AsyncSession, plan: Plan) -> SeedFile:
    """The plan as an `improvement-plan/v1` document."""
    areas = await _live(session, Area, plan.id)
    outcomes = await _live(session, Outcome, plan.id)
    objectives = await _live(session, Objective, plan.id)
    actions = await _live(session, Action, plan.id)
    ids = [a.id for a in actions]
    officers, leads_of = await _officers(session, ids)
    strategies, links_of = await _strategies(session, ids)
    inspections, inspections_of = await _inspections(session, ids)
    criteria_under, criteria_of = await _criteria(
        session, ids, await _live(session, SuccessCriterion, plan.id)
    )
    nodes = _ActionNodes(actions, leads_of, links_of, inspections_of, criteria_of)
    document = {
        "format": "improvement-plan/v1",
        "plan": _plan_fields(plan),
        "officers": officers,
        "strategies": strategies,
        "inspection_actions": inspections,
        "areas": [
            {
                "number": area.number,
                "title": area.title,
                "aim": area.aim,
                "success_criteria": criteria_under[area.id],
                "outcomes": [
                    {
                        "number": outcome.number,
                        "statement": outcome.statement,
                        "success_criteria": criteria_under[outcome.id],
                        "objectives": [
                            {
                                "statement": objective.statement,
                                "success_criteria": criteria_under[objective.id],
                                "actions": nodes.placed(area.id, outcome.id, objective.id),
                                **_reading(objective),
                            }
                            for objective in objectives
                            if objective.outcome_id == outcome.id
                        ],
                        "actions": nodes.placed(area.id, outcome.id, None),
                        **_reading(outcome),
                    }
                    for outcome in outcomes
                    if outcome.area_id == area.id
                ],
                "actions": nodes.placed(area.id, None, None),
                **_reading(area),
            }
            for area in areas
        ],
    }
    return SeedFile.model_validate(document)


def yaml_bytes(seed: SeedFile) -> bytes:
    """The document as YAML, in the plan format's key order."""
    return yaml.safe_dump(
        seed.model_dump(mode="json"), sort_keys=False, allow_unicode=True, width=100
    ).encode("utf-8")
