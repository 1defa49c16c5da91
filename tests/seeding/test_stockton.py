"""The Stockton plan, loaded from seed/ and read back through the API, is faithful to the source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Action, Plan, SuccessCriterion
from app.seeding.loader import SeedError, default_seed_path, load_seed, read_seed_file
from tests.conftest import StatementCounter


@pytest.fixture
async def stockton(session: AsyncSession) -> str:
    result = await load_seed(session, read_seed_file(default_seed_path()))
    assert result.created
    return result.plan_id


async def all_actions(http: httpx.AsyncClient, plan_id: str) -> dict[str, dict[str, Any]]:
    response = await http.get(
        "/api/v1/actions",
        params={"plan_id": plan_id, "limit": "500", "expand": "strategies,inspection_actions"},
    )
    assert response.status_code == 200, response.text
    return {action["ref"]: action for action in response.json()["items"]}


async def test_counts_per_area(viewer: httpx.AsyncClient, stockton: str) -> None:
    actions = await all_actions(viewer, stockton)
    areas = {
        a["id"]: a["number"]
        for a in (await viewer.get(f"/api/v1/plans/{stockton}/areas")).json()["items"]
    }
    top = Counter(areas[a["area_id"]] for a in actions.values() if a["parent_id"] is None)
    subs = Counter(areas[a["area_id"]] for a in actions.values() if a["parent_id"] is not None)
    assert dict(top) == {1: 12, 2: 17, 3: 5, 4: 5}
    assert dict(subs) == {1: 5, 2: 4, 4: 9}
    assert len(actions) == 57


async def test_criteria_per_area(session: AsyncSession, stockton: str) -> None:
    tree_counts = await session.scalar(
        sa.select(sa.func.count())
        .select_from(SuccessCriterion)
        .where(
            SuccessCriterion.plan_id == stockton  # type: ignore[arg-type]
        )
    )
    assert tree_counts == 49


async def test_an_ofsted_tag_applies_to_every_action_of_the_cell_it_closes(
    viewer: httpx.AsyncClient, stockton: str
) -> None:
    inspections = (
        await viewer.get("/api/v1/actions", params={"plan_id": stockton, "limit": "500"})
    ).json()
    assert inspections["total"] == 57
    actions = await all_actions(viewer, stockton)
    tagged = {
        number: sorted(
            ref
            for ref, a in actions.items()
            if number in {i["number"] for i in a["inspection_actions"]}
        )
        for number in (1, 2, 3, 4)
    }
    assert tagged == {
        1: ["A2.3"],
        2: ["A2.17", "A2.17.1", "A2.17.2", "A2.17.3", "A2.17.4"],
        3: ["A1.11", "A2.11", "A2.12", "A2.13"],
        4: ["A2.15", "A2.16"],
    }
    assert actions["A1.11"]["title"].startswith("Develop and deliver a management and leadership")


async def test_key_system_priorities_have_six_sub_actions_with_their_own_due_dates(
    viewer: httpx.AsyncClient, stockton: str
) -> None:
    actions = await all_actions(viewer, stockton)
    parent = actions["A4.5"]
    assert parent["title"] == "Identify and develop responses to key system priorities"
    assert parent["outcome_id"] is None and parent["objective_id"] is None
    # A partner group is not a council officer: the lead cell's words stay in the notes.
    assert [o["name"] for o in parent["lead_officers"]] == ["DCS"]
    assert parent["notes"] == (
        "DCS and key partner agencies And partnerships\n\nIssues to come to GABB by exception."
    )
    # Its work is its sub-actions: it is due when the last of them is, and says so.
    assert parent["timescale"] is None and parent["due_date"] == "2023-11-30"
    assert parent["needs_review"] is True
    assert any("when the last of its sub-actions is" in n for n in parent["reading_notes"])
    children = (
        await viewer.get(f"/api/v1/actions/{parent['id']}", params={"expand": "children"})
    ).json()["children"]
    assert [(c["title"], c["timescale"], c["due_date"]) for c in children] == [
        ("Inclusion and attendance strategy", "Nov 23", "2023-11-30"),
        ("Emotional HWB, therapeutic and ACE", "Aug 23", "2023-08-31"),
        ("Neurodevelopmental Pathway", "Aug 23", "2023-08-31"),
        ("Domestic abuse", "Jun 23", "2023-06-30"),
        ("Poverty and inequality", "Sep 23", "2023-09-30"),
        ("Integrated triage", "Oct 23", "2023-10-31"),
    ]
    strategies = {ref: [s["title"] for s in actions[ref]["strategies"]] for ref in actions}
    assert strategies["A4.5.1"] == ["Attendance strategy", "Local Inclusion Plan"]
    assert strategies["A4.5.5"] == ["Fairer Stockton-on-Tees framework"]


async def test_directorate_business_plan_links(viewer: httpx.AsyncClient, stockton: str) -> None:
    strategies = (await viewer.get("/api/v1/strategies", params={"plan_id": stockton})).json()
    dbp = next(s for s in strategies["items"] if s["title"] == "Directorate Business Plan")
    linked = (
        await viewer.get(
            "/api/v1/actions", params={"strategy_id": dbp["id"], "sort": "ref", "limit": "50"}
        )
    ).json()
    assert [a["ref"] for a in linked["items"]] == [
        "A2.1",
        "A2.17",
        *[f"A2.17.{n}" for n in range(1, 5)],
        "A2.2",
        "A4.1",
        "A4.2",
        "A4.4",
        *[f"A4.4.{n}" for n in range(1, 4)],
        "A4.5",
    ]


async def test_timescales_leads_and_notes_as_written(
    viewer: httpx.AsyncClient, stockton: str
) -> None:
    actions = await all_actions(viewer, stockton)
    first = actions["A1.1"]
    assert first["timescale"] == "May 23" and first["due_date"] == "2023-05-31"
    assert [s["title"] for s in first["strategies"]] == ["People Strategy and action plan"]
    assert actions["A1.4"]["timescale"] == "Ongoing"
    assert actions["A1.4"]["recurrence"] == "ongoing"
    every_q = [a for a in actions.values() if a["timescale"] == "Every Q"]
    assert [a["recurrence"] for a in every_q] == ["quarterly"]
    assert every_q[0]["title"].startswith("Quarterly QA report")
    # A blank lead cell under a filled one means "same as above".
    assert [o["name"] for o in actions["A1.2"]["lead_officers"]] == ["Jane Smith"]
    assert all(a["timescale_readable"] for a in actions.values())
    care_leavers = next(a for a in actions.values() if a["title"].startswith("Review of approach"))
    assert care_leavers["notes"] == "DfE adviser review – June 23"  # noqa: RUF001
    assert care_leavers["timescale"] == "July 23" and care_leavers["due_date"] == "2023-07-31"


async def test_tree_is_complete_and_in_document_order(
    viewer: httpx.AsyncClient, stockton: str, count_statements: StatementCounter
) -> None:
    await viewer.get("/api/v1/me")
    before = count_statements.count
    response = await viewer.get(f"/api/v1/plans/{stockton}/tree")
    statements = count_statements.count - before
    assert response.status_code == 200, response.text
    tree = response.json()
    assert [a["title"] for a in tree["areas"]] == [
        "Our People",
        "Our Practice",
        "Our Processes",
        "Our Partnerships",
    ]
    assert [o["number"] for o in tree["areas"][0]["outcomes"]] == ["1.1", "1.2", "1.3"]

    def walk(actions: list[dict[str, Any]]) -> list[str]:
        refs: list[str] = []
        for action in actions:
            refs.append(action["ref"])
            refs.extend(walk(action["sub_actions"]))
        return refs

    refs: list[str] = []
    criteria_per_area = []
    for area in tree["areas"]:
        criteria = len(area["success_criteria"])
        for outcome in area["outcomes"]:
            criteria += len(outcome["success_criteria"])
            for objective in outcome["objectives"]:
                criteria += len(objective["success_criteria"])
                refs.extend(walk(objective["actions"]))
            refs.extend(walk(outcome["actions"]))
        refs.extend(walk(area["actions"]))
        criteria_per_area.append(criteria)
    assert len(refs) == len(set(refs)) == 57
    assert refs[:4] == ["A1.1", "A1.2", "A1.3", "A1.4"]
    assert refs[-14:] == [
        "A4.1",
        "A4.2",
        "A4.3",
        "A4.4",
        "A4.4.1",
        "A4.4.2",
        "A4.4.3",
        "A4.5",
        *[f"A4.5.{n}" for n in range(1, 7)],
    ]
    assert criteria_per_area == [16, 24, 4, 5]
    area4 = tree["areas"][3]
    assert area4["outcomes"] == [] and len(area4["actions"]) == 5
    reflective = next(
        o for o in tree["areas"][1]["outcomes"] if o["statement"].startswith("There is support")
    )
    assert reflective["objectives"] == [] and len(reflective["actions"]) == 7
    assert [i["number"] for i in tree["inspection_actions"]] == [1, 2, 3, 4]
    assert statements <= 15
    etag = response.headers["ETag"]
    cached = await viewer.get(f"/api/v1/plans/{stockton}/tree", headers={"If-None-Match": etag})
    assert cached.status_code == 304


async def test_loading_twice_changes_nothing(session: AsyncSession, stockton: str) -> None:
    counts_before = await session.scalar(sa.select(sa.func.count()).select_from(Action))
    again = await load_seed(session, read_seed_file(default_seed_path()))
    assert not again.created and again.plan_id == stockton
    assert await session.scalar(sa.select(sa.func.count()).select_from(Action)) == counts_before
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 1


SMALL_PLAN = """
format: improvement-plan/v1
plan:
  key: another-2024
  title: Another council's plan
  organisation: Another Borough Council
  rating_definitions: {red: Off track, amber: At risk, green: On track, blue: Complete}
