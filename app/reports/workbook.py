"""A board pack as an Excel workbook the board can print, filter and chart.

Built from the same `BoardPack` as the HTML and PDF, so every sheet counts as they do.
Every cell of user text goes through `append_row`, never becoming a formula.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.drawing.colors import ColorChoice
from openpyxl.drawing.fill import PatternFillProperties
from openpyxl.drawing.line import LineProperties
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.formats import append_row, table_csv, xlsx_text
from app.reports.pack import RATING_WORDS, BoardPack, PackAction, RatingCounts
from app.reports.service import RATING_KEYS

UK_DATE = "DD/MM/YYYY"
CELL_FILLS = {
    "red": "F4B6BD",
    "amber": "FFE08A",
    "green": "B7E4C2",
    "blue": "BCD6F0",
    "not_rated": "FFFFFF",
}
# A chart's series carry a pattern as well as a colour, and the legend names them.
ChartPattern = Literal["dkUpDiag", "pct50", "narHorz", "smGrid", "pct5"]
CHART_PATTERNS: dict[str, tuple[ChartPattern, str, str]] = {
    "red": ("dkUpDiag", "9C0006", "F4B6BD"),
    "amber": ("pct50", "7A5300", "FFE08A"),
    "green": ("narHorz", "1E6B34", "B7E4C2"),
    "blue": ("smGrid", "0B4F8A", "BCD6F0"),
    "not_rated": ("pct5", "767676", "FFFFFF"),
}
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="E8EAEC")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading, width, and the value of a row's cell."""

    heading: str
    width: int
    value: Callable[[PackAction], object]
    rating: bool = False


def _rating_word(key: str | None) -> str:
    return RATING_WORDS[key] if key else ""


ACTION_COLUMNS = [
    Column("Ref", 9, lambda a: a.ref),
    Column("Area", 7, lambda a: a.area_ref),
    Column("Action", 50, lambda a: a.title),
    Column("Lead officers", 24, lambda a: a.lead_officers),
    Column("Timescale", 12, lambda a: a.timescale),
    Column("Due date", 12, lambda a: a.due_date),
    Column("Rating", 11, lambda a: _rating_word(a.rating), rating=True),
    Column("Rating before", 11, lambda a: _rating_word(a.previous_rating), rating=True),
    Column("Movement", 14, lambda a: a.movement),
    Column("Status", 12, lambda a: a.status),
    Column("Last update", 12, lambda a: a.last_update_date),
    Column("Days overdue", 9, lambda a: a.days_overdue),
    Column("Updates", 9, lambda a: a.updates),
    Column("Exceptions", 24, lambda a: "; ".join(a.reasons)),
    Column("Latest narrative", 50, lambda a: a.narrative),
    Column("Next steps", 40, lambda a: a.next_steps),
]
EXCEPTION_COLUMNS = [
    c
    for c in ACTION_COLUMNS
    if c.heading
    in {"Ref", "Action", "Lead officers", "Rating", "Exceptions", "Latest narrative", "Next steps"}
]
OVERDUE_COLUMNS = [
    c
    for c in ACTION_COLUMNS
    if c.heading
    in {"Ref", "Action", "Lead officers", "Due date", "Days overdue", "Rating", "Latest narrative"}
]


def _print_setup(sheet: Worksheet, pack: BoardPack, title_rows: str | None) -> None:
    _page_setup(sheet, pack.plan_title, f"{pack.heading} · {sheet.title}", title_rows)


def _page_setup(sheet: Worksheet, plan_title: str, footing: str, title_rows: str | None) -> None:
    """Landscape, one page wide, the header row on every page, plan and period on each."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    if title_rows:
        sheet.print_title_rows = title_rows
    # In a header or footer `&` starts a code, so a plan's own `&` is written `&&`; each is
    # cut short first, so that both stay within Excel's 255 characters.
    header, footer = HeaderFooterItem(), HeaderFooterItem()
    header.center.text = xlsx_text(plan_title[:120]).replace("&", "&&")
    footer.left.text = xlsx_text(footing[:110]).replace("&", "&&")
    footer.right.text = "Page &P of &N"
    sheet.oddHeader, sheet.oddFooter = header, footer


def _header(sheet: Worksheet, headings: Sequence[str], widths: Sequence[int]) -> None:
    append_row(sheet, list(headings))
    row = sheet.max_row
    for index, width in enumerate(widths, start=1):
        cell = sheet.cell(row=row, column=index)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width


def _style_row(sheet: Worksheet, ratings: Sequence[str | None] = ()) -> None:
    """Wrap the last row's cells, show its dates as UK dates and fill its rating cells."""
    row = sheet.max_row
    for cell in sheet[row]:
        cell.alignment = WRAP
        if isinstance(cell.value, date):
            cell.number_format = UK_DATE
    for column, key in enumerate(ratings, start=1):
        if key is not None:
            sheet.cell(row=row, column=column).fill = PatternFill(
                "solid", start_color=CELL_FILLS[key]
            )


