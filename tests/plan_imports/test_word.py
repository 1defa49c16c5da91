"""Importing the Stockton plan from a Word document gives the plan the seed gives."""

from __future__ import annotations

import functools
import io
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from docx import Document
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import Action, AuditEvent, Plan
from app.seeding.format import SeedFile
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.plan_imports.stockton_docx import stockton_docx
from tests.plan_imports.support import differences, plan_content

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@functools.cache
def stockton_seed() -> SeedFile:
    return read_seed_file(default_seed_path())


@functools.cache
def stockton_word() -> bytes:
    return stockton_docx(stockton_seed())


async def upload(
    http: httpx.AsyncClient,
    content: bytes,
    *,
    dry_run: bool = False,
    name: str = "plan.docx",
    **fields: str,
) -> httpx.Response:
    return await http.post(
        "/api/v1/plan-imports",
        params={"dry_run": "true"} if dry_run else {},
        files={"file": (name, content, DOCX)},
        data=fields,
    )


async def count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(sa.select(sa.func.count()).select_from(model)) or 0)


def test_the_document_is_a_real_word_table() -> None:
    document = Document(__import__("io").BytesIO(stockton_word()))
    table = document.tables[0]  # the plan table: Stockton's document has no rating key
    assert [c.text for c in table.rows[0].cells][:3] == ["Outcome", "Objective", "Action"]
    # The outcome cell is merged down the rows of its objectives, as the council's is.
    assert table.rows[2].cells[0]._tc is table.rows[3].cells[0]._tc


