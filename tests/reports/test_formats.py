"""Spreadsheets made from user text: never a formula, whatever a contributor writes."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import httpx
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ActionLeadOfficer, Role
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_officer, make_plan

ROOT = Path(__file__).resolve().parents[2]
REPORT = "/api/v1/reports/quarterly"
Q2 = "2023-24-Q2"
# What a spreadsheet runs as a formula: a text cell starting with any of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = [
    '=HYPERLINK("http://evil.example/x","Click for evidence")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+9)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


async def hostile_plan(session: AsyncSession, clients: Clients) -> tuple[str, dict[str, str]]:
    """A plan whose text starts with each formula character: its title, organisation, lead
    officer and action titles stored as a loader would, and narratives posted through the
    API by the contributor who leads the actions. Returns the plan id and, by action title,
    the narrative the API stored."""
    plan = await make_plan(session, title=HOSTILE[0], organisation=HOSTILE[3])
    area = await make_area(session, plan, title=HOSTILE[1])
    officer = await make_officer(session, name=HOSTILE[2])
    contributor = await clients.as_role(Role.contributor, officer_id=officer.id)
    narratives = {}
    for number, text in enumerate(HOSTILE, start=1):
        action = await make_action(session, area, ref=f"A1.{number}", title=text, timescale=text)
        session.add(ActionLeadOfficer(action_id=action.id, officer_id=officer.id, position=1))
        await session.commit()
        response = await contributor.post(
            f"/api/v1/actions/{action.id}/status-updates",
            json={
                "rag": "red",
                "status": "in_progress",
                "narrative": text,
                "next_steps": text,
                "effective_date": "2023-08-01",
            },
        )
        assert response.status_code == 201, response.text
        narratives[text] = response.json()["narrative"]
    return plan.id, narratives


def neutralised(text: str) -> str:
    return "'" + text


async def test_csv_report_writes_no_formula(
    session: AsyncSession, clients: Clients, viewer: httpx.AsyncClient
) -> None:
    plan_id, narratives = await hostile_plan(session, clients)
    response = await viewer.get(REPORT, params={"plan_id": plan_id, "quarter": Q2, "format": "csv"})
    assert response.status_code == 200, response.text
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE)
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), row
    assert sorted(row["title"] for row in rows) == sorted(map(neutralised, HOSTILE))
    assert sorted(row["timescale"] for row in rows) == sorted(map(neutralised, HOSTILE))
    for row in rows:
        assert row["plan"] == neutralised(HOSTILE[0])
        assert row["lead_officers"] == neutralised(HOSTILE[2])
        title = row["title"].removeprefix("'")
        assert row["latest_narrative"] == neutralised(narratives[title])
    # The JSON report keeps the text exactly as written: only spreadsheets are changed.
    report = (await viewer.get(REPORT, params={"plan_id": plan_id, "quarter": Q2})).json()
    assert {a["latest_narrative"] for a in report["actions"]} == set(narratives.values())


async def test_xlsx_report_holds_user_text_as_text(
    session: AsyncSession, clients: Clients, viewer: httpx.AsyncClient
) -> None:
    plan_id, narratives = await hostile_plan(session, clients)
    response = await viewer.get(
        REPORT, params={"plan_id": plan_id, "quarter": Q2, "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    workbook = load_workbook(io.BytesIO(response.content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert not cell.value.startswith(FORMULA_STARTS), cell.value
    summary = workbook["Summary"]
    assert summary["A1"].value == neutralised(HOSTILE[0])
    assert summary["B3"].value == neutralised(HOSTILE[3])
    actions = workbook["Actions"]
    header = [cell.value for cell in actions[1]]
    rows = [
        dict(zip(header, values, strict=True))
        for values in actions.iter_rows(min_row=2, values_only=True)
    ]
    # The text comes back as written, a carriage return included; the leading quote is what
    # keeps it from being a formula.
    assert sorted(str(row["Action"]) for row in rows) == sorted(map(neutralised, HOSTILE))
    assert {row["Latest narrative"] for row in rows} == {
        neutralised(text) for text in narratives.values()
    }
    assert {row["Lead officers"] for row in rows} == {neutralised(HOSTILE[2])}
    # Numbers the service computed stay numbers.
    assert all(isinstance(row["Updates"], int) for row in rows)


async def test_control_characters_do_not_break_the_xlsx_report(
    session: AsyncSession, editor: httpx.AsyncClient
) -> None:
    plan = await make_plan(session)
    action = await make_action(session, await make_area(session, plan))
    posted = await editor.post(
        f"/api/v1/actions/{action.id}/status-updates",
        json={
            "rag": "green",
            "status": "in_progress",
            "narrative": "Pasted from a PDF:\x0bpage\x01two",
            "effective_date": "2023-08-01",
        },
    )
    assert posted.status_code == 201, posted.text
    response = await editor.get(
        REPORT, params={"plan_id": plan.id, "quarter": Q2, "format": "xlsx"}
    )
    assert response.status_code == 200, response.text
    sheet = load_workbook(io.BytesIO(response.content))["Actions"]
    header = [cell.value for cell in sheet[1]]
    narrative = sheet.cell(row=2, column=header.index("Latest narrative") + 1)
    assert narrative.value == "Pasted from a PDF:\ufffdpage\ufffdtwo"


def test_every_spreadsheet_writer_uses_the_one_neutralising_rule() -> None:
    """Only app/reports/formats.py writes CSV or XLSX values; any new export goes through
    its `csv_bytes` and `append_row`, so it cannot forget the rule. The board's workbook
    lays out, styles and charts its sheets with openpyxl, and the plan template reads
    workbooks with it, but neither puts a value in a cell itself."""
    writers = []
    for path in [*(ROOT / "app").rglob("*.py"), *(ROOT / "scripts").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "csv" or name.startswith("openpyxl") for name in names):
                writers.append(path.relative_to(ROOT).as_posix())
    template_files = [
        "app/plan_imports/excel/actions_sheet.py",
        "app/plan_imports/excel/reader.py",
        "app/plan_imports/excel/template.py",
        "app/plan_imports/excel/writer.py",
    ]
    assert sorted(set(writers)) == [
        *template_files,
        "app/reports/formats.py",
        "app/reports/workbook.py",
        "app/update_workbooks/excel.py",
    ]
    layout = (ROOT / "app" / "reports" / "workbook.py").read_text()
    for writing in (".value =", "value=", ".append(", "csv."):
        assert writing not in layout, writing
    # The plan template reads workbooks with openpyxl, and writes its rows with `append_row`.
    # So does the officer's update workbook.
    for name in [*template_files, "app/update_workbooks/excel.py"]:
        template = (ROOT / name).read_text()
        for writing in (".value =", "value=", "csv.", ".append(["):
            assert writing not in template, (name, writing)
