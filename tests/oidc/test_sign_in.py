"""Signing in with OpenID Connect beside API keys, with tokens from a real provider: roles,
officers, systems, `/me`, the audit log, rate limits, the fast paths and key rotation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.config import Settings
from app.main import create_app
from app.models import ActionLeadOfficer, AuditEvent, Role
from tests import conformance
from tests.conftest import Clients, StatementCounter
from tests.factories import make_action, make_area, make_officer, make_plan
from tests.oidc.conftest import SYSTEM_NAME, Provider, bearer, signed_in_settings
from tests.support import assert_problem

GREEN: dict[str, Any] = {"rag": "green", "status": "in_progress", "narrative": "On track."}
ADMIN_ONLY = "/api/v1/api-keys"
EDITOR_ONLY = "/api/v1/plans"
PLAN: dict[str, Any] = {
    "title": "Signed-in plan",
    "organisation": "Stockton-on-Tees Borough Council",
}


def as_caller(app: FastAPI, token: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://test",
        headers=bearer(token),
        event_hooks={"response": [conformance.hook]},
    )


@pytest.mark.parametrize("login", ["viewer", "contributor", "editor", "admin"])
async def test_a_person_gets_what_the_role_in_their_token_allows(
    app: FastAPI, provider: Provider, login: str
) -> None:
    async with as_caller(app, provider.sign_in(login)) as person:
        me = await person.get("/api/v1/me")
        assert me.status_code == 200, me.text
        assert me.json() | {"permissions": None} == {
            "id": None,
            "created_at": None,
            "updated_at": None,
            "archived_at": None,
            "prefix": None,
            "name": f"{login.title()} Person",
            "role": login,
            "officer_id": None,
            "system": None,
            "expires_at": None,
            "last_used_at": None,
            "revoked_at": None,
            "signed_in_with": "openid_connect",
            "subject": login,
            "permissions": None,
        }
        assert (await person.get("/api/v1/actions")).status_code == 200
        keys = await person.get(ADMIN_ONLY)
        if login == "admin":
            assert keys.status_code == 200
        else:
            assert "your token has" in assert_problem(keys, 403)["detail"]
        created = await person.post(EDITOR_ONLY, json=PLAN)
        assert created.status_code == (201 if login in {"editor", "admin"} else 403), created.text


async def test_a_token_with_no_role_the_api_knows_is_forbidden(
    app: FastAPI, provider: Provider
) -> None:
    async with as_caller(app, provider.sign_in("nobody")) as person:
        problem = assert_problem(await person.get("/api/v1/me"), 403)
        assert "none of the roles" in problem["detail"]


async def test_an_app_only_token_is_its_named_system(app: FastAPI, provider: Provider) -> None:
    async with as_caller(app, provider.system_token()) as system:
        me = (await system.get("/api/v1/me")).json()
        assert (me["name"], me["system"], me["role"]) == (SYSTEM_NAME, SYSTEM_NAME, "viewer")
        assert (me["signed_in_with"], me["subject"], me["officer_id"]) == (
            "openid_connect",
            "reporting",
            None,
        )
        assert (await system.get("/api/v1/plans")).status_code == 200
        assert_problem(await system.post(EDITOR_ONLY, json=PLAN), 403)


async def _led_and_other(session: AsyncSession, **officer: Any) -> tuple[str, str, str]:
    area = await make_area(session, await make_plan(session))
    person = await make_officer(session, name="Adele Moore", **officer)
    led = await make_action(session, area, ref="A1.1")
    other = await make_action(session, area, ref="A1.2")
    session.add(ActionLeadOfficer(action_id=led.id, officer_id=person.id))
    await session.commit()
    return person.id, led.id, other.id


async def test_a_contributor_is_matched_to_their_officer_by_subject(
    app: FastAPI, provider: Provider, session: AsyncSession
) -> None:
    officer_id, led, other = await _led_and_other(session, sign_in_subject="contributor")
    async with as_caller(app, provider.sign_in("contributor")) as person:
        assert (await person.get("/api/v1/me")).json()["officer_id"] == officer_id
        posted = await person.post(f"/api/v1/actions/{led}/status-updates", json=GREEN)
        assert posted.status_code == 201, posted.text
        update = posted.json()
        assert (update["author"], update["author_officer_id"], update["author_subject"]) == (
            "Adele Moore",
            officer_id,
            "contributor",
        )
        assert_problem(
            await person.post(f"/api/v1/actions/{other}/status-updates", json=GREEN), 403
        )
        mine = (await person.get("/api/v1/actions", params={"lead_officer_id": "me"})).json()
        assert [action["id"] for action in mine["items"]] == [led]
        latest = (await person.get(f"/api/v1/actions/{led}?expand=latest_update")).json()
        assert latest["latest_update"]["author_subject"] == "contributor"
    event = await session.scalar(
        sa.select(AuditEvent).where(col(AuditEvent.entity_id) == update["id"])
    )
    assert event is not None
    assert (event.actor, event.actor_subject, event.actor_key_id, event.actor_officer_id) == (
        "Contributor Person",
        "contributor",
        None,
        officer_id,
    )


async def test_a_person_can_be_matched_by_verified_email(
    settings: Settings, provider: Provider, session: AsyncSession
) -> None:
    by_email = signed_in_settings(settings, provider, oidc_officer_match="email")
    officer_id, led, _ = await _led_and_other(session, email="Contributor@example.gov.uk")
    app = create_app(by_email)
    async with (
        app.router.lifespan_context(app),
        as_caller(app, provider.sign_in("contributor")) as person,
    ):
        assert (await person.get("/api/v1/me")).json()["officer_id"] == officer_id
        posted = await person.post(f"/api/v1/actions/{led}/status-updates", json=GREEN)
        assert posted.status_code == 201, posted.text


async def test_a_person_with_no_officer_cannot_name_another_author_or_ask_for_their_actions(
    app: FastAPI, provider: Provider, session: AsyncSession
) -> None:
    _, led, _ = await _led_and_other(session)
    async with as_caller(app, provider.sign_in("editor")) as person:
        named = await person.post(
            f"/api/v1/actions/{led}/status-updates", json={**GREEN, "author": "Someone Else"}
        )
        assert {e["field"] for e in assert_problem(named, 422)["errors"]} == {"body.author"}
        posted = await person.post(f"/api/v1/actions/{led}/status-updates", json=GREEN)
        assert (posted.json()["author"], posted.json()["author_subject"]) == (
            "Editor Person",
            "editor",
        )
        # A batch keeps the same rule, and records the person too.
        items = [{**GREEN, "action_id": led}]
        named_in_batch = await person.post(
            "/api/v1/status-updates/batch",
            json={"items": [{**items[0], "author": "Someone Else"}]},
        )
        assert {e["field"] for e in assert_problem(named_in_batch, 422)["errors"]} == {
            "body.items[0].author"
        }
        batch = await person.post("/api/v1/status-updates/batch", json={"items": items})
        assert batch.status_code == 201, batch.text
        stored = batch.json()["created"][0]
        assert (stored["author"], stored["author_subject"]) == ("Editor Person", "editor")
        mine = await person.get("/api/v1/actions", params={"lead_officer_id": "me"})
        assert {e["field"] for e in assert_problem(mine, 422)["errors"]} == {
            "query.lead_officer_id"
        }


async def test_keys_and_tokens_work_side_by_side(
    app: FastAPI, provider: Provider, clients: Clients
) -> None:
    viewer = await clients.as_role(Role.viewer)
    me = (await viewer.get("/api/v1/me")).json()
    assert (me["signed_in_with"], me["subject"]) == ("api_key", None)
    async with as_caller(app, provider.sign_in("viewer")) as person:
        assert (await person.get("/api/v1/me")).json()["signed_in_with"] == "openid_connect"


async def test_rate_limits_count_each_person_and_system_apart(
    settings: Settings, provider: Provider
) -> None:
    limited = settings.model_copy(update={"rate_limit": "2/minute"})
    app = create_app(limited)
    tokens = [provider.sign_in("viewer"), provider.sign_in("viewer"), provider.sign_in("editor")]
    async with app.router.lifespan_context(app):
        async with as_caller(app, tokens[0]) as first, as_caller(app, tokens[1]) as again:
            assert (await first.get("/api/v1/me")).status_code == 200
            assert (await again.get("/api/v1/me")).status_code == 200  # the same person
            refused = assert_problem(await first.get("/api/v1/plans"), 429)
            assert "2 requests per minute" in refused["detail"]
        async with (
            as_caller(app, tokens[2]) as other,
            as_caller(app, provider.system_token()) as system,
        ):
            assert (await other.get("/api/v1/me")).status_code == 200
            assert (await system.get("/api/v1/me")).status_code == 200


async def test_the_fast_paths_answer_a_token_as_the_route_does(
    app: FastAPI,
    backend: str,
    provider: Provider,
    session: AsyncSession,
    clients: Clients,
    count_statements: StatementCounter,
) -> None:
    area = await make_area(session, await make_plan(session))
    action = await make_action(session, area, ref="A1.1")
    viewer = await clients.as_role(Role.viewer)
    await viewer.get("/api/v1/me")  # stamps the key's first use
    paths = [f"/api/v1/actions/{action.id}?expand=latest_update", "/api/v1/actions?limit=5"]
    async with as_caller(app, provider.sign_in("viewer")) as person:
        await person.get("/api/v1/me")  # reads the issuer's keys
        for path in paths:
            by_key = await viewer.get(path)
            count_statements.statements.clear()
            by_token = await person.get(path)
            assert by_token.status_code == 200
            assert by_token.content == by_key.content
            assert by_token.headers.get("etag") == by_key.headers.get("etag")
            # On PostgreSQL a fast path reads the answer in one statement.
            if backend == "postgresql":
                assert count_statements.count == 1, count_statements.statements
        async with as_caller(app, provider.sign_in("nobody")) as nobody:
            assert_problem(await nobody.get(paths[0]), 403)


async def test_a_rotated_signing_key_is_fetched_without_a_restart(
    app: FastAPI, provider: Provider
) -> None:
    before = provider.sign_in("viewer")
    async with as_caller(app, before) as person:
        assert (await person.get("/api/v1/me")).status_code == 200
    old_kid = provider.kid
    assert provider.rotate() != old_kid
    after = provider.sign_in("viewer")
    async with as_caller(app, after) as person:
        assert (await person.get("/api/v1/me")).status_code == 200
    async with as_caller(app, before) as person:  # the old key is still published
        assert (await person.get("/api/v1/me")).status_code == 200
