"""The officer's update workbook: written with `append_row`, read back with openpyxl.

The sheet is protected so that only the input cells take typing; the rating and status
cells offer the enums as drop-down lists, and the date cell takes a date no later than
today. Text a user wrote goes out through `append_row`, so it never becomes a formula, and
comes back as text, whatever Excel made of it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from app.models import DeliveryStatus, Rag
from app.plan_imports.excel import column_place
from app.reports.formats import append_row, spreadsheet_text

MARK = "improvement-plan update workbook v1"
SHEET = "Updates"
GUIDE = "Instructions"
MAX_ROWS = 2000
UK_DATE = "DD/MM/YYYY"
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="E8EAEC")
INPUT_FILL = PatternFill("solid", start_color="FFF8DC")
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
NOT_RATED = "not rated"


@dataclass(frozen=True)
class Column:
    """A column of the Updates sheet; an input column names the update field it fills."""

    heading: str
    width: int
    field: str | None = None


READ_ONLY = [
    Column("Action id", 12, "action_id"),
    Column("Updates so far", 8, "marker"),
    Column("Plan", 14),
    Column("Ref", 8),
    Column("Action", 50),
    Column("Area", 28),
    Column("Objective", 40),
    Column("Due date", 12),
    Column("Rating", 10),
    Column("Status", 13),
    Column("Last update", 12),
    Column("Last narrative", 50),
    Column("Last next steps", 40),
]
INPUTS = [
    Column("New rating", 12, "rag"),
    Column("New status", 14, "status"),
    Column("Narrative", 50, "narrative"),
    Column("Next steps", 40, "next_steps"),
    Column("Reason", 30, "reason"),
    Column("Effective date", 14, "effective_date"),
]
COLUMNS = READ_ONLY + INPUTS
HEADINGS = [column.heading for column in COLUMNS]
FIELD_COLUMNS = {column.field: index for index, column in enumerate(COLUMNS, 1) if column.field}
TEXT_FIELDS = ("narrative", "next_steps", "reason")


@dataclass(frozen=True)
class Row:
    """One action the officer leads, as the workbook shows it."""

    action_id: str
    marker: int
    plan: str
    ref: str
    title: str
    area: str
    objective: str | None
    due_date: date | None
    rating: str | None
    status: str
    last_update: date | None
    last_narrative: str | None
    last_next_steps: str | None


@dataclass(frozen=True)
class Sheet:
    """What a workbook is written from: whose it is, and their rows."""

    officer_id: str
    officer_name: str
    written: date
    rows: Sequence[Row]


@dataclass
class FilledRow:
    """A row of an uploaded workbook with at least one input cell filled."""

    number: int
    action_id: str | None
    marker: str | None
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Filled:
    """An uploaded workbook: whose it says it is, and its filled rows."""

    officer_id: str
    rows: list[FilledRow]


class NotAWorkbook(Exception):
    """An upload that is not an update workbook this service wrote."""


def place(row: int, field_name: str) -> str:
    """The cell of a row that holds a field, as errors name it."""
    column = FIELD_COLUMNS[field_name]
    return column_place(SHEET, row, column, HEADINGS[column - 1])


def write_workbook(sheet_data: Sheet) -> bytes:
    """The workbook: the Updates sheet, then the Instructions."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook always has one sheet)
    sheet.title = SHEET
    append_row(sheet, HEADINGS)
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row in sheet_data.rows:
        append_row(sheet, _cells(row))
        for cell in sheet[sheet.max_row]:
            cell.alignment = WRAP
            if isinstance(cell.value, date):
                cell.number_format = UK_DATE
    if sheet_data.rows:
        _inputs(sheet, sheet.max_row)
    for hidden in ("A", "B"):
        sheet.column_dimensions[hidden].hidden = True
    sheet.freeze_panes = "E2"
    sheet.protection.sheet = True
    _guide(workbook, sheet_data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cells(row: Row) -> list[object]:
    return [
        row.action_id,
        str(row.marker),
        row.plan,
        row.ref,
        row.title,
        row.area,
        row.objective,
        row.due_date,
        row.rating or NOT_RATED,
        row.status,
        row.last_update,
        row.last_narrative,
        row.last_next_steps,
    ]


def _inputs(sheet: Worksheet, last: int) -> None:
    """Unlock the input cells and give them their lists and checks."""
    first_input = len(READ_ONLY) + 1
    for number in range(2, last + 1):
        for index, column in enumerate(INPUTS, start=first_input):
            cell = sheet.cell(row=number, column=index)
            cell.protection, cell.fill, cell.alignment = UNLOCKED, INPUT_FILL, WRAP
            # Text format: Excel keeps `=...` typed here as text, not a formula.
            cell.number_format = UK_DATE if column.field == "effective_date" else "@"
    checks = [
        (
            "rag",
            DataValidation(
                type="list", formula1='"' + ",".join([*Rag, NOT_RATED]) + '"', allow_blank=True
            ),
            "Choose a rating from the list.",
        ),
        (
            "status",
            DataValidation(type="list", formula1='"' + ",".join(DeliveryStatus) + '"'),
            "Choose a status from the list.",
        ),
        (
            "effective_date",
            DataValidation(
                type="date", operator="lessThanOrEqual", formula1="TODAY()", allow_blank=True
            ),
            "A date no later than today.",
        ),
    ]
    for field_name, check, message in checks:
        letter = get_column_letter(FIELD_COLUMNS[field_name])
        check.error, check.errorTitle, check.showErrorMessage = message, "Not accepted", True
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)


