"""`/actions`: placement rules, due dates, lead officers, links, filters, sorting, expansion."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import AuditEvent, Plan, clock
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_inspection_action,
    make_objective,
    make_officer,
    make_outcome,
    make_plan,
    make_strategy,
)
from tests.support import archive, assert_problem, error_fields, patch

ACTIONS = "/api/v1/actions"


async def test_create_derives_due_date_ref_and_keeps_timescale_text(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=2)
    outcome = await make_outcome(session, area)
    objective = await make_objective(session, outcome)
    officer = await make_officer(session)
    response = await editor.post(
        ACTIONS,
        json={
            "area_id": area.id,
            "objective_id": objective.id,
            "title": "Review the Quality Assurance Framework",
            "timescale": "Jul 23",
            "lead_officer_ids": [officer.id],
        },
    )
    assert response.status_code == 201, response.text
    action = response.json()
    assert action["ref"] == "A2.1"
    assert action["timescale"] == "Jul 23"
    assert action["due_date"] == action["original_due_date"] == "2023-07-31"
    assert action["recurrence"] == "none"
    assert action["timescale_readable"] is True
    assert action["outcome_id"] == outcome.id  # implied by the objective
    assert action["rag"] is None and action["status"] == "not_started"
    assert [o["name"] for o in action["lead_officers"]] == ["Jane Smith"]
    second = await editor.post(ACTIONS, json={"area_id": area.id, "title": "Another"})
    assert second.json()["ref"] == "A2.2"


async def test_unreadable_timescale_is_kept_and_flagged(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    response = await editor.post(
        ACTIONS, json={"area_id": area.id, "title": "x", "timescale": "Spring-ish"}
    )
    body = response.json()
    assert body["timescale"] == "Spring-ish"
    assert body["timescale_readable"] is False
    assert body["due_date"] is None


async def test_sub_action_takes_parent_placement_and_ref(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session), number=4)
    outcome = await make_outcome(session, area)
    parent = await make_action(session, area, outcome_id=outcome.id, ref="A4.5")
    response = await editor.post(
        ACTIONS, json={"parent_id": parent.id, "title": "Integrated triage", "timescale": "Oct 23"}
    )
    assert response.status_code == 201, response.text
    child = response.json()
    assert child["ref"] == "A4.5.1"
    assert (child["area_id"], child["outcome_id"], child["parent_id"]) == (
        area.id,
        outcome.id,
        parent.id,
    )
    expanded = await editor.get(f"{ACTIONS}/{parent.id}", params={"expand": "children"})
    assert [c["title"] for c in expanded.json()["children"]] == ["Integrated triage"]


@pytest.mark.parametrize("case", ["outcome_of_other_area", "objective_of_other_outcome"])
async def test_inconsistent_placement_is_422_naming_the_field(
    editor: httpx.AsyncClient, session: AsyncSession, case: str
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan, number=1)
    other_area = await make_area(session, plan, number=2)
    outcome = await make_outcome(session, area)
    other_outcome = await make_outcome(session, other_area)
    objective = await make_objective(session, other_outcome)
    if case == "outcome_of_other_area":
        body = {"area_id": other_area.id, "outcome_id": outcome.id, "title": "x"}
        field = "body.outcome_id"
    else:
        body = {"area_id": area.id, "outcome_id": outcome.id, "objective_id": objective.id}
        body["title"] = "x"
        field = "body.objective_id"
    response = await editor.post(ACTIONS, json=body)
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_area_or_parent_is_required_and_ids_must_exist(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    response = await editor.post(ACTIONS, json={"title": "x"})
    assert error_fields(response) == {"body.area_id"}
    response = await editor.post(ACTIONS, json={"area_id": "area_missing", "title": "x"})
    assert error_fields(response) == {"body.area_id"}
    area = await make_area(session, await make_plan(session))
    response = await editor.post(
        ACTIONS, json={"area_id": area.id, "title": "x", "lead_officer_ids": ["off_missing"]}
    )
    assert error_fields(response) == {"body.lead_officer_ids"}


async def test_parent_cycles_are_refused(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    area = await make_area(session, await make_plan(session))
    top = await make_action(session, area, ref="A1.1")
    child = await make_action(session, area, ref="A1.1.1", parent_id=top.id)
    grandchild = await make_action(session, area, ref="A1.1.1.1", parent_id=child.id)
    response = await patch(editor, f"{ACTIONS}/{top.id}", {"parent_id": grandchild.id})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.parent_id"}
    response = await patch(editor, f"{ACTIONS}/{top.id}", {"parent_id": top.id})
    assert_problem(response, 422)


async def test_due_date_change_needs_a_reason_kept_in_the_audit_log(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area, timescale="May 23", due_date=date(2023, 5, 31))
    url = f"{ACTIONS}/{action.id}"
    response = await patch(editor, url, {"timescale": "Sep 23"})
    assert_problem(response, 422)
    assert error_fields(response) == {"body.due_date_reason"}
    assert (await editor.get(url)).json()["due_date"] == "2023-05-31"

    reason = "Waiting for the DfE adviser review"
    response = await patch(editor, url, {"timescale": "Sep 23", "due_date_reason": reason})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["due_date"] == "2023-09-30"
    assert body["original_due_date"] == "2023-05-31"
    event = await session.scalar(
        sa.select(AuditEvent).where(
            col(AuditEvent.entity_id) == action.id, col(AuditEvent.operation) == "update"
        )
    )
    assert event is not None
    assert event.changes["due_date"] == {"before": "2023-05-31", "after": "2023-09-30"}
    assert event.changes["due_date_reason"]["after"] == reason


@pytest.mark.parametrize(
    ("timescale", "due", "follows"),
    [
        ("May 23", date(2023, 5, 31), "31/10/2023"),
        ("Q4 2026/27", date(2027, 3, 31), "31/10/2023"),
        ("When the board agrees", None, "When the board agrees"),
        ("Every Q", None, "Every Q"),
    ],
)
async def test_a_changed_due_date_and_the_timescale_never_disagree(
    editor: httpx.AsyncClient,
    session: AsyncSession,
    timescale: str,
    due: date | None,
    follows: str,
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(
        session,
        area,
        timescale=timescale,
        due_date=due,
        timescale_readable=timescale != "When the board agrees",
        recurrence="quarterly" if timescale == "Every Q" else "none",
    )
    url = f"{ACTIONS}/{action.id}"
    response = await patch(
        editor, url, {"due_date": "2023-10-31", "due_date_reason": "Board agreed a new date"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["due_date"], body["timescale"]) == ("2023-10-31", follows)
    # Text that was not a date is kept, still flagged when it could not be read.
    assert body["timescale_readable"] is (timescale != "When the board agrees")
    history = (await editor.get(f"{url}/history")).json()
    if follows != timescale:
        assert any(
            (event.get("changes") or {}).get("timescale", {}).get("before") == timescale
            for event in history["entries"]
        ), history


async def test_stale_if_match_on_an_action_is_412(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area)
    url = f"{ACTIONS}/{action.id}"
    etag = (await editor.get(url, params={"expand": "children,strategies"})).headers["ETag"]
    assert etag == (await editor.get(url)).headers["ETag"]
    first = await editor.patch(url, json={"title": "One"}, headers={"If-Match": etag})
    assert first.status_code == 200
    second = await editor.patch(url, json={"title": "Two"}, headers={"If-Match": etag})
    assert_problem(second, 412)
    assert (await editor.get(url)).json()["title"] == "One"


async def test_expanding_lead_officers_keeps_the_plain_etag(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    officer = await make_officer(session)
    created = await editor.post(
        ACTIONS, json={"area_id": area.id, "title": "x", "lead_officer_ids": [officer.id]}
    )
    url = created.headers["Location"]
    plain = (await editor.get(url)).headers["ETag"]
    for expand in ("lead_officers", "lead_officers,latest_update"):
        expanded = await editor.get(url, params={"expand": expand})
        assert expanded.json()["lead_officers"][0]["id"] == officer.id
        assert expanded.headers["ETag"] == plain
    changed = await editor.patch(url, json={"title": "y"}, headers={"If-Match": plain})
    assert changed.status_code == 200, changed.text


async def test_a_missing_action_is_a_404_whatever_the_query(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    bad = ({"expand": "bogus"}, {"as_of": "nope"}, {"expand": "children", "as_of": "3000-01-01"})
    for params in bad:
        assert_problem(await viewer.get(f"{ACTIONS}/act_missing", params=params), 404)
    action = await make_action(session, await make_area(session, await make_plan(session)))
    for params in bad:
        response = await viewer.get(f"{ACTIONS}/{action.id}", params=params)
        assert_problem(response, 422)
    listed = await viewer.get(f"{ACTIONS}/{action.id}", params={"expand": "children,bogus"})
    assert error_fields(listed) == {"query.expand"}


async def test_lead_officers_replace_link_and_unlink(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    dcs = await make_officer(session, name="DCS", is_role=True)
    jane = await make_officer(session, name="Jane Smith")
    action = await make_action(session, area)
    url = f"{ACTIONS}/{action.id}"
    response = await patch(editor, url, {"lead_officer_ids": [dcs.id, jane.id]})
    assert [o["name"] for o in response.json()["lead_officers"]] == ["DCS", "Jane Smith"]
    assert (await editor.delete(f"{url}/lead-officers/{dcs.id}")).status_code == 204
    assert (await editor.put(f"{url}/lead-officers/{dcs.id}")).status_code == 204
    assert (await editor.put(f"{url}/lead-officers/{dcs.id}")).status_code == 204
    leads = (await editor.get(url)).json()["lead_officers"]
    assert [o["name"] for o in leads] == ["Jane Smith", "DCS"]


async def test_links_stay_within_one_plan(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    other = await make_plan(session)
    action = await make_action(session, await make_area(session, plan))
    criterion = await make_criterion(session, other, area_id=(await make_area(session, other)).id)
    inspection = await make_inspection_action(session, other)
    url = f"{ACTIONS}/{action.id}"
    assert_problem(await editor.put(f"{url}/success-criteria/{criterion.id}"), 422)
    assert_problem(await editor.put(f"{url}/inspection-actions/{inspection.id}"), 422)
    assert_problem(await editor.put(f"{url}/success-criteria/crit_missing"), 404)
    # Never linked, so unlinking changes nothing, as for any link that is not there.
    before = (await editor.get(url)).json()
    assert (await editor.delete(f"{url}/success-criteria/{criterion.id}")).status_code == 204
    assert (await editor.delete(f"{url}/inspection-actions/{inspection.id}")).status_code == 204
    assert (await editor.get(url)).json() == before
    assert_problem(await editor.delete(f"{url}/success-criteria/crit_missing"), 404)


async def test_expand_loads_links(editor: httpx.AsyncClient, session: AsyncSession) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    action = await make_action(session, area)
    criterion = await make_criterion(session, plan, area_id=area.id)
    inspection = await make_inspection_action(session, plan, number=3)
    url = f"{ACTIONS}/{action.id}"
    assert (await editor.put(f"{url}/success-criteria/{criterion.id}")).status_code == 204
    assert (await editor.put(f"{url}/inspection-actions/{inspection.id}")).status_code == 204
    plain = (await editor.get(url)).json()
    assert plain["success_criteria"] is None
    full = (
        await editor.get(url, params=[("expand", "success_criteria,inspection_actions")])
    ).json()
    assert [c["id"] for c in full["success_criteria"]] == [criterion.id]
    assert [i["number"] for i in full["inspection_actions"]] == [3]
    body = assert_problem(await editor.get(url, params={"expand": "colour"}), 422)
    assert body["errors"][0]["field"] == "query.expand"

    assert (await editor.delete(f"{url}/success-criteria/{criterion.id}")).status_code == 204
    again = (await editor.get(url, params={"expand": "success_criteria"})).json()
    assert again["success_criteria"] == []


async def test_filters_or_within_and_across(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    area1 = await make_area(session, plan, number=1)
    area2 = await make_area(session, plan, number=2)
    jane = await make_officer(session)
    a = await make_action(session, area1, ref="A1.1", title="Recruit", rag="red")
    b = await make_action(session, area1, ref="A1.2", title="Train", rag="amber")
    c = await make_action(session, area2, ref="A2.1", title="Recruit more")
    from app.models import ActionLeadOfficer

    session.add(ActionLeadOfficer(action_id=b.id, officer_id=jane.id))
    await session.commit()

    async def ids(**params: object) -> set[str]:
        query = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
        response = await viewer.get(ACTIONS, params=query)  # type: ignore[arg-type]
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    assert await ids(rag=["red", "amber"]) == {a.id, b.id}
    assert await ids(rag="none") == {c.id}
    assert await ids(rag=["red", "none"]) == {a.id, c.id}
    assert await ids(area_id=area1.id, rag="amber") == {b.id}
    assert await ids(q="recruit") == {a.id, c.id}
    assert await ids(lead_officer_id=jane.id) == {b.id}
    assert await ids(plan_id=plan.id, ref=["A1.1", "A2.1"]) == {a.id, c.id}
    assert await ids(parent_id="none") == {a.id, b.id, c.id}
    assert await ids(plan_id="plan_other") == set()


async def test_due_and_overdue_filters(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    area = await make_area(session, await make_plan(session))
    today = clock.today()
    late = await make_action(session, area, ref="A1.1", due_date=today - timedelta(days=3))
    await make_action(
        session, area, ref="A1.2", due_date=today - timedelta(days=3), status="complete"
    )
    future = await make_action(session, area, ref="A1.3", due_date=today + timedelta(days=30))
    body = (await viewer.get(ACTIONS, params={"overdue": "true"})).json()
    assert [item["id"] for item in body["items"]] == [late.id]
    assert body["items"][0]["overdue"] is True
    body = (await viewer.get(ACTIONS, params={"due_after": today.isoformat()})).json()
    assert [item["id"] for item in body["items"]] == [future.id]
    assert_problem(await viewer.get(ACTIONS, params={"due_before": "31/05/2023"}), 422)


async def test_sort_by_due_date_puts_undated_last_and_pages_stably(
    viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    dates = [date(2023, 9, 30), None, date(2023, 5, 31), None, date(2023, 7, 31)]
    for index, due in enumerate(dates):
        await make_action(session, area, ref=f"A1.{index}", due_date=due)
    seen: list[str | None] = []
    params: dict[str, str] = {"sort": "due_date", "limit": "2"}
    while True:
        body = (await viewer.get(ACTIONS, params=params)).json()
        seen.extend(item["due_date"] for item in body["items"])
        if not body["next_cursor"]:
            break
        params["cursor"] = body["next_cursor"]
    assert seen == ["2023-05-31", "2023-07-31", "2023-09-30", None, None]
    body = (await viewer.get(ACTIONS, params={"sort": "-due_date"})).json()
    assert [item["due_date"] for item in body["items"]][:3] == [
        "2023-09-30",
        "2023-07-31",
        "2023-05-31",
    ]
    assert_problem(await viewer.get(ACTIONS, params={"sort": "colour"}), 422)


async def test_archive_refused_while_sub_actions_live(
    editor: httpx.AsyncClient, admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    parent = await make_action(session, area, ref="A1.1")
    child = await make_action(session, area, ref="A1.1.1", parent_id=parent.id)
    body = assert_problem(await archive(editor, f"{ACTIONS}/{parent.id}"), 409)
    assert body["blocking"] == [{"type": "action", "id": child.id, "ref": "A1.1.1"}]
    assert (await archive(editor, f"{ACTIONS}/{child.id}")).status_code == 200
    assert (await archive(editor, f"{ACTIONS}/{parent.id}")).status_code == 200
    assert (await editor.get(ACTIONS)).json()["total"] == 0
    assert (await editor.get(ACTIONS, params={"include_archived": "true"})).json()["total"] == 2
    assert_problem(await admin.post(f"{ACTIONS}/{child.id}/restore"), 409)
    assert (await admin.post(f"{ACTIONS}/{parent.id}/restore")).status_code == 200
    assert (await admin.post(f"{ACTIONS}/{child.id}/restore")).status_code == 200


async def test_list_statement_count_is_fixed_whatever_the_page_size_and_expansion(
    viewer: httpx.AsyncClient, session: AsyncSession, count_statements: StatementCounter
) -> None:
    plan = await make_plan(session)
    area = await make_area(session, plan)
    officer = await make_officer(session)
    strategy = await make_strategy(session, plan)
    criterion = await make_criterion(session, plan, area_id=area.id)
    from app.models import ActionLeadOfficer, ActionSuccessCriterion, StrategyLink, new_id

    for index in range(12):
        action = await make_action(session, area, ref=f"A1.{index}")
        child = await make_action(session, area, ref=f"A1.{index}.1", parent_id=action.id)
        session.add(ActionLeadOfficer(action_id=action.id, officer_id=officer.id))
        session.add(ActionSuccessCriterion(action_id=action.id, criterion_id=criterion.id))
        session.add(StrategyLink(id=new_id("link"), action_id=action.id, strategy_id=strategy.id))
        assert child.parent_id == action.id
    await session.commit()
    await viewer.get("/api/v1/me")
    expand = "success_criteria,strategies,lead_officers,latest_update,children,inspection_actions"
    counts = []
    for limit in ("1", "20"):
        before = count_statements.count
        response = await viewer.get(
            ACTIONS, params={"limit": limit, "expand": expand, "parent_id": "none"}
        )
        assert response.status_code == 200
        assert len(response.json()["items"]) == int(limit) if limit == "1" else 12
        counts.append(count_statements.count - before)
    assert counts[0] == counts[1] <= 9


async def test_writes_need_editor(viewer: httpx.AsyncClient, session: AsyncSession) -> None:
    area = await make_area(session, await make_plan(session))
    assert_problem(await viewer.post(ACTIONS, json={"area_id": area.id, "title": "x"}), 403)
    plan = await session.get(Plan, area.plan_id)
    assert plan is not None