def _action_sheet(
    workbook: Workbook,
    pack: BoardPack,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[PackAction],
) -> None:
    sheet = workbook.create_sheet(title)
    _header(sheet, [c.heading for c in columns], [c.width for c in columns])
    for action in rows:
        append_row(sheet, [c.value(action) for c in columns])
        _style_row(
            sheet,
            [
                (action.rating if c.heading == "Rating" else action.previous_rating)
                if c.rating
                else None
                for c in columns
            ],
        )
    _finish_table(sheet, pack, len(columns))


def _finish_table(sheet: Worksheet, pack: BoardPack, width: int) -> None:
    """Frozen header, a filter over the table, and the print setup."""
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{max(sheet.max_row, 2)}"
    _print_setup(sheet, pack, "1:1")


def _counts_rows(lines: Sequence[RatingCounts], updates: bool) -> list[list[object]]:
    return [
        [
            line.label,
            line.actions,
            *(line.by_rating.get(key, 0) for key in RATING_KEYS),
            *([line.updates] if updates else []),
        ]
        for line in lines
    ]


def _stacked_chart(
    sheet: Worksheet, title: str, first_row: int, last_row: int, anchor: str, horizontal: bool
) -> None:
    """A native stacked bar chart of ratings (columns C to G) by the rows' labels (column A)."""
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = title
    chart.y_axis.title = "Actions"
    data = Reference(sheet, min_col=3, max_col=7, min_row=first_row - 1, max_row=last_row)
    labels = Reference(sheet, min_col=1, min_row=first_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    for series, key in zip(chart.series, RATING_KEYS, strict=True):
        pattern, foreground, background = CHART_PATTERNS[key]
        series.graphicalProperties = GraphicalProperties(
            pattFill=PatternFillProperties(
                prst=pattern,
                fgClr=_colour(foreground),
                bgClr=_colour(background),
            ),
            ln=LineProperties(solidFill="0B0C0C"),
        )
    chart.height = max(7.5, 1.2 * (last_row - first_row + 1) + 4)
    chart.width = 22
    sheet.add_chart(chart, anchor)


def _colour(rgb: str) -> ColorChoice:
    # openpyxl takes a hex string here, though its type stubs say otherwise.
    return ColorChoice(srgbClr=rgb)  # type: ignore[arg-type]


def _summary_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook always has one sheet)
    sheet.title = "Summary"
    for row in (
        [pack.plan_title],
        [pack.kind],
        ["Organisation", pack.organisation],
        ["Report", pack.heading],
        ["Covers", pack.covers],
        ["Produced", pack.produced_at.replace(tzinfo=None)],
        [],
    ):
        append_row(sheet, row)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A6"].alignment = Alignment(horizontal="left")
    sheet["B6"].number_format = "DD/MM/YYYY HH:MM"
    updates = pack.updates_total is not None
    headings = ["Area", "Actions", *(RATING_WORDS[key] for key in RATING_KEYS)]
    _header(sheet, [*headings, *(["Updates"] if updates else [])], [48, 10, 10, 10, 10, 10, 12, 10])
    first = sheet.max_row + 1
    for row in _counts_rows(pack.areas, updates):
        append_row(sheet, row)
    last = sheet.max_row
    (total,) = _counts_rows([pack.totals], updates)
    append_row(sheet, total)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    append_row(sheet, [])
    movement = pack.movement
    _header(sheet, [f"Movement since {pack.movement_since}", "Actions"], [48, 10])
    for label, value in (
        ("Improved", movement.improved),
        ("Declined", movement.declined),
        ("No longer rated", movement.no_longer_rated),
        ("Unchanged", movement.unchanged),
        ("Newly rated", movement.newly_rated),
    ):
        append_row(sheet, [label, value])
    append_row(sheet, [])
    _header(sheet, ["The board's lists", "Actions"], [48, 10])
    for label, value in (
        ("Exceptions", len(pack.exceptions)),
        ("Overdue", len(pack.overdue)),
        ("Due dates slipped", len(pack.slipped)),
        ("Inspection actions with no live action", sum(i.gap for i in pack.inspections)),
    ):
        append_row(sheet, [label, value])
    if pack.areas:
        _stacked_chart(sheet, "Actions by rating in each area", first, last, "J2", True)
    _print_setup(sheet, pack, None)


