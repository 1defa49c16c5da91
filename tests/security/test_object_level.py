"""API1, broken object-level authorisation: a contributor writes only on its own actions.

A contributor key acts for one officer. It may post status updates on the actions that
officer leads, and correct the updates that officer wrote; nothing else. Every refusal is
a 403 that stores nothing: no update, no audit event, no idempotency record.
`tests/status_updates/test_router.py` covers the basic case and the author rule; these
tests cover the rest of the contributor's reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import (
    Action,
    ActionLeadOfficer,
    Area,
    AuditEvent,
    IdempotencyRecord,
    Officer,
    Role,
    StatusUpdate,
)
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.support import assert_problem, error_fields

GREEN: dict[str, Any] = {"rag": "green", "status": "in_progress", "narrative": "On track."}
RED: dict[str, Any] = {
    "rag": "red",
    "status": "in_progress",
    "narrative": "Recruitment has stalled.",
    "next_steps": "Escalate to CSLT.",
}


def updates_url(action_id: str) -> str:
    return f"/api/v1/actions/{action_id}/status-updates"


async def stored(session: AsyncSession) -> dict[str, int]:
    """How many rows each table a write would touch holds now."""
    await session.commit()  # a fresh snapshot, not the one an earlier read opened
    counts: dict[str, int] = {}
    for model in (StatusUpdate, AuditEvent, IdempotencyRecord, ActionLeadOfficer):
        count = await session.scalar(sa.select(sa.func.count()).select_from(model))
        counts[model.__name__] = int(count or 0)
    await session.commit()
    return counts


async def lead(session: AsyncSession, action: Action, officer: Officer) -> None:
    session.add(ActionLeadOfficer(action_id=action.id, officer_id=officer.id))
    await session.commit()


@dataclass
class World:
    """Two officers, each leading one action, one action they lead together, one nobody leads."""

    area: Area
    adele: Officer
    ben: Officer
    adeles: Action
    bens: Action
    shared: Action
    nobodys: Action
    as_adele: httpx.AsyncClient
    as_ben: httpx.AsyncClient
    editor: httpx.AsyncClient


async def world(session: AsyncSession, clients: Clients) -> World:
    area = await make_area(session, await make_plan(session))
    adele = await make_officer(session, name="Adele Moore")
    ben = await make_officer(session, name="Ben Shaw")
    adeles = await make_action(session, area, ref="A1.1")
    bens = await make_action(session, area, ref="A1.2")
    shared = await make_action(session, area, ref="A1.3")
    nobodys = await make_action(session, area, ref="A1.4")
    await lead(session, adeles, adele)
    await lead(session, bens, ben)
    await lead(session, shared, adele)
    await lead(session, shared, ben)
    return World(
        area=area,
        adele=adele,
        ben=ben,
        adeles=adeles,
        bens=bens,
        shared=shared,
        nobodys=nobodys,
        as_adele=await clients.as_role(Role.contributor, officer_id=adele.id, name="Adele"),
        as_ben=await clients.as_role(Role.contributor, officer_id=ben.id, name="Ben"),
        editor=await clients.as_role(Role.editor),
    )


async def test_a_contributor_posts_on_the_actions_its_officer_leads_and_no_others(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    own = await w.as_adele.post(updates_url(w.adeles.id), json=GREEN)
    assert own.status_code == 201, own.text
    shared = await w.as_adele.post(updates_url(w.shared.id), json=GREEN)
    assert shared.status_code == 201, shared.text
    before = await stored(session)
    for action in (w.bens, w.nobodys):
        refused = await w.as_adele.post(updates_url(action.id), json=RED)
        assert_problem(refused, 403)
        assert "leads" in refused.json()["detail"]
    assert await stored(session) == before
    action = (await w.editor.get(f"/api/v1/actions/{w.bens.id}")).json()
    assert action["rag"] is None and action["last_update_date"] is None


async def test_a_contributor_with_no_officer_posts_nowhere(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    unbound = await clients.as_role(Role.contributor, name="Unbound contributor")
    before = await stored(session)
    for action in (w.adeles, w.bens, w.shared, w.nobodys):
        assert_problem(await unbound.post(updates_url(action.id), json=GREEN), 403)
    assert await stored(session) == before


async def test_leading_is_checked_at_each_request_and_not_inherited(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    child = await make_action(session, w.area, ref="A1.1.1", parent_id=w.adeles.id)
    # Leading the parent does not make the sub-action Adele's.
    assert_problem(await w.as_adele.post(updates_url(child.id), json=GREEN), 403)
    # Once the editor takes her off the action, her key can no longer post on it.
    url = f"/api/v1/actions/{w.adeles.id}/lead-officers/{w.adele.id}"
    assert (await w.editor.delete(url)).status_code == 204
    before = await stored(session)
    assert_problem(await w.as_adele.post(updates_url(w.adeles.id), json=GREEN), 403)
    assert await stored(session) == before


async def test_a_contributor_corrects_only_its_own_officers_updates(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    bens_update = (await w.as_ben.post(updates_url(w.shared.id), json=RED)).json()
    on_bens_action = (await w.as_ben.post(updates_url(w.bens.id), json=RED)).json()
    before = await stored(session)
    # Ben's report on the action they share: Adele may add her own, not supersede his.
    superseding = await w.as_adele.post(
        updates_url(w.shared.id), json={**GREEN, "corrects_update_id": bens_update["id"]}
    )
    assert_problem(superseding, 403)
    # An update of another action cannot be corrected through her own action's path...
    sideways = await w.as_adele.post(
        updates_url(w.adeles.id), json={**GREEN, "corrects_update_id": on_bens_action["id"]}
    )
    assert_problem(sideways, 422)
    assert error_fields(sideways) == {"body.corrects_update_id"}
    # ...nor through that action's own path.
    direct = await w.as_adele.post(
        updates_url(w.bens.id), json={**GREEN, "corrects_update_id": on_bens_action["id"]}
    )
    assert_problem(direct, 403)
    assert await stored(session) == before
    for update in (bens_update, on_bens_action):
        kept = (await w.editor.get(f"/api/v1/status-updates/{update['id']}")).json()
        assert kept["superseded_by_id"] is None and kept["rag"] == "red"
    # Her own update she may correct; Ben's stays correctable by Ben and by editors.
    hers = (await w.as_adele.post(updates_url(w.shared.id), json=RED)).json()
    fixed = await w.as_adele.post(
        updates_url(w.shared.id), json={**GREEN, "corrects_update_id": hers["id"]}
    )
    assert fixed.status_code == 201, fixed.text
    by_editor = await w.editor.post(
        updates_url(w.shared.id), json={**GREEN, "corrects_update_id": bens_update["id"]}
    )
    assert by_editor.status_code == 201, by_editor.text


async def test_a_refused_post_leaves_its_idempotency_key_unused(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    key = {"Idempotency-Key": "monthly-return-2023-07"}
    refused = await w.as_adele.post(updates_url(w.bens.id), json=GREEN, headers=key)
    assert_problem(refused, 403)
    assert (await stored(session))["IdempotencyRecord"] == 0
    # The same key then serves a different, allowed request: nothing was remembered for it.
    allowed = await w.as_adele.post(updates_url(w.adeles.id), json=RED, headers=key)
    assert allowed.status_code == 201, allowed.text
    assert "Idempotent-Replayed" not in allowed.headers
    # And a retry of the refused request is refused again, not replayed.
    assert_problem(await w.as_adele.post(updates_url(w.bens.id), json=GREEN, headers=key), 422)


async def test_a_contributor_changes_nothing_else_even_on_its_own_actions(
    clients: Clients, session: AsyncSession
) -> None:
    w = await world(session, clients)
    update = (await w.as_adele.post(updates_url(w.adeles.id), json=GREEN)).json()
    action_url = f"/api/v1/actions/{w.adeles.id}"
    etag = (await w.as_adele.get(action_url)).headers["ETag"]
    before = await stored(session)
    attempts = [
        ("PATCH", action_url, {"title": "Retitled by a contributor"}),
        ("DELETE", action_url, None),
        # Making herself lead of Ben's action, or removing Ben from theirs.
        ("PUT", f"/api/v1/actions/{w.bens.id}/lead-officers/{w.adele.id}", None),
        ("DELETE", f"/api/v1/actions/{w.shared.id}/lead-officers/{w.ben.id}", None),
        ("PATCH", f"/api/v1/officers/{w.adele.id}", {"job_title": "Director"}),
        ("POST", "/api/v1/actions", {"area_id": w.area.id, "title": "Her own new action"}),
        ("POST", "/api/v1/api-keys", {"name": "Another key", "role": "editor"}),
    ]
    for method, url, body in attempts:
        response = await w.as_adele.request(method, url, json=body, headers={"If-Match": etag})
        assert_problem(response, 403)
    for method in ("PATCH", "PUT", "DELETE"):
        response = await w.as_adele.request(
            method, f"/api/v1/status-updates/{update['id']}", json={"rag": "red"}
        )
        assert_problem(response, 405)
    assert await stored(session) == before
    assert (await w.as_adele.get(action_url)).headers["ETag"] == etag
