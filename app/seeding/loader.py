"""Reading seed files and loading them as plans: all of a file or nothing, and only once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel, col

from app.actions.timescales import read_timescale
from app.core.auth.keys import Principal
from app.core.resources import audit, crud
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
    RatingDefinitions,
    RatingDefinitionsSource,
    Strategy,
    StrategyLink,
    SuccessCriterion,
    new_id,
)
from app.seeding.format import SeedAction, SeedCriterion, SeedFile

SEED_DIR = Path(__file__).resolve().parents[2] / "seed"
DEFAULT_SEED = "stockton-2023.yaml"


class SeedError(Exception):
    """A seed file that cannot be loaded; the message names the file, item and field."""


def default_seed_path() -> Path:
    for folder in (SEED_DIR, Path.cwd() / "seed"):
        if (folder / DEFAULT_SEED).is_file():
            return folder / DEFAULT_SEED
    raise SeedError(f"cannot find seed/{DEFAULT_SEED}")


def _describe(document: Any, location: Sequence[int | str]) -> str:
    """`areas[2] 'Our Practice' > outcomes[0] > actions[3] 'Grow the…'` for an error location."""
    parts = []
    node = document
    for step in location:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            parts.append(f".{step}" if isinstance(step, str) else f"[{step}]")
            node = None
            continue
        if isinstance(step, int):
            label = ""
            if isinstance(node, dict):
                name = (
                    node.get("title")
                    or node.get("statement")
                    or node.get("key")
                    or node.get("name")
                )
                if isinstance(name, str):
                    label = f" '{name[:40]}{'…' if len(name) > 40 else ''}'"
            parts.append(f"[{step}]{label}")
        else:
            parts.append(f" > {step}" if parts else str(step))
    return "".join(parts)


@dataclass(frozen=True)
class SeedProblem:
    """One thing wrong with a plan document: where (a path into it) and what."""

    location: tuple[int | str, ...]
    where: str
    message: str


def check_seed_document(document: Any) -> tuple[SeedFile | None, list[SeedProblem]]:
    """Validate a parsed plan document: the plan, or every problem found in it."""
    try:
        seed = SeedFile.model_validate(document)
    except ValidationError as exc:
        return None, [
            SeedProblem(
                location=tuple(error["loc"]),
                where=_describe(document, error["loc"]),
                message=error["msg"],
            )
            for error in exc.errors()
        ]
    problems = list(_cross_reference_problems(seed))
    return (None, problems) if problems else (seed, [])


def read_seed_file(path: Path) -> SeedFile:
    """Parse and validate a seed file, or raise SeedError saying exactly what is wrong."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(f"{path}: not valid YAML: {exc}") from exc
    seed, problems = check_seed_document(document)
    if seed is None:
        lines = [f"  {problem.where}: {problem.message}" for problem in problems]
        raise SeedError(f"{path}: {len(lines)} problem(s):\n" + "\n".join(lines))
    return seed


def _all_actions(
    actions: Sequence[SeedAction], location: tuple[int | str, ...], where: str
) -> Iterator[tuple[tuple[int | str, ...], str, SeedAction]]:
    for index, action in enumerate(actions):
        here = f"{where} > actions[{index}] '{action.title[:40]}'"
        at = (*location, "actions", index)
        yield at, here, action
        yield from _all_actions_under(action.sub_actions, at, here)


def _all_actions_under(
    actions: Sequence[SeedAction], location: tuple[int | str, ...], where: str
) -> Iterator[tuple[tuple[int | str, ...], str, SeedAction]]:
    for index, action in enumerate(actions):
        here = f"{where} > sub_actions[{index}] '{action.title[:40]}'"
        at = (*location, "sub_actions", index)
        yield at, here, action
        yield from _all_actions_under(action.sub_actions, at, here)


