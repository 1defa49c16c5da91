"""A Word document holding the Stockton plan's table, built from the seed data the way the
council's document sets it out: a header row, a merged row per improvement area, outcome and
objective cells merged down their rows, criteria cells merged over the actions they describe,
list items for sub-items, and blank lead cells meaning "same as above"."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Emu
from docx.table import Table, _Cell

from app.seeding.format import SeedAction, SeedFile

HEADERS = [
    "Outcome",
    "Objective",
    "Action",
    "Success criteria",
    "Lead Officer",
    "Timescale",
    "RAG rating",
    "Links to Strategy",
]
WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four"}
_BLANK_LEAD = re.compile(r"\blead\b[^.]*\bcells? (?:is|are) blank")
_BLANK_CRITERION = re.compile(r"\bcriterion\b[^.]*\bcells? (?:is|are) blank")
_BLANK_LINK = re.compile(r"\blink\b[^.]*\bcells? (?:is|are) blank")


@dataclass
class Row:
    area_heading: list[str] | None = None
    outcome: list[str] = field(default_factory=list)
    objective: list[str] = field(default_factory=list)
    action: list[tuple[str, str]] = field(default_factory=list)  # (text, style)
    criteria: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    timescale: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    # Which earlier row's cell this one continues (a vertical merge), per column.
    merge: dict[int, int] = field(default_factory=dict)


def _in_cell(parent: SeedAction, sub: SeedAction) -> bool:
    """A sub-action written as a list item in its parent's cell: it has every cell beside it."""
    return (
        sub.lead_officers == parent.lead_officers
        and sub.timescale == parent.timescale
        and sub.strategies == parent.strategies
        and sub.success_criteria == parent.success_criteria
        and sub.inspection_actions == parent.inspection_actions
        and not sub.sub_actions
        and sub.description is None
        and sub.notes is None
    )


# Rows whose action cell holds several actions, as the council's table writes them: the
# first action's title, and how many actions the cell holds.
SHARED_CELLS = {
    "Develop a clear service vision": 2,
    "Develop and embed service wide practice standards": 2,
    "Develop and embed a model of reflective supervision": 3,
    "Commission a diagnostic of LCS and EHM": 2,
    "Create an effective, responsive, and integrated performance team": 3,
}


def _cells(actions: list[SeedAction]) -> list[list[SeedAction]]:
    """The actions in groups, one group per action cell."""
    groups: list[list[SeedAction]] = []
    index = 0
    while index < len(actions):
        size = next(
            (n for start, n in SHARED_CELLS.items() if actions[index].title.startswith(start)), 1
        )
        groups.append(actions[index : index + size])
        index += size
    return groups


def _once_or_each(per_action: list[list[str]]) -> list[str]:
    """A cell beside several actions: written once when it is the same for all of them, else
    one paragraph for each action, in order."""
    if all(lines == per_action[0] for lines in per_action):
        return per_action[0]
    return ["; ".join(lines) for lines in per_action]


def _fill_cell(
    row: Row,
    group: list[SeedAction],
    statements: dict[str, str],
    names: dict[str, str],
    titles: dict[str, str],
    seed: SeedFile,
) -> None:
    """One row for the actions of a shared cell. A tag follows the last action it tags; the
    criteria are written once each, in order, so a cell of more criteria than actions pairs
    them by where each action starts in the action cell."""
    for position, action in enumerate(group):
        row.action.append((action.title, "Normal"))
        after = group[position + 1].inspection_actions if position + 1 < len(group) else []
        for number in action.inspection_actions:
            if number not in after:
                row.action.append((seed.inspection_actions[number - 1].text, "Normal"))
    keys = [key for action in group for key in action.success_criteria]
    row.criteria = [statements[key] for key in dict.fromkeys(keys)]
    row.lead = _once_or_each([[names[k] for k in a.lead_officers] for a in group])
    row.timescale = _once_or_each([[a.timescale] if a.timescale else [] for a in group])
    row.links = _once_or_each([[titles[link.strategy] for link in a.strategies] for a in group])


