"""Reading the template's "Actions" sheet: the areas, outcomes, objectives, success
criteria and actions it lists, one row at a time."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.plan_imports.excel.template import (
    ACTION_COLUMNS,
    FIELD_COLUMNS,
    MAX_COLUMNS,
    MAX_ROWS,
    NOTE,
    cell_lines,
    column_place,
    paragraphs,
    reading,
    text_of,
)
from app.plan_imports.reading import Draft, Registry, inspection_tag
from app.seeding.rules import Criteria

Item = dict[str, Any]


def sheet_rows(sheet: Worksheet, draft: Draft) -> list[tuple[int, list[Any]]]:
    """The sheet's rows that hold anything, by row number; too many is an error."""
    rows: list[tuple[int, list[Any]]] = []
    for number, values in enumerate(
        sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        if number > MAX_ROWS + 1:
            draft.fail(f'sheet "{sheet.title}"', f"The sheet has more than {MAX_ROWS} rows.")
            break
        if any(v is not None and str(v).strip() for v in values):
            rows.append((number, list(values)))
    return rows


def read_actions_sheet(
    sheet: Worksheet, draft: Draft, registry: Registry, officers: dict[str, Item]
) -> list[Item]:
    """The plan's areas, with everything under them, from the "Actions" sheet."""
    rows = sheet_rows(sheet, draft)
    if not rows:
        draft.fail('sheet "Actions"', "The sheet is empty.")
        return []
    reader = _ActionsSheet(draft, registry, officers)
    if not reader.read_header(*rows[0]):
        return []
    for number, values in rows[1:]:
        reader.read_row(_Row(reader, number, values))
    return [reader.areas[n] for n in sorted(reader.areas)]


class _Row:
    """One row of the sheet: its cells by column name, and the place an error names."""

    def __init__(self, sheet: _ActionsSheet, number: int, values: list[Any]) -> None:
        self.sheet, self.number, self.values = sheet, number, values

    def cell(self, name: str) -> Any:
        i = self.sheet.index.get(name)
        return self.values[i] if i is not None and i < len(self.values) else None

    def place(self, name: str | None = None) -> str:
        index, headers = self.sheet.index, self.sheet.headers
        if name is None or name not in index:
            return f'sheet "Actions", row {self.number}'
        return column_place("Actions", self.number, index[name] + 1, headers[name])


class _ActionsSheet:
    def __init__(self, draft: Draft, registry: Registry, officers: dict[str, Item]) -> None:
        self.draft, self.registry, self.officers = draft, registry, officers
        self.index: dict[str, int] = {}
        self.headers: dict[str, str] = {}
        self.areas: dict[int, Item] = {}
        self.by_ref: dict[str, Item] = {}
        self.criteria = Criteria()

    def read_header(self, header_row: int, header_values: list[Any]) -> bool:
        """Find the columns by their labels; False when the sheet cannot be read."""
        by_label = {label.lower(): name for name, label in ACTION_COLUMNS}
        for i, value in enumerate(header_values):
            label = (text_of(value) or "").lower()
            if label in by_label:
                self.index[by_label[label]] = i
                self.headers[by_label[label]] = text_of(value) or ""
        for required in ("area", "action"):
            if required not in self.index:
                self.draft.fail(
                    f'sheet "Actions", row {header_row}',
                    f'The header row has no "{dict(ACTION_COLUMNS)[required]}" column.',
                )
        if self.draft.errors:
            return False
        self.draft.field_places = {
            field: f'column {get_column_letter(self.index[column] + 1)} ("{self.headers[column]}")'
            for field, column in FIELD_COLUMNS.items()
            if column in self.index
        }
        return True

    def read_row(self, row: _Row) -> None:
        owner = self._owner(row)
        if owner is None:
            return
        keys = self._criteria(row, owner)
        title = text_of(row.cell("action"))
        if not title:
            if any(text_of(row.cell(c)) for c in ("lead_officers", "timescale", "strategies")):
                self.draft.warn(
                    row.place(),
                    "The row has no action, so its lead, timescale and links are not read.",
                )
            return
        action = self.draft.placed(
            {
                "title": " ".join(title.split()),
                "description": text_of(row.cell("description")),
                "notes": text_of(row.cell("notes")),
                "timescale": text_of(row.cell("timescale")),
                "lead_officers": [],
                "inspection_actions": [],
                "strategies": [],
                "success_criteria": keys,
                "sub_actions": [],
                **reading(
                    self.draft,
                    row.cell("reading_notes"),
                    row.cell("needs_review"),
                    row.place("needs_review"),
                ),
            },
            row.place(),
        )
        action["lead_officers"].extend(self._lead_officers(row))
        action["strategies"].extend(self._strategies(row))
        self._inspection_actions(row, action)
        self._place_action(row, owner, action)

    def _owner(self, row: _Row) -> Item | None:
        """The area, outcome or objective the row is about, made on its first row."""
        area_text = text_of(row.cell("area"))
        if area_text is None or not area_text.isdigit():
            self.draft.fail(row.place("area"), "The area must be a whole number (1, 2, ...).")
            return None
        area = self.areas.get(int(area_text))
        if area is None:
            area = self.draft.placed(
                {
                    "number": int(area_text),
                    "title": text_of(row.cell("area_title")),
                    "aim": text_of(row.cell("area_aim")),
                    "success_criteria": [],
                    "outcomes": [],
                    "actions": [],
                },
                row.place(),
            )
            self.areas[int(area_text)] = area
        owner: Item = area
        outcome_text = paragraphs(row.cell("outcome"))
        if outcome_text:
            owner = self._child(
                row,
                area["outcomes"],
                outcome_text,
                "outcome",
                lambda: {
                    "number": text_of(row.cell("outcome_number")),
                    "statement": outcome_text,
                    "success_criteria": [],
                    "objectives": [],
                    "actions": [],
                },
            )
        objective_text = paragraphs(row.cell("objective"))
        if objective_text:
            if owner is area:
                self.draft.fail(
                    row.place("objective"), "An objective needs an outcome on the same row."
                )
                return None
            owner = self._child(
                row,
                owner["objectives"],
                objective_text,
                "objective",
                lambda: {"statement": objective_text, "success_criteria": [], "actions": []},
            )
        return owner

    def _child(
        self, row: _Row, siblings: list[Item], statement: str, column: str, make: Any
    ) -> Item:
        """The outcome or objective with this statement, made by `make` on its first row."""
        found = next((s for s in siblings if s["statement"] == statement), None)
        if found is None:
            found = self.draft.placed(make(), row.place(column))
            siblings.append(found)
        return found

    def _criteria(self, row: _Row, owner: Item) -> list[str]:
        """The keys of the row's success criteria, each added to its owner once."""
        keys = []
        for statement in cell_lines(row.cell("success_criteria")):
            found, new = self.criteria.key(owner, statement)
            if new:
                owner["success_criteria"].append(
                    self.draft.placed(
                        {"key": found, "statement": statement}, row.place("success_criteria")
                    )
                )
            keys.append(found)
        return keys

    def _lead_officers(self, row: _Row) -> list[str]:
        keys = []
        for line in cell_lines(row.cell("lead_officers")):
            for name in (part.strip() for part in line.split(";")):
                if not name:
                    continue
                if name in self.officers:
                    officer = self.officers[name]
                    self.registry.officers.setdefault(officer["key"], officer)
                    keys.append(officer["key"])
                else:
                    keys.append(self.registry.officer(self.draft, name, row.place("lead_officers")))
        return keys

    def _strategies(self, row: _Row) -> list[Item]:
        links: list[Item] = []
        for line in cell_lines(row.cell("strategies")):
            if NOTE.match(line) and links:
                previous = links[-1]
                note = NOTE.sub("", line)
                previous["note"] = f"{previous['note']} {note}" if previous["note"] else note
                continue
            links.append({"strategy": self.registry.strategy(line), "note": None})
        return links

    def _inspection_actions(self, row: _Row, action: Item) -> None:
        for part in re.split(r"[,\n;]", text_of(row.cell("inspection_actions")) or ""):
            part = part.strip()
            if not part:
                continue
            tag = inspection_tag(part)
            if part.isdigit():
                tag = ("Ofsted", int(part))
            if tag is None:
                self.draft.fail(
                    row.place("inspection_actions"),
                    f"'{part}' is not an inspection action number.",
                )
                continue
            if tag[1] not in self.registry.inspections:
                self.registry.inspection(tag[0], tag[1], f"{tag[0]} Improvement Action {tag[1]}")
                self.draft.choose(
                    action,
                    "inspection_action_created",
                    f"Inspection action {tag[1]} is not listed, so it is created with "
                    "its label as its text.",
                    row.place("inspection_actions"),
                )
            action["inspection_actions"].append(tag[1])

    def _place_action(self, row: _Row, owner: Item, action: Item) -> None:
        """Under its parent action when the row names one, else under the row's owner."""
        ref = text_of(row.cell("ref"))
        parent_ref = text_of(row.cell("parent_ref"))
        if parent_ref:
            parent = self.by_ref.get(parent_ref)
            if parent is None:
                self.draft.fail(
                    row.place("parent_ref"), f"No action above has the ref '{parent_ref}'."
                )
                return
            parent["sub_actions"].append(action)
        else:
            owner["actions"].append(action)
        if ref:
            if ref in self.by_ref:
                self.draft.fail(row.place("ref"), f"The ref '{ref}' is used on an earlier row.")
            self.by_ref[ref] = action