officers:
  - {key: dcs, name: DCS, is_role: true}
strategies: []
inspection_actions: []
areas:
  - number: 1
    title: Our Practice
    actions:
      - {title: Write practice standards, timescale: Jan 25, lead_officers: [dcs]}
"""


async def test_another_councils_plan_loads_beside_stockton(
    viewer: httpx.AsyncClient, session: AsyncSession, stockton: str, tmp_path: Path
) -> None:
    path = tmp_path / "another.yaml"
    path.write_text(SMALL_PLAN)
    result = await load_seed(session, read_seed_file(path))
    assert result.created
    plans = (await viewer.get("/api/v1/plans")).json()
    assert plans["total"] == 2
    actions = (await viewer.get("/api/v1/actions", params={"plan_id": result.plan_id})).json()
    assert [(a["ref"], a["due_date"]) for a in actions["items"]] == [("A1.1", "2025-01-31")]
    # Each council keeps its own DCS.
    officers = (await viewer.get("/api/v1/officers", params={"q": "DCS"})).json()
    assert officers["total"] == 2


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (("lead_officers: [dcs]", "lead_officers: [nobody]"), "no officer with key 'nobody'"),
        (("timescale: Jan 25", "timescale: Jan 25, colour: red"), "colour"),
        (("number: 1", "number: one"), "areas[0]"),
        (("format: improvement-plan/v1", "format: improvement-plan/v9"), "format"),
    ],
)
async def test_bad_files_name_the_file_item_and_field_and_load_nothing(
    session: AsyncSession, tmp_path: Path, change: tuple[str, str], named: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(SMALL_PLAN.replace(*change))
    with pytest.raises(SeedError) as error:
        read_seed_file(path)
    message = str(error.value)
    assert str(path) in message
    assert named in message
    assert await session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0
