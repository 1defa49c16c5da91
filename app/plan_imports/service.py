"""Importing a plan from a file: read it, preview it, and load it with the seed loader."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions.timescales import read_timescale
from app.core.auth.keys import Principal
from app.core.errors import AppError, FieldError, RulesBroken
from app.models import Officer, Plan
from app.plan_imports.files import (
    UnreadableFile,
    UnsupportedFile,
    check_archive,
    detect_format,
    parse_text,
)
from app.plan_imports.reading import Draft, item_paths, node_at
from app.plan_imports.schemas import (
    ImportFinding,
    ImportFormat,
    PlanImportResult,
    PreviewAction,
    PreviewArea,
    PreviewObjective,
    PreviewOutcome,
    PreviewPlan,
    ReadingChoice,
)
from app.seeding.checks import check_seed_document
from app.seeding.format import SeedAction, SeedArea, SeedFile
from app.seeding.loader import load_seed

logger = logging.getLogger("app.plan_imports")


class UnsupportedMediaType(AppError):
    status_code, slug, title = 415, "unsupported-media-type", "Unsupported Media Type"


def _unreadable(message: str) -> RulesBroken:
    return RulesBroken(
        "The file cannot be read as a plan.",
        errors=[FieldError(field="body.file", message=message, type="unreadable_file")],
    )


def read_upload(
    content: bytes, *, filename: str | None, key: str | None, organisation: str | None
) -> Draft:
    """Read an uploaded file into a plan document, or raise the 415 or 422 saying why not."""
    # Imported here so a process that never imports a plan never loads python-docx.
    from app.plan_imports.excel import NotATemplate, read_excel
    from app.plan_imports.word import NotAPlan, read_word

    try:
        format = detect_format(content, filename)
        if format in (ImportFormat.docx, ImportFormat.xlsx):
            check_archive(content)
        try:
            if format is ImportFormat.docx:
                draft = read_word(content, key=key, organisation=organisation)
            elif format is ImportFormat.xlsx:
                draft = read_excel(content, key=key, organisation=organisation)
            else:
                draft = Draft(format=format.value, document=parse_text(content, format))
                _override(draft, key=key, organisation=organisation)
        except (NotAPlan, NotATemplate) as exc:
            raise UnreadableFile(str(exc)) from exc
        except (UnreadableFile, UnsupportedFile):
            raise
        except Exception as exc:
            # python-docx, openpyxl and lxml raise many kinds of error on a damaged part
            # (XML syntax, missing relationships, bad numbers); all mean the file is unreadable.
            logger.info("unreadable %s upload: %r", format.value, exc)
            raise UnreadableFile(
                f"The {format.value} file is damaged or not what it says it is "
                f"({type(exc).__name__})."
            ) from exc
    except UnsupportedFile as exc:
        raise UnsupportedMediaType(str(exc)) from exc
    except UnreadableFile as exc:
        raise _unreadable(str(exc)) from exc
    return draft


def _override(draft: Draft, *, key: str | None, organisation: str | None) -> None:
    plan = draft.document.get("plan") if isinstance(draft.document, dict) else None
    if not isinstance(plan, dict):
        return
    if key:
        plan["key"] = key
    if organisation:
        plan["organisation"] = organisation


def _place_of(draft: Draft, location: Sequence[int | str], where: str) -> str:
    """The place in the file a problem at this path of the document came from."""
    if draft.format in ("yaml", "json"):
        return where
    nodes = node_at(draft.document, tuple(location))
    place = None
    for node in reversed(nodes):
        if isinstance(node, dict) and id(node) in draft.places:
            place = draft.places[id(node)]
            break
    if place is None:
        return where
    named = [step for step in location if isinstance(step, str)]
    column = draft.field_places.get(named[-1]) if named else None
    if column and column not in place:
        place = f"{place.split(', cell ')[0].split(', column ')[0]}, {column}"
    return place


def _preview_action(
    action: SeedAction, ref: str, names: dict[str, str], titles: dict[str, str]
) -> PreviewAction:
    timescale = read_timescale(action.timescale)
    return PreviewAction(
        ref=ref,
        title=action.title,
        timescale=action.timescale,
        due_date=timescale.due_date,
        recurrence=timescale.recurrence,
        timescale_readable=timescale.readable,
        lead_officers=[names[k] for k in action.lead_officers],
        success_criteria=len(action.success_criteria),
        strategies=[titles[link.strategy] for link in action.strategies],
        inspection_actions=list(action.inspection_actions),
        sub_actions=[
            _preview_action(sub, f"{ref}.{n}", names, titles)
            for n, sub in enumerate(action.sub_actions, start=1)
        ],
    )


def _tree(seed: SeedFile) -> tuple[list[PreviewArea], dict[str, int]]:
    names = {o.key: o.name for o in seed.officers}
    titles = {s.key: s.title for s in seed.strategies}
    counts = {"areas": 0, "outcomes": 0, "objectives": 0, "actions": 0, "success_criteria": 0}
    areas = [_preview_area(area, names, titles, counts) for area in seed.areas]
    counts["officers"] = len(seed.officers)
    counts["strategies"] = len(seed.strategies)
    counts["inspection_actions"] = len(seed.inspection_actions)
    return areas, counts


def _count_actions(actions: Sequence[SeedAction]) -> int:
    return sum(1 + _count_actions(a.sub_actions) for a in actions)


def _preview_area(
    area: SeedArea, names: dict[str, str], titles: dict[str, str], counts: dict[str, int]
) -> PreviewArea:
    """An area as the preview shows it, adding what it holds to `counts`; its actions are
    numbered through the whole area (`A1.1`, `A1.2`, …), as the plan numbers them."""
    counter = 0

    def actions(items: Sequence[SeedAction]) -> list[PreviewAction]:
        nonlocal counter
        built = []
        for item in items:
            counter += 1
            built.append(_preview_action(item, f"A{area.number}.{counter}", names, titles))
        counts["actions"] += _count_actions(items)
        return built

    outcomes = []
    counts["areas"] += 1
    counts["success_criteria"] += len(area.success_criteria)
    for o, outcome in enumerate(area.outcomes, start=1):
        counts["outcomes"] += 1
        counts["success_criteria"] += len(outcome.success_criteria)
        objectives = []
        for j, objective in enumerate(outcome.objectives, start=1):
            counts["objectives"] += 1
            counts["success_criteria"] += len(objective.success_criteria)
            objectives.append(
                PreviewObjective(
                    ref=f"{area.number}.{o}.{j}",
                    statement=objective.statement,
                    success_criteria=[c.statement for c in objective.success_criteria],
                    actions=actions(objective.actions),
                )
            )
        outcomes.append(
            PreviewOutcome(
                ref=f"{area.number}.{o}",
                number=outcome.number,
                statement=outcome.statement,
                success_criteria=[c.statement for c in outcome.success_criteria],
                objectives=objectives,
                actions=actions(outcome.actions),
            )
        )
    return PreviewArea(
        ref=str(area.number),
        title=area.title,
        aim=area.aim,
        success_criteria=[c.statement for c in area.success_criteria],
        outcomes=outcomes,
        actions=actions(area.actions),
    )


async def _officers_to_create(session: AsyncSession, seed: SeedFile) -> list[str]:
    known = set(
        (
            await session.scalars(
                sa.select(col(Officer.name)).where(
                    col(Officer.organisation) == seed.plan.organisation,
                    col(Officer.archived_at).is_(None),
                )
            )
        ).all()
    )
    return [o.name for o in seed.officers if o.name not in known]


def _timescale_warnings(draft: Draft, seed: SeedFile) -> None:
    def walk(actions: Sequence[SeedAction], location: tuple[int | str, ...]) -> None:
        for index, action in enumerate(actions):
            at = (*location, index)
            if not read_timescale(action.timescale).readable:
                draft.warn(
                    _place_of(draft, (*at, "timescale"), ".".join(map(str, (*at, "timescale")))),
                    f"The timescale '{action.timescale}' cannot be read as a date or a "
                    "recurrence: it is kept as written and flagged for review.",
                )
            walk(action.sub_actions, (*at, "sub_actions"))

    for a, area in enumerate(seed.areas):
        walk(area.actions, ("areas", a, "actions"))
        for o, outcome in enumerate(area.outcomes):
            walk(outcome.actions, ("areas", a, "outcomes", o, "actions"))
            for j, objective in enumerate(outcome.objectives):
                walk(objective.actions, ("areas", a, "outcomes", o, "objectives", j, "actions"))


def _checked(draft: Draft) -> tuple[SeedFile | None, list[ImportFinding], list[ReadingChoice]]:
    """The plan the draft reads as, when it is one; what is wrong with it; and the choices
    made reading it."""
    seed, problems = (None, []) if draft.errors else check_seed_document(draft.document)
    errors = [ImportFinding(place=f.place, message=f.message) for f in draft.errors] + [
        ImportFinding(place=_place_of(draft, p.location, p.where), message=p.message)
        for p in problems
    ]
    if seed is None and not errors:
        errors.append(ImportFinding(place="file", message="The file holds no plan."))
    paths = item_paths(draft.document) if isinstance(draft.document, dict) else {}
    choices = [
        ReadingChoice(
            item=paths.get(id(c.item)) if c.item is not None else None,
            kind=c.kind,
            message=c.message,
            place=c.place,
        )
        for c in draft.choices
    ]
    return seed, errors, choices


async def _preview(
    session: AsyncSession, draft: Draft, seed: SeedFile, result: PlanImportResult
) -> None:
    """What loading the plan would make, and what to look at before it does."""
    _timescale_warnings(draft, seed)
    result.tree, result.counts = _tree(seed)
    result.plan = PreviewPlan(
        key=seed.plan.key,
        title=seed.plan.title,
        organisation=seed.plan.organisation,
        version_label=seed.plan.version_label,
        status=seed.plan.status.value,
    )
    result.officers_to_create = await _officers_to_create(session, seed)
    for name in result.officers_to_create:
        draft.warn(
            "officers",
            f"The lead officer '{name}' is not known for this council and will be created.",
        )
    result.warnings = [ImportFinding(place=w.place, message=w.message) for w in draft.warnings]


async def import_plan(
    *, session: AsyncSession, draft: Draft, dry_run: bool, actor: Principal
) -> PlanImportResult:
    """Preview the plan a file holds, or load it: all of it or nothing, once per key."""
    seed, errors, choices = _checked(draft)
    result = PlanImportResult(
        format=ImportFormat(draft.format),
        dry_run=dry_run,
        applied=False,
        plan_id=None,
        already_imported=False,
        plan=None,
        counts={},
        tree=[],
        officers_to_create=[],
        reading_choices=choices,
        warnings=[],
        errors=errors,
    )
    if seed is None:
        if dry_run:
            return result
        raise RulesBroken(
            f"The file cannot be imported: {len(errors)} problem(s). Send it with "
            "dry_run=true to see the whole preview.",
            errors=[
                FieldError(field=f"file: {e.place}", message=e.message, type="import_error")
                for e in errors
            ],
        )
    await _preview(session, draft, seed, result)
    existing = await session.scalar(
        sa.select(col(Plan.id)).where(col(Plan.seed_key) == seed.plan.key)
    )
    if existing is not None:
        result.plan_id = existing
        result.already_imported = True
        result.officers_to_create = []
        return result
    if dry_run:
        return result
    loaded = await load_seed(session, seed, actor=actor, source=f"import:{draft.format}")
    result.plan_id = loaded.plan_id
    result.applied = loaded.created
    result.already_imported = not loaded.created
    return result


def import_format_schema() -> dict[str, Any]:
    """The JSON Schema of the `improvement-plan/v1` format, for tools that write plans."""
    schema = SeedFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://improvement-plan-api/schemas/plan-import.schema.json",
        "title": "Improvement plan (improvement-plan/v1)",
        "description": "A whole improvement plan, as POST /api/v1/plan-imports takes it in YAML "
        "or JSON and GET /api/v1/plans/{plan_id}/export?format=yaml gives it.",
        **{k: v for k, v in schema.items() if k not in {"title", "description"}},
    }
