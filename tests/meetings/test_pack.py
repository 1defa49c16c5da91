"""A meeting's board pack: HTML, PDF, XLSX and CSV from its snapshot, counted as it is."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

import httpx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import clock
from app.reports.pack import uk_date
from tests.factories import make_action, make_area, make_plan
from tests.meetings.test_router import meeting_id, rate, url
from tests.reports.test_accessibility import axe_violations, needs_browser
from tests.reports.test_pack import text_of
from tests.support import assert_problem, patch


@dataclass
class Meetings:
    plan_id: str
    june: str
    july: str


@pytest.fixture
async def meetings(editor: httpx.AsyncClient, session: AsyncSession) -> Meetings:
    """Two GABB meetings with snapshots; between them one rating declines and one is
    withdrawn."""
    plan = await make_plan(session, title="Children's Services Improvement Plan")
    people = await make_area(session, plan, number=1, title="Our People")
    practice = await make_area(session, plan, number=2, title="Our Practice")
    a11 = await make_action(session, people, ref="A1.1", position=1, title="Recruit")
    a12 = await make_action(session, people, ref="A1.2", position=2, title="Retain")
    a21 = await make_action(session, practice, ref="A2.1", position=1, title="Audit")
    for action in (a11, a12, a21):
        await rate(editor, action, "green", "2023-06-20")
    await rate(editor, a11, "red", "2023-07-20", narrative="Vacancies <rising>")
    await rate(editor, a12, None, "2023-07-20")
    june = await meeting_id(editor, plan.id, date="2023-06-29")
    july = await meeting_id(editor, plan.id, date="2023-07-27")
    for meeting in (june, july):
        assert (await editor.post(url(meeting, "snapshot"))).status_code == 201
    return Meetings(plan.id, june, july)


async def test_the_meeting_pack_as_html_and_pdf(
    viewer: httpx.AsyncClient, meetings: Meetings
) -> None:
    snapshot = (await viewer.get(url(meetings.july, "snapshot"))).json()
    response = await viewer.get(url(meetings.july, "snapshot"), headers={"Accept": "text/html"})
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == (
        f'inline; filename="{meetings.plan_id}-GABB-meeting-pack-2023-07-27.html"'
    )
    words = text_of(response.text)
    assert "GABB meeting pack" in words and "GABB meeting, 27 July 2023" in words
    totals = snapshot["content"]["summary"]["totals"]
    assert totals["by_rating"] == {"red": 1, "amber": 0, "green": 1, "blue": 0, "not_rated": 1}
    assert "All areas 3 1 0 1 0 1" in words
    assert "Movement since the GABB meeting, 29 June 2023" in words
    assert "Declined 1" in words and "No longer rated 1" in words
    # The trend: the June snapshot, then this one.
    assert "29 June 2023 3 0 0 3 0 0" in words and "27 July 2023 3 1 0 1 0 1" in words
    # The exception with what was said about it then, as text.
    assert "Vacancies &lt;rising&gt;" in response.text
    assert "Escalate to GABB." in words

    pdf = await viewer.get(url(meetings.july, "snapshot"), params={"format": "pdf"})
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "All areas 3 1 0 1 0 1" in text
    assert "Vacancies <rising>" in text


async def test_the_meeting_pack_as_a_workbook_and_csv(
    viewer: httpx.AsyncClient, meetings: Meetings
) -> None:
    snapshot = (await viewer.get(url(meetings.july, "snapshot"))).json()
    response = await viewer.get(url(meetings.july, "snapshot"), params={"format": "xlsx"})
    assert response.status_code == 200, response.text
    workbook = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1:] for row in workbook["Summary"].iter_rows(values_only=True) if row}
    assert summary["All areas"][:6] == (3, 1, 0, 1, 0, 1)
    assert summary["Declined"][0] == snapshot["movement"]["counts"]["declined"] == 1
    assert summary["No longer rated"][0] == 1
    assert summary["Exceptions"][0] == len(snapshot["content"]["exceptions"]["items"])
    assert "Updates by area" not in workbook.sheetnames  # a snapshot does not count them
    as_csv = await viewer.get(url(meetings.july, "snapshot"), headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert [(row["Ref"], row["Rating"], row["Movement"]) for row in rows] == [
        ("A1.1", "Red", "Declined"),
        ("A1.2", "Not rated", "No longer rated"),
        ("A2.1", "Green", "Unchanged"),
    ]


async def test_a_meeting_pack_has_an_etag_and_refuses_unknown_formats(
    viewer: httpx.AsyncClient, meetings: Meetings
) -> None:
    first = await viewer.get(url(meetings.july, "snapshot"), params={"format": "html"})
    etag = first.headers["etag"]
    again = await viewer.get(
        url(meetings.july, "snapshot"), params={"format": "html"}, headers={"If-None-Match": etag}
    )
    assert again.status_code == 304
    other = await viewer.get(
        url(meetings.july, "snapshot"), params={"format": "pdf"}, headers={"If-None-Match": etag}
    )
    assert other.status_code == 200  # each format has its own ETag
    refused = await viewer.get(url(meetings.july, "snapshot"), headers={"Accept": "image/png"})
    assert_problem(refused, 406)
    assert_problem(await viewer.get(url(meetings.july, "snapshot"), params={"format": "doc"}), 422)


@needs_browser
async def test_the_meeting_pack_has_no_wcag_violations(
    viewer: httpx.AsyncClient, meetings: Meetings, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the page is the same on both databases: one browser run is enough")
    response = await viewer.get(url(meetings.july, "snapshot"), params={"format": "html"})
    violations = await axe_violations(response.text)
    assert violations == [], [(v["id"], v["help"]) for v in violations]


async def test_the_meeting_pack_gives_each_slipped_action_its_reason(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area, ref="A1.1", due_date=date(2023, 5, 31))
    await make_action(session, area, ref="A1.2", position=2, due_date=date(2023, 5, 31))
    response = await patch(
        editor,
        f"/api/v1/actions/{action.id}",
        {"due_date": "2023-09-30", "due_date_reason": "Recruitment <paused>"},
    )
    assert response.status_code == 200, response.text
    today = clock.today()
    meeting = await meeting_id(editor, plan.id, date=today.isoformat())
    assert (await editor.post(url(meeting, "snapshot"))).status_code == 201

    pack = await editor.get(url(meeting, "snapshot"), headers={"Accept": "text/html"})
    assert pack.status_code == 200, pack.text
    slipped = pack.text.split("<h3>Slipped (1)</h3>")[1].split("</table>")[0]
    words = text_of(slipped)
    assert "A1.1" in words and "A1.2" not in words
    assert f"31 May 2023 30 September 2023 {uk_date(today)} Recruitment &lt;paused&gt;" in words
