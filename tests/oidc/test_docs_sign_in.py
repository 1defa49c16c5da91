"""The contract declares both schemes whatever the settings, the service serves the
provider's discovery document the OpenID Connect scheme names, and /docs signs in with the
authorization code and PKCE."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import httpx
from fastapi import FastAPI

from app.core.config import Settings
from app.main import create_app
from tests.oidc.conftest import Provider, signed_in_settings
from tests.support import assert_problem

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
DISCOVERY = "/auth/openid-configuration"


async def test_the_contract_declares_the_key_and_a_token_on_every_secured_operation(
    client: httpx.AsyncClient, provider: Provider
) -> None:
    document = (await client.get("/openapi.json")).json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKey"]["scheme"] == "bearer"
    assert schemes["OpenIdConnect"] == schemes["OpenIdConnect"] | {
        "type": "openIdConnect",
        "openIdConnectUrl": DISCOVERY,
    }
    # The same as the committed contract's, made with no issuer configured.
    assert schemes == json.loads(COMMITTED.read_text())["components"]["securitySchemes"]
    secured = [
        operation
        for path in document["paths"].values()
        for operation in path.values()
        if operation.get("security")
    ]
    assert len(secured) > 50
    for operation in secured:
        assert operation["security"] == [{"ApiKey": []}, {"OpenIdConnect": []}], operation
    # The discovery URL is relative to the contract's own; there, with no key, the service
    # answers the provider's own discovery document.
    url = urljoin(str(client.base_url.join("/openapi.json")), DISCOVERY)
    response = await client.get(url)
    assert response.status_code == 200, response.text
    assert response.json() == provider.discovery
    assert "S256" in response.json()["code_challenge_methods_supported"]


async def test_without_an_issuer_the_discovery_address_says_sign_in_is_not_configured(
    settings: Settings,
) -> None:
    app = create_app(settings.model_copy(update={"oidc_issuer": None, "oidc_audience": None}))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as http:
        response = await http.get(DISCOVERY)
        document = (await http.get("/openapi.json")).json()
    assert "not configured" in assert_problem(response, 404)["detail"]
    assert set(document["components"]["securitySchemes"]) == {"ApiKey", "OpenIdConnect"}


class CountingIssuer(ThreadingHTTPServer):
    """An issuer whose discovery document cannot be read (500), counting each attempt."""

    def __init__(self) -> None:
        self.reads = 0
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                issuer.reads += 1
                self.send_error(500)

            def log_message(self, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


async def test_an_unreadable_provider_is_a_503_and_asked_at_most_once_per_refresh(
    settings: Settings, provider: Provider
) -> None:
    issuer = CountingIssuer()
    thread = threading.Thread(target=issuer.serve_forever, daemon=True)
    thread.start()
    try:
        app = create_app(
            signed_in_settings(
                settings,
                provider,
                oidc_issuer=f"http://127.0.0.1:{issuer.server_address[1]}",
                oidc_jwks_refresh_seconds=600,
            )
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://test"
        ) as http:
            answers = [await http.get(DISCOVERY) for _ in range(3)]
    finally:
        issuer.shutdown()
        issuer.server_close()
    for response in answers:
        assert "cannot be reached" in assert_problem(response, 503)["detail"]
        assert response.headers["retry-after"] == "5"
    assert issuer.reads == 1


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