def _trend_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.create_sheet("Trend")
    headings = ["When", "Actions", *(RATING_WORDS[key] for key in RATING_KEYS)]
    _header(sheet, headings, [16, 10, 10, 10, 10, 10, 12])
    for row in _counts_rows(pack.trend, False):
        append_row(sheet, row)
    _finish_table(sheet, pack, len(headings))
    if pack.trend:
        _stacked_chart(sheet, pack.trend_caption, 2, sheet.max_row, "I2", False)


def _slipped_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.create_sheet("Slipped")
    _header(
        sheet,
        ["Ref", "Action", "Was due", "Now due", "Changed", "Reason"],
        [9, 50, 12, 12, 12, 50],
    )
    for line in pack.slipped:
        append_row(
            sheet,
            [line.ref, line.title, line.from_date, line.to_date, line.changed_on, line.reason],
        )
        _style_row(sheet)
    _finish_table(sheet, pack, 6)


def _inspection_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.create_sheet("Inspection actions")
    _header(
        sheet,
        ["Recommendation", "Text", "Actions answering it", "Their ratings", "Gap"],
        [28, 60, 24, 30, 8],
    )
    for line in pack.inspections:
        append_row(
            sheet,
            [
                line.label,
                line.text,
                ", ".join(ref for ref, _ in line.actions),
                ", ".join(f"{ref} {RATING_WORDS[key]}" for ref, key in line.actions),
                "Yes" if line.gap else "No",
            ],
        )
        _style_row(sheet)
    _finish_table(sheet, pack, 5)


def _updates_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.create_sheet("Updates by area")
    _header(sheet, ["Area", "Actions", "Updates"], [48, 10, 10])
    for line in pack.areas:
        append_row(sheet, [line.label, line.actions, line.updates])
    append_row(sheet, [pack.totals.label, pack.totals.actions, pack.updates_total])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    _finish_table(sheet, pack, 3)


def _legend_sheet(workbook: Workbook, pack: BoardPack) -> None:
    sheet = workbook.create_sheet("Legend")
    _header(sheet, ["Rating", "What it means in this plan"], [14, 90])
    for definition in pack.definitions:
        append_row(sheet, [definition.word, definition.meaning])
        _style_row(sheet, [definition.rating])
    append_row(sheet, [])
    append_row(sheet, ["Each rating is written in words; its colour only repeats it."])
    _print_setup(sheet, pack, "1:1")


def to_workbook(pack: BoardPack) -> bytes:
    """The pack's workbook: summary with its chart, every action, the board's lists, the
    trend, updates by area and the legend, each sheet ready to filter and print."""
    workbook = Workbook()
    _summary_sheet(workbook, pack)
    _action_sheet(workbook, pack, "Actions", ACTION_COLUMNS, pack.actions)
    _action_sheet(workbook, pack, "Exceptions", EXCEPTION_COLUMNS, pack.exceptions)
    _action_sheet(workbook, pack, "Overdue", OVERDUE_COLUMNS, pack.overdue)
    _slipped_sheet(workbook, pack)
    _inspection_sheet(workbook, pack)
    if pack.updates_total is not None:
        _updates_sheet(workbook, pack)
    _trend_sheet(workbook, pack)
    _legend_sheet(workbook, pack)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_workbook(
    *,
    title: str,
    plan_title: str,
    heading: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[object]],
) -> bytes:
    """A report that is one table (exceptions, summary) as a one-sheet workbook, filtered,
    its dates as UK dates and printed as the pack's sheets are."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101  (a new workbook always has one sheet)
    sheet.title = title
    _header(sheet, headings, [max(10, min(50, len(h) + 4)) for h in headings])
    sheet.column_dimensions["B"].width = 50
    for row in rows:
        append_row(sheet, row)
        _style_row(sheet)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headings))}{max(sheet.max_row, 2)}"
    _page_setup(sheet, plan_title, f"{heading} · {title}", "1:1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pack_csv(pack: BoardPack) -> bytes:
    """The pack's every-action table as CSV, with the workbook's columns."""
    return table_csv(
        [c.heading for c in ACTION_COLUMNS],
        [[c.value(action) for c in ACTION_COLUMNS] for action in pack.actions],
    )
