"""OWASP API2:2023 Broken Authentication: keys are checked strictly and never leak.

Revoked, expired, forged and malformed keys are refused with 401 problem details (never a
500), a key is read only from the `Authorization` header (never from the URL), and a key's
secret appears in no log line and in no response other than the one that creates it.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.logging import configure_logging
from app.models import Role, utcnow
from tests import conformance
from tests.conftest import Clients
from tests.factories import make_api_key
from tests.support import assert_problem

ME = "/api/v1/me"
PLANS = "/api/v1/plans"
KEYS = "/api/v1/api-keys"


def assert_unauthorized(response: httpx.Response) -> dict[str, object]:
    body = assert_problem(response, 401)
    assert body["type"] == "/problems/unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    return body


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def test_no_key_is_401_with_www_authenticate(client: httpx.AsyncClient) -> None:
    for path in (ME, PLANS, KEYS):
        body = assert_unauthorized(await client.get(path))
        assert "Authorization: Bearer" in str(body["detail"])


SECRET = "A" * 43  # the length of a real secret


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param(f"Bearer xyz_0123456789ab_{SECRET}", id="wrong-scheme-prefix"),
        pytest.param(f"Bearer ipa_0123456789_{SECRET}", id="prefix-too-short"),
        pytest.param(f"Bearer ipa_0123456789abcd_{SECRET}", id="prefix-too-long"),
        pytest.param("Bearer ipa_0123456789ab_", id="no-secret"),
        pytest.param("Bearer ipa_0123456789ab", id="no-secret-part"),
        pytest.param("Bearer ipa__", id="empty-parts"),
        pytest.param(f"Bearer ipa_0123456789ab_{SECRET[:10]}", id="secret-too-short"),
        pytest.param(f"Bearer ipa_0123456789ab_{SECRET * 3}", id="secret-too-long"),
        pytest.param("Bearer " + "ipa_" * 5000, id="very-long"),
        pytest.param("Bearer ", id="empty"),
        pytest.param("Bearer", id="scheme-only"),
        pytest.param("", id="empty-header"),
        pytest.param(f"ipa_0123456789ab_{SECRET}", id="no-scheme"),
        pytest.param("Basic dXNlcjpwYXNz", id="basic-auth"),
        pytest.param(f"Bearer ipa_0123456789ab_{SECRET} extra", id="trailing-word"),
        pytest.param("Bearer ipa_0123456789ab_%00%0a", id="escaped-control-characters"),
    ],
)
async def test_malformed_keys_are_401_problems(
    client: httpx.AsyncClient, authorization: str
) -> None:
    assert_unauthorized(await client.get(ME, headers={"Authorization": authorization}))


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Bearer ipa_0123456789ab_ÄÖÜßéèñ漢字🔑".encode(), id="utf-8"),
        pytest.param("Bearer ipa_ëëëëëëëëëëëë_secret".encode("latin-1"), id="latin-1-prefix"),
        pytest.param(b"Bearer ipa_0123456789ab_\xff\xfe\xfd", id="invalid-utf-8"),
    ],
)
async def test_non_ascii_keys_are_401_problems(client: httpx.AsyncClient, raw: bytes) -> None:
    assert_unauthorized(await client.get(ME, headers={b"Authorization": raw}))


async def test_revoked_key_is_401(client: httpx.AsyncClient, session: AsyncSession) -> None:
    api_key, key = await make_api_key(session, role=Role.admin)
    assert (await client.get(ME, headers=bearer(key))).status_code == 200
    api_key.revoked_at = utcnow()
    await session.commit()
    body = assert_unauthorized(await client.get(ME, headers=bearer(key)))
    assert "revoked" in str(body["detail"])


async def test_expired_key_is_401(client: httpx.AsyncClient, session: AsyncSession) -> None:
    api_key, key = await make_api_key(session, expires_at=utcnow() + timedelta(hours=1))
    assert (await client.get(ME, headers=bearer(key))).status_code == 200
    api_key.expires_at = utcnow() - timedelta(seconds=1)
    await session.commit()
    body = assert_unauthorized(await client.get(ME, headers=bearer(key)))
    assert "expired" in str(body["detail"])


async def test_right_prefix_wrong_secret_is_401(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, key = await make_api_key(session, role=Role.admin)
    head, secret = key[: -len(SECRET)], _secret_of(key)
    assert len(secret) == len(SECRET) and head.endswith("_")
    for forged in (
        head + ("B" * 43 if secret != "B" * 43 else "C" * 43),
        key[:-1] + ("x" if key[-1] != "x" else "y"),
        key + "x",
        key[:-1],
        key.swapcase(),
    ):
        assert forged != key
        assert_unauthorized(await client.get(ME, headers=bearer(forged)))
    # The real key still works: the forged attempts did not lock it.
    assert (await client.get(ME, headers=bearer(key))).status_code == 200


@pytest.mark.parametrize("parameter", ["api_key", "key", "access_token", "apikey", "token"])
async def test_key_in_the_url_does_not_authenticate(
    client: httpx.AsyncClient, session: AsyncSession, parameter: str
) -> None:
    _, key = await make_api_key(session, role=Role.admin)
    assert_unauthorized(await client.get(ME, params={parameter: key}))
    assert_unauthorized(await client.get(PLANS, params={parameter: key}))


async def test_key_in_a_cookie_or_other_header_does_not_authenticate(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    _, key = await make_api_key(session, role=Role.admin)
    for headers in (
        {"X-API-Key": key},
        {"Api-Key": key},
        {"Cookie": f"api_key={key}"},
        {"Authorization": key},
        {"Authorization": f"Token {key}"},
    ):
        assert_unauthorized(await client.get(ME, headers=headers))


async def _requests_with_keys(client: httpx.AsyncClient, key: str) -> list[int]:
    """Good, forged and misplaced keys, as a log would see them."""
    forged = _forged(key)
    responses = [
        await client.get(ME, headers=bearer(key)),
        await client.get(KEYS, headers=bearer(key)),
        await client.post(KEYS, headers=bearer(key), json={"name": key, "role": "nobody"}),
        await client.get(PLANS, headers=bearer(forged)),
        await client.get(ME, params={"api_key": key}),
        await client.get(PLANS, params={"access_token": forged, "key": key}),
    ]
    return [response.status_code for response in responses]


def _forged(key: str) -> str:
    return key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")


def _secret_of(key: str) -> str:
    return key.split("_", 2)[2]


def _assert_no_secret(text: str, key: str) -> None:
    for secret in (key, _secret_of(key), _forged(key), _secret_of(_forged(key))):
        assert secret not in text


async def test_the_key_never_appears_in_log_records(
    client: httpx.AsyncClient, session: AsyncSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Every record at DEBUG, SQL statements and their parameters included."""
    _, key = await make_api_key(session, role=Role.admin)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")  # SQL and its parameters
    assert await _requests_with_keys(client, key) == [200, 200, 422, 401, 401, 401]

    # The service's records; the test's own HTTP client logs the URLs it was asked to call.
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    messages = [record.getMessage() for record in records]
    assert any(f"GET {ME} 200" in message for message in messages), messages
    assert any(f"GET {PLANS} 401" in message for message in messages), messages
    assert any("FROM api_key" in message for message in messages), "SQL is not being logged"
    everything = "\n".join([*messages, *(repr(record.args) for record in records)])
    _assert_no_secret(everything, key)


