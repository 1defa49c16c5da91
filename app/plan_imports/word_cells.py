"""A Word plan table's rows and cells: which column is which, a cell's paragraphs, and what
each paragraph of an action cell is (an action, a listed sub-item, a tag, a description or a
note), by the reading rules of seed/README.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from docx.oxml.simpletypes import ST_Merge
from docx.oxml.table import CT_Tc
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from app.plan_imports.reading import inspection_tag
from app.seeding.rules import PARAGRAPH_BREAK, dated_note, paragraphs

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
    "tag",
    "paired_by_position",
    "paired_all",
}
_BULLETS = "\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u2013-*"
_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s+")
NOTE = re.compile(r"^note\s*:\s*", re.IGNORECASE)


# Each document's paragraph style names by style id: python-docx's `paragraph.style` searches
# every style of the document (for the default) each time it is asked.
_STYLE_NAMES: WeakKeyDictionary[Any, dict[str | None, str]] = WeakKeyDictionary()


def style_name(paragraph: Paragraph) -> str:
    """The name of the paragraph's style, as `paragraph.style` gives it; "" for none."""
    names = _STYLE_NAMES.setdefault(paragraph.part, {})
    style_id = paragraph._p.style
    if style_id not in names:
        style = paragraph.style
        names[style_id] = (style.name if style is not None else "") or ""
    return names[style_id]


def is_list_item(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    return numbered or "List" in style_name(paragraph) or paragraph.text.lstrip()[:1] in _BULLETS


def item_text(text: str) -> str:
    text = text.strip()
    if text[:1] in _BULLETS:
        text = text[1:].strip()
    return _NUMBERED_ITEM.sub("", text, count=1).strip()


def texts(cell: _Cell | None) -> list[str]:
    """A cell's paragraphs (rule 1: a Word paragraph, or a double space within one)."""
    if cell is None:
        return []
    return [part for p in cell.paragraphs for part in paragraphs(p.text)]


def headings(table: Table) -> dict[str, int] | None:
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
class Row:
    number: int
    cells: dict[str, _Cell | None]
    headers: dict[str, str]

    def place(self, table: int, kind: str | None = None) -> str:
        where = f"table {table}, row {self.number}"
        if kind is not None and kind in self.headers:
            where += f', cell "{self.headers[kind]}"'
        return where


def table_grid(table: Table) -> list[list[_Cell]]:
    """Each row's cells as python-docx's `row.cells` gives them: a cell once for each grid
    column it spans (`w:gridSpan`), and a cell merged down from the row above (a bare
    `w:vMerge`) as the cell that starts the merge (`w:vMerge="restart"`). Walking the rows
    once and keeping the cell at each grid column gives them without `row.cells`'s search up
    the table for every merged cell, which grows with the rows times the merged cells."""
    grid: list[list[_Cell]] = []
    # The cell starting at each grid column of the row above, merges followed to their top.
    above: dict[int, CT_Tc] = {}
    for tr in table._tbl.tr_lst:
        here: dict[int, CT_Tc] = {}
        cells: list[_Cell] = []
        column = tr.grid_before
        for tc in tr.tc_lst:
            top = tc
            if tc.vMerge == ST_Merge.CONTINUE:
                if column not in above:  # as python-docx: nothing above to continue
                    raise ValueError(f"no cell above the merged cell at grid column {column}")
                top = above[column]
            here[column] = top
            # A new cell object for each row, as `row.cells` makes, shared along its span.
            cell = _Cell(top, table)
            cells += [cell] * top.grid_span
            column += tc.grid_span
        grid.append(cells)
        above = here
    return grid


def table_rows(table: Table, found: dict[str, int]) -> list[Row]:
    grid = table_grid(table)
    header_cells = grid[0]
    headers = {kind: " ".join(header_cells[i].text.split()) for kind, i in found.items()}
    header_text = [c.text.strip() for c in header_cells]
    rows = []
    for number, (tr, row_cells) in enumerate(zip(table._tbl.tr_lst, grid, strict=True), start=1):
        if number == 1:
            continue
        cells: list[_Cell | None] = [None] * tr.grid_before + list(row_cells)
        if [c.text.strip() if c is not None else "" for c in cells] == header_text:
            continue  # the header row repeated on a later page
        rows.append(
            Row(
                number=number,
                cells={kind: cells[i] if i < len(cells) else None for kind, i in found.items()},
                headers=headers,
            )
        )
    return rows


Tag = tuple[str, int, str]  # ("Ofsted", 3, "Ofsted Improvement Action 3")


@dataclass
class CellAction:
    """An action written in an action cell, or a listed sub-item of one."""

    title: str
    place: int  # its paragraph's place among the cell's paragraphs
    descriptions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[CellAction] = field(default_factory=list)
    # Each tag on it, and how many actions of the cell that tag closes.
    tags: list[tuple[Tag, int]] = field(default_factory=list)


@dataclass
class ActionCell:
    """What an action cell holds. Items, tags and notes written before any action of the
    cell belong to the action above (a row continued from it)."""

    actions: list[CellAction] = field(default_factory=list)
    loose_items: list[CellAction] = field(default_factory=list)
    loose_tags: list[Tag] = field(default_factory=list)
    loose_notes: list[str] = field(default_factory=list)


def read_action_cell(cell: _Cell) -> ActionCell:
    """Rules 1, 2, 7 and 8: each paragraph is an action, but for listed items (sub-actions),
    inspection tags (on every action written before them, back to the previous tag), a line
    ending ':' (a description) and a note (a dated line, or one starting 'Note:')."""
    read = ActionCell()
    untagged: list[CellAction] = []
    place = -1
    for paragraph in cell.paragraphs:
        listed = is_list_item(paragraph)
        for text in paragraphs(paragraph.text):
            place += 1
            last = read.actions[-1] if read.actions else None
            tag = inspection_tag(text)
            if tag is not None:
                found: Tag = (tag[0], tag[1], text)
                for action in untagged:
                    action.tags.append((found, len(untagged)))
                if not untagged:
                    read.loose_tags.append(found)
                untagged = []
            elif listed:
                item = CellAction(title=item_text(text), place=place)
                (last.items if last is not None else read.loose_items).append(item)
                untagged.append(item)
            elif last is not None and text.endswith(":"):
                last.descriptions.append(text)
            elif dated_note(text) is not None or NOTE.match(text):
                (last.notes if last is not None else read.loose_notes).append(text)
            else:
                action = CellAction(title=item_text(text) if listed else text, place=place)
                read.actions.append(action)
                untagged.append(action)
    return read


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"


def join_notes(first: str | None, *more: str, between: str = PARAGRAPH_BREAK) -> str | None:
    parts = [part for part in (first, *more) if part]
    return between.join(parts) or None
