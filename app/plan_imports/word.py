"""Reading a plan from a Word document: the table councils write their plans in.

The table has a header row naming its columns (Outcome, Objective, Action, Success criteria,
Lead officer, Timescale, RAG rating, Links to strategy; any order, some may be missing), a
row spanning the whole table for each improvement area ("Improvement Area One : Our People",
its aim below), and then a row per action. The rules, and the choices they make, are in
docs/plan-imports.md; every choice is reported in the dry run.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from app.plan_imports.reading import (
    PARAGRAPH_BREAK,
    Draft,
    Registry,
    inspection_tag,
    lead_with_partners,
    meeting_schedule,
    slug,
)

COLUMNS: dict[str, tuple[str, ...]] = {
    # Tried in this order, so "Success criteria" is not read as an action column.
    "criteria": ("success", "criteria"),
    "lead": ("lead", "owner", "responsible"),
    "timescale": ("timescale", "deadline", "due", "by when", "date"),
    "rag": ("rag", "rating"),
    "links": ("link", "strateg"),
    "outcome": ("outcome",),
    "objective": ("objective",),
    "action": ("action",),
}
NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
_AREA = re.compile(
    r"^(?:improvement\s+)?(?:area|theme|priority)\s+(?P<number>\w+)\s*[:\-\u2013\u2014.]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_OUTCOME_NUMBER = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})+)\.?\s+(?P<statement>\S.*)$")
_LABEL = re.compile(
    r"^(?P<label>organisation|organization|council|version|status|plan key)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_BULLETS = "\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u2013-*"
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s+")
_NOTE = re.compile(r"^note\s*:\s*", re.IGNORECASE)


# The column each field of the plan document is read from, for errors that name a cell.
FIELD_COLUMNS = {
    "title": "action",
    "description": "action",
    "notes": "action",
    "timescale": "timescale",
    "lead_officers": "lead",
    "strategies": "links",
    "success_criteria": "criteria",
    "inspection_actions": "action",
    "statement": "criteria",
}


class NotAPlan(Exception):
    """The document has no table this reader can take a plan from."""


def _is_list_item(paragraph: Paragraph) -> bool:
    style = paragraph.style.name if paragraph.style is not None else ""
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    return numbered or "List" in (style or "") or paragraph.text.lstrip()[:1] in _BULLETS


def _item_text(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    if text[:1] in _BULLETS:
        text = text[1:].strip()
    return _NUMBERED_ITEM.sub("", text, count=1).strip()


def _texts(cell: _Cell | None) -> list[str]:
    if cell is None:
        return []
    return [" ".join(p.text.split()) for p in cell.paragraphs if p.text.strip()]


def _headings(table: Table) -> dict[str, int] | None:
    """Which column holds what, from the header row; None when there is no action column."""
    if not table.rows:
        return None
    found: dict[str, int] = {}
    for index, cell in enumerate(table.rows[0].cells):
        text = " ".join(cell.text.lower().split())
        for kind, words in COLUMNS.items():
            if kind not in found and any(word in text for word in words):
                found[kind] = index
                break
    return found if "action" in found else None


@dataclass
class _Row:
    number: int
    cells: dict[str, _Cell | None]
    headers: dict[str, str]

    def place(self, table: int, kind: str | None = None) -> str:
        where = f"table {table}, row {self.number}"
        if kind is not None and kind in self.headers:
            where += f', cell "{self.headers[kind]}"'
        return where


@dataclass
class _Reader:
    draft: Draft
    registry: Registry
    table_number: int
    areas: list[dict[str, Any]] = field(default_factory=list)
    area: dict[str, Any] | None = None
    outcome: dict[str, Any] | None = None
    objective: dict[str, Any] | None = None
    # The cell (its XML element) each column's value was last read from, so a merged cell
    # read again on the next row is known as the same cell.
    last: dict[str, Any] = field(default_factory=dict)
    criteria_of_cell: dict[Any, list[str]] = field(default_factory=dict)
    leads: list[str] = field(default_factory=list)
    top_action: dict[str, Any] | None = None
    criterion_count: int = 0
    # Whether the row being read left its lead cell blank under a filled one.
    lead_inherited: bool = False
    # The links of the last action read, and the item it belongs to, for blank links cells.
    links_above: list[dict[str, Any]] = field(default_factory=list)
    links_owner: dict[str, Any] | None = None
    # Likewise the criteria last linked to an action, for blank criteria cells.
    criteria_above: list[str] = field(default_factory=list)
    criteria_owner: dict[str, Any] | None = None
    sub_item_row: bool = False

    def read(self, rows: list[_Row]) -> None:
        for row in rows:
            self._row(row)

    def _same(self, kind: str, row: _Row) -> bool:
        cell = row.cells.get(kind)
        element = cell._tc if cell is not None else None
        same = element is not None and self.last.get(kind) is element
        self.last[kind] = element
        return same

    def _row(self, row: _Row) -> None:
        distinct = {id(c._tc) for c in row.cells.values() if c is not None}
        texts = {kind: _texts(cell) for kind, cell in row.cells.items()}
        if len(distinct) == 1 and any(texts.values()):
            self._area(row, next(t for t in texts.values() if t))
            return
        if not any(texts.values()):
            return
        if self.area is None:
            self.draft.fail(
                row.place(self.table_number),
                "This row comes before any improvement area heading (a row spanning the "
                "table, such as 'Improvement Area One : Our People').",
            )
            return
        self._levels(row, texts)
        actions = self._actions(row, texts)
        self._criteria(row, texts, actions)
        if texts.get("rag"):
            self.draft.warn(
                row.place(self.table_number, "rag"),
                f"The rating '{' '.join(texts['rag'])}' is not imported: ratings arrive with "
                "status updates.",
            )

    def _area(self, row: _Row, lines: list[str]) -> None:
        match = _AREA.match(lines[0])
        number = len(self.areas) + 1
        title = lines[0]
        if match and match["title"].strip():
            word = match["number"].lower()
            written = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if written is not None:
                number, title = written, match["title"].strip()
        area: dict[str, Any] = {
            "number": number,
            "title": title,
            "aim": " ".join(lines[1:]) or None,
            "success_criteria": [],
            "outcomes": [],
            "actions": [],
        }
        self.draft.placed(area, row.place(self.table_number))
        if not match:
            self.draft.choose(
                area,
                "area_heading",
                f"'{lines[0]}' spans the table, so it is read as improvement area {number}.",
                row.place(self.table_number),
            )
        self.areas.append(area)
        self.area, self.outcome, self.objective = area, None, None
        self.last.clear()
        self.leads = []

    def _levels(self, row: _Row, texts: dict[str, list[str]]) -> None:
        if self.area is None:
            return
        new_outcome = not self._same("outcome", row) and texts.get("outcome")
        if new_outcome:
            lines = texts["outcome"]
            number = None
            match = _OUTCOME_NUMBER.match(lines[0])
            if match:
                number = match["number"]
                lines = [match["statement"], *lines[1:]]
            statement = PARAGRAPH_BREAK.join(lines)
            self.outcome = self.draft.placed(
                {
                    "number": number,
                    "statement": statement,
                    "success_criteria": [],
                    "objectives": [],
                    "actions": [],
                },
                row.place(self.table_number, "outcome"),
            )
            self.area["outcomes"].append(self.outcome)
            self.objective = None
            if number is not None:
                self._choose(
                    self.outcome,
                    row,
                    "outcome",
                    "outcome_number",
                    f"'{number}' at the start of the outcome is read as its printed number.",
                )
            self._joined(self.outcome, row, "outcome", lines)
        elif self.outcome is not None and self._blank_new("outcome", row, texts):
            self._continues(row, "outcome")
        new_objective = not self._same("objective", row)
        if (
            new_objective
            and self.objective is not None
            and self._blank_new("objective", row, texts)
        ):
            self._continues(row, "objective")
        if new_objective and texts.get("objective"):
            if self.outcome is None:
                self.draft.fail(
                    row.place(self.table_number, "objective"),
                    "An objective needs an outcome: this row has none, nor has any row above "
                    "it in this area.",
                )
                return
            lines = texts["objective"]
            self.objective = self.draft.placed(
                {"statement": PARAGRAPH_BREAK.join(lines), "success_criteria": [], "actions": []},
                row.place(self.table_number, "objective"),
            )
            self.outcome["objectives"].append(self.objective)
            self._joined(self.objective, row, "objective", lines)

    def _blank_new(self, kind: str, row: _Row, texts: dict[str, list[str]]) -> bool:
        """A blank cell of its own (not a merged cell carried down) in this column."""
        return (
            row.cells.get(kind) is not None
            and not texts.get(kind)
            and self.last.get(kind) is not None
        )

    def _continues(self, row: _Row, kind: str) -> None:
        self.draft.choose(
            None,
            f"blank_{kind}_continues",
            f"A blank {kind} cell under a filled one is read as the same {kind} as above.",
            row.place(self.table_number, kind),
        )

    def _joined(self, item: dict[str, Any], row: _Row, kind: str, lines: list[str]) -> None:
        if len(lines) > 1:
            self._choose(
                item,
                row,
                kind,
                "paragraphs_joined",
                f"The {kind} cell has {len(lines)} paragraphs. They are kept as paragraphs of "
                f"one {kind}, not {len(lines)} of them: the actions beside the cell sit beside "
                "all its paragraphs.",
            )

    def _choose(
        self, item: dict[str, Any] | None, row: _Row, kind: str, choice: str, message: str
    ) -> None:
        self.draft.choose(item, choice, message, row.place(self.table_number, kind))

    def _owner(self) -> dict[str, Any]:
        # Rows are read only once an area heading has been seen.
        return self.objective or self.outcome or self.area or {}

    def _actions(self, row: _Row, texts: dict[str, list[str]]) -> list[dict[str, Any]]:
        """The actions this row holds: its main action and the sub-items in its cell."""
        cell = row.cells.get("action")
        paragraphs = [p for p in cell.paragraphs if p.text.strip()] if cell is not None else []
        merged_action = self._same("action", row)
        if not paragraphs or merged_action:
            # A row with no action of its own: its criteria describe the item above it.
            self._same("lead", row)
            self._same("timescale", row)
            return []
        self.lead_inherited = False
        self.sub_item_row = False
        leads = self._leads(row, texts)
        timescales = texts.get("timescale", [])
        links = self._links(row, texts)
        main: dict[str, Any] | None = None
        items: list[dict[str, Any]] = []
        descriptions: list[str] = []
        notes: list[str] = []
        last: dict[str, Any] | None = None
        # The actions written in this cell since its last tag: a tag applies to all of them.
        untagged: list[dict[str, Any]] = []
        for paragraph in paragraphs:
            text = " ".join(paragraph.text.split())
            tag = inspection_tag(text)
            if tag is not None:
                targets = untagged or ([self.top_action] if self.top_action else [])
                if not targets:
                    self.draft.fail(
                        row.place(self.table_number, "action"), f"'{text}' tags no action."
                    )
                    continue
                number = self.registry.inspection(tag[0], tag[1], text)
                for target in targets:
                    if number not in target["inspection_actions"]:
                        target["inspection_actions"].append(number)
                if len(targets) > 1:
                    self._choose(
                        targets[0],
                        row,
                        "action",
                        "tag_closes_cell",
                        f"'{text}' closes the action cell, so it tags every action written "
                        "before it there, the listed sub-items included.",
                    )
                untagged = []
                continue
            if main is not None and _is_list_item(paragraph):
                last = self._new_action(_item_text(paragraph), row)
                items.append(last)
                untagged.append(last)
            elif main is None:
                if _is_list_item(paragraph) and self.top_action is not None:
                    # A row whose action cell is only a list item: a sub-item of the action above.
                    last = self._new_action(_item_text(paragraph), row)
                    items.append(last)
                    untagged.append(last)
                    continue
                main = last = self._new_action(
                    _item_text(paragraph) if _is_list_item(paragraph) else text, row
                )
                untagged.append(main)
            elif text.endswith(":"):
                descriptions.append(text)
            else:
                notes.append(text)
        leads_notes = self._lead_notes(row, texts)
        if leads_notes:
            self._choose(
                main or self.top_action,
                row,
                "lead",
                "note_in_lead_cell",
                "The lead officer cell has more than a lead: a sentence, or partners named "
                "beside the lead, are kept in the action's notes, since a partner group is not "
                "a council officer.",
            )
        if main is None:
            # Sub-item rows: each takes this row's lead, timescale and links.
            parent = self.top_action
            if parent is None:  # a list item is read as a sub-item only under an action
                return []
            for position, item in enumerate(items):
                item["lead_officers"] = list(leads)
                item["timescale"] = self._timescale_for(
                    row, timescales, position, len(items), parent
                )
                item["strategies"] = list(links) if position == 0 else []
                # The criteria beside the parent's cell describe its sub-items too.
                item["success_criteria"] = list(parent["success_criteria"])
                parent["sub_actions"].append(item)
                self._choose(
                    item,
                    row,
                    "action",
                    "sub_item",
                    f"A listed item under '{_short(parent['title'])}': it has the lead officers, "
                    "timescale and links of its own row, and the criteria beside its parent's "
                    "cell.",
                )
            if notes or leads_notes:
                parent["notes"] = _join(parent.get("notes"), *notes, *leads_notes)
            self.sub_item_row = True
            return [parent]
        main["description"] = " ".join(descriptions) or None
        main["notes"] = _join(None, *notes, *leads_notes)
        if notes:
            self._choose(
                main,
                row,
                "action",
                "note_in_action_cell",
                "Text after the action that does not end with ':' is read as a note.",
            )
        if descriptions:
            self._choose(
                main,
                row,
                "action",
                "description",
                "Text after the action ending with ':' is read as its description.",
            )
        main["lead_officers"] = list(leads)
        if not links and self.links_above and self.links_owner is self._owner():
            # A blank links cell means "same as above" within the item, as a blank lead does.
            links = [dict(link) for link in self.links_above]
            self._choose(
                main,
                row,
                "links",
                "links_same_as_above",
                "The links cell is blank under a filled one, so this action has the links above.",
            )
        main["strategies"] = links
        if self.lead_inherited:
            self._choose(
                main,
                row,
                "lead",
                "lead_same_as_above",
                "The lead officer cell is blank under a filled one, so this action has the "
                "lead officers above.",
            )
        self._place_timescales(row, main, items, timescales)
        for item in items:
            # The cells beside the action cell go with each of its listed items.
            item["lead_officers"] = list(leads)
            item["strategies"] = [dict(link) for link in links]
            main["sub_actions"].append(item)
            self._choose(
                item,
                row,
                "action",
                "sub_item",
                f"A listed item in the action cell of '{_short(main['title'])}': it has the "
                "cells beside that cell (lead officers, timescale, links and criteria).",
            )
        if items:
            self._choose(
                main,
                row,
                "action",
                "sub_items",
                f"The {len(items)} list items in the action cell are read as sub-actions "
                "taking the cells beside it: lead officers, timescale, links and criteria.",
            )
        self._owner()["actions"].append(main)
        self.top_action = main
        self.links_above, self.links_owner = links, self._owner()
        return [main, *items]

    def _place_timescales(
        self, row: _Row, main: dict[str, Any], items: list[dict[str, Any]], timescales: list[str]
    ) -> None:
        if not items:
            main["timescale"] = " ".join(timescales) or None
            if not timescales:
                self._choose(
                    main,
                    row,
                    "timescale",
                    "no_timescale",
                    "The timescale cell is blank, so the action has no timescale and no due date.",
                )
            if len(timescales) > 1:
                self._choose(
                    main,
                    row,
                    "timescale",
                    "timescale_joined",
                    "The timescale cell's paragraphs are read as one timescale.",
                )
            return
        if len(timescales) == len(items) + 1:
            main["timescale"] = timescales[0]
            for item, text in zip(items, timescales[1:], strict=True):
                item["timescale"] = text
            message = "The timescales line up with the action and its list items in order."
        elif len(timescales) == len(items) and len(items) > 1:
            main["timescale"] = None
            for item, text in zip(items, timescales, strict=True):
                item["timescale"] = text
            message = (
                "There are as many timescales as list items, so they go to the items "
                "in order, and the action itself has none."
            )
        else:
            main["timescale"] = " ".join(timescales) or None
            for item in items:
                item["timescale"] = main["timescale"]
            message = "The list items take the action's timescale."
        self._choose(main, row, "timescale", "sub_item_timescales", message)

    def _timescale_for(
        self, row: _Row, timescales: list[str], position: int, count: int, parent: dict[str, Any]
    ) -> str | None:
        if len(timescales) == count:
            return timescales[position]
        if not timescales:
            self._choose(
                parent,
                row,
                "timescale",
                "timescale_from_parent",
                "A sub-item with a blank timescale takes its action's timescale.",
            )
            return parent.get("timescale")
        return " ".join(timescales)

    def _new_action(self, title: str, row: _Row) -> dict[str, Any]:
        return self.draft.placed(
            {
                "title": title,
                "description": None,
                "notes": None,
                "timescale": None,
                "lead_officers": [],
                "inspection_actions": [],
                "strategies": [],
                "success_criteria": [],
                "sub_actions": [],
            },
            row.place(self.table_number),
        )

    def _leads(self, row: _Row, texts: dict[str, list[str]]) -> list[str]:
        same = self._same("lead", row)
        if same:
            return self.leads
        names = [line for line in texts.get("lead", []) if not line.endswith(".")]
        if not names:
            self.lead_inherited = bool(self.leads)
            return self.leads
        keys: list[str] = []
        for line in names:
            # A lead written with partner agencies: the partners are not council officers, so
            # the line is kept in the action's notes and only the officer leads.
            line = lead_with_partners(line) or line
            for name in (part.strip() for part in line.split(";")):
                if name:
                    keys.append(
                        self.registry.officer(
                            self.draft, name, row.place(self.table_number, "lead")
                        )
                    )
        self.leads = list(dict.fromkeys(keys))
        return self.leads

    def _lead_notes(self, row: _Row, texts: dict[str, list[str]]) -> list[str]:
        notes = [
            line
            for line in texts.get("lead", [])
            if line.endswith(".") or lead_with_partners(line) is not None
        ]
        if notes and self.last.get("lead_notes") is not row.cells.get("lead"):
            self.last["lead_notes"] = row.cells.get("lead")
            return notes
        return []

    def _links(self, row: _Row, texts: dict[str, list[str]]) -> list[dict[str, Any]]:
        links: list[dict[str, Any]] = []
        if self._same("links", row):
            self.draft.choose(
                None,
                "links_merged",
                "A links cell merged over several rows links each of their actions.",
                row.place(self.table_number, "links"),
            )
        for line in texts.get("links", []):
            if _NOTE.match(line) and links:
                links[-1]["note"] = _join(links[-1]["note"], _NOTE.sub("", line), between=" ")
                continue
            links.append({"strategy": self.registry.strategy(line), "note": None})
        return links

    def _criteria(
        self, row: _Row, texts: dict[str, list[str]], actions: list[dict[str, Any]]
    ) -> None:
        cell = row.cells.get("criteria")
        if cell is None:
            return
        element = cell._tc
        if element not in self.criteria_of_cell:
            keys = []
            for statement in texts.get("criteria", []):
                self.criterion_count += 1
                key = f"sc-{self.criterion_count}"
                criterion = self.draft.placed(
                    {"key": key, "statement": statement},
                    row.place(self.table_number, "criteria"),
                )
                self._owner()["success_criteria"].append(criterion)
                keys.append(key)
                if not actions:
                    self._choose(
                        criterion,
                        row,
                        "criteria",
                        "criteria_without_action",
                        "Sits on a row with no action, so it describes the item it sits under "
                        "and is linked to no action.",
                    )
            if (
                not keys
                and actions
                and not self.sub_item_row
                and self.criteria_above
                and self.criteria_owner is self._owner()
            ):
                # A blank criteria cell means "same as above" within the item (rule 6).
                keys = list(self.criteria_above)
                self._choose(
                    actions[0],
                    row,
                    "criteria",
                    "criteria_same_as_above",
                    "The success criteria cell is blank under a filled one, so this action has "
                    "the criteria above.",
                )
            self.criteria_of_cell[element] = keys
        else:
            keys = self.criteria_of_cell[element]
            for action in actions if keys else []:
                self._choose(
                    action,
                    row,
                    "criteria",
                    "criteria_cell_spans_actions",
                    "The success criteria cell spans this action and the one above, so its "
                    "criteria go with each of them.",
                )
        for action in actions:
            for key in keys:
                if key not in action["success_criteria"]:
                    action["success_criteria"].append(key)
        if keys and actions and not self.sub_item_row:
            self.criteria_above, self.criteria_owner = keys, self._owner()


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"


def _join(first: str | None, *more: str, between: str = PARAGRAPH_BREAK) -> str | None:
    parts = [part for part in (first, *more) if part]
    return between.join(parts) or None


# Readings the plan's owner should confirm: the reader inferred something the table does not
# say outright (as the seed marks them; see seed/README.md, section 2).
NEEDS_REVIEW = {
    "paragraphs_joined",
    "criteria_without_action",
    "lead_same_as_above",
    "links_same_as_above",
    "criteria_same_as_above",
    "sub_item",
    "no_timescale",
    "note_in_lead_cell",
    "tag_closes_cell",
}


def _rows(table: Table, headings: dict[str, int]) -> list[_Row]:
    header_cells = table.rows[0].cells
    headers = {kind: " ".join(header_cells[i].text.split()) for kind, i in headings.items()}
    header_text = [c.text.strip() for c in header_cells]
    rows = []
    for number, row in enumerate(table.rows, start=1):
        if number == 1:
            continue
        cells: list[_Cell | None] = [None] * row.grid_cols_before + list(row.cells)
        if [c.text.strip() if c is not None else "" for c in cells] == header_text:
            continue  # the header row repeated on a later page
        rows.append(
            _Row(
                number=number,
                cells={kind: cells[i] if i < len(cells) else None for kind, i in headings.items()},
                headers=headers,
            )
        )
    return rows


def _rating_definitions(tables: list[Table]) -> dict[str, str] | None:
    for table in tables:
        found: dict[str, str] = {}
        for row in table.rows:
            cells = row.cells
            if len(cells) >= 2:
                word = cells[0].text.strip().lower()
                if word in {"red", "amber", "green", "blue"}:
                    found[word] = " ".join(cells[1].text.split())
        if len(found) == 4:
            return found
    return None


def read_word(content: bytes, *, key: str | None, organisation: str | None) -> Draft:
    """A plan document from a Word file's plan table and the paragraphs before it."""
    document = Document(io.BytesIO(content))
    draft = Draft(format="docx", document={})
    tables = list(document.tables)
    plan_table = next(
        ((n, t, h) for n, t in enumerate(tables, start=1) if (h := _headings(t)) is not None),
        None,
    )
    if plan_table is None:
        raise NotAPlan(
            "The document has no table with a header row naming an Action column, so no "
            "plan can be read from it."
        )
    table_number, table, headings = plan_table
    labels: dict[str, str] = {}
    title: str | None = None
    paragraphs: list[list[str]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            if block._tbl is table._tbl:
                break
            continue
        text = block.text.strip()
        if not text:
            continue
        label = _LABEL.match(text)
        style = block.style.name if block.style is not None else ""
        if label:
            labels[label["label"].lower()] = label["value"].strip()
        elif title is None and (style.startswith(("Title", "Heading")) or not paragraphs):
            title = " ".join(text.split())
        elif style.startswith(("Title", "Heading")):
            continue  # a heading over the rating key or the table, not the plan's introduction
        elif (
            paragraphs and _is_list_item(block) and paragraphs[-1] and paragraphs[-1][-1] == "list"
        ):
            paragraphs[-1].insert(-1, text)
        else:
            paragraphs.append([text, "list"] if _is_list_item(block) else [text])
    description = (
        "\n\n".join("\n".join(part for part in p if part != "list") for p in paragraphs) or None
    )
    organisation = (
        organisation
        or labels.get("organisation")
        or labels.get("organization")
        or labels.get("council")
    )
    if not organisation:
        draft.fail(
            "document",
            "The document does not name the council: add a line 'Organisation: <name>' before "
            "the table, or send the organisation field.",
        )
    if title is None:
        draft.fail("document", "The document has no title paragraph before the plan table.")
    plan_key = key or labels.get("plan key") or slug(title or "plan", limit=60)
    if not key and "plan key" not in labels:
        draft.choose(
            None, "plan_key", f"The plan's key is taken from its title: '{plan_key}'.", "document"
        )
    version = labels.get("version")
    status = labels.get("status", "draft").lower()
    ratings = _rating_definitions([t for t in tables if t._tbl is not table._tbl])
    if ratings is None:
        draft.choose(
            None,
            "rating_definitions",
            "The document has no rating key table, so the plan shows the service's usual "
            "meanings of red, amber, green and blue, marked as the service's.",
            "document",
        )
    registry = Registry()
    rows = _rows(table, headings)
    reader = _Reader(draft=draft, registry=registry, table_number=table_number)
    reader.read(rows)
    headers = rows[0].headers if rows else {}
    draft.field_places = {
        name: f'cell "{headers[kind]}"' for name, kind in FIELD_COLUMNS.items() if kind in headers
    }
    if not reader.areas:
        draft.fail(f"table {table_number}", "The table has no improvement area heading rows.")
    draft.keep_choices(NEEDS_REVIEW)
    draft.document = {
        "format": "improvement-plan/v1",
        "plan": {
            "key": plan_key,
            "title": title,
            "organisation": organisation,
            "version_label": version,
            "status": status,
            "description": description,
            "rating_definitions": ratings,
            "meeting_schedule": meeting_schedule(description),
        },
        **registry.lists(),
        "areas": reader.areas,
    }
    return draft
