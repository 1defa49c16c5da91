"""The officer's update workbook: downloaded, read with openpyxl, filled in and uploaded."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, ActionLeadOfficer, AuditEvent, Officer, Role, StatusUpdate
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from app.update_workbooks.excel import HEADINGS
from tests.conftest import Clients, StatementCounter
from tests.support import as_posted, assert_problem, traces_of_writes, write_statements

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RATING, STATUS, NARRATIVE, NEXT_STEPS = "N", "O", "P", "Q"
REASON, EFFECTIVE = "R", "S"


@dataclass
class Stockton:
    plan_id: str
    officers: dict[str, str]


@pytest.fixture
async def stockton(session: AsyncSession) -> Stockton:
    loaded = await load_seed(session, read_seed_file(default_seed_path()))
    officers = {o.name: o.id for o in await session.scalars(sa.select(Officer))}
    return Stockton(plan_id=loaded.plan_id, officers=officers)


async def as_officer(clients: Clients, stockton: Stockton, name: str) -> httpx.AsyncClient:
    return await clients.as_role(Role.contributor, officer_id=stockton.officers[name])


def url(officer: str) -> str:
    return f"/api/v1/officers/{officer}/update-workbook"


async def download(http: httpx.AsyncClient, officer: str = "me") -> Workbook:
    response = await http.get(url(officer))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


def saved(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def upload(
    http: httpx.AsyncClient,
    content: bytes,
    officer: str = "me",
    *,
    dry_run: bool = False,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    files = {"file": ("updates.xlsx", content, XLSX)}
    params = {"dry_run": "true"} if dry_run else {}
    return await http.post(url(officer), files=files, headers=headers, params=params)


def fill(sheet: Worksheet, row: int, **cells: Any) -> None:
    for column, value in cells.items():
        sheet[f"{column}{row}"] = value


def refs(sheet: Worksheet) -> list[str]:
    return [str(sheet[f"D{row}"].value) for row in range(2, sheet.max_row + 1)]


async def updates(session: AsyncSession) -> list[StatusUpdate]:
    return list(await session.scalars(sa.select(StatusUpdate).order_by(col(StatusUpdate.id))))


async def test_the_workbook_lists_the_officers_live_actions_with_inputs_only_unlocked(
    clients: Clients, stockton: Stockton, viewer: httpx.AsyncClient
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    response = await jane.get(url("me"))
    assert response.status_code == 200, response.text
    disposition = response.headers["content-disposition"]
    assert disposition == 'attachment; filename="stockton-2023-jane-smith-updates.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Updates", "Instructions"]
    sheet = workbook["Updates"]
    assert [cell.value for cell in sheet[1]] == HEADINGS
    led = (
        await viewer.get(
            "/api/v1/actions",
            params={"lead_officer_id": stockton.officers["Jane Smith"], "limit": 100},
        )
    ).json()
    assert sorted(refs(sheet)) == sorted(a["ref"] for a in led["items"])
    assert len(refs(sheet)) == led["total"] == 16
    first = next(a for a in led["items"] if a["ref"] == sheet["D2"].value)
    assert sheet["A2"].value == first["id"]
    assert sheet["E2"].value == first["title"]
    assert sheet["I2"].value == "not rated" and sheet["J2"].value == "not_started"
    assert sheet["B2"].value == "0"
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["B"].hidden
    assert sheet.protection.sheet and workbook["Instructions"].protection.sheet
    last = sheet.max_row
    for row in (2, last):
        assert all(sheet[f"{c}{row}"].protection.locked for c in "ABCDEFGHIJKLM")
        assert not any(sheet[f"{c}{row}"].protection.locked for c in "NOPQRS")
    checks = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert checks[f"N2:N{last}"].type == "list"
    assert checks[f"N2:N{last}"].formula1 == '"red,amber,green,blue,not rated"'
    assert checks[f"O2:O{last}"].formula1 == '"not_started,in_progress,complete,deferred,cancelled"'
    assert checks[f"S2:S{last}"].type == "date"
    assert checks[f"S2:S{last}"].operator == "lessThanOrEqual"
    guide = workbook["Instructions"]
    assert guide["B2"].value == stockton.officers["Jane Smith"]


async def filled_by_jane(
    clients: Clients, stockton: Stockton
) -> tuple[httpx.AsyncClient, Workbook]:
    """Jane Smith's workbook with rows 2 (green) and 4 (red, three days ago) filled in."""
    jane = await as_officer(clients, stockton, "Jane Smith")
    workbook = await download(jane)
    sheet = workbook["Updates"]
    fill(sheet, 2, **{RATING: "green", STATUS: "in_progress", NARRATIVE: "On track."})
    fill(
        sheet,
        4,
        **{
            RATING: "Red",
            STATUS: "in progress",
            NARRATIVE: "Recruitment has stalled.",
            NEXT_STEPS: "Escalate to CSLT.",
            EFFECTIVE: date.today() - timedelta(days=3),
        },
    )
    return jane, workbook


