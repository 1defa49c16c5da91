"""Reading notes and needs-review: every reading choice the seed made is visible on the item
it shaped, can be listed, and can be confirmed by an editor; nothing the source does not say
is served as the plan's own."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.conftest import StatementCounter


@pytest.fixture
async def stockton(session: AsyncSession) -> str:
    return (await load_seed(session, read_seed_file(default_seed_path()))).plan_id


async def everything(client: httpx.AsyncClient, path: str, **params: str) -> list[dict[str, Any]]:
    response = await client.get(path, params={"limit": "500", **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def test_the_plan_serves_no_rating_definitions_of_its_own(
    viewer: httpx.AsyncClient, stockton: str
) -> None:
    plan = (await viewer.get(f"/api/v1/plans/{stockton}")).json()
    # The source's RAG column is empty and never defined: the service's defaults, marked so.
    assert plan["rating_definitions_source"] == "service_default"
    assert set(plan["rating_definitions"]) == {"red", "amber", "green", "blue"}
    assert "Good and Beyond Board" not in plan["rating_definitions"]["red"]
    assert "exception" not in plan["rating_definitions"]["red"]


async def test_the_introduction_is_served_as_data(viewer: httpx.AsyncClient, stockton: str) -> None:
    plan = (await viewer.get(f"/api/v1/plans/{stockton}")).json()
    assert plan["meeting_schedule"] == {
        "board": "Good and Beyond Board",
        "frequency": "monthly",
        "partners_every": 2,
    }
    titles = {s["title"] for s in await everything(viewer, "/api/v1/strategies", plan_id=stockton)}
    assert {
        "Council plan",
        "Corporate Parenting Strategy",
        "Children and Young People's Plan",
        "Directorate Business Plan",
    } <= titles
    officers = {o["name"] for o in await everything(viewer, "/api/v1/officers")}
    assert not any("partner" in name.lower() for name in officers)


async def test_every_list_filters_by_needs_review(
    viewer: httpx.AsyncClient, stockton: str, count_statements: StatementCounter
) -> None:
    actions = await everything(viewer, "/api/v1/actions", plan_id=stockton)
    flagged = await everything(viewer, "/api/v1/actions", plan_id=stockton, needs_review="true")
    confirmed = await everything(viewer, "/api/v1/actions", plan_id=stockton, needs_review="false")
    assert len(actions) == 57
    assert {a["ref"] for a in flagged} == {a["ref"] for a in actions if a["needs_review"]}
    assert len(flagged) + len(confirmed) == 57 and flagged and confirmed
    assert all(a["reading_notes"] for a in flagged)
    assert "A2.6" in {a["ref"] for a in flagged}  # paired by content, for the owner to confirm
    by_ref = {a["ref"]: a for a in actions}
    assert any("Ofsted Improvement Action 3" in n for n in by_ref["A2.11"]["reading_notes"])

    criteria = await everything(viewer, "/api/v1/success-criteria", plan_id=stockton)
    flagged_criteria = await everything(
        viewer, "/api/v1/success-criteria", plan_id=stockton, needs_review="true"
    )
    assert len(criteria) == 49
    assert {c["statement"] for c in flagged_criteria} >= {
        "Social Workers will have manageable caseloads and team managers will not carry cases."
    }
    assert all(c["needs_review"] for c in flagged_criteria)

    areas = await everything(viewer, f"/api/v1/plans/{stockton}/areas")
    outcomes = await everything(
        viewer, f"/api/v1/areas/{areas[1]['id']}/outcomes", needs_review="true"
    )
    assert [o["statement"].split("\n\n")[:2] for o in outcomes] == [
        [
            "Our case work is focused, timely and appropriate for the current situation "
            "within the family.",
            "The views of children and families are reflected in all of our work.",
        ]
    ]
    first_outcome = (await everything(viewer, f"/api/v1/areas/{areas[0]['id']}/outcomes"))[0]
    objectives = await everything(
        viewer, f"/api/v1/outcomes/{first_outcome['id']}/objectives", needs_review="true"
    )
    assert len(objectives) == 1 and "\n\nWe have a competitive" in objectives[0]["statement"]
    assert await everything(viewer, f"/api/v1/plans/{stockton}/areas", needs_review="true") == []

    # The filter falls through to the route and costs no more statements than the list.
    before = count_statements.count
    await viewer.get("/api/v1/actions", params={"plan_id": stockton, "needs_review": "true"})
    with_filter = count_statements.count - before
    before = count_statements.count
    await viewer.get("/api/v1/actions", params={"plan_id": stockton, "q": "a"})
    assert with_filter <= count_statements.count - before


async def test_the_tree_shows_reading_notes(viewer: httpx.AsyncClient, stockton: str) -> None:
    tree = (await viewer.get(f"/api/v1/plans/{stockton}/tree")).json()
    objective = tree["areas"][0]["outcomes"][0]["objectives"][0]
    assert objective["needs_review"] is True and objective["reading_notes"]
    criterion = objective["success_criteria"][3]
    assert criterion["needs_review"] is True and criterion["action_ids"] == []


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("action", "/api/v1/actions"),
        ("success_criterion", "/api/v1/success-criteria"),
    ],
)
async def test_an_editor_confirms_a_reading_and_the_audit_records_it(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, stockton: str, kind: str, path: str
) -> None:
    item = (await everything(editor, path, plan_id=stockton, needs_review="true"))[0]
    url = f"{path}/{item['id']}"
    etag = (await editor.get(url)).headers["ETag"]
    refused = await editor.patch(url, json={"needs_review": None}, headers={"If-Match": etag})
    assert refused.status_code == 422
    response = await editor.patch(url, json={"needs_review": False}, headers={"If-Match": etag})
    assert response.status_code == 200, response.text
    assert response.json()["needs_review"] is False
    assert response.json()["reading_notes"] == item["reading_notes"]  # the why stays
    still = await everything(editor, path, plan_id=stockton, needs_review="true")
    assert item["id"] not in {i["id"] for i in still}
    events = (
        await admin.get(
            "/api/v1/audit-events",
            params={"entity_id": item["id"], "entity_type": kind, "operation": "update"},
        )
    ).json()
    assert [e["changes"]["needs_review"] for e in events["items"]] == [
        {"before": True, "after": False}
    ]


async def test_an_editor_corrects_reading_notes_on_an_outcome(
    editor: httpx.AsyncClient, stockton: str
) -> None:
    area = (await everything(editor, f"/api/v1/plans/{stockton}/areas"))[1]
    outcome = (
        await everything(editor, f"/api/v1/areas/{area['id']}/outcomes", needs_review="true")
    )[0]
    url = f"/api/v1/outcomes/{outcome['id']}"
    etag = (await editor.get(url)).headers["ETag"]
    notes = ["Confirmed by the plan owner: one outcome in four paragraphs."]
    response = await editor.patch(
        url, json={"reading_notes": notes, "needs_review": False}, headers={"If-Match": etag}
    )
    assert response.status_code == 200, response.text
    assert (await editor.get(url)).json()["reading_notes"] == notes
    too_long = await editor.patch(
        url, json={"reading_notes": ["x" * 2001]}, headers={"If-Match": response.headers["ETag"]}
    )
    assert too_long.status_code == 422


async def test_rating_definitions_say_whose_words_they_are(editor: httpx.AsyncClient) -> None:
    defaults = await editor.post("/api/v1/plans", json={"title": "A", "organisation": "B"})
    assert defaults.status_code == 201, defaults.text
    assert defaults.json()["rating_definitions_source"] == "service_default"
    own = await editor.post(
        "/api/v1/plans",
        json={"title": "A", "organisation": "B", "rating_definitions": {"red": "Late"}},
    )
    assert own.json()["rating_definitions_source"] == "plan"
    url = f"/api/v1/plans/{defaults.json()['id']}"
    etag = (await editor.get(url)).headers["ETag"]
    changed = await editor.patch(
        url,
        json={
            "rating_definitions": {"red": "R", "amber": "A", "green": "G", "blue": "B"},
            "meeting_schedule": {"board": "Improvement Board", "frequency": "quarterly"},
        },
        headers={"If-Match": etag},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["rating_definitions_source"] == "plan"
    assert changed.json()["meeting_schedule"] == {
        "board": "Improvement Board",
        "frequency": "quarterly",
        "partners_every": None,
    }


async def test_a_month_written_in_a_note_is_held_as_a_meeting(
    viewer: httpx.AsyncClient, stockton: str
) -> None:
    """The DfE adviser review note of the care leavers row (June 23) gets a date where the
    model holds one: a meeting on the month's last day, said to be inferred on the action."""
    meetings = await everything(viewer, "/api/v1/meetings", plan_id=stockton)
    assert [(m["board"], m["date"], m["title"]) for m in meetings] == [
        ("DfE adviser review", "2023-06-30", "DfE adviser review – June 23")  # noqa: RUF001
    ]
    assert "A2.15" in meetings[0]["notes"]
    actions = await everything(viewer, "/api/v1/actions", plan_id=stockton)
    leavers = next(a for a in actions if a["ref"] == "A2.15")
    assert leavers["notes"] == "DfE adviser review – June 23"  # noqa: RUF001
    assert leavers["due_date"] == "2023-07-31"  # its timescale, July 23, is unchanged
    assert leavers["needs_review"] is True
    assert any("2023-06-30" in note for note in leavers["reading_notes"])
