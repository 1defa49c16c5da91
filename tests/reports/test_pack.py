"""The quarterly board pack as HTML and PDF: the same numbers as the JSON, user text as text."""

from __future__ import annotations

import gc
import io
import re
from datetime import date

import httpx
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from app.reports.documents import collector_paused
from app.reports.pack import RATING_WORDS, STATUS_WORDS, uk_date
from tests.reports.conftest import Board, post
from tests.support import assert_problem

Q2 = "2023-24-Q2"
REPORT = "/api/v1/reports/quarterly"
SECTIONS = (
    "Ratings by area",
    "Movement since the end of 2023-24-Q1",
    "Trend",
    "Exceptions (3)",
    "Overdue (1)",
    "Slipped (1)",
    "Inspection actions",
    "Every action (4)",
    "What the ratings mean",
)


def text_of(html: str) -> str:
    """The page's words, as a reader hears them: tags dropped, spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def test_html_pack_by_accept_and_by_format(viewer: httpx.AsyncClient, board: Board) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    by_accept = await viewer.get(REPORT, params=params, headers={"Accept": "text/html"})
    by_format = await viewer.get(REPORT, params={**params, "format": "html"})
    report = (await viewer.get(REPORT, params=params)).json()
    for response in (by_accept, by_format):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert response.headers["content-disposition"] == (
            f'inline; filename="{board.plan_id}-quarterly-report-{Q2}.html"'
        )
    html = by_accept.text
    assert "<script" not in html
    words = text_of(html)
    for heading in SECTIONS:
        assert heading in words, heading
    totals = report["totals"]["by_rating"]
    # The summary's total row: actions, then red, amber, green, blue, not rated, updates.
    assert (
        f"All areas {report['totals']['actions']} {totals['red']} {totals['amber']} "
        f"{totals['green']} {totals['blue']} {totals['not_rated']} {report['updates']['total']}"
    ) in words
    assert "Declined 0" in words and "No longer rated 0" in words
    # Exceptions with their narrative and next steps; slipped with its reason.
    assert "Recruitment stalled" in words and "Escalate" in words
    assert "Waiting for the DfE review" in words
    assert "30 September 2023" in words  # UK dates
    # Ratings in words, never by colour alone: beside a patterned swatch in the summaries,
    # in a tinted cell in the long tables.
    assert re.search(r'rating-red"><span class="swatch" aria-hidden="true"></span>Red', html)
    assert '<td class="rated rated-red">Red</td>' in html
    # Two charts drawn on the server, each with a text alternative.
    assert html.count('<svg class="chart" role="img"') == 2
    assert "Gap: no live action answers it" in words
    assert report["rating_definitions"]["amber"] in words


async def test_user_text_is_escaped_in_the_pack(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, board: Board
) -> None:
    await post(
        editor,
        board.refs["A1.2"],
        "2023-09-01",
        rag="red",
        status="in_progress",
        narrative='<img src=x onerror="alert(1)"> & <b>bold</b>',
        next_steps='=HYPERLINK("http://example.com")',
    )
    html = (
        await viewer.get(REPORT, params={"plan_id": board.plan_id, "quarter": Q2, "format": "html"})
    ).text
    assert "<img" not in html and "<b>bold" not in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "=HYPERLINK(&#34;http://example.com&#34;)" in html


async def test_pdf_pack_is_tagged_and_its_numbers_read_back(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    response = await viewer.get(REPORT, params=params, headers={"Accept": "application/pdf"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f'inline; filename="{board.plan_id}-quarterly-report-{Q2}.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    catalog = reader.root_object
    mark_info = catalog["/MarkInfo"].get_object()
    assert isinstance(mark_info, DictionaryObject)
    assert mark_info["/Marked"]  # a tagged PDF
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "en-GB"
    words = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Quarterly Quality Assurance report" in words
    assert "Quarter 2023-24-Q2" in words
    assert "All areas 4 1 1 1 1 0 3" in words
    assert "Recruitment stalled" in words
    assert "Page 1 of" in words


async def test_unsupported_formats_are_refused(viewer: httpx.AsyncClient, board: Board) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    refused = await viewer.get(REPORT, params=params, headers={"Accept": "image/png"})
    assert_problem(refused, 406)
    assert "text/html" in refused.json()["detail"]
    unknown = await viewer.get(REPORT, params={**params, "format": "docx"})
    assert_problem(unknown, 422)


def test_the_cycle_collector_runs_again_after_the_last_rendering() -> None:
    assert gc.isenabled()
    with collector_paused():
        with pytest.raises(RuntimeError), collector_paused():
            raise RuntimeError("a rendering that fails")
        assert not gc.isenabled()  # another rendering is still running
    assert gc.isenabled()


async def test_the_full_action_table_gives_every_action_in_six_columns(
    viewer: httpx.AsyncClient, board: Board
) -> None:
    params = {"plan_id": board.plan_id, "quarter": Q2}
    report = (await viewer.get(REPORT, params=params)).json()
    html = (await viewer.get(REPORT, params={**params, "format": "html"})).text
    table = html[html.index('class="rows all-actions"') :]
    rows = [
        text_of(row).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", table[: table.index("</table>")])
    ]
    assert rows[0] == "Ref Action Lead Due Rating Status"
    expected = []
    for action in report["actions"]:
        due = date.fromisoformat(action["due_date"]) if action["due_date"] else None
        cells = [
            action["ref"],
            action["title"],
            "; ".join(action["lead_officers"]),
            uk_date(due) or action["timescale"],  # the timescale where there is no date
            RATING_WORDS[action["rag"] or "not_rated"],
            STATUS_WORDS[action["status"]],
        ]
        expected.append(" ".join(cell for cell in cells if cell))
    assert rows[1:] == expected
    assert "Ongoing" in " ".join(expected)