async def test_a_filled_workbook_posts_its_rows_as_one_batch(
    clients: Clients, stockton: Stockton, session: AsyncSession
) -> None:
    jane, workbook = await filled_by_jane(clients, stockton)
    sheet = workbook["Updates"]
    response = await upload(jane, saved(workbook))
    assert response.status_code == 201, response.text
    created = response.json()["created"]
    assert [u["action_id"] for u in created] == [sheet["A2"].value, sheet["A4"].value]
    assert [u["rag"] for u in created] == ["green", "red"]
    assert created[1]["effective_date"] == (date.today() - timedelta(days=3)).isoformat()
    assert {u["author"] for u in created} == {"Jane Smith"}
    action = await jane.get(f"/api/v1/actions/{sheet['A4'].value}")
    assert action.json()["rag"] == "red"
    audited = await session.scalars(
        sa.select(col(AuditEvent.entity_id)).where(
            col(AuditEvent.entity_type) == "status_update", col(AuditEvent.operation) == "create"
        )
    )
    assert set(audited) == {u["id"] for u in created}
    # The new workbook shows what was posted, and the rows' markers have moved on.
    again = (await download(jane))["Updates"]
    assert again["I4"].value == "red" and again["L4"].value == "Recruitment has stalled."
    assert again["B4"].value == "1"


