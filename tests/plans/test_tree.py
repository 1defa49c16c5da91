"""`GET /plans/{plan_id}/tree`: links read from the actions, and a fixed number of statements."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Plan
from tests.conftest import StatementCounter
from tests.factories import (
    make_action,
    make_area,
    make_criterion,
    make_inspection_action,
    make_plan,
)


async def _grow(
    editor: httpx.AsyncClient, session: AsyncSession, plan: Plan, actions: int
) -> tuple[str, str, list[str]]:
    """Actions under one area, each linked to one criterion and one inspection action;
    the refs are written so that their order is the reverse of the document order."""
    area = await make_area(session, plan)
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
    # PostgreSQL renders the actions in one statement; SQLite reads each expansion apart.
    assert counts[0] == counts[1] <= (8 if backend == "postgresql" else 12)
