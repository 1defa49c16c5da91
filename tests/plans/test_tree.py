"""`GET /plans/{plan_id}/tree`: links read from the actions, and a fixed number of statements."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Plan
from app.plans import tree as plan_tree
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_inspection_action,
    make_objective,
    make_outcome,
    make_plan,
)


async def _grow(
    editor: httpx.AsyncClient, session: AsyncSession, plan: Plan, actions: int, area_number: int = 1
) -> tuple[str, str, list[str]]:
    """Actions under one area, each linked to one criterion and one inspection action;
    the refs are written so that their order is the reverse of the document order."""
    area = await make_area(session, plan, number=area_number, ref=str(area_number))
    criterion = await make_criterion(session, plan, area_id=area.id)
    inspection = await make_inspection_action(session, plan)
    ids = []
    for position in range(actions):
        action = await make_action(
            session, area, ref=f"A1.{9 - position}", position=position, title=f"Action {position}"
        )
        ids.append(action.id)
        for path in (
            f"/api/v1/actions/{action.id}/success-criteria/{criterion.id}",
            f"/api/v1/actions/{action.id}/inspection-actions/{inspection.id}",
        ):
            assert (await editor.put(path)).status_code == 204
    return criterion.id, inspection.id, ids


async def test_links_list_the_actions_in_ref_order(
    editor: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = await make_plan(session)
    criterion_id, inspection_id, ids = await _grow(editor, session, plan, 3)
    tree = (await viewer.get(f"/api/v1/plans/{plan.id}/tree")).json()
    (area,) = tree["areas"]
    assert [a["id"] for a in area["actions"]] == ids  # document order
    (criterion,) = area["success_criteria"]
    assert criterion["id"] == criterion_id
    assert criterion["action_ids"] == ids[::-1]  # ref order
    (inspection,) = tree["inspection_actions"]
    assert inspection["id"] == inspection_id
    assert inspection["action_ids"] == ids[::-1]


async def test_tree_runs_a_fixed_number_of_statements(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    session: AsyncSession,
    count_statements: StatementCounter,
    backend: str,
) -> None:
    counts = []
    for size in (1, 8):
        plan = await make_plan(session)
        await _grow(editor, session, plan, size)
        await viewer.get(f"/api/v1/plans/{plan.id}/tree")  # the key's first use is written
        before = count_statements.count
        response = await viewer.get(f"/api/v1/plans/{plan.id}/tree")
        assert len(response.json()["areas"][0]["actions"]) == size
        counts.append(count_statements.count - before)
    # PostgreSQL reads the key, the plan and the tree in one statement each; SQLite reads
    # each kind of item, and each expansion of the actions, apart.
    assert counts[0] == counts[1] <= (3 if backend == "postgresql" else 12)


async def test_the_database_writes_the_tree_as_it_is_nested_from_rows(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    session: AsyncSession,
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On PostgreSQL the tree is written from one statement (`app.plans.tree_text`); the
    same bytes come from rows (`app.plans.tree.plan_tree`), which SQLite and `as_of` use."""
    if backend != "postgresql":
        pytest.skip("the database writes the tree on PostgreSQL only")
    plan = await make_plan(session, title='A "quoted"\nplan \u2013 ünïcode 😀')
    area = await make_area(session, plan, aim="Line one\nline two \\ \u2028 end")
    outcome = await make_outcome(session, area, number=None)
    objective = await make_objective(session, outcome)
    await make_criterion(session, plan, area_id=area.id, statement="At the area")
    await make_criterion(session, plan, outcome_id=outcome.id)
    await make_criterion(session, plan, objective_id=objective.id)
    archived = await make_criterion(session, plan, area_id=area.id, statement="Gone")
    archived.archived_at = archived.created_at
    await session.commit()
    top = await make_action(session, area, objective_id=objective.id, outcome_id=outcome.id)
    child = await make_action(session, area, parent_id=top.id, ref="A1.x.1", title="Child\t1")
    await make_action(session, area, parent_id=child.id, ref="A1.x.1.1", position=2)
    lower = await make_action(session, area, outcome_id=outcome.id, ref="a1.lower")
    await make_action(session, area, ref="A1.gone", archived_at=top.created_at)
    criterion_id, inspection_id, _ = await _grow(editor, session, plan, 2, area_number=2)
    for linked in (child.id, lower.id):  # refs whose order differs by collation
        await editor.put(f"/api/v1/actions/{linked}/success-criteria/{criterion_id}")
    await editor.put(f"/api/v1/actions/{top.id}/inspection-actions/{inspection_id}")

    written = await viewer.get(f"/api/v1/plans/{plan.id}/tree")
    monkeypatch.setattr(plan_tree, "written_by_database", lambda _session, _as_of: False)
    built = await viewer.get(f"/api/v1/plans/{plan.id}/tree")
    assert written.status_code == built.status_code == 200
    assert written.content == built.content
    assert written.headers["ETag"] == built.headers["ETag"]
    tree = written.json()
    (first, _second) = tree["areas"]
    assert (
        first["outcomes"][0]["objectives"][0]["actions"][0]["sub_actions"][0]["sub_actions"][0][
            "ref"
        ]
        == "A1.x.1.1"
    )