def build_rows(seed: SeedFile) -> list[Row]:
    names = {o.key: o.name for o in seed.officers}
    titles = {s.key: s.title for s in seed.strategies}
    rows: list[Row] = []
    previous_leads: list[str] = []

    def links(action: SeedAction) -> list[str]:
        lines = []
        for link in action.strategies:
            lines.append(titles[link.strategy])
            if link.note:
                lines.append(f"Note: {link.note}")
        return lines

    def lead_cell(leads: list[str], action: SeedAction) -> list[str]:
        # Blank where the council left it blank ("same as above"), as the seed's notes say.
        nonlocal previous_leads
        same = leads == previous_leads and any(_BLANK_LEAD.search(n) for n in action.reading_notes)
        previous_leads = leads
        return [] if same else [names[k] for k in leads]

    def owner_rows(
        owner: Any, outcome_row: int | None, objective_row: int | None, first: Row
    ) -> None:
        statements = {c.key: c.statement for c in owner.success_criteria}
        pending = first
        started = False
        criteria_row: int | None = None
        criteria_keys: list[str] = []
        links_above: list[str] = []
        nonlocal previous_leads
        for group in _cells(owner.actions):
            action = group[0]
            row = pending if not started else Row()
            started = True
            if row is not first:
                if outcome_row is not None:
                    row.merge[0] = outcome_row
                if objective_row is not None:
                    row.merge[1] = objective_row
            rows.append(row)
            index = len(rows) - 1
            if len(group) > 1:
                _fill_cell(row, group, statements, names, titles, seed)
                previous_leads, criteria_keys = group[-1].lead_officers, []
                links_above = links(group[-1])
                continue
            in_cell = all(_in_cell(action, sub) for sub in action.sub_actions)
            row.action.append((action.title, "Normal"))
            if action.description:
                row.action.append((action.description, "Normal"))
            if (action.notes and not action.sub_actions) or (action.notes and in_cell):
                row.action.append((action.notes, "Normal"))
            if in_cell:
                row.action += [(sub.title, "List Bullet") for sub in action.sub_actions]
            # A tag closes the cell, as the council's do, so it tags the sub-items too.
            for number in action.inspection_actions:
                row.action.append((seed.inspection_actions[number - 1].text, "Normal"))
            row.lead = lead_cell(action.lead_officers, action)
            if action.notes and action.sub_actions and not in_cell:
                # The lead cell as the council wrote it: the lead with its partners, and a
                # sentence ("DCS and key partner agencies…", "Issues to come to GABB…").
                row.lead = action.notes.split("\n\n")
            row.timescale = [action.timescale] if action.timescale else []
            written = links(action)
            blank = any(_BLANK_LINK.search(n) for n in action.reading_notes)
            row.links = [] if blank and written == links_above else written
            links_above = written
            blank = any(_BLANK_CRITERION.search(n) for n in action.reading_notes)
            if action.success_criteria and action.success_criteria == criteria_keys and blank:
                pass  # left blank, as the council's is: "same as above"
            elif action.success_criteria and action.success_criteria == criteria_keys:
                row.merge[3] = criteria_row  # type: ignore[assignment]
            else:
                criteria_row, criteria_keys = index, list(action.success_criteria)
                row.criteria = [statements[k] for k in action.success_criteria]
            if not in_cell:
                for sub in action.sub_actions:
                    sub_row = Row(
                        action=[(sub.title, "List Bullet")],
                        lead=lead_cell(sub.lead_officers, sub),
                        timescale=[sub.timescale] if sub.timescale else [],
                        links=links(sub),
                    )
                    if outcome_row is not None:
                        sub_row.merge[0] = outcome_row
                    if objective_row is not None:
                        sub_row.merge[1] = objective_row
                    rows.append(sub_row)
                criteria_keys = []
        linked = {k for a in owner.actions for k in a.success_criteria}
        unlinked = [c.statement for c in owner.success_criteria if c.key not in linked]
        if unlinked:
            row = pending if not started else Row()
            if row is not first:
                if outcome_row is not None:
                    row.merge[0] = outcome_row
                if objective_row is not None:
                    row.merge[1] = objective_row
            row.criteria = unlinked
            rows.append(row)

    for area in seed.areas:
        rows.append(
            Row(
                area_heading=[
                    f"Improvement Area {WORDS[area.number]} : {area.title}",
                    *([area.aim] if area.aim else []),
                ]
            )
        )
        previous_leads = []
        for outcome in area.outcomes:
            printed = (
                f"{outcome.number} {outcome.statement}" if outcome.number else outcome.statement
            )
            # A statement of several paragraphs is written as several paragraphs of one cell.
            outcome_first = Row(outcome=printed.split("\n\n"))
            outcome_index = len(rows)
            first_used = False
            for objective in outcome.objectives:
                row = outcome_first if not first_used else Row(merge={0: outcome_index})
                first_used = True
                row.objective = objective.statement.split("\n\n")
                owner_rows(objective, outcome_index, len(rows), row)
            if outcome.actions or outcome.success_criteria:
                row = outcome_first if not first_used else Row(merge={0: outcome_index})
                first_used = True
                owner_rows(outcome, outcome_index, None, row)
        if area.actions or area.success_criteria:
            owner_rows(area, None, None, Row())
    return rows


