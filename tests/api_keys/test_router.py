"""API keys and `/me`: who may call, and with what."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.models import ApiKey, AuditEvent, Role, utcnow
from tests.conftest import Clients
from tests.factories import make_api_key

KEYS = "/api/v1/api-keys"


async def test_no_key_is_401_with_www_authenticate(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/plans")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer ipa_000000000000_wrongwrongwrong",
        "Bearer not-a-key",
        "Basic dXNlcjpwYXNz",
        "Bearer ",
    ],
)
async def test_wrong_or_malformed_key_is_401(client: httpx.AsyncClient, authorization: str) -> None:
    response = await client.get("/api/v1/plans", headers={"Authorization": authorization})
    assert response.status_code == 401


async def test_right_prefix_wrong_secret_is_401(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, key = await make_api_key(session, role=Role.admin)
    forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    response = await client.get("/api/v1/plans", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401


async def test_revoked_and_expired_keys_are_401(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    revoked, revoked_key = await make_api_key(session)
    revoked.revoked_at = utcnow()
    expired, expired_key = await make_api_key(session)
    expired.expires_at = utcnow() - timedelta(seconds=1)
    await session.commit()
    for key, word in ((revoked_key, "revoked"), (expired_key, "expired")):
        response = await client.get("/api/v1/plans", headers={"Authorization": f"Bearer {key}"})
        assert response.status_code == 401
        assert word in response.json()["detail"]


async def test_keys_need_admin(clients: Clients) -> None:
    for role in (Role.viewer, Role.contributor, Role.editor):
        http = await clients.as_role(role)
        assert (await http.get(KEYS)).status_code == 403
        assert (await http.post(KEYS, json={"name": "x", "role": "admin"})).status_code == 403


async def test_created_key_is_shown_once_stored_hashed_and_works(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    response = await admin.post(KEYS, json={"name": "Dashboard", "role": "viewer"})
    assert response.status_code == 201, response.text
    created = response.json()
    key = created["key"]
    assert key.startswith("ipa_") and len(key) > 40
    assert response.headers["Cache-Control"] == "no-store"

    stored = await session.scalar(sa.select(ApiKey).where(col(ApiKey.id) == created["id"]))
    assert stored is not None and key not in (stored.key_hash, stored.prefix)
    fetched = await admin.get(f"{KEYS}/{created['id']}")
    assert "key" not in fetched.json() and "key_hash" not in fetched.json()
    listed = (await admin.get(KEYS)).json()
    assert all("key" not in item for item in listed["items"])

    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"})
    assert me.status_code == 200
    assert me.json()["name"] == "Dashboard"
    assert me.json()["role"] == "viewer"
    assert me.json()["permissions"] == ["read"]


async def test_revoke_stops_the_key_at_once_and_is_audited(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    created = (await admin.post(KEYS, json={"name": "Old", "role": "editor"})).json()
    headers = {"Authorization": f"Bearer {created['key']}"}
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    revoked = await admin.delete(f"{KEYS}/{created['id']}")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 401
    operations = (
        await session.scalars(
            sa.select(col(AuditEvent.operation)).where(col(AuditEvent.entity_id) == created["id"])
        )
    ).all()
    assert sorted(operations) == ["create", "revoke"]


async def test_expiry_must_be_in_the_future(admin: httpx.AsyncClient) -> None:
    response = await admin.post(
        KEYS, json={"name": "x", "role": "viewer", "expires_at": "2020-01-01T00:00:00Z"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.expires_at"


async def test_last_used_at_is_recorded(admin: httpx.AsyncClient, session: AsyncSession) -> None:
    me = (await admin.get("/api/v1/me")).json()
    assert me["last_used_at"] is not None


async def test_unknown_key_id_is_404(admin: httpx.AsyncClient) -> None:
    assert (await admin.get(f"{KEYS}/key_missing")).status_code == 404