GUIDANCE = [
    "Fill in a row for each action you report on; rows left blank are not sent.",
    "New rating: red, amber, green, blue (complete) or not rated. New status: from the list.",
    "Red and amber need a narrative and next steps. Blue goes with status complete.",
    "Deferred and cancelled need a reason.",
    "Effective date: the day the update reports on; today when left blank; never later.",
    "Upload the workbook as it is: a row whose action has had an update since this "
    "workbook was written is refused, so download a new one and fill that in.",
]


def _guide(workbook: Workbook, sheet_data: Sheet) -> None:
    guide = workbook.create_sheet(GUIDE)
    lines: list[list[object]] = [
        ["Workbook", MARK],
        ["Officer id", sheet_data.officer_id],
        ["Officer", sheet_data.officer_name],
        ["Written", sheet_data.written],
        [],
    ]
    lines += [[text] for text in GUIDANCE]
    for line in lines:
        append_row(guide, line)
    guide["B4"].number_format = UK_DATE
    guide.column_dimensions["A"].width = 100
    guide.column_dimensions["B"].width = 40
    guide.protection.sheet = True


def read_workbook(content: bytes) -> Filled:
    """The officer and filled rows of an uploaded workbook, or `NotAWorkbook` saying why."""
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    try:
        if SHEET not in workbook.sheetnames or GUIDE not in workbook.sheetnames:
            raise NotAWorkbook(f'An update workbook has the sheets "{SHEET}" and "{GUIDE}".')
        labels = {
            str(cells[0]): cells[1]
            for cells in workbook[GUIDE].iter_rows(max_row=2, max_col=2, values_only=True)
            if len(cells) == 2
        }
        officer_id = labels.get("Officer id")
        if labels.get("Workbook") != MARK or not isinstance(officer_id, str):
            raise NotAWorkbook(f'The "{GUIDE}" sheet does not name the workbook and officer.')
        return Filled(officer_id=officer_id, rows=_filled_rows(workbook[SHEET]))
    finally:
        workbook.close()


def _filled_rows(sheet: Any) -> list[FilledRow]:
    rows: list[FilledRow] = []
    first_input = len(READ_ONLY)
    for number, values in enumerate(
        sheet.iter_rows(max_col=len(COLUMNS), values_only=True), start=1
    ):
        cells = list(values) + [None] * (len(COLUMNS) - len(values))
        if number == 1:
            if [str(c).strip() if c is not None else "" for c in cells] != HEADINGS:
                raise NotAWorkbook(f"The \"{SHEET}\" sheet's headings are not the workbook's.")
            continue
        if number > MAX_ROWS + 1:
            raise NotAWorkbook(f"The sheet has more than {MAX_ROWS} rows.")
        inputs = dict(zip((str(c.field) for c in INPUTS), cells[first_input:], strict=True))
        if all(_blank(value) for value in inputs.values()):
            continue
        rows.append(
            FilledRow(
                number=number,
                action_id=_plain(cells[0]),
                marker=_plain(cells[1]),
                values={name: _value(name, value) for name, value in inputs.items()},
            )
        )
    return rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _plain(value: Any) -> str | None:
    return None if _blank(value) else str(value).strip()


def _value(name: str, value: Any) -> Any:
    """A cell's value as the update field takes it; anything else is left for the field's
    own validation to name."""
    if _blank(value):
        return None
    if name == "effective_date":
        return _day(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = spreadsheet_text(str(value).strip())
    if name == "rag":
        word = text.lower()
        return None if word == NOT_RATED else word
    if name == "status":
        return re.sub(r"[\s-]+", "_", text.lower())
    return text


def _day(value: Any) -> Any:
    """A date as the update takes one, in ISO form; a day typed as text (`31/07/2023`) too."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return text
    return text