def _fill(cell: _Cell, lines: list[tuple[str, str]] | list[str], styles: dict[str, Any]) -> None:
    """Write the lines as the cell's paragraphs. The style is set by its id, looked up once
    per name: python-docx's `paragraph.style = name` searches every style each time."""
    first = True
    for line in lines:
        text, style = line if isinstance(line, tuple) else (line, "Normal")
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph.text = text
        if style not in styles:
            styles[style] = cell.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        paragraph._p.style = styles[style]
        first = False


def _write_rows(table: Table, rows: list[Row]) -> None:
    """The rows written as the table's XML, each cell once: python-docx's `merge` and a
    row's `cells` look cells up through the whole table, which at hundreds of rows takes
    minutes. A merged cell is what `merge` makes of it: the area heading one cell spanning
    the row, a cell merged down its rows `restart` at the top and `continue` below."""
    widths = [Emu(column.w or 0) for column in table._tbl.tblGrid.gridCol_lst]
    tops: dict[tuple[int, int], int] = {}  # (row, column) continued -> the top row
    for index, row in enumerate(rows):
        for column, top in row.merge.items():
            for below in range(top + 1, index + 1):
                tops[(below, column)] = top
    starts = {(top, column) for (_, column), top in tops.items()}
    cells: dict[tuple[int, int], _Cell] = {}
    styles: dict[str, Any] = {}
    for index, row in enumerate(rows):
        tr = table._tbl.add_tr()
        if row.area_heading is not None:
            tc = tr.add_tc()
            tc.width = Emu(sum(widths))
            tc.grid_span = len(HEADERS)
            _fill(_Cell(tc, table), row.area_heading, styles)
            continue
        columns: list[list[tuple[str, str]] | list[str]] = [
            row.outcome,
            row.objective,
            row.action,
            row.criteria,
            row.lead,
            row.timescale,
            [],
            row.links,
        ]
        for column, lines in enumerate(columns):
            tc = tr.add_tc()
            tc.width = widths[column]
            cells[(index, column)] = _Cell(tc, table)
            if (index, column) in tops:
                tc.vMerge = "continue"
            elif (index, column) in starts:
                tc.vMerge = "restart"
            if lines and column not in row.merge:
                top = tops.get((index, column), index)
                _fill(cells[(top, column)], lines, styles)


def stockton_docx(seed: SeedFile) -> bytes:
    document = Document()
    document.add_paragraph(seed.plan.title, style="Title")
    document.add_paragraph(f"Organisation: {seed.plan.organisation}")
    document.add_paragraph(f"Version: {seed.plan.version_label}")
    document.add_paragraph(f"Plan key: {seed.plan.key}")
    for block in (seed.plan.description or "").split("\n\n"):
        document.add_paragraph(block)
    if seed.plan.rating_definitions is not None:  # Stockton's table gives none
        document.add_paragraph("RAG rating key", style="Heading 2")
        key = document.add_table(rows=4, cols=2)
        for row, (word, meaning) in zip(
            key.rows, seed.plan.rating_definitions.model_dump().items(), strict=True
        ):
            row.cells[0].text = word.capitalize()
            row.cells[1].text = meaning
    rows = build_rows(seed)
    table: Table = document.add_table(rows=1, cols=len(HEADERS))
    for cell, header in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = header
    _write_rows(table, rows)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