async def test_the_key_never_appears_in_the_json_log(
    client: httpx.AsyncClient,
    session: AsyncSession,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, key = await make_api_key(session, role=Role.admin)
    caplog.set_level(logging.DEBUG, logger="sqlalchemy.engine")  # SQL and its parameters
    root = logging.getLogger()
    level, handlers = root.level, root.handlers[:]
    configure_logging(Settings(log_format="json", log_level="DEBUG"))
    try:
        assert await _requests_with_keys(client, key) == [200, 200, 422, 401, 401, 401]
        written = capsys.readouterr().err
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
    lines = [json.loads(line) for line in written.splitlines() if line.startswith("{")]
    access = [line["message"] for line in lines if line.get("name") == "app.access"]
    assert f"GET {ME} 200" in " ".join(access), access
    # The service's lines; the test's own HTTP client logs the URLs it was asked to call.
    service = [line for line in lines if not line.get("name", "").startswith("httpx")]
    assert any("FROM api_key" in line["message"] for line in service), "SQL is not logged"
    _assert_no_secret(json.dumps(service), key)


async def test_the_key_is_never_echoed_after_creation(
    app: FastAPI, admin: httpx.AsyncClient
) -> None:
    created = await admin.post(KEYS, json={"name": "Echo check", "role": "editor"})
    assert created.status_code == 201
    key = created.json()["key"]
    key_id = created.json()["id"]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://test",
        headers=bearer(key),
        event_hooks={"response": [conformance.hook]},
    ) as own:
        responses = [
            await own.get(ME),
            await own.get(PLANS),
            await own.get(KEYS),  # an editor: 403
            await own.post(KEYS, json={"name": "x", "role": "viewer"}),  # 403
            await admin.get(KEYS),
            await admin.get(f"{KEYS}/{key_id}"),
            await admin.get(KEYS, params={"sort": "-created_at", "limit": 500}),
            await admin.get(ME, headers=bearer(_forged(key))),
            await admin.get(ME, params={"api_key": key}, headers={"Authorization": ""}),
            await admin.post(KEYS, json={"name": "x", "role": "viewer", "officer_id": key}),
            await admin.delete(f"{KEYS}/{key_id}"),
            await own.get(ME),  # revoked: 401
        ]
    assert [r.status_code for r in responses] == [
        *(200, 200, 403, 403, 200, 200, 200, 401, 401, 422, 200, 401)
    ]
    for response in responses:
        headers = "\n".join(f"{name}: {value}" for name, value in response.headers.items())
        shown = response.text + "\n" + headers
        assert _secret_of(key) not in shown, response.request.url
        assert _secret_of(key)[:12] not in shown, response.request.url


async def test_me_and_key_lists_show_the_prefix_only(
    clients: Clients, admin: httpx.AsyncClient
) -> None:
    viewer = await clients.as_role(Role.viewer)
    me = (await viewer.get(ME)).json()
    assert set(me) >= {"id", "name", "role", "prefix", "permissions"}
    assert "key" not in me and "key_hash" not in me
    listed = (await admin.get(KEYS)).json()["items"]
    assert listed and all("key" not in item and "key_hash" not in item for item in listed)
    assert any(item["prefix"] == me["prefix"] for item in listed)
