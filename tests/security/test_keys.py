"""API keys: high-entropy material, one binding each, expiry, and rotation with a grace period."""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.api_keys.schemas import MAX_GRACE_SECONDS
from app.core.auth import keys as security
from app.core.auth.keys import generate_key, hash_key
from app.models import ApiKey, AuditEvent, Role, new_id, utcnow
from tests.conftest import Clients
from tests.factories import make_api_key, make_officer
from tests.support import assert_problem, error_fields

KEYS = "/api/v1/api-keys"
ME = "/api/v1/me"
KEY_FORMAT = re.compile(r"^ipa_(?P<prefix>[0-9a-f]{12})_(?P<secret>[A-Za-z0-9_-]{43})$")


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def in_days(days: int) -> str:
    return (utcnow() + timedelta(days=days)).isoformat().replace("+00:00", "Z")


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


# Key material


def test_keys_carry_256_random_bits_and_never_repeat() -> None:
    keys = [generate_key() for _ in range(200)]
    for generated in keys:
        match = KEY_FORMAT.match(generated.key)
        assert match, generated.key
        assert match["prefix"] == generated.prefix
        assert len(base64.urlsafe_b64decode(match["secret"] + "=")) == 32
        assert generated.key_hash == hash_key(generated.key) != generated.key
    assert len({k.key for k in keys}) == len({k.prefix for k in keys}) == len(keys)
    assert len({k.key_hash for k in keys}) == len(keys)


async def test_a_key_made_through_the_api_has_that_format(admin: httpx.AsyncClient) -> None:
    first = (await admin.post(KEYS, json={"name": "One", "role": "viewer"})).json()
    second = (await admin.post(KEYS, json={"name": "Two", "role": "viewer"})).json()
    for created in (first, second):
        match = KEY_FORMAT.match(created["key"])
        assert match and match["prefix"] == created["prefix"]
    assert first["key"] != second["key"]


# Binding


async def test_a_key_for_an_integrating_system(
    admin: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    created = await admin.post(
        KEYS, json={"name": "Dashboard feed", "role": "viewer", "system": "Performance dashboard"}
    )
    assert created.status_code == 201, created.text
    assert created.json()["system"] == "Performance dashboard"
    assert created.json()["officer_id"] is None
    me = (await client.get(ME, headers=bearer(created.json()["key"]))).json()
    assert me["system"] == "Performance dashboard"


async def test_a_key_for_an_officer(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session)
    created = await admin.post(
        KEYS, json={"name": "Jane", "role": "contributor", "officer_id": officer.id}
    )
    assert created.status_code == 201, created.text
    me = (await client.get(ME, headers=bearer(created.json()["key"]))).json()
    assert (me["officer_id"], me["system"]) == (officer.id, None)


async def test_a_key_with_neither_binding_is_a_personal_key(admin: httpx.AsyncClient) -> None:
    created = await admin.post(KEYS, json={"name": "Second administrator", "role": "admin"})
    assert created.status_code == 201
    assert (created.json()["officer_id"], created.json()["system"]) == (None, None)


async def test_officer_and_system_together_are_422_and_store_nothing(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session)
    before = await session.scalar(sa.select(sa.func.count()).select_from(ApiKey))
    response = await admin.post(
        KEYS,
        json={"name": "Both", "role": "viewer", "officer_id": officer.id, "system": "Dashboard"},
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.system"}
    assert await session.scalar(sa.select(sa.func.count()).select_from(ApiKey)) == before


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"officer_id": "off_00000000000000000000"}, "body.officer_id"),
        ({"system": ""}, "body.system"),
        ({"system": "s" * 201}, "body.system"),
        ({"expires_at": "2020-01-01T00:00:00Z"}, "body.expires_at"),
        ({"expires_at": "2999-01-01T00:00:00"}, "body.expires_at"),
        ({"key": "ipa_0123456789ab_" + "A" * 43}, "body.key"),
        ({"prefix": "0123456789ab"}, "body.prefix"),
    ],
)
async def test_bad_key_fields_are_422_naming_the_field(
    admin: httpx.AsyncClient, fields: dict[str, str], field: str
) -> None:
    response = await admin.post(KEYS, json={"name": "Bad", "role": "viewer", **fields})
    assert_problem(response, 422)
    assert error_fields(response) == {field}


