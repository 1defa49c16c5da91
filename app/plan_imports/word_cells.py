"""A Word plan table's rows and cells: which column is which, a cell's paragraphs, and what
each paragraph of an action cell is (an action, a listed sub-item, a tag, a description or a
note), by the reading rules of seed/README.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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


def is_list_item(paragraph: Paragraph) -> bool:
    style = paragraph.style.name if paragraph.style is not None else ""
    p_pr = paragraph._p.pPr
    numbered = p_pr is not None and p_pr.numPr is not None
    return numbered or "List" in (style or "") or paragraph.text.lstrip()[:1] in _BULLETS


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


def table_rows(table: Table, found: dict[str, int]) -> list[Row]:
    header_cells = table.rows[0].cells
    headers = {kind: " ".join(header_cells[i].text.split()) for kind, i in found.items()}
    header_text = [c.text.strip() for c in header_cells]
    rows = []
    for number, row in enumerate(table.rows, start=1):
        if number == 1:
            continue
        cells: list[_Cell | None] = [None] * row.grid_cols_before + list(row.cells)
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
