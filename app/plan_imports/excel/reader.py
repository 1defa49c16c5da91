"""Reading a workbook in the plan template into a plan document (a `Draft`)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.models import RatingDefinitions
from app.plan_imports.excel.actions_sheet import read_actions_sheet, sheet_rows
from app.plan_imports.excel.template import (
    PLAN_FIELDS,
    NotATemplate,
    paragraphs,
    reading,
    text_of,
)
from app.plan_imports.reading import Draft, Registry, is_role, slug


def read_excel(content: bytes, *, key: str | None, organisation: str | None) -> Draft:
    """A plan document from a workbook in the plan template."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        return _read(workbook, key=key, organisation=organisation)
    finally:
        workbook.close()


def _read(workbook: Any, *, key: str | None, organisation: str | None) -> Draft:
    if "Actions" not in workbook.sheetnames:
        raise NotATemplate(
            'The workbook has no "Actions" sheet, so it is not in the plan template (export '
            "any plan as xlsx to get one)."
        )
    draft = Draft(format="xlsx", document={})
    plan = _plan_sheet(workbook, draft)
    if key:
        plan["key"] = key
    if organisation:
        plan["organisation"] = organisation
    registry = Registry()
    officers = _officer_sheet(workbook, draft)
    strategies = _listing(workbook, draft, "Strategies", ("title", "url", "owner"))
    for row in strategies:
        if row.get("title"):
            registry.strategies[slug(row["title"])] = {
                "key": slug(row["title"]),
                "title": row["title"],
                "url": row.get("url"),
                "owner": row.get("owner"),
            }
    for row in _listing(workbook, draft, "Inspection actions", ("number", "source", "text")):
        number = row.get("number")
        if number and str(number).isdigit():
            registry.inspections[int(number)] = {
                "number": int(number),
                "source": row.get("source") or "Ofsted",
                "text": row.get("text")
                or f"{row.get('source') or 'Ofsted'} Improvement Action {number}",
            }
    areas = read_actions_sheet(workbook["Actions"], draft, registry, officers)
    if "Reading notes" in workbook.sheetnames:
        _reading_sheet(workbook["Reading notes"], draft, areas)
    # An inspection action made up from its number is not the plan's wording: to confirm.
    draft.keep_choices({"inspection_action_created"})
    draft.document = {
        "format": "improvement-plan/v1",
        "plan": plan,
        **registry.lists(),
        "areas": areas,
    }
    return draft


def _plan_sheet(workbook: Any, draft: Draft) -> dict[str, Any]:
    found: dict[str, str | None] = {}
    labels = {label.lower(): name for name, label in PLAN_FIELDS}
    if "Plan" in workbook.sheetnames:
        for _, values in sheet_rows(workbook["Plan"], draft):
            label = text_of(values[0])
            if label and label.lower() in labels:
                found[labels[label.lower()]] = text_of(values[1]) if len(values) > 1 else None
    else:
        draft.fail('sheet "Plan"', 'The workbook has no "Plan" sheet naming the plan.')
    ratings: dict[str, Any] | None = {c: found.get(c) for c in ("red", "amber", "green", "blue")}
    if ratings is not None and not any(ratings.values()):
        ratings = None  # none given: the plan shows the service's definitions, marked so
    elif ratings is not None and not all(ratings.values()):
        defaults = RatingDefinitions().model_dump()
        ratings = {c: v or defaults[c] for c, v in ratings.items()}
        draft.choose(
            None,
            "rating_definitions",
            "A rating with no meaning given takes its usual meaning.",
            'sheet "Plan"',
        )
    schedule: dict[str, Any] | None = None
    if found.get("board") or found.get("frequency"):
        every = found.get("partners_every")
        schedule = {
            "board": found.get("board"),
            "frequency": (found.get("frequency") or "").lower(),
            "partners_every": int(every) if every and every.isdigit() else every,
        }
    return {
        "meeting_schedule": schedule,
        "key": found.get("key"),
        "title": found.get("title"),
        "organisation": found.get("organisation"),
        "version_label": found.get("version_label"),
        "status": (found.get("status") or "draft").lower(),
        "description": found.get("description"),
        "rating_definitions": ratings,
    }


def _listing(
    workbook: Any, draft: Draft, name: str, fields: tuple[str, ...]
) -> list[dict[str, Any]]:
    if name not in workbook.sheetnames:
        return []
    rows = sheet_rows(workbook[name], draft)
    return [
        {field: text_of(values[i]) if i < len(values) else None for i, field in enumerate(fields)}
        for _, values in rows[1:]
    ]


def _officer_sheet(workbook: Any, draft: Draft) -> dict[str, dict[str, Any]]:
    officers: dict[str, dict[str, Any]] = {}
    for row in _listing(workbook, draft, "Officers", ("name", "job_title", "email", "role")):
        if row.get("name"):
            role = (row.get("role") or "").lower()
            officers[row["name"]] = {
                "key": slug(row["name"]),
                "name": row["name"],
                "job_title": row.get("job_title"),
                "email": row.get("email"),
                "is_role": role in {"yes", "y", "true", "role"} if role else is_role(row["name"]),
            }
    return officers


def _reading_sheet(sheet: Worksheet, draft: Draft, areas: list[dict[str, Any]]) -> None:
    """Reading notes of areas, outcomes, objectives and criteria, found by their texts."""
    for number, values in sheet_rows(sheet, draft)[1:]:
        texts = [paragraphs(values[i]) if i < len(values) else None for i in range(4)]
        place = f'sheet "Reading notes", row {number}'
        area = next((a for a in areas if str(a["number"]) == texts[0]), None)
        item: dict[str, Any] | None = area
        for level, text in (("outcomes", texts[1]), ("objectives", texts[2])):
            if text and item is not None:
                item = next((i for i in item.get(level, []) if i["statement"] == text), None)
        if texts[3] and item is not None:
            statement = " ".join(texts[3].split())
            item = next((c for c in item["success_criteria"] if c["statement"] == statement), None)
        if item is None:
            draft.fail(
                place, "No area, outcome, objective or criterion of the plan has these texts."
            )
            continue
        item.update(reading(draft, values[5] if len(values) > 5 else None, values[4], place))