async def test_broken_cells_are_named_by_sheet_row_and_column_and_nothing_is_stored(
    clients: Clients, stockton: Stockton, session: AsyncSession
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    workbook = await download(jane)
    sheet = workbook["Updates"]
    fill(sheet, 2, **{RATING: "green", STATUS: "in_progress"})
    fill(sheet, 3, **{RATING: "amber", STATUS: "in_progress"})
    fill(sheet, 5, **{RATING: "green"})
    fill(sheet, 6, **{STATUS: "maybe"})
    fill(sheet, 7, **{STATUS: "deferred", EFFECTIVE: date.today() + timedelta(days=2)})
    before = await traces_of_writes(session)
    body = assert_problem(await upload(jane, saved(workbook)), 422)
    # A dry run refuses the file with the same errors.
    dry = assert_problem(await upload(jane, saved(workbook), dry_run=True), 422)
    assert dry["errors"] == body["errors"]
    assert {(e["field"], e["type"]) for e in body["errors"]} == {
        ('file: sheet "Updates", row 5, column O ("New status")', "missing"),
        ('file: sheet "Updates", row 6, column O ("New status")', "enum"),
    }
    # Once the rows are the right shape, the update rules are named by cell too.
    fill(sheet, 5, **{STATUS: "in_progress"})
    fill(sheet, 6, **{STATUS: "complete"})
    body = assert_problem(await upload(jane, saved(workbook)), 422)
    dry = assert_problem(await upload(jane, saved(workbook), dry_run=True), 422)
    assert dry["errors"] == body["errors"]
    assert {(e["field"], e["type"]) for e in body["errors"]} == {
        ('file: sheet "Updates", row 3, column P ("Narrative")', "missing"),
        ('file: sheet "Updates", row 3, column Q ("Next steps")', "missing"),
        ('file: sheet "Updates", row 6, column N ("New rating")', "inconsistent"),
        ('file: sheet "Updates", row 7, column R ("Reason")', "missing"),
        ('file: sheet "Updates", row 7, column S ("Effective date")', "future_date"),
    }
    assert await traces_of_writes(session) == before


async def test_a_contributor_has_only_their_own_workbook_and_actions(
    clients: Clients, stockton: Stockton, session: AsyncSession, editor: httpx.AsyncClient
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    adele = stockton.officers["Adele Moore"]
    assert_problem(await jane.get(url(adele)), 403)
    workbook = await download(jane)
    assert_problem(await upload(jane, saved(workbook), officer=adele), 403)
    # A row made to name another officer's action is refused, by its cell.
    theirs = await session.scalar(
        sa.select(col(ActionLeadOfficer.action_id)).where(
            col(ActionLeadOfficer.officer_id) == adele,
            col(ActionLeadOfficer.action_id).not_in(
                sa.select(col(ActionLeadOfficer.action_id)).where(
                    col(ActionLeadOfficer.officer_id) == stockton.officers["Jane Smith"]
                )
            ),
        )
    )
    sheet = workbook["Updates"]
    fill(sheet, 2, A=theirs, **{RATING: "green", STATUS: "in_progress"})
    body = assert_problem(await upload(jane, saved(workbook)), 422)
    assert [(e["field"], e["type"]) for e in body["errors"]] == [
        ('file: sheet "Updates", row 2, column A ("Action id")', "not_led")
    ]
    assert await updates(session) == []
    # An editor may download and upload anyone's, and a workbook is for one officer only.
    theirs_book = await download(editor, adele)
    assert theirs_book["Instructions"]["B2"].value == adele
    fill(theirs_book["Updates"], 2, **{RATING: "green", STATUS: "in_progress"})
    body = assert_problem(await upload(editor, saved(theirs_book), officer=jane_id(stockton)), 422)
    assert body["errors"][0]["type"] == "wrong_officer"
    assert (await upload(editor, saved(theirs_book), officer=adele)).status_code == 201


def jane_id(stockton: Stockton) -> str:
    return stockton.officers["Jane Smith"]


async def test_me_needs_an_officer(editor: httpx.AsyncClient) -> None:
    body = assert_problem(await editor.get(url("me")), 422)
    assert body["errors"][0]["field"] == "path.officer_id"


async def test_formula_text_in_a_narrative_stays_text(
    clients: Clients, stockton: Stockton, session: AsyncSession
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    workbook = await download(jane)
    formula = '=HYPERLINK("https://evil.example/","Click")'
    fill(
        workbook["Updates"],
        2,
        **{RATING: "green", STATUS: "in_progress", NARRATIVE: formula, NEXT_STEPS: "+1 more"},
    )
    response = await upload(jane, saved(workbook))
    assert response.status_code == 201, response.text
    assert response.json()["created"][0]["narrative"] == formula
    book = await download(jane)
    again = book["Updates"]
    assert again["L2"].data_type == "s" and again["L2"].value == "'" + formula
    assert again["M2"].value == "'+1 more"
    # Uploaded again, the text read back loses the guarding quote.
    fill(again, 2, **{RATING: "green", STATUS: "in_progress", NARRATIVE: again["L2"].value})
    response = await upload(jane, saved(book))
    assert response.status_code == 201, response.text
    assert response.json()["created"][0]["narrative"] == formula


async def test_a_retry_with_the_same_key_posts_nothing_more_and_a_stale_row_is_refused(
    clients: Clients, stockton: Stockton, session: AsyncSession
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    workbook = await download(jane)
    fill(workbook["Updates"], 3, **{RATING: "green", STATUS: "in_progress"})
    content = saved(workbook)
    first = await upload(jane, content, headers={"Idempotency-Key": "round-2023-07"})
    again = await upload(jane, content, headers={"Idempotency-Key": "round-2023-07"})
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(await updates(session)) == 1
    # The same rows sent again without the key: the action has moved on since the download.
    body = assert_problem(await upload(jane, content), 412)
    assert [(e["field"], e["type"]) for e in body["errors"]] == [
        ('file: sheet "Updates", row 3, column B ("Updates so far")', "changed_since_written")
    ]
    dry = assert_problem(await upload(jane, content, dry_run=True), 412)
    assert dry["errors"] == body["errors"]
    assert len(await updates(session)) == 1


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


async def test_a_file_that_is_not_the_officers_workbook_is_refused_clearly(
    clients: Clients, stockton: Stockton, session: AsyncSession, viewer: httpx.AsyncClient
) -> None:
    jane = await as_officer(clients, stockton, "Jane Smith")
    export = await viewer.get(f"/api/v1/plans/{stockton.plan_id}/export")
    blank = await download(jane)
    bomb = zipped({"xl/workbook.xml": b"\0" * (20 * 1024 * 1024)})
    refused = [
        b"",
        b"\x89PNG not a workbook",
        b"rag,status\ngreen,in_progress\n",
        zipped({"a": b"b"}),
        export.content,
        bomb,
        zipped({"xl/workbook.xml": b"<not-xml"}),
        saved(blank),  # nothing filled in
    ]
    for content in refused:
        body = assert_problem(await upload(jane, content), 422)
        assert [e["field"] for e in body["errors"]] == ["body.file"], body
    assert await updates(session) == []


@pytest.mark.parametrize("filled", [2, 12])
async def test_an_upload_runs_the_same_statements_whatever_its_rows(
    clients: Clients,
    stockton: Stockton,
    count_statements: StatementCounter,
    filled: int,
) -> None:
    adele = await as_officer(clients, stockton, "Adele Moore")
    workbook = await download(adele)
    for row in range(2, 2 + filled):
        fill(workbook["Updates"], row, **{RATING: "green", STATUS: "in_progress"})
    content = saved(workbook)
    count_statements.statements.clear()
    response = await upload(adele, content)
    assert response.status_code == 201, response.text
    assert len(response.json()["created"]) == filled
    # The key, the officer, the rows' leads and markers, then the batch's own 9 less its
    # key: the same for 2 rows or 12.
    assert count_statements.count == 12, count_statements.statements


async def test_a_download_runs_the_same_statements_whatever_its_rows(
    clients: Clients, stockton: Stockton, count_statements: StatementCounter
) -> None:
    for name in ("Adele Moore", "Dave Willingham"):  # 20 actions and 6
        http = await as_officer(clients, stockton, name)
        await http.get("/api/v1/me")  # the key's first use is recorded once, not here
        count_statements.statements.clear()
        await download(http)
        # The key, the officer, the rows, their last updates, their markers, the audit of
        # reading the officer's details.
        assert count_statements.count == 6, count_statements.statements


async def test_the_workbook_leaves_out_archived_actions(
    clients: Clients, stockton: Stockton, session: AsyncSession
) -> None:
    dave = await as_officer(clients, stockton, "Dave Willingham")
    before = refs((await download(dave))["Updates"])
    action = await session.scalar(
        sa.select(Action).where(
            col(Action.plan_id) == stockton.plan_id, col(Action.ref) == before[0]
        )
    )
    assert action is not None
    action.archived_at = action.created_at
    await session.commit()
    assert refs((await download(dave))["Updates"]) == before[1:]


async def test_an_officer_who_leads_nothing_gets_an_empty_workbook_named_for_them(
    editor: httpx.AsyncClient,
) -> None:
    officer = await editor.post("/api/v1/officers", json={"name": "Zoë O'Neill"})
    assert officer.status_code == 201, officer.text
    response = await editor.get(url(officer.json()["id"]))
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].endswith('filename="zoe-o-neill-updates.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content))["Updates"]
    assert sheet.max_row == 1
    empty = await upload(editor, response.content, officer=officer.json()["id"])
    assert assert_problem(empty, 422)["errors"][0]["type"] == "empty"


async def test_a_dry_run_answers_the_rows_it_would_post_and_posts_nothing(
    clients: Clients,
    stockton: Stockton,
    session: AsyncSession,
    count_statements: StatementCounter,
) -> None:
    jane, workbook = await filled_by_jane(clients, stockton)
    sheet = workbook["Updates"]
    content = saved(workbook)
    key = {"Idempotency-Key": "round-2023-08"}
    before = await traces_of_writes(session)
    count_statements.statements.clear()
    dry = await upload(jane, content, dry_run=True, headers=key)
    assert dry.status_code == 200, dry.text
    assert write_statements(count_statements.statements) == []
    assert await traces_of_writes(session) == before
    preview = dry.json()
    assert preview["dry_run"] is True
    assert [(u["action_id"], u["rag"]) for u in preview["created"]] == [
        (sheet["A2"].value, "green"),
        (sheet["A4"].value, "red"),
    ]
    # The dry run kept no key: the upload with it posts, exactly what was shown.
    real = await upload(jane, content, headers=key)
    assert real.status_code == 201, real.text
    assert "Idempotent-Replayed" not in real.headers
    assert as_posted(real.json()["created"]) == as_posted(preview["created"])
    assert len(await updates(session)) == 2
