"""Another council's plan, written in the Excel template, imports beside Stockton's."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from app.plan_imports.excel import write_workbook
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.plan_imports.support import plan_content

HARBOURSIDE = Path(__file__).parent / "data" / "harbourside-2025.yaml"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def harbourside_workbook() -> bytes:
    """The plan written into the template, then read back and re-saved with openpyxl, as a
    council officer's edit in Excel would."""
    workbook = load_workbook(io.BytesIO(write_workbook(read_seed_file(HARBOURSIDE))))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def test_the_template_holds_user_text_as_text() -> None:
    workbook = load_workbook(io.BytesIO(harbourside_workbook()))
    values = [c.value for row in workbook["Inspection actions"].iter_rows() for c in row]
    assert '\'=HYPERLINK("http://evil") stays text' in values
    headers = [c.value for c in workbook["Actions"][1]]
    assert headers[:3] == ["Area", "Area title", "Area aim"]


async def test_another_councils_workbook_imports_beside_stockton(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    stockton = await load_seed(session, read_seed_file(default_seed_path()))
    preview = await editor.post(
        "/api/v1/plan-imports",
        params={"dry_run": "true"},
        files={"file": ("harbourside.xlsx", harbourside_workbook(), XLSX)},
    )
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["format"] == "xlsx" and body["errors"] == []
    unreadable = [w for w in body["warnings"] if "When the board agrees" in w["message"]]
    assert unreadable and unreadable[0]["place"].startswith('sheet "Actions", row ')
    assert 'column N ("Timescale")' in unreadable[0]["place"]
    response = await editor.post(
        "/api/v1/plan-imports",
        files={"file": ("harbourside.xlsx", harbourside_workbook(), XLSX)},
    )
    assert response.status_code == 201, response.text
    imported = response.json()["plan_id"]
    # The same plan as the plan format gives, imported beside it under another key.
    yaml_import = await editor.post(
        "/api/v1/plan-imports",
        files={"file": ("harbourside.yaml", HARBOURSIDE.read_bytes(), "application/yaml")},
        data={"key": "harbourside-2025-yaml"},
    )
    assert yaml_import.status_code == 201, yaml_import.text
    assert await plan_content(viewer, imported) == await plan_content(
        viewer, yaml_import.json()["plan_id"]
    )
    plans = (await viewer.get("/api/v1/plans")).json()
    assert plans["total"] == 3
    assert stockton.plan_id in {p["id"] for p in plans["items"]}


async def test_errors_name_the_sheet_row_and_column(editor: httpx.AsyncClient) -> None:
    workbook = load_workbook(io.BytesIO(harbourside_workbook()))
    workbook["Actions"]["H3"] = "A9.9"  # a parent ref no row has
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = await editor.post(
        "/api/v1/plan-imports",
        files={"file": ("harbourside.xlsx", buffer.getvalue(), XLSX)},
    )
    assert response.status_code == 422, response.text
    fields = [e["field"] for e in response.json()["errors"]]
    assert 'file: sheet "Actions", row 3, column H ("Parent ref")' in fields


async def test_reading_notes_written_in_the_workbook_are_kept_and_checked(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient
) -> None:
    workbook = load_workbook(io.BytesIO(harbourside_workbook()))
    actions = workbook["Actions"]
    headers = [c.value for c in actions[1]]
    notes, review = headers.index("Reading notes") + 1, headers.index("Needs review") + 1
    actions.cell(row=2, column=notes, value="Read from the board paper of May.")
    actions.cell(row=2, column=review, value="yes")
    title = actions.cell(row=2, column=headers.index("Action") + 1).value
    area = workbook["Reading notes"]
    area.append([1, None, None, None, "yes", "The area's aim was joined from two lines."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = await editor.post(
        "/api/v1/plan-imports", files={"file": ("plan.xlsx", buffer.getvalue(), XLSX)}
    )
    assert response.status_code == 201, response.text
    plan_id = response.json()["plan_id"]
    flagged = await viewer.get(
        "/api/v1/actions", params={"plan_id": plan_id, "needs_review": "true"}
    )
    assert [(a["title"], a["reading_notes"]) for a in flagged.json()["items"]] == [
        (title, ["Read from the board paper of May."])
    ]
    tree = (await viewer.get(f"/api/v1/plans/{plan_id}/tree")).json()
    assert tree["areas"][0]["needs_review"] is True
    assert tree["areas"][0]["reading_notes"] == ["The area's aim was joined from two lines."]

    # A flag that is not yes or no, and a row naming no item of the plan, are errors by place.
    actions.cell(row=2, column=review, value="perhaps")
    area.append([1, "No such outcome", None, None, None, "A note."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = await editor.post(
        "/api/v1/plan-imports",
        files={"file": ("plan.xlsx", buffer.getvalue(), XLSX)},
        data={"key": "harbourside-bad"},
    )
    assert response.status_code == 422, response.text
    fields = [e["field"] for e in response.json()["errors"]]
    assert any('sheet "Actions", row 2' in f and "Needs review" in f for f in fields), fields
    assert any(f.startswith('file: sheet "Reading notes", row ') for f in fields), fields
