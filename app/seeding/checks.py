"""Checking a plan document: its format exactly, then that every key it refers to exists."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from app.seeding.format import SeedAction, SeedCriterion, SeedFile


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
