"""Actions rendered by PostgreSQL read exactly as the ones assembled in Python.

On PostgreSQL the list and the detail (without `as_of`) have the database build each
action's JSON; SQLite, `as_of` and the writes assemble it in Python. Both must give the same
bytes, and so the same ETags: these tests read the Stockton plan, with status updates,
corrections, evidence, a slipped due date, an archived link and an archived sub-action,
both ways.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.actions import rendering, service
from app.actions.schemas import ActionRead, Expansion
from app.models import Action
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.conftest import StatementCounter
from tests.support import archive, patch

ACTIONS = "/api/v1/actions"
EVERYTHING = ",".join(e.value for e in Expansion)


@pytest.fixture
async def plan_id(
    backend: str, session: AsyncSession, editor: httpx.AsyncClient, admin: httpx.AsyncClient
) -> str:
    """The Stockton plan, with a history written through the API."""
    if backend != "postgresql":
        pytest.skip("only PostgreSQL renders actions in the database")
    plan = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
    listed = await editor.get(ACTIONS, params={"plan_id": plan, "limit": "100"})
    actions = listed.json()["items"]
    first, second, third = (a["id"] for a in actions[:3])
    updates = f"{ACTIONS}/{first}/status-updates"
    red = await editor.post(
        updates,
        json={
            "rag": "red",
            "status": "in_progress",
            "narrative": "Recruitment has stalled — “agency” cover only.",
            "next_steps": "Escalate to CSLT.",
            "effective_date": "2023-07-31",
            "evidence": [
                {"title": "Q2 audit summary", "url": "https://example.org/a?b=1&c=é"},
                {"title": "CSLT paper", "reference": "2023/41"},
            ],
        },
    )
    assert red.status_code == 201, red.text
    fixed = await editor.post(
        updates,
        json={
            "rag": "amber",
            "status": "in_progress",
            "narrative": "Agency cover found.",
            "next_steps": "Recruit.",
            "corrects_update_id": red.json()["id"],
            "evidence": [{"title": "Rota", "url": "https://example.org/rota"}],
        },
    )
    assert fixed.status_code == 201, fixed.text
    done = await editor.post(
        f"{ACTIONS}/{second}/status-updates",
        json={
            "rag": "blue",
            "status": "complete",
            "narrative": "Done.",
            "effective_date": "2023-05-02",
        },
    )
    assert done.status_code == 201, done.text
    slipped = await patch(
        editor, f"{ACTIONS}/{third}", {"due_date": "2031-01-31", "due_date_reason": "Delayed"}
    )
    assert slipped.status_code == 200, slipped.text
    links = (await editor.get("/api/v1/strategy-links", params={"limit": "1"})).json()["items"]
    assert (await archive(editor, f"/api/v1/strategy-links/{links[0]['id']}")).status_code == 200
    child = next(a for a in actions if a["parent_id"] is not None)
    assert (await archive(editor, f"{ACTIONS}/{child['id']}")).status_code == 200
    return plan


async def action_ids(session: AsyncSession, plan_id: str) -> list[str]:
    statement = sa.select(col(Action.id)).where(col(Action.plan_id) == plan_id)
    return list(await session.scalars(statement))


async def assembled(
    session: AsyncSession, action_ids: list[str], expand: set[Expansion]
) -> list[dict[str, Any]]:
    """The same actions read the Python way, as JSON."""
    rows = (await session.scalars(sa.select(Action).where(col(Action.id).in_(action_ids)))).all()
    by_id = {action.id: action for action in rows}
    reads = await service.read_actions(
        session=session, actions=[by_id[i] for i in action_ids], expand=expand
    )
    return [ActionRead.model_validate(read).model_dump(mode="json") for read in reads]


async def test_every_action_renders_as_python_assembles_it(
    plan_id: str, session: AsyncSession
) -> None:
    ids = await action_ids(session, plan_id)
    assert len(ids) == 57
    for expand in (set(), set(Expansion), {Expansion.latest_update, Expansion.children}):
        rendered = await rendering.render_actions(session, ids, expand)
        python = await assembled(session, ids, expand)
        assert [r.model_dump(mode="json") for r in rendered] == python
        # The bytes, and so the ETags, are the same too.
        assert [r.model_dump_json() for r in rendered] == [
            ActionRead.model_validate(p).model_dump_json() for p in python
        ]
    by_id = {r.id: r for r in await rendering.render_actions(session, ids, set(Expansion))}
    assert sum(bool(r.latest_update and r.latest_update.evidence) for r in by_id.values()) == 1
    assert sum(r.slippage_days is not None and r.slippage_days > 0 for r in by_id.values()) == 1
    assert any(r.archived_at is not None for r in by_id.values())


async def test_the_detail_reads_one_statement_and_matches_python(
    plan_id: str,
    session: AsyncSession,
    viewer: httpx.AsyncClient,
    count_statements: StatementCounter,
) -> None:
    ids = await action_ids(session, plan_id)
    await viewer.get(f"{ACTIONS}/{ids[0]}")  # the key's first use also records it
    for action_id in ids:
        before = count_statements.count
        response = await viewer.get(f"{ACTIONS}/{action_id}", params={"expand": EVERYTHING})
        assert response.status_code == 200
        # The key check, then the action with everything it shows.
        assert count_statements.count - before == 2
        assert response.json() == (await assembled(session, [action_id], set(Expansion)))[0]
        plain = await viewer.get(f"{ACTIONS}/{action_id}")
        assert plain.headers["ETag"] == response.headers["ETag"]
        python = (await assembled(session, [action_id], set()))[0]
        assert plain.json() == python
        assert plain.content == ActionRead.model_validate(python).model_dump_json().encode()


async def test_pages_render_in_order_with_working_cursors(
    plan_id: str, session: AsyncSession, viewer: httpx.AsyncClient
) -> None:
    for sort in ("created_at", "-due_date", "ref", "rag"):
        seen: list[dict[str, Any]] = []
        params = {"plan_id": plan_id, "limit": "7", "sort": sort, "expand": EVERYTHING}
        while True:
            page = (await viewer.get(ACTIONS, params=params)).json()
            assert page["total"] == 56  # the archived sub-action is left out
            seen.extend(page["items"])
            if page["next_cursor"] is None:
                break
            params["cursor"] = page["next_cursor"]
        ids = [a["id"] for a in seen]
        assert len(set(ids)) == 56
        assert seen == await assembled(session, ids, set(Expansion))
        python = await viewer.get(
            ACTIONS,
            params={"plan_id": plan_id, "limit": "100", "sort": sort, "as_of": "2099-12-31"},
        )
        # `as_of` takes the Python path; after every update it orders the same way.
        assert [a["id"] for a in python.json()["items"]] == ids, sort


async def test_an_unknown_action_is_a_404_problem(plan_id: str, viewer: httpx.AsyncClient) -> None:
    response = await viewer.get(f"{ACTIONS}/act_missing", params={"expand": EVERYTHING})
    assert response.status_code == 404
    assert response.json()["detail"] == "No action with id 'act_missing'."
