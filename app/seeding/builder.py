"""Turning a checked plan document into rows: refs, positions and dates in document order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import SQLModel

from app.actions.timescales import read_timescale
from app.models import (
    Action,
    ActionInspectionAction,
    ActionLeadOfficer,
    ActionSuccessCriterion,
    Area,
    InspectionAction,
    Meeting,
    Objective,
    Outcome,
    Plan,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    new_id,
)
from app.seeding.format import SeedAction, SeedArea, SeedCriterion, SeedFile
from app.seeding.rules import PARAGRAPH_BREAK, dated_note


@dataclass
class Builder:
    """Turns a validated file into rows, assigning refs and positions in document order."""

    seed: SeedFile
    plan: Plan
    officers: dict[str, str]
    rows: list[SQLModel] = field(default_factory=list)
    criteria: dict[str, str] = field(default_factory=dict)
    strategies: dict[str, str] = field(default_factory=dict)
    inspections: dict[int, str] = field(default_factory=dict)
    action_links: list[tuple[str, SeedAction]] = field(default_factory=list)
    meetings: dict[tuple[str, date], Meeting] = field(default_factory=dict)

    def add(self, row: SQLModel) -> None:
        self.rows.append(row)

    # The plan's levels are built top-down in one pass, so each item's parent is at hand.
    def build(self) -> None:
        self._documents_and_tags()
        for position, seed_area in enumerate(self.seed.areas, start=1):
            self._area(seed_area, position)

    def _documents_and_tags(self) -> None:
        for strategy in self.seed.strategies:
            row = Strategy(
                id=new_id("strat"),
                plan_id=self.plan.id,
                title=strategy.title,
                url=strategy.url,
                owner=strategy.owner,
            )
            self.strategies[strategy.key] = row.id
            self.add(row)
        for inspection in self.seed.inspection_actions:
            row_ia = InspectionAction(
                id=new_id("insp"),
                plan_id=self.plan.id,
                source=inspection.source,
                number=inspection.number,
                text=inspection.text,
            )
            self.inspections[inspection.number] = row_ia.id
            self.add(row_ia)

    def _area(self, seed_area: SeedArea, position: int) -> None:
        area = Area(
            id=new_id("area"),
            plan_id=self.plan.id,
            ref=str(seed_area.number),
            number=seed_area.number,
            title=seed_area.title,
            aim=seed_area.aim,
            position=position,
            reading_notes=seed_area.reading_notes,
            needs_review=seed_area.needs_review,
        )
        self.add(area)
        self._criteria(seed_area.success_criteria, area_id=area.id)
        counter = Counter(prefix=f"A{seed_area.number}")
        for o, seed_outcome in enumerate(seed_area.outcomes, start=1):
            outcome = Outcome(
                id=new_id("out"),
                plan_id=self.plan.id,
                area_id=area.id,
                ref=f"{area.ref}.{o}",
                number=seed_outcome.number,
                statement=seed_outcome.statement,
                position=o,
                reading_notes=seed_outcome.reading_notes,
                needs_review=seed_outcome.needs_review,
            )
            self.add(outcome)
            self._criteria(seed_outcome.success_criteria, outcome_id=outcome.id)
            for j, seed_objective in enumerate(seed_outcome.objectives, start=1):
                objective = Objective(
                    id=new_id("obj"),
                    plan_id=self.plan.id,
                    area_id=area.id,
                    outcome_id=outcome.id,
                    ref=f"{outcome.ref}.{j}",
                    statement=seed_objective.statement,
                    position=j,
                    reading_notes=seed_objective.reading_notes,
                    needs_review=seed_objective.needs_review,
                )
                self.add(objective)
                self._criteria(seed_objective.success_criteria, objective_id=objective.id)
                self._actions(seed_objective.actions, area, outcome.id, objective.id, counter)
            self._actions(seed_outcome.actions, area, outcome.id, None, counter)
        self._actions(seed_area.actions, area, None, None, counter)

    def _criteria(
        self,
        criteria: Sequence[SeedCriterion],
        *,
        area_id: str | None = None,
        outcome_id: str | None = None,
        objective_id: str | None = None,
    ) -> None:
        for position, criterion in enumerate(criteria, start=1):
            row = SuccessCriterion(
                id=new_id("crit"),
                plan_id=self.plan.id,
                area_id=area_id,
                outcome_id=outcome_id,
                objective_id=objective_id,
                statement=criterion.statement,
                position=position,
                reading_notes=criterion.reading_notes,
                needs_review=criterion.needs_review,
            )
            self.criteria[criterion.key] = row.id
            self.add(row)

    def _actions(
        self,
        actions: Sequence[SeedAction],
        area: Area,
        outcome_id: str | None,
        objective_id: str | None,
        counter: Counter,
        parent: Action | None = None,
    ) -> None:
        for seed_action in actions:
            position = counter.next_position(parent)
            timescale = read_timescale(seed_action.timescale)
            due_date = timescale.due_date
            reading_notes = list(seed_action.reading_notes)
            needs_review = seed_action.needs_review
            latest = _latest_sub_action_date(seed_action)
            if seed_action.timescale is None and latest is not None:
                # Its work is its sub-actions, so it is due when the last of them is.
                due_date = latest
                note = (
                    f"No timescale of its own: due {latest.isoformat()}, when the last of its "
                    "sub-actions is."
                )
                if note not in reading_notes:  # a plan exported and imported again has it
                    reading_notes.append(note)
                needs_review = True
            action = Action(
                id=new_id("act"),
                plan_id=self.plan.id,
                area_id=area.id,
                outcome_id=outcome_id,
                objective_id=objective_id,
                parent_id=parent.id if parent else None,
                ref=counter.next_ref(parent),
                title=seed_action.title,
                description=seed_action.description,
                notes=seed_action.notes,
                timescale=seed_action.timescale,
                timescale_readable=timescale.readable,
                due_date=due_date,
                original_due_date=due_date,
                recurrence=timescale.recurrence,
                position=position,
                reading_notes=reading_notes,
                needs_review=needs_review,
            )
            self._dated_notes(action, seed_action.notes)
            self.add(action)
            self.action_links.append((action.id, seed_action))
            self._actions(
                seed_action.sub_actions, area, outcome_id, objective_id, counter, parent=action
            )

    def _dated_notes(self, action: Action, notes: str | None) -> None:
        """A note naming a month (Stockton's DfE adviser review, June 23) is held as a meeting
        on that month's last day, as its reading note says, for the owner to confirm the day."""
        for text in (notes or "").split(PARAGRAPH_BREAK):
            dated = dated_note(text)
            if dated is None:
                continue
            note = (
                f'"{text.strip()}" names a month only: it is held as a meeting of '
                f'"{dated.what}" on {dated.day.isoformat()}, the last day of {dated.when}.'
            )
            if note not in action.reading_notes:
                action.reading_notes = [*action.reading_notes, note]
            action.needs_review = True
            if (dated.what, dated.day) in self.meetings:
                continue
            self.meetings[(dated.what, dated.day)] = meeting = Meeting(
                id=new_id("meet"),
                plan_id=self.plan.id,
                board=dated.what[:100],
                date=dated.day,
                title=text.strip()[:200],
                notes=f"Named in the notes of action {action.ref}: {action.title}",
            )
            self.add(meeting)

    def links(self) -> list[SQLModel]:
        rows: list[SQLModel] = []
        for action_id, seed_action in self.action_links:
            for position, key in enumerate(dict.fromkeys(seed_action.lead_officers), start=1):
                rows.append(
                    ActionLeadOfficer(
                        action_id=action_id, officer_id=self.officers[key], position=position
                    )
                )
            for key in dict.fromkeys(seed_action.success_criteria):
                rows.append(
                    ActionSuccessCriterion(action_id=action_id, criterion_id=self.criteria[key])
                )
            for number in dict.fromkeys(seed_action.inspection_actions):
                rows.append(
                    ActionInspectionAction(
                        action_id=action_id, inspection_action_id=self.inspections[number]
                    )
                )
            for link in seed_action.strategies:
                rows.append(
                    StrategyLink(
                        id=new_id("link"),
                        action_id=action_id,
                        strategy_id=self.strategies[link.strategy],
                        note=link.note,
                    )
                )
        return rows


def _latest_sub_action_date(action: SeedAction) -> date | None:
    """The latest due date among an action's sub-actions (and theirs), if any has one."""
    dates = [
        day
        for sub in action.sub_actions
        for day in (read_timescale(sub.timescale).due_date, _latest_sub_action_date(sub))
        if day is not None
    ]
    return max(dates, default=None)


@dataclass
class Counter:
    """Action refs: `A<area>.<n>` in document order within an area; sub-actions `<parent>.<m>`."""

    prefix: str
    top: int = 0
    children: dict[str, int] = field(default_factory=dict)

    def next_position(self, parent: Action | None) -> int:
        if parent is None:
            return self.top + 1
        return self.children.get(parent.id, 0) + 1

    def next_ref(self, parent: Action | None) -> str:
        if parent is None:
            self.top += 1
            return f"{self.prefix}.{self.top}"
        self.children[parent.id] = self.children.get(parent.id, 0) + 1
        return f"{parent.ref}.{self.children[parent.id]}"