async def test_a_dry_run_previews_the_plan_and_stores_nothing(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    events = await count(session, AuditEvent)
    response = await upload(editor, stockton_word(), dry_run=True)
    assert response.status_code == 200, response.text
    preview = response.json()
    assert preview["dry_run"] is True and preview["applied"] is False
    assert preview["errors"] == []
    assert preview["counts"]["actions"] == 57
    assert preview["counts"]["success_criteria"] == 49
    assert preview["plan"]["key"] == "stockton-2023"
    area_one = preview["tree"][0]
    assert area_one["title"] == "Our People"
    first = area_one["outcomes"][0]["objectives"][0]["actions"][0]
    assert first["ref"] == "A1.1"
    assert first["due_date"] == "2023-05-31"
    assert first["lead_officers"] == ["Jane Smith"]
    assert sorted(preview["officers_to_create"]) == sorted(o.name for o in stockton_seed().officers)
    kinds = {c["kind"] for c in preview["reading_choices"]}
    assert {
        "lead_same_as_above",
        "criteria_cell_spans_actions",
        "sub_items",
        "criteria_without_action",
        "note_in_lead_cell",
        "outcome_number",
    } <= kinds
    lead = next(c for c in preview["reading_choices"] if c["kind"] == "lead_same_as_above")
    assert lead["place"].startswith("table 1, row ") and 'cell "Lead Officer"' in lead["place"]
    sub_items = next(c for c in preview["reading_choices"] if c["kind"] == "sub_items")
    assert sub_items["item"] == "area 1 / outcome 1.1 / objective 1.1.2 / action A1.7"
    assert await count(session, Plan) == 0
    assert await count(session, AuditEvent) == events


async def test_the_imported_plan_is_the_seed_plan(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Every action, criterion, officer, date, link and tag of the seed. How each item was read
    (its reading notes and whether it needs review) is compared in its own test."""
    seeded = await load_seed(session, stockton_seed())
    response = await upload(editor, stockton_word(), key="stockton-2023-word")
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["applied"] is True
    imported = result["plan_id"]
    reading = {"reading_notes", "needs_review"}
    found = differences(
        await plan_content(viewer, imported, leave_out=reading),
        await plan_content(viewer, seeded.plan_id, leave_out=reading),
    )
    assert found == [], "\n".join(found)
    # The officers the seed made were matched by name, not made twice.
    assert result["officers_to_create"] == []


async def test_a_second_import_changes_nothing_and_each_item_is_audited(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    first = await upload(editor, stockton_word())
    assert first.status_code == 201, first.text
    actions = await count(session, Action)
    events = await count(session, AuditEvent)
    assert actions == 57
    audited = (
        await session.scalars(
            sa.select(col(AuditEvent.actor)).where(col(AuditEvent.entity_type) == "action")
        )
    ).all()
    assert len(audited) == 57 and "system" not in audited
    again = await upload(editor, stockton_word())
    assert again.status_code == 200, again.text
    assert again.json()["already_imported"] is True
    assert again.json()["plan_id"] == first.json()["plan_id"]
    assert (await count(session, Action), await count(session, AuditEvent)) == (actions, events)


async def test_only_editors_import(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    response = await upload(viewer, stockton_word())
    assert response.status_code == 403
    assert await count(session, Plan) == 0


@pytest.mark.parametrize("dry_run", [True, False])
async def test_errors_point_at_the_table_row_and_cell(
    editor: httpx.AsyncClient, session: AsyncSession, dry_run: bool
) -> None:
    document = Document(__import__("io").BytesIO(stockton_word()))
    table = document.tables[0]  # the plan table: Stockton's document has no rating key
    # An action title longer than any plan allows, on the table's third row.
    table.rows[2].cells[2].paragraphs[0].text = "x" * 2100
    buffer = __import__("io").BytesIO()
    document.save(buffer)
    response = await upload(editor, buffer.getvalue(), dry_run=dry_run)
    if dry_run:
        assert response.status_code == 200
        errors = response.json()["errors"]
        places = [e["place"] for e in errors]
    else:
        assert response.status_code == 422
        errors = response.json()["errors"]
        places = [e["field"] for e in errors]
    assert any('table 1, row 3, cell "Action"' in place for place in places), places
    assert await count(session, Plan) == 0


def flagged(node: Any) -> set[str]:
    """The items of a plan's tree marked as needing review: actions by ref, others by text."""
    found: set[str] = set()
    if isinstance(node, dict):
        if node.get("needs_review"):
            found.add(node.get("ref") or node.get("statement") or node.get("title") or "")
        for value in node.values():
            found |= flagged(value)
    elif isinstance(node, list):
        for value in node:
            found |= flagged(value)
    return found


# Items the seed flags for a reading no Word table leaves to infer. Everything else the seed
# flags, the import flags too: the built document writes the rows of several actions in one
# cell (paragraphs paired in order or by position, tags closing a cell) as the council did.
SOURCE_LAYOUT_ONLY = {
    # The source splits the action, lead and timescale cells with a rule (<hr/>) and leaves
    # the criterion cell whole. Word has no rule inside a cell: the two parts are two rows
    # under one merged criterion cell, which says outright that the criterion spans both.
    "A1.8": "a rule splitting cells, which Word writes as rows under a merged cell",
    "A1.9": "a rule splitting cells, which Word writes as rows under a merged cell",
    # Five actions beside six criteria, paired by their wording: one criterion goes with two
    # actions, three with one. No place in a cell can say that, so the built document gives
    # each action its own row beside its own criteria, and there is nothing left to infer.
    "A2.6": "criteria paired with their actions by wording, not by place",
    "A2.7": "criteria paired with their actions by wording, not by place",
    "A2.8": "criteria paired with their actions by wording, not by place",
    "A2.9": "criteria paired with their actions by wording, not by place",
    "A2.10": "criteria paired with their actions by wording, not by place",
}


async def test_the_items_flagged_for_review_are_the_seeds(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    """Each reading choice is stored on its item, and the items that need the council's
    confirmation are the seed's, but for those whose reading the document leaves nothing to
    infer (listed above). The notes' wording is not compared: the seed's quote the source."""
    seeded = await load_seed(session, stockton_seed())
    response = await upload(editor, stockton_word(), key="stockton-2023-word")
    assert response.status_code == 201, response.text
    imported = await plan_content(viewer, response.json()["plan_id"])
    seed = await plan_content(viewer, seeded.plan_id)
    assert flagged(imported["areas"]) == flagged(seed["areas"]) - set(SOURCE_LAYOUT_ONLY)
    # The reading is visible on the item it shaped, readable and filterable through the API.
    first = imported["areas"][0]["outcomes"][0]["objectives"][0]
    assert first["needs_review"] is True and len(first["reading_notes"]) == 1
    review = await viewer.get(
        "/api/v1/actions",
        params={"plan_id": response.json()["plan_id"], "needs_review": "true", "limit": "500"},
    )
    assert review.status_code == 200, review.text
    assert {a["ref"] for a in review.json()["items"]} == {
        ref for ref in flagged(imported["areas"]) if ref.startswith("A")
    }


def one_row_plan(action: list[str], criteria: list[str], lead: list[str], timescale: str) -> bytes:
    """A plan of one area and one action row, its cells written paragraph by paragraph."""
    document = Document()
    document.add_paragraph("Harbourside Improvement Plan", style="Title")
    document.add_paragraph("Organisation: Harbourside Council")
    table = document.add_table(rows=3, cols=5)
    for cell, header in zip(
        table.rows[0].cells,
        ["Action", "Success criteria", "Lead", "Timescale", "Links"],
        strict=True,
    ):
        cell.text = header
    table.rows[1].cells[0].merge(table.rows[1].cells[-1]).text = "Improvement Area One : People"
    for cell, lines in zip(
        table.rows[2].cells, [action, criteria, lead, [timescale]], strict=False
    ):
        write(cell, lines)
    return saved(document)


def write(cell: Any, lines: list[str]) -> None:
    """The lines as the cell's paragraphs."""
    cell.text = lines[0] if lines else ""
    for line in lines[1:]:
        cell.add_paragraph(line)


def saved(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_several_actions_in_one_cell_pair_with_the_cells_beside_them(
    editor: httpx.AsyncClient,
) -> None:
    """Each paragraph of an action cell is an action (a double space is a paragraph break as a
    Word paragraph is); leads pair in order, one timescale goes with each, the tag closing the
    cell tags both, and three criteria beside two actions with nothing pairing them go with
    both, flagged for the council to pair."""
    content = one_row_plan(
        action=[
            "Write the supervision policy  Train every manager in it",
            "Ofsted Improvement Action 2",
        ],
        criteria=[
            "The policy is agreed",
            "Managers are trained",
            "Audits show reflective supervision",
        ],
        lead=["Jane Smith  Adele Moore"],
        timescale="May 23",
    )
    response = await upload(editor, content, dry_run=True)
    assert response.status_code == 200, response.text
    preview = response.json()
    assert preview["errors"] == []
    actions = preview["tree"][0]["actions"]
    assert [(a["ref"], a["title"], a["lead_officers"], a["due_date"]) for a in actions] == [
        ("A1.1", "Write the supervision policy", ["Jane Smith"], "2023-05-31"),
        ("A1.2", "Train every manager in it", ["Adele Moore"], "2023-05-31"),
    ]
    assert [(a["inspection_actions"], a["success_criteria"]) for a in actions] == [([2], 3)] * 2
    kinds = {c["kind"] for c in preview["reading_choices"]}
    assert {"paired_in_order", "paired_each", "paired_all", "tag"} <= kinds

    applied = await upload(editor, content)
    assert applied.status_code == 201, applied.text
    listed = await editor.get(
        "/api/v1/actions",
        params={"plan_id": applied.json()["plan_id"], "needs_review": "true", "limit": "50"},
    )
    flagged_actions = {a["ref"]: a["reading_notes"] for a in listed.json()["items"]}
    assert set(flagged_actions) == {"A1.1", "A1.2"}
    assert any("confirm which go together" in note for note in flagged_actions["A1.1"])


async def test_a_lead_cell_merged_down_notes_each_action_it_is_beside_once(
    editor: httpx.AsyncClient,
) -> None:
    """A lead cell merged down three rows, two actions and a row listing a sub-item of the
    second: both actions have its lead and its sentence in their notes, the second once
    though two of its rows sit beside the cell."""
    document = Document()
    document.add_paragraph("Harbourside Improvement Plan", style="Title")
    document.add_paragraph("Organisation: Harbourside Council")
    table = document.add_table(rows=5, cols=4)
    for cell, header in zip(
        table.rows[0].cells, ["Action", "Lead", "Timescale", "Links"], strict=True
    ):
        cell.text = header
    table.rows[1].cells[0].merge(table.rows[1].cells[-1]).text = "Improvement Area One : People"
    write(table.rows[2].cells[0], ["Write the supervision policy"])
    write(table.rows[3].cells[0], ["Train every manager in it"])
    table.rows[4].cells[0].text = "Train the new managers first"
    table.rows[4].cells[0].paragraphs[0].style = "List Bullet"
    lead = table.rows[2].cells[1].merge(table.rows[4].cells[1])
    write(lead, ["Jane Smith", "Issues to come to the board."])
    applied = await upload(editor, saved(document))
    assert applied.status_code == 201, applied.text
    listed = await editor.get(
        "/api/v1/actions", params={"plan_id": applied.json()["plan_id"], "limit": "50"}
    )
    actions = {a["ref"]: a for a in listed.json()["items"]}
    assert {ref: (a["title"], a["notes"]) for ref, a in actions.items()} == {
        "A1.1": ("Write the supervision policy", "Issues to come to the board."),
        "A1.2": ("Train every manager in it", "Issues to come to the board."),
        "A1.2.1": ("Train the new managers first", None),
    }
    assert {a["parent_id"] for a in actions.values()} == {None, actions["A1.2"]["id"]}


async def test_criteria_pair_by_where_each_action_starts_in_its_cell(
    editor: httpx.AsyncClient,
) -> None:
    """Stockton's practice standards row: a tag between two actions, six criteria; the first
    two line up with the first action, the rest follow the second."""
    content = one_row_plan(
        action=["Set practice standards", "Ofsted Improvement Action 1", "Monitor their impact"],
        criteria=[
            "One set of standards",
            "Staff understand them",
            "Audits improve",
            "Plans are SMART",
        ],
        lead=["Adele Moore"],
        timescale="May 23  Ongoing",
    )
    preview = (await upload(editor, content, dry_run=True)).json()
    actions = preview["tree"][0]["actions"]
    assert [
        (a["title"], a["inspection_actions"], a["success_criteria"], a["timescale"])
        for a in actions
    ] == [
        ("Set practice standards", [1], 2, "May 23"),
        ("Monitor their impact", [], 2, "Ongoing"),
    ]
    assert "paired_by_position" in {c["kind"] for c in preview["reading_choices"]}


def objectives_plan(rows: list[tuple[str, str, str, list[str]]]) -> bytes:
    """A plan of one area and one outcome, a row per (objective, action, lead, criteria); an
    objective cell is merged down the rows of its objective, every other cell is its own."""
    document = Document()
    document.add_paragraph("Harbourside Improvement Plan", style="Title")
    document.add_paragraph("Organisation: Harbourside Council")
    headers = ["Outcome", "Objective", "Action", "Success criteria", "Lead", "Timescale"]
    table = document.add_table(rows=len(rows) + 2, cols=len(headers))
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = header
    table.cell(1, 0).merge(table.cell(1, len(headers) - 1)).text = "Improvement Area One : People"
    table.cell(2, 0).merge(table.cell(len(rows) + 1, 0)).text = "Children are safe"
    top = 2
    for number, (objective, action, lead, criteria) in enumerate(rows, start=2):
        if objective:
            table.cell(number, 1).text = objective
            top = number
        else:
            table.cell(top, 1).merge(table.cell(number, 1))
        table.cell(number, 2).text = action
        table.cell(number, 4).text = lead
        table.cell(number, 5).text = "May 23" if action else ""
        write(table.cell(number, 3), criteria)
    return saved(document)


async def test_a_criterion_written_again_in_its_objective_is_one_criterion(
    editor: httpx.AsyncClient,
) -> None:
    """Councils write a criterion again beside each action it describes, in cells of their
    own: within one objective it is one criterion linked to each action; under another
    objective it is that objective's own."""
    content = objectives_plan(
        [
            ("Manageable caseloads", "", "", ["Staff feel supported"]),
            (
                "",
                "Recruit social workers",
                "Jane Smith",
                ["Caseloads are at most 18", "Staff feel supported"],
            ),
            ("", "Cut agency staff", "Jane Smith", ["Caseloads are at most 18"]),
            (
                "Stable leadership",
                "Appoint a permanent head",
                "Adele Moore",
                ["Caseloads are at most 18"],
            ),
        ]
    )
    response = await upload(editor, content, dry_run=True)
    assert response.status_code == 200, response.text
    preview = response.json()
    assert preview["errors"] == []
    assert preview["counts"]["success_criteria"] == 3
    objectives = preview["tree"][0]["outcomes"][0]["objectives"]
    assert [o["success_criteria"] for o in objectives] == [
        ["Staff feel supported", "Caseloads are at most 18"],
        ["Caseloads are at most 18"],
    ]
    assert [a["success_criteria"] for o in objectives for a in o["actions"]] == [2, 1, 1]
    again = [c for c in preview["reading_choices"] if c["kind"] == "criterion_written_again"]
    assert [c["place"] for c in again] == [
        'table 1, row 4, cell "Success criteria"',
        'table 1, row 5, cell "Success criteria"',
    ]

    applied = await upload(editor, content)
    assert applied.status_code == 201, applied.text
    listed = await editor.get(
        "/api/v1/success-criteria", params={"plan_id": applied.json()["plan_id"], "limit": "50"}
    )
    assert listed.status_code == 200, listed.text
    criteria = {(c["objective_id"], c["statement"]): c for c in listed.json()["items"]}
    assert sorted(len(c["action_ids"]) for c in criteria.values()) == [1, 1, 2]
    supported = next(c for (_, s), c in criteria.items() if s == "Staff feel supported")
    # First written on a row with no action, then beside one: linked, and nothing to confirm.
    assert len(supported["action_ids"]) == 1 and supported["needs_review"] is False
    assert any("written again" in note for note in supported["reading_notes"])