async def test_an_archived_officer_takes_no_new_key(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session, archived_at=utcnow())
    response = await admin.post(
        KEYS, json={"name": "Gone", "role": "contributor", "officer_id": officer.id}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.officer_id"}


async def test_the_database_refuses_a_key_with_both_bindings(session: AsyncSession) -> None:
    officer = await make_officer(session)
    generated = generate_key()
    session.add(
        ApiKey(
            id=new_id("key"),
            name="Both",
            role=Role.viewer,
            prefix=generated.prefix,
            key_hash=generated.key_hash,
            officer_id=officer.id,
            system="Dashboard",
        )
    )
    with pytest.raises(IntegrityError):
        await session.commit()
    await session.rollback()


# Expiry


async def test_a_future_expiry_is_kept_and_the_key_works_until_then(
    admin: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    created = await admin.post(
        KEYS, json={"name": "Contractor", "role": "viewer", "expires_at": in_days(30)}
    )
    assert created.status_code == 201
    expires = parse_time(created.json()["expires_at"])
    assert timedelta(days=29) < expires - utcnow() <= timedelta(days=30)
    assert (await client.get(ME, headers=bearer(created.json()["key"]))).status_code == 200


# Rotation


async def _audit(session: AsyncSession, key_id: str) -> list[AuditEvent]:
    statement = (
        sa.select(AuditEvent)
        .where(col(AuditEvent.entity_id) == key_id)
        .order_by(col(AuditEvent.occurred_at), col(AuditEvent.id))
    )
    return list((await session.scalars(statement)).all())


async def test_rotation_without_grace_replaces_the_key_at_once(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    old = (
        await admin.post(
            KEYS,
            json={
                "name": "Dashboard feed",
                "role": "editor",
                "system": "Performance dashboard",
                "expires_at": in_days(90),
            },
        )
    ).json()
    rotated = await admin.post(f"{KEYS}/{old['id']}/rotate")
    assert rotated.status_code == 201, rotated.text
    assert rotated.headers["Cache-Control"] == "no-store"
    new = rotated.json()
    assert rotated.headers["Location"].endswith(f"{KEYS}/{new['id']}")
    assert new["id"] != old["id"] and new["key"] != old["key"]
    assert KEY_FORMAT.match(new["key"])
    for field in ("name", "role", "system", "officer_id", "expires_at"):
        assert new[field] == old[field], field
    assert new["revoked_at"] is None

    refused = await client.get(ME, headers=bearer(old["key"]))
    assert_problem(refused, 401)
    assert "revoked" in refused.json()["detail"]
    me = await client.get(ME, headers=bearer(new["key"]))
    assert me.status_code == 200 and me.json()["id"] == new["id"]
    assert (await admin.get(f"{KEYS}/{old['id']}")).json()["revoked_at"] is not None

    old_events = await _audit(session, old["id"])
    assert [e.operation for e in old_events] == ["create", "rotate"]
    rotate = old_events[-1]
    assert rotate.changes["replaced_by"]["after"] == new["id"]
    assert rotate.changes["revoked_at"]["before"] is None
    assert rotate.changes["revoked_at"]["after"] is not None
    new_events = await _audit(session, new["id"])
    assert [e.operation for e in new_events] == ["create"]
    assert new_events[0].changes["rotated_from"]["after"] == old["id"]
    assert new_events[0].request_id == rotate.request_id
    admin_id = (await admin.get(ME)).json()["id"]
    assert rotate.actor_key_id == new_events[0].actor_key_id == admin_id


async def test_rotation_with_grace_keeps_the_old_key_working_until_it_ends(
    admin: httpx.AsyncClient,
    client: httpx.AsyncClient,
    session: AsyncSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = (await admin.post(KEYS, json={"name": "Nightly export", "role": "viewer"})).json()
    started = utcnow()
    rotated = await admin.post(f"{KEYS}/{old['id']}/rotate", json={"grace_seconds": 3600})
    assert rotated.status_code == 201, rotated.text
    new = rotated.json()
    assert new["expires_at"] is None  # the old key had no expiry; the grace is the old key's

    assert (await client.get(ME, headers=bearer(old["key"]))).status_code == 200
    assert (await client.get(ME, headers=bearer(new["key"]))).status_code == 200
    stored_old = (await admin.get(f"{KEYS}/{old['id']}")).json()
    assert stored_old["revoked_at"] is None
    grace_ends = parse_time(stored_old["expires_at"])
    assert started + timedelta(seconds=3600) <= grace_ends <= utcnow() + timedelta(seconds=3600)

    rotate = (await _audit(session, old["id"]))[-1]
    assert rotate.operation == "rotate"
    assert rotate.changes["expires_at"]["before"] is None
    assert parse_time(rotate.changes["expires_at"]["after"]) == grace_ends

    # An hour and a second later, by the clock the keys are checked against.
    later = grace_ends + timedelta(seconds=1)
    monkeypatch.setattr(security, "utcnow", lambda: later)
    refused = await client.get(ME, headers=bearer(old["key"]))
    assert_problem(refused, 401)
    assert "expired" in refused.json()["detail"]
    assert (await client.get(ME, headers=bearer(new["key"]))).status_code == 200


async def test_grace_never_extends_an_earlier_expiry(admin: httpx.AsyncClient) -> None:
    expires = in_days(1)
    old = (
        await admin.post(KEYS, json={"name": "Temp", "role": "viewer", "expires_at": expires})
    ).json()
    rotated = await admin.post(
        f"{KEYS}/{old['id']}/rotate", json={"grace_seconds": MAX_GRACE_SECONDS}
    )
    assert rotated.status_code == 201
    assert parse_time(rotated.json()["expires_at"]) == parse_time(old["expires_at"])
    stored_old = (await admin.get(f"{KEYS}/{old['id']}")).json()
    assert parse_time(stored_old["expires_at"]) == parse_time(old["expires_at"])
    assert stored_old["revoked_at"] is None


async def test_rotation_keeps_the_officer(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    officer = await make_officer(session)
    old = (
        await admin.post(
            KEYS, json={"name": "Jane", "role": "contributor", "officer_id": officer.id}
        )
    ).json()
    new = (await admin.post(f"{KEYS}/{old['id']}/rotate", json={})).json()
    assert (new["officer_id"], new["role"]) == (officer.id, "contributor")
    assert (await client.get(ME, headers=bearer(new["key"]))).json()["officer_id"] == officer.id
    assert (await client.get(ME, headers=bearer(old["key"]))).status_code == 401


@pytest.mark.parametrize(
    "body", [{"grace_seconds": -1}, {"grace_seconds": MAX_GRACE_SECONDS + 1}, {"grace": 60}]
)
async def test_a_bad_rotation_is_422_and_changes_nothing(
    admin: httpx.AsyncClient, client: httpx.AsyncClient, body: dict[str, int]
) -> None:
    old = (await admin.post(KEYS, json={"name": "Keep", "role": "viewer"})).json()
    total = (await admin.get(KEYS)).json()["total"]
    response = await admin.post(f"{KEYS}/{old['id']}/rotate", json=body)
    assert_problem(response, 422)
    assert error_fields(response) <= {"body.grace_seconds", "body.grace"}
    assert (await admin.get(KEYS)).json()["total"] == total
    assert (await client.get(ME, headers=bearer(old["key"]))).status_code == 200
    stored = (await admin.get(f"{KEYS}/{old['id']}")).json()
    assert (stored["revoked_at"], stored["expires_at"]) == (None, None)


async def test_a_revoked_or_expired_key_cannot_be_rotated(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    revoked, _ = await make_api_key(session)
    revoked.revoked_at = utcnow()
    expired, _ = await make_api_key(session)
    expired.expires_at = datetime(2020, 1, 1, tzinfo=UTC)
    await session.commit()
    for key_id in (revoked.id, expired.id):
        assert_problem(await admin.post(f"{KEYS}/{key_id}/rotate"), 409)
    assert_problem(await admin.post(f"{KEYS}/key_missing/rotate"), 404)


async def test_a_key_in_its_grace_period_cannot_be_rotated_again(
    admin: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    old = (await admin.post(KEYS, json={"name": "Case system", "role": "viewer"})).json()
    first = await admin.post(f"{KEYS}/{old['id']}/rotate", json={"grace_seconds": 3600})
    assert first.status_code == 201
    total = (await admin.get(KEYS)).json()["total"]

    # A retry (the first answer lost) must not make a successor that dies with the grace.
    again = await admin.post(f"{KEYS}/{old['id']}/rotate", json={"grace_seconds": 3600})
    assert_problem(again, 409)
    assert "already been rotated" in again.json()["detail"]
    assert (await admin.get(KEYS)).json()["total"] == total
    assert first.json()["expires_at"] is None
    assert (await client.get(ME, headers=bearer(first.json()["key"]))).status_code == 200


async def test_only_admins_rotate(
    clients: Clients, client: httpx.AsyncClient, session: AsyncSession
) -> None:
    api_key, key = await make_api_key(session, role=Role.viewer)
    key_id = api_key.id
    for role in (Role.viewer, Role.contributor, Role.editor):
        http = await clients.as_role(role)
        assert_problem(await http.post(f"{KEYS}/{key_id}/rotate"), 403)
    assert_problem(await client.post(f"{KEYS}/{key_id}/rotate"), 401)
    assert (await client.get(ME, headers=bearer(key))).status_code == 200
