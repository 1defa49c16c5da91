"""The contract declares both schemes, and /docs signs in with the authorization code and
PKCE."""

from __future__ import annotations

import json
import re

import httpx
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from tests.oidc.conftest import Provider, signed_in_settings


async def test_the_contract_declares_the_key_and_the_issuer_on_every_secured_operation(
    client: httpx.AsyncClient, provider: Provider
) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKey"]["scheme"] == "bearer"
    assert schemes["OpenIdConnect"] == schemes["OpenIdConnect"] | {
        "type": "openIdConnect",
        "openIdConnectUrl": f"{provider.issuer}/.well-known/openid-configuration",
    }
    secured = [
        operation
        for path in document["paths"].values()
        for operation in path.values()
        if operation.get("security")
    ]
    assert len(secured) > 50
    for operation in secured:
        assert operation["security"] == [{"ApiKey": []}, {"OpenIdConnect": []}], operation
    # The discovery URL the contract names is the provider's, and it answers.
    async with httpx.AsyncClient() as outside:
        discovery = (await outside.get(schemes["OpenIdConnect"]["openIdConnectUrl"])).json()
    assert discovery["issuer"] == provider.issuer
    assert "S256" in discovery["code_challenge_methods_supported"]


async def test_docs_sign_in_with_the_authorization_code_and_pkce(
    settings: Settings, provider: Provider
) -> None:
    app: FastAPI = create_app(
        signed_in_settings(
            settings, provider, oidc_docs_client_id="docs", oidc_docs_scopes=["openid", "api"]
        )
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        page = (await http.get("/docs")).text
    found = re.search(r"ui\.initOAuth\((\{.*?\})\)", page, re.S)
    assert found is not None, page
    assert json.loads(found.group(1)) == {
        "clientId": "docs",
        "scopes": "openid api",
        "usePkceWithAuthorizationCodeGrant": True,
    }


async def test_docs_offer_no_sign_in_without_a_client(client: httpx.AsyncClient) -> None:
    assert "initOAuth" not in (await client.get("/docs")).text