def _criteria_and_actions(
    seed: SeedFile,
) -> tuple[list[tuple[str, SeedCriterion]], list[tuple[tuple[int | str, ...], str, SeedAction]]]:
    criteria: list[tuple[str, SeedCriterion]] = []
    actions: list[tuple[tuple[int | str, ...], str, SeedAction]] = []
    for a, area in enumerate(seed.areas):
        where = f"areas[{a}] '{area.title}'"
        at_area: tuple[int | str, ...] = ("areas", a)
        criteria += [(where, c) for c in area.success_criteria]
        actions += _all_actions(area.actions, at_area, where)
        for o, outcome in enumerate(area.outcomes):
            at_outcome = f"{where} > outcomes[{o}]"
            loc_outcome = (*at_area, "outcomes", o)
            criteria += [(at_outcome, c) for c in outcome.success_criteria]
            actions += _all_actions(outcome.actions, loc_outcome, at_outcome)
            for j, objective in enumerate(outcome.objectives):
                at_objective = f"{at_outcome} > objectives[{j}]"
                criteria += [(at_objective, c) for c in objective.success_criteria]
                actions += _all_actions(
                    objective.actions, (*loc_outcome, "objectives", j), at_objective
                )
    return criteria, actions


def _duplicates(keys: Sequence[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({k for k in keys if k in seen or seen.add(k)})  # type: ignore[func-returns-value]


def _cross_reference_problems(seed: SeedFile) -> Iterator[SeedProblem]:
    officers = [o.key for o in seed.officers]
    strategies = [s.key for s in seed.strategies]
    numbers = [str(i.number) for i in seed.inspection_actions]
    criteria, actions = _criteria_and_actions(seed)
    criterion_keys = [c.key for _, c in criteria]
    for name, keys in (
        ("officers", officers),
        ("strategies", strategies),
        ("inspection_actions", numbers),
        ("success criteria", criterion_keys),
    ):
        for key in _duplicates(keys):
            yield SeedProblem((name,), name, f"key '{key}' is used more than once")
    for number in _duplicates([str(a.number) for a in seed.areas]):
        yield SeedProblem(("areas",), "areas", f"number {number} is used more than once")
    for location, where, action in actions:
        for key in action.lead_officers:
            if key not in officers:
                yield SeedProblem(
                    (*location, "lead_officers"),
                    f"{where} > lead_officers",
                    f"no officer with key '{key}'",
                )
        for tag in action.inspection_actions:
            if str(tag) not in numbers:
                yield SeedProblem(
                    (*location, "inspection_actions"),
                    f"{where} > inspection_actions",
                    f"no inspection action {tag}",
                )
        for link in action.strategies:
            if link.strategy not in strategies:
                yield SeedProblem(
                    (*location, "strategies"),
                    f"{where} > strategies",
                    f"no strategy with key '{link.strategy}'",
                )
        for key in action.success_criteria:
            if key not in criterion_keys:
                yield SeedProblem(
                    (*location, "success_criteria"),
                    f"{where} > success_criteria",
                    f"no success criterion with key '{key}'",
                )


@dataclass
class LoadResult:
    """What loading a file did."""

    plan_id: str
    key: str
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Builder:
    """Turns a validated file into rows, assigning refs and positions in document order."""

    seed: SeedFile
    plan: Plan
    officers: dict[str, str]
    rows: list[SQLModel] = field(default_factory=list)
    criteria: dict[str, str] = field(default_factory=dict)
    strategies: dict[str, str] = field(default_factory=dict)
    inspections: dict[int, str] = field(default_factory=dict)
    action_links: list[tuple[str, SeedAction]] = field(default_factory=list)

    def add(self, row: SQLModel) -> None:
        self.rows.append(row)

    # The plan's levels are built top-down in one pass, so each item's parent is at hand.
    def build(self) -> None:
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
        outcome_refs: set[str] = set()
        for area_position, seed_area in enumerate(self.seed.areas, start=1):
            area = Area(
                id=new_id("area"),
                plan_id=self.plan.id,
                ref=str(seed_area.number),
                number=seed_area.number,
                title=seed_area.title,
                aim=seed_area.aim,
                position=area_position,
                reading_notes=seed_area.reading_notes,
                needs_review=seed_area.needs_review,
            )
            self.add(area)
            self._criteria(seed_area.success_criteria, area_id=area.id)
            counter = _Counter(prefix=f"A{seed_area.number}")
            for o, seed_outcome in enumerate(seed_area.outcomes, start=1):
                ref = f"{area.ref}.{o}"
                outcome_refs.add(ref)
                outcome = Outcome(
                    id=new_id("out"),
                    plan_id=self.plan.id,
                    area_id=area.id,
                    ref=ref,
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
        counter: _Counter,
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
            self.add(action)
            self.action_links.append((action.id, seed_action))
            self._actions(
                seed_action.sub_actions, area, outcome_id, objective_id, counter, parent=action
            )

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
class _Counter:
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


async def _officer_ids(
    session: AsyncSession, seed: SeedFile
) -> tuple[dict[str, str], list[Officer]]:
    """Officers of this organisation are matched by name; the rest are created."""
    organisation = seed.plan.organisation
    existing = {
        officer.name: officer.id
        for officer in (
            await session.scalars(
                sa.select(Officer).where(
                    col(Officer.organisation) == organisation, col(Officer.archived_at).is_(None)
                )
            )
        ).all()
    }
    ids: dict[str, str] = {}
    new: list[Officer] = []
    for officer in seed.officers:
        if officer.name in existing:
            ids[officer.key] = existing[officer.name]
            continue
        row = Officer(
            id=new_id("off"),
            name=officer.name,
            job_title=officer.job_title,
            email=officer.email,
            is_role=officer.is_role,
            organisation=organisation,
        )
        new.append(row)
        ids[officer.key] = row.id
    return ids, new


async def load_seed(
    session: AsyncSession,
    seed: SeedFile,
    *,
    actor: Principal | None = None,
    source: str = "seed",
) -> LoadResult:
    """Load a plan in one transaction; a plan already loaded under its key is left as it is.

    `source` names where the plan came from in each audit event (`seed`, `import:docx`)."""
    existing = await session.scalar(sa.select(Plan).where(col(Plan.seed_key) == seed.plan.key))
    if existing is not None:
        return LoadResult(plan_id=existing.id, key=seed.plan.key, created=False)
    plan = Plan(
        id=new_id("plan"),
        seed_key=seed.plan.key,
        title=seed.plan.title,
        organisation=seed.plan.organisation,
        version_label=seed.plan.version_label,
        status=seed.plan.status,
        description=seed.plan.description,
        rating_definitions=(seed.plan.rating_definitions or RatingDefinitions()).model_dump(),
        rating_definitions_source=(
            RatingDefinitionsSource.plan
            if seed.plan.rating_definitions is not None
            else RatingDefinitionsSource.service_default
        ),
        meeting_schedule=(
            seed.plan.meeting_schedule.model_dump()
            if seed.plan.meeting_schedule is not None
            else None
        ),
    )
    officers, new_officers = await _officer_ids(session, seed)
    builder = _Builder(seed=seed, plan=plan, officers=officers)
    builder.build()
    entities: list[SQLModel] = [plan, *new_officers, *builder.rows]
    # Without ORM relationships the flush does not order rows by their foreign keys, so
    # rows are flushed a table at a time, parents first, and actions a level at a time.
    for stage in sorted({_stage(row) for row in entities}):
        session.add_all([row for row in entities if _stage(row) == stage])
        await session.flush()
    links = builder.links()
    session.add_all(links)
    for entity in entities:
        audit.record(
            session,
            actor=actor,
            entity_type=_entity_type(entity),
            entity_id=str(getattr(entity, "id")),  # noqa: B009
            operation="create",
            changes={
                **audit.created(crud.snapshot(entity)),
                "source": {"before": None, "after": f"{source}:{seed.plan.key}"},
            },
        )
    await session.commit()
    counts: dict[str, int] = {}
    for row in [*entities, *links]:
        name = _entity_type(row)
        counts[name] = counts.get(name, 0) + 1
    return LoadResult(plan_id=plan.id, key=seed.plan.key, created=True, counts=counts)


FLUSH_ORDER: tuple[type[SQLModel], ...] = (
    Plan,
    Officer,
    Strategy,
    InspectionAction,
    Area,
    Outcome,
    Objective,
    SuccessCriterion,
    Action,
)


def _stage(row: SQLModel) -> tuple[int, int]:
    depth = row.ref.count(".") if isinstance(row, Action) else 0
    return FLUSH_ORDER.index(type(row)), depth


def _entity_type(row: SQLModel) -> str:
    return str(getattr(row, "__tablename__", type(row).__name__.lower()))


async def any_plan_exists(session: AsyncSession) -> bool:
    return bool(await session.scalar(sa.select(sa.exists().where(col(Plan.id).is_not(None)))))
