"""The plan template's layout, shared by the reader and the writer so that an exported plan
always imports: the sheets' columns, and how a cell reads as text.

Sheets: "Plan" (field and value rows), "Actions" (one row per action, and rows holding only
success criteria), "Officers", "Strategies" and "Inspection actions". A cell listing several
things (criteria, lead officers, links) holds one per line.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from openpyxl.utils import get_column_letter

from app.plan_imports.reading import Draft
from app.reports.formats import spreadsheet_text
from app.seeding.rules import PARAGRAPH_BREAK

ACTION_COLUMNS = [
    ("area", "Area"),
    ("area_title", "Area title"),
    ("area_aim", "Area aim"),
    ("outcome_number", "Outcome number"),
    ("outcome", "Outcome"),
    ("objective", "Objective"),
    ("ref", "Ref"),
    ("parent_ref", "Parent ref"),
    ("action", "Action"),
    ("description", "Description"),
    ("notes", "Notes"),
    ("success_criteria", "Success criteria"),
    ("lead_officers", "Lead officers"),
    ("timescale", "Timescale"),
    ("strategies", "Strategy links"),
    ("inspection_actions", "Inspection actions"),
    ("reading_notes", "Reading notes"),
    ("needs_review", "Needs review"),
]
# How the areas, outcomes, objectives and criteria were read, by the texts that name them.
READING_COLUMNS = [
    "Area",
    "Outcome",
    "Objective",
    "Success criterion",
    "Needs review",
    "Reading notes",
]
PLAN_FIELDS = [
    ("key", "Key"),
    ("title", "Title"),
    ("organisation", "Organisation"),
    ("version_label", "Version"),
    ("status", "Status"),
    ("description", "Description"),
    ("red", "Red means"),
    ("amber", "Amber means"),
    ("green", "Green means"),
    ("blue", "Blue means"),
    ("board", "Board"),
    ("frequency", "Board meets"),
    ("partners_every", "Partners attend every (months)"),
]
YES = {"yes", "y", "true", "1"}
MAX_ROWS = 5000
MAX_COLUMNS = 40
NOTE = re.compile(r"^note\s*:\s*", re.IGNORECASE)
# The document field each template column feeds, for errors that name a column.
FIELD_COLUMNS = {
    "title": "action",
    "description": "description",
    "notes": "notes",
    "timescale": "timescale",
    "lead_officers": "lead_officers",
    "strategies": "strategies",
    "success_criteria": "success_criteria",
    "inspection_actions": "inspection_actions",
    "statement": "success_criteria",
}


class NotATemplate(Exception):
    """A workbook that is not in the plan template."""


def text_of(value: Any) -> str | None:
    """A cell as text: dates as day/month/year, a leading quote that guarded a formula dropped."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return spreadsheet_text(str(value).strip()) or None


def column_place(sheet: str, row: int, column: int, header: str) -> str:
    """Where a cell is, as every error about a workbook names it."""
    return f'sheet "{sheet}", row {row}, column {get_column_letter(column)} ("{header}")'


def paragraphs(value: Any) -> str | None:
    """A statement of one or more paragraphs, each paragraph's spacing tidied."""
    text = text_of(value)
    if text is None:
        return None
    parts = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return PARAGRAPH_BREAK.join(parts) or None


def reading(draft: Draft, notes: Any, review: Any, place: str) -> dict[str, Any]:
    flag = (text_of(review) or "no").lower()
    if flag not in YES | {"no", "n", "false", "0"}:
        draft.fail(place, f"'{text_of(review)}' is not yes or no.")
    # Notes are kept as written, one a line, their spacing included (they quote the source).
    lines = [line.strip() for line in (text_of(notes) or "").splitlines() if line.strip()]
    return {"reading_notes": lines, "needs_review": flag in YES}


def cell_lines(value: Any) -> list[str]:
    text = text_of(value)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()] if text else []
