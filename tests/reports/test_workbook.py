"""The quarterly report's workbook: every list the JSON has, counted as the JSON counts it,
ready to filter, chart and print."""

from __future__ import annotations

import html
import io
import re
import zipfile
from datetime import datetime
from typing import Any

import httpx
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.ext.asyncio import AsyncSession

from tests.factories import make_action, make_area, make_plan
from tests.reports.conftest import Board, post

Q2 = "2023-24-Q2"
REPORT = "/api/v1/reports/quarterly"
SHEETS = [
    "Summary",
    "Actions",
    "Exceptions",
    "Overdue",
    "Slipped",
    "Inspection actions",
    "Updates by area",
    "Trend",
    "Legend",
]


def table(sheet: Worksheet) -> list[dict[str, Any]]:
    """A table sheet's rows as dictionaries keyed by its header row."""
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(heading) for heading in rows[0]]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def labelled(sheet: Worksheet) -> dict[Any, tuple[Any, ...]]:
    return {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}


async def test_the_workbook_agrees_with_the_json(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, board: Board
) -> None:
    # A rating withdrawn in the quarter: counted as no longer rated, not as declined.
    await post(editor, board.refs["A2.1"], "2023-09-20", rag=None, status="in_progress")
    params = {"plan_id": board.plan_id, "quarter": Q2}
    report = (await viewer.get(REPORT, params=params)).json()
    response = await viewer.get(REPORT, params={**params, "format": "xlsx"})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{board.plan_id}-quarterly-report-{Q2}.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == SHEETS

    summary = labelled(workbook["Summary"])
    totals = report["totals"]
    assert summary["All areas"] == (
        totals["actions"],
        *totals["by_rating"].values(),
        report["updates"]["total"],
    )
    assert summary["All areas"] == (4, 1, 1, 0, 1, 1, 4)
    movement = report["movement"]
    assert (movement["declined"], movement["no_longer_rated"]) == (0, 1)
    assert summary["Declined"][0] == movement["declined"]
    assert summary["No longer rated"][0] == movement["no_longer_rated"]
    assert summary["Exceptions"][0] == len(report["exceptions"])
    assert summary["Overdue"][0] == len(report["overdue"])
    assert summary["Due dates slipped"][0] == len(report["slipped"])
    assert summary["Inspection actions with no live action"][0] == 1
    assert summary["Report"][0] == f"Quarter {Q2}"

    actions = table(workbook["Actions"])
    assert [row["Ref"] for row in actions] == [a["ref"] for a in report["actions"]]
    assert [row["Rating"] for row in actions] == ["Amber", "Red", "Blue", "Not rated"]
    assert actions[1]["Rating before"] == "Not rated"
    assert actions[3]["Movement"] == "No longer rated"
    assert isinstance(actions[0]["Due date"], datetime)  # a date, not text
    assert actions[0]["Due date"].date().isoformat() == report["actions"][0]["due_date"]
    assert workbook["Actions"]["F2"].number_format == "DD/MM/YYYY"
    assert actions[1]["Next steps"] == "Escalate"
    assert "plan" not in {key.lower() for key in actions[0]}  # no title repeated per row
    for sheet, listed in (
        ("Exceptions", report["exceptions"]),
        ("Overdue", report["overdue"]),
        ("Slipped", report["slipped"]),
    ):
        assert [row["Ref"] for row in table(workbook[sheet])] == [a["ref"] for a in listed]
    slipped = table(workbook["Slipped"])[0]
    assert slipped["Reason"] == "Waiting for the DfE review"
    assert slipped["Now due"].date().isoformat() == "2023-11-30"
    inspections = table(workbook["Inspection actions"])
    assert [(row["Actions answering it"], row["Gap"]) for row in inspections] == [
        ("A1.1", "No"),
        (None, "Yes"),
    ]
    updates = table(workbook["Updates by area"])
    assert [row["Updates"] for row in updates] == [
        *(a["count"] for a in report["updates"]["by_area"]),
        report["updates"]["total"],
    ]
    trend = table(workbook["Trend"])
    assert [row["When"] for row in trend] == [p["label"] for p in report["trend"]]
    assert trend[-1]["Not rated"] == totals["by_rating"]["not_rated"]
    legend = labelled(workbook["Legend"])
    assert legend["Red"][0] == report["rating_definitions"]["red"]
    assert "Not rated" in legend


async def test_the_workbook_is_ready_to_filter_chart_and_print(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    response = await viewer.get(
        REPORT, params={"plan_id": board.plan_id, "quarter": Q2, "format": "xlsx"}
    )
    workbook = load_workbook(io.BytesIO(response.content))
    actions = workbook["Actions"]
    assert actions.auto_filter.ref == "A1:P5"
    assert actions.freeze_panes == "A2"
    assert actions["C2"].alignment.wrap_text
    assert actions.page_setup.orientation == "landscape"
    assert actions.page_setup.fitToWidth == 1
    fit, header, footer = (
        actions.sheet_properties.pageSetUpPr,
        actions.oddHeader,
        actions.oddFooter,
    )
    assert fit is not None and header is not None and footer is not None
    assert fit.fitToPage
    assert actions.print_title_rows == "$1:$1"
    assert header.center.text == "Improvement Plan"
    assert footer.left.text == f"Quarter {Q2} · Actions"
    # Native charts: ratings by area on the summary, and the trend.
    for name in ("Summary", "Trend"):
        (chart,) = vars(workbook[name])["_charts"]  # openpyxl reads charts back here
        assert chart.grouping == "stacked"
        assert len(chart.series) == 5  # one per rating, each named in the legend
    # A rating's cell says it in words; the fill only repeats it.
    red = next(row for row in actions.iter_rows(min_row=2) if row[6].value == "Red")
    assert red[6].fill.start_color.rgb.endswith("F4B6BD")


async def test_a_long_title_with_ampersands_fits_the_page_header(
    session: AsyncSession, viewer: httpx.AsyncClient
) -> None:
    plan = await make_plan(session, title="R&" * 250)  # 500 characters
    await make_action(session, await make_area(session, plan))
    response = await viewer.get(
        REPORT, params={"plan_id": plan.id, "quarter": Q2, "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    # openpyxl reads `&&` back wrongly, so the header is read as Excel reads it: the XML.
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()  # Actions, the second
    found = re.search(r"<oddHeader>(.*?)</oddHeader>", sheet)
    assert found is not None
    text = html.unescape(found[1]).removeprefix("&C")
    assert len(text) <= 255
    assert text.startswith("R&&R&&R&&")
    assert not re.search(r"(?<!&)&(?!&)", text)  # every ampersand written as `&&`


async def test_a_control_character_in_the_title_does_not_break_the_workbook(
    session: AsyncSession, viewer: httpx.AsyncClient
) -> None:
    plan = await make_plan(session, title="Improvement\x1fPlan")
    await make_action(session, await make_area(session, plan))
    response = await viewer.get(
        REPORT, params={"plan_id": plan.id, "quarter": Q2, "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml").decode()
    found = re.search(r"<oddHeader>(.*?)</oddHeader>", sheet)
    assert found is not None
    assert html.unescape(found[1]).removeprefix("&C") == "Improvement\ufffdPlan"
