"""The exceptions and summary reports in every format they offer, counted as the JSON is."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import httpx
import pytest
from openpyxl import load_workbook

from tests.reports.conftest import Board
from tests.support import assert_problem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DAY = "2023-09-30"


def csv_rows(response: httpx.Response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))


async def test_exceptions_as_csv_and_xlsx(viewer: httpx.AsyncClient, board: Board) -> None:
    url = "/api/v1/reports/exceptions"
    params = {"plan_id": board.plan_id, "as_of": DAY}
    report = (await viewer.get(url, params=params)).json()
    assert report["items"], "the board has exceptions on the day"
    as_csv = await viewer.get(url, params=params, headers={"Accept": "text/csv"})
    assert as_csv.status_code == 200, as_csv.text
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert as_csv.headers["content-disposition"] == (
        f'attachment; filename="{board.plan_id}-exceptions-{DAY}.csv"'
    )
    rows = csv_rows(as_csv)
    assert [row["Ref"] for row in rows] == [item["ref"] for item in report["items"]]
    assert [row["Reasons"] for row in rows] == ["; ".join(i["reasons"]) for i in report["items"]]
    as_xlsx = await viewer.get(url, params={**params, "format": "xlsx"})
    assert as_xlsx.status_code == 200, as_xlsx.text
    assert as_xlsx.headers["content-type"] == XLSX
    sheet = load_workbook(io.BytesIO(as_xlsx.content))["Exceptions"]
    table = list(sheet.iter_rows(values_only=True))
    assert table[0][:4] == ("Ref", "Action", "Lead officers", "Rating")
    assert [row[0] for row in table[1:]] == [item["ref"] for item in report["items"]]
    due = [row[5] for row in table[1:] if row[5] is not None]
    assert due and all(isinstance(value, datetime) for value in due)  # dates as dates
    assert sheet.auto_filter.ref is not None and sheet.page_setup.orientation == "landscape"


async def test_summary_as_csv_and_xlsx(viewer: httpx.AsyncClient, board: Board) -> None:
    url = "/api/v1/reports/summary"
    params = {"plan_id": board.plan_id, "as_of": DAY, "group_by": "officer"}
    report = (await viewer.get(url, params=params)).json()
    as_csv = await viewer.get(url, params={**params, "format": "csv"})
    assert as_csv.status_code == 200, as_csv.text
    assert as_csv.headers["content-disposition"] == (
        f'attachment; filename="{board.plan_id}-summary-by-officer-{DAY}.csv"'
    )
    rows = {row["Group"]: row for row in csv_rows(as_csv)}
    for group in report["groups"]:
        assert int(rows[group["label"]]["Actions"]) == group["actions"]
        assert int(rows[group["label"]]["Red"]) == group["by_rating"]["red"]
    assert int(rows["All actions"]["Actions"]) == report["totals"]["actions"]
    assert int(rows["All actions"]["Not rated"]) == report["totals"]["by_rating"]["not_rated"]
    as_xlsx = await viewer.get(url, params=params, headers={"Accept": XLSX})
    assert as_xlsx.status_code == 200, as_xlsx.text
    sheet = load_workbook(io.BytesIO(as_xlsx.content))["Summary"]
    totals = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "All actions")
    assert totals[1] == report["totals"]["actions"]


@pytest.mark.parametrize("path", ["exceptions", "summary"])
async def test_a_format_a_report_does_not_offer_is_refused(
    viewer: httpx.AsyncClient, board: Board, path: str
) -> None:
    url = f"/api/v1/reports/{path}"
    params = {"plan_id": board.plan_id}
    assert_problem(await viewer.get(url, params={**params, "format": "pdf"}), 422)
    refused = await viewer.get(url, params=params, headers={"Accept": "application/pdf"})
    assert_problem(refused, 406)
    assert "text/csv" in refused.json()["detail"]
    default = await viewer.get(url, params=params, headers={"Accept": "text/html, */*;q=0.1"})
    assert default.headers["content-type"] == "application/json"
    assert "content-disposition" not in default.headers
