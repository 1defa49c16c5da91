"""The quarterly report as CSV (one row per action) and as an XLSX workbook.

Every CSV and XLSX the service writes goes through `csv_bytes` and `append_row`, so that
user text never reaches a spreadsheet as a formula (a test holds every writer to that).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.schemas import QuarterAction, QuarterlyReport

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RATING_WORDS = {None: "Not rated", "red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}
RATING_FILLS = {"red": "FFC7CE", "amber": "FFE699", "green": "C6EFCE", "blue": "BDD7EE"}

# The CSV's columns: stable names; new columns are only ever added at the end.
COLUMNS: list[tuple[str, Callable[[QuarterlyReport, QuarterAction], object]]] = [
    ("plan", lambda r, a: r.plan.title),
    ("quarter", lambda r, a: r.period.label),
    ("ref", lambda r, a: a.ref),
    ("parent_ref", lambda r, a: a.parent_ref or ""),
    ("area_ref", lambda r, a: a.area_ref),
    ("title", lambda r, a: a.title),
    ("lead_officers", lambda r, a: "; ".join(a.lead_officers)),
    ("timescale", lambda r, a: a.timescale or ""),
    ("due_date", lambda r, a: a.due_date.isoformat() if a.due_date else ""),
    ("rating", lambda r, a: RATING_WORDS[a.rag.value if a.rag else None]),
    (
        "rating_previous_quarter",
        lambda r, a: RATING_WORDS[a.previous_rag.value if a.previous_rag else None],
    ),
    ("movement", lambda r, a: a.movement.value),
    ("status", lambda r, a: a.status.value),
    ("last_update_date", lambda r, a: a.last_update_date.isoformat() if a.last_update_date else ""),
    ("completed_date", lambda r, a: a.completed_date.isoformat() if a.completed_date else ""),
    ("days_overdue", lambda r, a: "" if a.days_overdue is None else a.days_overdue),
    ("due_next_quarter", lambda r, a: "yes" if a.due_next_quarter else "no"),
    ("updates_in_quarter", lambda r, a: a.updates_in_quarter),
    ("exceptions", lambda r, a: "; ".join(reason.value for reason in a.exceptions)),
    ("latest_narrative", lambda r, a: a.latest_narrative or ""),
]
RATING_COLUMNS = {"rating", "rating_previous_quarter"}

# Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula
# (a `=HYPERLINK` to anywhere, or worse); OWASP's CSV-injection advice is a leading quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_value(value: object) -> object:
    """A cell's value as a spreadsheet may hold it: text that would start a formula gets a
    leading `'`. Numbers and dates are left alone, so a negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads the text right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def append_row(sheet: Worksheet, values: Sequence[object]) -> None:
    """Add a row whose text cells are always text (type `s`), never a formula or an error
    value such as `#N/A`."""
    # XLSX cannot hold most control characters; openpyxl would refuse the whole workbook.
    row = [
        ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value
        for value in map(spreadsheet_value, values)
    ]
    sheet.append(row)
    for column, value in enumerate(row, start=1):
        if isinstance(value, str):
            sheet.cell(row=sheet.max_row, column=column).data_type = "s"


def to_csv(report: QuarterlyReport) -> bytes:
    """One row per action."""
    header = [name for name, _ in COLUMNS]
    rows = ([value(report, action) for _, value in COLUMNS] for action in report.actions)
    return csv_bytes([header, *rows])


def to_xlsx(report: QuarterlyReport) -> bytes:
    """A summary sheet and an actions sheet; ratings in words as well as colour."""
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None  # noqa: S101  (a new workbook always has one sheet)
    summary.title = "Summary"
    bold = Font(bold=True)
    rows: list[list[object]] = [
        [report.plan.title],
        ["Organisation", report.plan.organisation],
        ["Quarter", report.period.label],
        ["From", report.period.start.isoformat(), "to", report.period.end.isoformat()],
        ["Computed at", report.computed_at.isoformat()],
        [],
        ["Area", "Actions", "Red", "Amber", "Green", "Blue", "Not rated", "Updates in quarter"],
    ]
    for area in report.areas:
        rows.append(
            [
                f"{area.ref} {area.title}",
                area.actions,
                *(
                    getattr(area.by_rating, key)
                    for key in ("red", "amber", "green", "blue", "not_rated")
                ),
                area.updates_in_quarter,
            ]
        )
    totals = report.totals
    rows.append(
        [
            "All areas",
            totals.actions,
            *(
                getattr(totals.by_rating, key)
                for key in ("red", "amber", "green", "blue", "not_rated")
            ),
            report.updates.total,
        ]
    )
    rows += [
        [],
        ["Movement since the previous quarter"],
        ["Improved", report.movement.improved],
        ["Declined", report.movement.declined],
        ["Unchanged", report.movement.unchanged],
        ["Newly rated", report.movement.newly_rated],
        [],
        ["Completed in the quarter", len(report.completed)],
        ["Overdue at the quarter's end", len(report.overdue)],
        ["Due next quarter", len(report.due_next_quarter)],
        ["Due dates slipped in the quarter", len(report.slipped)],
        ["Exceptions", len(report.exceptions)],
    ]
    for row in rows:
        append_row(summary, row)
    summary["A1"].font = Font(bold=True, size=14)
    for cell in summary[7]:
        cell.font = bold
    summary.column_dimensions["A"].width = 48

    sheet = workbook.create_sheet("Actions")
    append_row(sheet, [name for name, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = bold
    rating_columns = [i for i, (name, _) in enumerate(COLUMNS, start=1) if name in RATING_COLUMNS]
    for action in report.actions:
        append_row(sheet, [value(report, action) for _, value in COLUMNS])
        for index, rag in zip(rating_columns, (action.rag, action.previous_rag), strict=True):
            if rag is not None:
                sheet.cell(row=sheet.max_row, column=index).fill = PatternFill(
                    "solid", start_color=RATING_FILLS[rag.value]
                )
    sheet.freeze_panes = "A2"
    for index, (name, _) in enumerate(COLUMNS, start=1):
        wide = name in {"title", "latest_narrative", "plan"}
        sheet.column_dimensions[get_column_letter(index)].width = 60 if wide else 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
