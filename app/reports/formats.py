"""The quarterly report as CSV (one row per action), and the safe writing of every CSV and
XLSX cell.

Every CSV and XLSX the service writes goes through `csv_bytes` and `append_row`, so that
user text never reaches a spreadsheet as a formula (a test holds every writer to that).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.schemas import Counts, Exceptions, QuarterAction, QuarterlyReport, Summary
from app.reports.service import RATING_KEYS, STATUS_KEYS

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RATING_WORDS = {None: "Not rated", "red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}

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

# Excel, LibreOffice and Google Sheets run a cell starting with one of these as a formula
# (a `=HYPERLINK` to anywhere, or worse); OWASP's CSV-injection advice is a leading quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_value(value: object) -> object:
    """A cell's value as a spreadsheet may hold it: text that would start a formula gets a
    leading `'`. Numbers and dates are left alone, so a negative number stays a number."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_text(value: str) -> str:
    """Text read back from a cell: the leading `'` that `spreadsheet_value` put before a
    formula's first character dropped."""
    if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel reads the text right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_text(text: str) -> str:
    """Text XLSX can hold: most control characters cannot be, and openpyxl would refuse the
    whole workbook, so each becomes U+FFFD."""
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", text)


def append_row(sheet: Worksheet, values: Sequence[object]) -> None:
    """Add a row whose text cells are always text (type `s`), never a formula or an error
    value such as `#N/A`."""
    row = [
        xlsx_text(value) if isinstance(value, str) else value
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


def _day(value: date | None) -> date | str:
    return value if value is not None else ""


def exceptions_table(report: Exceptions) -> tuple[list[str], list[list[object]]]:
    """The exceptions report as a table: one row per action, every reason in one cell."""
    headings = [
        "Ref",
        "Action",
        "Lead officers",
        "Rating",
        "Status",
        "Due date",
        "Days overdue",
        "Last update",
        "Reasons",
    ]
    rows: list[list[object]] = [
        [
            item.ref,
            item.title,
            "; ".join(item.lead_officers),
            RATING_WORDS[item.rag.value if item.rag else None],
            item.status.value,
            _day(item.due_date),
            "" if item.days_overdue is None else item.days_overdue,
            _day(item.last_update_date),
            "; ".join(reason.value for reason in item.reasons),
        ]
        for item in report.items
    ]
    return headings, rows


def summary_table(report: Summary) -> tuple[list[str], list[list[object]]]:
    """The summary as a table: a row per group, then the plan's totals."""
    headings = [
        "Group",
        "Actions",
        *(RATING_WORDS[None if key == "not_rated" else key] for key in RATING_KEYS),
        *(key.replace("_", " ").capitalize() for key in STATUS_KEYS),
    ]

    def line(label: str, counts: Counts) -> list[object]:
        return [
            label,
            counts.actions,
            *(getattr(counts.by_rating, key) for key in RATING_KEYS),
            *(getattr(counts.by_status, key) for key in STATUS_KEYS),
        ]

    rows = [line(group.label, group) for group in report.groups]
    rows.append(line("All actions", report.totals))
    return headings, rows


def table_csv(headings: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A table as CSV, dates written ISO 8601."""
    return csv_bytes(
        [headings, *([v.isoformat() if isinstance(v, date) else v for v in row] for row in rows)]
    )
