"""Hostile and broken bearer tokens: every one a 401 with `WWW-Authenticate: Bearer
error="invalid_token"` (RFC 6750), never a 500, and nothing read or written for it.

Tokens the provider would never issue are signed here with the one key of the tests that
the provider publishes (`test_key`), so each is refused for what is wrong with it and not
for an unknown key; the first test shows a well-made one is accepted.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from app.models import Role
from tests.conftest import Clients
from tests.oidc.conftest import TEST_KID, Provider, bearer, signed_in_settings
from tests.support import assert_problem

ME = "/api/v1/me"


@pytest.fixture(params=["sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    """A token is refused before any database is read: one backend is enough here."""
    return str(request.param)


INVALID_TOKEN = 'Bearer realm="improvement-plan", error="invalid_token"'


def _claims(provider: Provider, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "iss": provider.issuer,
        "aud": provider.audience,
        "sub": "crafted",
        "name": "Crafted Person",
        "roles": ["Admin"],
        "iat": now,
        "exp": now + 300,
    }
    claims.update(changes)
    return {name: value for name, value in claims.items() if value is not None}


def _signed(provider: Provider, claims: dict[str, Any], **header: Any) -> str:
    return jwt.encode(
        claims, provider.test_key, algorithm="RS256", headers={"kid": TEST_KID, **header}
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _hs256(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    """A token signed with HMAC-SHA256 by `secret`, made by hand: PyJWT rightly refuses to
    use a public key as an HMAC secret."""
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


async def _refused(app: FastAPI, token: str, detail: str | None = None) -> None:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        response = await http.get(ME, headers=bearer(token))
    problem = assert_problem(response, 401)
    assert response.headers["www-authenticate"] == INVALID_TOKEN
    if detail is not None:
        assert detail in problem["detail"], problem


async def _status(app: FastAPI, token: str) -> int:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        return (await http.get(ME, headers=bearer(token))).status_code


async def test_a_well_made_token_of_the_test_key_is_accepted(
    app: FastAPI, provider: Provider
) -> None:
    assert await _status(app, _signed(provider, _claims(provider))) == 200


async def test_alg_none_is_refused(app: FastAPI, provider: Provider) -> None:
    unsigned = jwt.encode(_claims(provider), "", algorithm="none", headers={"kid": TEST_KID})
    await _refused(app, unsigned, "algorithm")
    await _refused(app, unsigned + "c2ln", "algorithm")  # with a signature tacked on


async def test_hs256_signed_with_the_public_key_is_refused(
    app: FastAPI, provider: Provider
) -> None:
    public = provider.test_key.public_key()
    for encoding in (serialization.Encoding.PEM, serialization.Encoding.DER):
        secret = public.public_bytes(encoding, serialization.PublicFormat.SubjectPublicKeyInfo)
        forged = _hs256({"alg": "HS256", "typ": "JWT", "kid": TEST_KID}, _claims(provider), secret)
        await _refused(app, forged, "algorithm")


@pytest.mark.parametrize(
    ("changes", "detail"),
    [
        ({"iss": "https://login.example.com/other"}, "another issuer"),
        ({"aud": "api://another-service"}, "another audience"),
        ({"aud": None}, None),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, "expired"),
        ({"exp": None}, None),
        ({"nbf": int(time.time()) + 3600}, "not valid yet"),
        ({"iat": int(time.time()) + 3600}, "not valid yet"),
        ({"sub": None}, "'sub'"),
        ({"sub": 42}, None),
        ({"sub": "s" * 201}, "too long"),
    ],
    ids=[
        "issuer",
        "audience",
        "no-audience",
        "expired",
        "no-expiry",
        "nbf",
        "iat",
        "no-subject",
        "number-subject",
        "long-subject",
    ],
)
async def test_wrong_or_missing_claims_are_refused(
    app: FastAPI, provider: Provider, changes: dict[str, Any], detail: str | None
) -> None:
    await _refused(app, _signed(provider, _claims(provider, **changes)), detail)


async def test_a_token_from_another_tenant_is_refused(
    settings: Settings, provider: Provider
) -> None:
    app = create_app(signed_in_settings(settings, provider, oidc_tenant="council-tenant"))
    async with app.router.lifespan_context(app):
        await _refused(app, _signed(provider, _claims(provider, tid="other-tenant")), "tenant")
        await _refused(app, _signed(provider, _claims(provider)), "tenant")
        assert await _status(app, _signed(provider, _claims(provider, tid="council-tenant"))) == 200


async def test_a_real_token_for_another_audience_is_refused(
    app: FastAPI, provider: Provider
) -> None:
    await _refused(app, provider.system_token(resource="api://another-service"), "audience")


async def test_a_signature_by_a_key_the_issuer_does_not_hold_is_refused(
    app: FastAPI, provider: Provider
) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims = _claims(provider)
    await _refused(app, jwt.encode(claims, stranger, algorithm="RS256", headers={"kid": TEST_KID}))
    real = provider.sign_in("viewer")
    head, body, _ = real.split(".")
    tampered = json.loads(base64.urlsafe_b64decode(body + "==")) | {"roles": ["Admin"]}
    await _refused(app, f"{head}.{_b64(json.dumps(tampered).encode())}.{real.split('.')[2]}")


async def test_a_huge_header_is_refused_before_it_is_read(app: FastAPI, provider: Provider) -> None:
    await _refused(app, _signed(provider, _claims(provider), x="a" * 20_000), "too long")


@pytest.mark.parametrize(
    "kid",
    ["../../../../etc/passwd", "..%2F..%2Fjwks", "/jwks?kid=x", "a\\b", "k" * 1000, ""],
    ids=["dots", "encoded", "query", "backslash", "long", "empty"],
)
async def test_a_kid_with_path_characters_or_none_we_know_is_refused(
    app: FastAPI, provider: Provider, kid: str
) -> None:
    await _refused(app, _signed(provider, _claims(provider), kid=kid))


@pytest.mark.parametrize(
    "header",
    [{"alg": ["RS256"]}, {"alg": {"RS256": 1}}, {"alg": None}, {"kid": ["a"]}, {"kid": 7}],
    ids=["alg-list", "alg-object", "alg-null", "kid-list", "kid-number"],
)
async def test_header_values_of_the_wrong_type_are_refused(
    app: FastAPI, provider: Provider, header: dict[str, Any]
) -> None:
    good = _signed(provider, _claims(provider))
    fields = {"alg": "RS256", "typ": "JWT", "kid": TEST_KID, **header}
    _, body, signature = good.split(".")
    await _refused(app, f"{_b64(json.dumps(fields).encode())}.{body}.{signature}")


async def test_a_token_without_a_kid_is_refused(app: FastAPI, provider: Provider) -> None:
    token = jwt.encode(_claims(provider), provider.test_key, algorithm="RS256")
    await _refused(app, token, "no signing key")


async def test_a_token_is_not_an_api_key_where_sign_in_is_off(
    settings: Settings, provider: Provider
) -> None:
    """With no issuer configured, a valid token from the provider is a key that is not valid."""
    plain = settings.model_copy(update={"oidc_issuer": None, "oidc_audience": None})
    app = create_app(plain)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http,
    ):
        response = await http.get(ME, headers=bearer(provider.sign_in("admin")))
    assert assert_problem(response, 401)["detail"] == "The API key is not valid."


async def test_an_api_key_is_not_a_token(
    app: FastAPI, provider: Provider, clients: Clients
) -> None:
    """An API key in a token's shape, or as a token's HMAC secret, admits nobody."""
    admin = await clients.as_role(Role.admin)
    key = admin.headers["Authorization"].removeprefix("Bearer ")
    await _refused(app, f"{key}.{key}.{key}")
    header = {"alg": "HS256", "typ": "JWT", "kid": TEST_KID}
    await _refused(app, _hs256(header, _claims(provider), key.encode()), "algorithm")
    assert (await admin.get(ME)).status_code == 200  # the key itself still works


async def test_a_token_replayed_after_it_expired_is_refused(
    settings: Settings, provider: Provider
) -> None:
    app = create_app(signed_in_settings(settings, provider, oidc_leeway_seconds=0))
    expires = int(time.time()) + 2
    token = _signed(provider, _claims(provider, exp=expires))
    async with app.router.lifespan_context(app):
        assert await _status(app, token) == 200
        await asyncio.sleep(expires + 1 - time.time())  # until the token has expired
        await _refused(app, token, "expired")


async def test_an_unreachable_or_broken_provider_is_a_503_not_a_500(
    settings: Settings, provider: Provider
) -> None:
    token = provider.sign_in("viewer")
    # A port nothing listens on, and a server that answers every path with a web page.
    for issuer in ("http://127.0.0.1:9", provider.spa):
        app = create_app(signed_in_settings(settings, provider, oidc_issuer=issuer))
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://test"
            ) as http,
        ):
            response = await http.get(ME, headers=bearer(token))
        assert assert_problem(response, 503)["detail"].startswith("The sign-in provider")
        assert response.headers["retry-after"] == "5"
