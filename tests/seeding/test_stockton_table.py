# ruff: noqa: RUF001 (the source mixes curly and straight apostrophes; rows keep them as written)
"""Every action row of the Stockton table, as the API serves it after the seed is loaded.

Written from the source table (`stockton-improvement-plan-2023.txt`), row by row, by the
reading rules in seed/README.md, so that a change to the seed or the loader cannot move a
lead, a date, a criterion, a tag or a link without this table saying so. Criteria are named
by the start of their statement; the rows are in document order.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.seeding.loader import default_seed_path, load_seed, read_seed_file

JS, AM, DCS, DW, IC = "Jane Smith", "Adele Moore", "DCS", "Dave Willingham", "Ian Coxon"
PEOPLE = "People Strategy and action plan"
DBP = "Directorate Business Plan"
PLACEMENT_LINKS = ("CIOC Investment Strategy", DBP, "SBC Transformation Programme")


class Row(NamedTuple):
    ref: str
    title: str  # the start of the title
    leads: tuple[str, ...]
    timescale: str | None
    due_date: str | None
    criteria: tuple[str, ...]  # the start of each linked criterion's statement
    tags: tuple[int, ...]
    links: tuple[str, ...]


STRUCTURES = ("Staff will have opportunities to follow",)
PLACEMENT_CRITERIA = ("Clearer strategy and action plan", "Feedback from young people")
EARLY_HELP = ("Strategic framework and clear operating",)
PRIORITIES = ("Clarity on leadership, actions and issues",)
QA_STANDARDS = (
    "Quality assurance activity (including",
    "Assessments include thorough analysis",
    "Plans are SMART",
    "Children, young people and families are involved",
)

ROWS = [
    # Area 1, outcome 1.1, the objective on capacity and recruitment: one lead and one link
    # over four rows, blank cells below them meaning "same as above".
    Row(
        "A1.1",
        "Develop a detailed action plan",
        (JS,),
        "May 23",
        "2023-05-31",
        ("There is an increase in staff being recruited",),
        (),
        (PEOPLE,),
    ),
    Row(
        "A1.2",
        "Review the use of market forces",
        (JS,),
        "Sep 23",
        "2023-09-30",
        ("There is an increase in staff being recruited",),
        (),
        (PEOPLE,),
    ),
    Row(
        "A1.3",
        "Develop a Children's Social Work workforce",
        (JS,),
        "Jun 23",
        "2023-06-30",
        ("There is sufficient capacity and stability",),
        (),
        (PEOPLE,),
    ),
    Row(
        "A1.4",
        "Continue to collaborate with Tees Valley",
        (JS,),
        "Ongoing",
        None,
        ("There is sufficient capacity and stability",),
        (),
        (PEOPLE,),
    ),
    Row(
        "A1.5",
        "Establish the ASYE academy",
        (AM,),
        "Jul 23",
        "2023-07-31",
        ("ASYEs will be supported",),
        (),
        (),
    ),
    Row(
        "A1.6",
        "Co-locate Children’s Services teams",
        (DCS,),
        "Nov 23",
        "2023-11-30",
        ("Skills and experience will be shared",),
        (),
        (),
    ),
    Row(
        "A1.7",
        "Review existing structures and vacant posts",
        (AM,),
        "Sep 23",
        "2023-09-30",
        STRUCTURES,
        (),
        (),
    ),
    Row(
        "A1.7.1", "Contextual safeguarding team", (AM,), "Sep 23", "2023-09-30", STRUCTURES, (), ()
    ),
    Row("A1.7.2", "Pre birth", (AM,), "Sep 23", "2023-09-30", STRUCTURES, (), ()),
    Row("A1.7.3", "Participation team/officer", (AM,), "Sep 23", "2023-09-30", STRUCTURES, (), ()),
    Row("A1.7.4", "Life Story Link Officers", (AM,), "Sep 23", "2023-09-30", STRUCTURES, (), ()),
    Row("A1.7.5", "Dedicated family support", (AM,), "Sep 23", "2023-09-30", STRUCTURES, (), ()),
    Row(
        "A1.8",
        "Develop and recruit to the Principal Social Worker",
        (JS,),
        "May 23",
        "2023-05-31",
        ("Staff report that their practice development needs",),
        (),
        (),
    ),
    Row(
        "A1.9",
        "Develop and deliver a Children’s Practice Development",
        (JS,),
        "Sep 23",
        "2023-09-30",
        ("Staff report that their practice development needs",),
        (),
        (),
    ),
    # Outcome 1.2: two sub-rows split by <hr/>; no timescales.
    Row(
        "A1.10",
        "Continually promote leadership development",
        (DCS,),
        None,
        None,
        ("There is an increase in staff accessing",),
        (),
        (),
    ),
    Row(
        "A1.11",
        "Develop and deliver a management and leadership programme",
        (JS,),
        None,
        None,
        ("We have retained a committed team", "Feedback from audits evidences"),
        (3,),
        (),
    ),
    Row(
        "A1.12",
        "Develop and deliver a programme of service-wide",
        (DCS,),
        None,
        None,
        (
            "Staff report that leadership is visible",
            "Staff report that they feel valued",
            "Staff aspire to improve practice",
        ),
        (),
        (),
    ),
    # Area 2.
    Row(
        "A2.1",
        "Develop a clear service vision",
        (DCS,),
        "May 23",
        "2023-05-31",
        ("There is a clearly articulated service vision",),
        (),
        (DBP,),
    ),
    Row(
        "A2.2",
        "Set a directorate wide outcomes framework",
        (DCS,),
        "May 23",
        "2023-05-31",
        ("There is a clearly articulated service vision",),
        (),
        (DBP,),
    ),
    Row(
        "A2.3",
        "Develop and embed service wide practice standards",
        (AM,),
        "May 23",
        "2023-05-31",
        (
            "There is one coherent set of practice standards",
            "The workforce understands what the expected standards",
        ),
        (1,),
        (),
    ),
    Row(
        "A2.4",
        "Monitor the impact of the practice standards",
        (AM,),
        "Ongoing",
        None,
        QA_STANDARDS,
        (),
        (),
    ),
    # The QA row: one action on its first page, five on its second, six criteria paired by
    # content rather than thirty links.
    Row(
        "A2.5",
        "Review the current Quality Assurance Framework",
        (JS,),
        "Jul 23",
        "2023-07-31",
        ("The Quality Assurance Framework drives",),
        (),
        (),
    ),
    Row(
        "A2.6",
        "Develop a Quality Assurance (QA) training programme",
        (JS,),
        "Jul 23",
        "2023-07-31",
        ("The workforce understands what good looks like",),
        (),
        (),
    ),
    Row(
        "A2.7",
        "Delivery of annual QA activity programme",
        (JS,),
        "Ongoing",
        None,
        (
            "QA activity is completed in line with guidance.",
            "Themes from collaborative audit",
            "Evidence of QA activity and follow up actions",
        ),
        (),
        (),
    ),
    Row(
        "A2.8",
        "Embed directorate-wide practice weeks",
        (JS,),
        "Sep 23",
        "2023-09-30",
        ("Learning from QA activity improves practice.",),
        (),
        (),
    ),
    Row(
        "A2.9",
        "Introduce practice days across all service areas",
        (JS,),
        "Sep 23",
        "2023-09-30",
        ("Learning from QA activity improves practice.",),
        (),
        (),
    ),
    Row(
        "A2.10",
        "Quarterly QA report will be presented",
        (JS,),
        "Every Q",
        None,
        ("Evidence of impact of audit will be collated",),
        (),
        (),
    ),
    # The outcome with no objective; Ofsted 3 closes the supervision cell and tags all three.
    Row(
        "A2.11",
        "Develop and embed a model of reflective supervision",
        (AM,),
        "Jul 23",
        "2023-07-31",
        ("The supervision policy provides clarity",),
        (3,),
        (),
    ),
    Row(
        "A2.12",
        "Update the supervision recording form",
        (AM,),
        "Jul 23",
        "2023-07-31",
        ("Leaders and managers understand what good reflective",),
        (3,),
        (),
    ),
    Row(
        "A2.13",
        "Monitor that all staff receive regular",
        (AM,),
        "Ongoing",
        None,
        ("Quality assurance activity identifies effective",),
        (3,),
        (),
    ),
    Row(
        "A2.14",
        "Consider embedding a narrative approach",
        (AM,),
        "Jul 23",
        "2023-07-31",
        ("The child/young person’s lived experience",),
        (),
        (),
    ),
    Row(
        "A2.15",
        "Review of approach to working with care leavers",
        (DW,),
        "July 23",
        "2023-07-31",
        (
            "Greater clarity for staff on their role",
            "Quality of contacts improves",
            "Quality of plans improves",
            "Feedback more consistent",
        ),
        (4,),
        (),
    ),
    Row(
        "A2.16",
        "Grow the participation offer",
        (JS,),
        "Jul 23",
        "2023-07-31",
        PLACEMENT_CRITERIA,
        (4,),
        (),
    ),
    Row(
        "A2.17",
        "Sufficiency and quality of placements plan",
        (AM,),
        "Ongoing",
        None,
        PLACEMENT_CRITERIA,
        (2,),
        PLACEMENT_LINKS,
    ),
    *[
        Row(f"A2.17.{n}", title, (AM,), "Ongoing", None, PLACEMENT_CRITERIA, (2,), PLACEMENT_LINKS)
        for n, title in enumerate(
            (
                "Residential provision",
                "Preventative and edge of care",
                "Focus on reunification",
                "Fostering",
            ),
            start=1,
        )
    ],
    # Area 3.
    Row(
        "A3.1",
        "Commission a diagnostic of LCS and EHM",
        (AM,),
        "May 23",
        "2023-05-31",
        ("Our case management systems will support",),
        (),
        (),
    ),
    Row(
        "A3.2",
        "Review the output from the diagnostic and plan the implementation",
        (AM,),
        "Jun 23",
        "2023-06-30",
        ("Our case management systems will support",),
        (),
        (),
    ),
    Row(
        "A3.3",
        "Create an effective, responsive, and integrated performance team",
        (IC,),
        "Sep 23",
        "2023-09-30",
        ("A dashboard is in place",),
        (),
        (),
    ),
    Row(
        "A3.4",
        "Embed the use of the FACE dashboard",
        (JS,),
        "Jul 23",
        "2023-07-31",
        ("Managers and front line workers use",),
        (),
        (),
    ),
    Row(
        "A3.5",
        "Review the Vulnerable Children’s Database",
        (DW,),
        "Nov 23",
        "2023-11-30",
        ("Children’s Services Leadership Team has considered",),
        (),
        (),
    ),
    # Area 4: no outcomes or objectives.
    Row(
        "A4.1",
        "Develop more coherent and joined up understanding",
        (DCS,),
        "May 23",
        "2023-05-31",
        ("Clear planning framework",),
        (),
        (DBP,),
    ),
    Row(
        "A4.2",
        "Create invest to save pot",
        (DCS,),
        "Jul 23",
        "2023-07-31",
        ("Business Plan developed and communicated",),
        (),
        (DBP,),
    ),
    Row(
        "A4.3",
        "Refresh CYPP and develop closer understanding",
        (JS,),
        "Jul 23",
        "2023-07-31",
        ("Refreshed CYPP with refreshed governance",),
        (),
        ("Children and Young People's Plan",),
    ),
    Row(
        "A4.4",
        "Refresh the Early / Family Help Strategy",
        (DW,),
        "Sep 23",
        "2023-09-30",
        EARLY_HELP,
        (),
        (DBP,),
    ),
    Row("A4.4.1", "strategy and approach", (DW,), "Sep 23", "2023-09-30", EARLY_HELP, (), (DBP,)),
    Row("A4.4.2", "lead practitioner", (DW,), "Sep 23", "2023-09-30", EARLY_HELP, (), (DBP,)),
    Row("A4.4.3", "team around the school", (DW,), "Sep 23", "2023-09-30", EARLY_HELP, (), (DBP,)),
    # No timescale of its own: due when the last of its sub-actions is.
    Row(
        "A4.5",
        "Identify and develop responses to key system priorities",
        (DCS,),
        None,
        "2023-11-30",
        PRIORITIES,
        (),
        (DBP,),
    ),
    Row(
        "A4.5.1",
        "Inclusion and attendance strategy",
        (DCS,),
        "Nov 23",
        "2023-11-30",
        PRIORITIES,
        (),
        ("Attendance strategy", "Local Inclusion Plan"),
    ),
    Row(
        "A4.5.2",
        "Emotional HWB, therapeutic and ACE",
        (DCS,),
        "Aug 23",
        "2023-08-31",
        PRIORITIES,
        (),
        (),
    ),
    Row(
        "A4.5.3",
        "Neurodevelopmental Pathway",
        (DCS,),
        "Aug 23",
        "2023-08-31",
        PRIORITIES,
        (),
        ("Thriving Stockton on Tees",),
    ),
    Row(
        "A4.5.4",
        "Domestic abuse",
        (DCS,),
        "Jun 23",
        "2023-06-30",
        PRIORITIES,
        (),
        ("Domestic abuse strategy and action plan",),
    ),
    Row(
        "A4.5.5",
        "Poverty and inequality",
        (DCS,),
        "Sep 23",
        "2023-09-30",
        PRIORITIES,
        (),
        ("Fairer Stockton-on-Tees framework",),
    ),
    Row("A4.5.6", "Integrated triage", (DCS,), "Oct 23", "2023-10-31", PRIORITIES, (), ()),
]


@pytest.fixture
async def served(viewer: httpx.AsyncClient, session: AsyncSession) -> dict[str, dict[str, Any]]:
    plan_id = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
    response = await viewer.get(
        "/api/v1/actions",
        params={
            "plan_id": plan_id,
            "limit": "500",
            "sort": "ref",
            "expand": "success_criteria,strategies,inspection_actions",
        },
    )
    assert response.status_code == 200, response.text
    return {action["ref"]: action for action in response.json()["items"]}


def as_row(row: Row, action: dict[str, Any]) -> Row:
    """The action as a row, its criteria cut to the length the expected row names them by."""
    criteria = sorted(c["statement"] for c in action["success_criteria"])
    expected = sorted(row.criteria)
    if len(criteria) == len(expected):
        criteria = [c[: len(e)] for c, e in zip(criteria, expected, strict=True)]
    return Row(
        ref=action["ref"],
        title=action["title"][: len(row.title)],
        leads=tuple(o["name"] for o in action["lead_officers"]),
        timescale=action["timescale"],
        due_date=action["due_date"],
        criteria=tuple(criteria),
        tags=tuple(sorted(i["number"] for i in action["inspection_actions"])),
        links=tuple(sorted(s["title"] for s in action["strategies"])),
    )


async def test_every_action_row_as_the_source_gives_it(
    served: dict[str, dict[str, Any]],
) -> None:
    assert len(ROWS) == len({row.ref for row in ROWS}) == 57
    assert sorted(served) == sorted(row.ref for row in ROWS)
    for row in ROWS:
        expected = row._replace(
            criteria=tuple(sorted(row.criteria)), links=tuple(sorted(row.links))
        )
        assert as_row(row, served[row.ref]) == expected


async def test_the_qa_row_pairs_its_criteria_by_content(
    served: dict[str, dict[str, Any]],
) -> None:
    second_page = [served[f"A2.{n}"] for n in range(6, 11)]
    links = [(a["ref"], c["statement"]) for a in second_page for c in a["success_criteria"]]
    # Six criteria, each linked where its content lines up, not six times five.
    assert len({statement for _, statement in links}) == 6
    assert len(links) == 7
    assert ("A2.6", "The workforce understands what good looks like") in links
    assert ("A2.7", "QA activity is completed in line with guidance.") in links
