"""Writing a plan out in the template, every text cell through `append_row` (which keeps
text a user wrote from becoming a formula)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.plan_imports.excel.template import ACTION_COLUMNS, PLAN_FIELDS, READING_COLUMNS
from app.reports.formats import append_row
from app.seeding.format import SeedAction, SeedFile


def write_workbook(seed: SeedFile) -> bytes:
    """The plan in the template, every text cell through `append_row`."""
    workbook = Workbook()
    plan_sheet = workbook.create_sheet("Plan")
    for blank in [s for s in workbook.worksheets if s is not plan_sheet]:
        workbook.remove(blank)
    _write_plan_sheet(plan_sheet, seed)
    _ActionsWriter(workbook.create_sheet("Actions"), seed).write()
    _write_list(
        workbook,
        "Officers",
        ["Name", "Job title", "Email", "Role"],
        [[o.name, o.job_title, o.email, "yes" if o.is_role else "no"] for o in seed.officers],
    )
    _write_list(
        workbook,
        "Strategies",
        ["Title", "URL", "Owner"],
        [[s.title, s.url, s.owner] for s in seed.strategies],
    )
    _write_list(
        workbook,
        "Inspection actions",
        ["Number", "Source", "Text"],
        [[i.number, i.source, i.text] for i in seed.inspection_actions],
    )
    _write_reading_sheet(workbook, seed)
    for each in workbook.worksheets:
        for cell in each[1]:
            cell.font = Font(bold=True)
        for number, column in enumerate(each.columns, start=1):
            letter = get_column_letter(number)
            each.column_dimensions[letter].width = 40 if each.title != "Plan" else 30
            for item in column:
                item.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_plan_sheet(sheet: Any, seed: SeedFile) -> None:
    append_row(sheet, ["Field", "Value"])
    plan = seed.plan
    values = {
        "key": plan.key,
        "title": plan.title,
        "organisation": plan.organisation,
        "version_label": plan.version_label,
        "status": plan.status.value,
        "description": plan.description,
        **(
            plan.rating_definitions.model_dump()
            if plan.rating_definitions is not None
            else dict.fromkeys(("red", "amber", "green", "blue"))
        ),
        **(
            plan.meeting_schedule.model_dump()
            if plan.meeting_schedule is not None
            else dict.fromkeys(("board", "frequency", "partners_every"))
        ),
    }
    for name, label in PLAN_FIELDS:
        append_row(sheet, [label, values[name]])


def _write_list(workbook: Workbook, title: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = workbook.create_sheet(title)
    append_row(sheet, header)
    for row in rows:
        append_row(sheet, row)


class _ActionsWriter:
    """The "Actions" sheet: a row per action, under its area, outcome and objective, and a
    row per success criterion no action links to."""

    def __init__(self, sheet: Any, seed: SeedFile) -> None:
        self.sheet, self.seed = sheet, seed
        self.officers = {o.key: o.name for o in seed.officers}
        self.strategies = {s.key: s.title for s in seed.strategies}
        # Every criterion's statement, whichever item it belongs to: an action may link to a
        # criterion of an item written further down.
        self.statements: dict[str, str] = {}
        for area in seed.areas:
            owners: list[Any] = [area, *area.outcomes]
            owners += [objective for outcome in area.outcomes for objective in outcome.objectives]
            for owner in owners:
                for criterion in owner.success_criteria:
                    self.statements[criterion.key] = criterion.statement

    def write(self) -> None:
        append_row(self.sheet, [label for _, label in ACTION_COLUMNS])
        for area in self.seed.areas:
            area_cells = [area.number, area.title, area.aim]
            counter = _RefCounter(f"A{area.number}")
            for outcome in area.outcomes:
                for objective in outcome.objectives:
                    levels = [outcome.number, outcome.statement, objective.statement]
                    self.owner_rows(objective, area_cells, levels, counter)
                self.owner_rows(
                    outcome, area_cells, [outcome.number, outcome.statement, None], counter
                )
            self.owner_rows(area, area_cells, [None, None, None], counter)

    def owner_rows(
        self, owner: Any, area_cells: list[Any], levels: list[Any], counter: _RefCounter
    ) -> None:
        """An item's actions, its unlinked criteria that came before the first linked one
        above them, and its other unlinked criteria below."""
        for criterion in owner.success_criteria:
            self.statements[criterion.key] = criterion.statement
        linked = {key for action in _walk(owner.actions) for key in action.success_criteria}
        unlinked = [c for c in owner.success_criteria if c.key not in linked]
        first_linked = min(
            (i for i, c in enumerate(owner.success_criteria) if c.key in linked), default=None
        )
        before = [
            c
            for i, c in enumerate(owner.success_criteria)
            if c in unlinked and first_linked is not None and i < first_linked
        ]
        cells = [*area_cells, *levels, None, None, None, None, None]
        for criterion in before:
            append_row(self.sheet, [*cells, criterion.statement])
        for action in owner.actions:
            self.action_rows(action, [*area_cells, *levels], None, counter)
        for criterion in unlinked:
            if criterion not in before:
                append_row(self.sheet, [*cells, criterion.statement])

    def action_rows(
        self, action: SeedAction, cells: list[Any], parent_ref: str | None, counter: _RefCounter
    ) -> None:
        ref = counter.next(parent_ref)
        links = (
            self.strategies[link.strategy] + (f"\nNote: {link.note}" if link.note else "")
            for link in action.strategies
        )
        append_row(
            self.sheet,
            [
                *cells,
                ref,
                parent_ref,
                action.title,
                action.description,
                action.notes,
                "\n".join(self.statements[k] for k in action.success_criteria) or None,
                "\n".join(self.officers[k] for k in action.lead_officers) or None,
                action.timescale,
                "\n".join(links) or None,
                ", ".join(str(n) for n in action.inspection_actions) or None,
                "\n".join(action.reading_notes) or None,
                "yes" if action.needs_review else None,
            ],
        )
        for sub in action.sub_actions:
            self.action_rows(sub, cells, ref, counter)


def _write_reading_sheet(workbook: Workbook, seed: SeedFile) -> None:
    rows: list[list[Any]] = []

    def add(item: Any, names: list[Any]) -> None:
        if item.reading_notes or item.needs_review:
            rows.append(
                [
                    *names,
                    "yes" if item.needs_review else None,
                    "\n".join(item.reading_notes) or None,
                ]
            )

    def owner(item: Any, names: list[Any]) -> None:
        add(item, [*names, None])
        for criterion in item.success_criteria:
            add(criterion, [*names, criterion.statement])

    for area in seed.areas:
        owner(area, [area.number, None, None])
        for outcome in area.outcomes:
            owner(outcome, [area.number, outcome.statement, None])
            for objective in outcome.objectives:
                owner(objective, [area.number, outcome.statement, objective.statement])
    sheet = workbook.create_sheet("Reading notes")
    append_row(sheet, READING_COLUMNS)
    for row in rows:
        append_row(sheet, row)


class _RefCounter:
    """Refs for the template's Ref and Parent ref columns: only their pairing matters."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.count = 0
        self.children: dict[str, int] = {}

    def next(self, parent: str | None) -> str:
        if parent is None:
            self.count += 1
            return f"{self.prefix}.{self.count}"
        self.children[parent] = self.children.get(parent, 0) + 1
        return f"{parent}.{self.children[parent]}"


def _walk(actions: list[SeedAction]) -> list[SeedAction]:
    found: list[SeedAction] = []
    for action in actions:
        found.append(action)
        found += _walk(action.sub_actions)
    return found
