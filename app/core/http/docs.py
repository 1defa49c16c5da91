"""Swagger UI at /docs and ReDoc at /redoc, served wholly by this service.

FastAPI's own pages load their JavaScript, CSS, favicon and fonts from public CDNs, which a
council running the service inside its own network may not reach. These pages use the copies
shipped in the `fastapi-offline` package instead, mounted under /docs/static/, so a browser
fetches nothing from any host but this one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from app.core.config import Settings

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
STATIC_URL = "/docs/static"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
# Swagger UI's default validator badge is an image from validator.swagger.io: switch it off.
SWAGGER_UI_PARAMETERS: dict[str, Any] = {"validatorUrl": None}
# ReDoc 2 hard-codes its "API docs by Redocly" logo as an image on cdn.redoc.ly. This policy
# makes the browser refuse images from other hosts without asking the network; ReDoc then
# drops the image and keeps the text link.
CONTENT_SECURITY_POLICY = "img-src 'self' data:"
OIDC_SCHEME = "OpenIdConnect"


def _page(response: HTMLResponse) -> HTMLResponse:
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def sign_in_options(settings: Settings) -> dict[str, Any] | None:
    """Swagger UI's `initOAuth`: sign in with the authorization code and PKCE, as the public
    client `IPA_OIDC_DOCS_CLIENT_ID`; None when it is not set."""
    if settings.oidc_issuer is None or settings.oidc_docs_client_id is None:
        return None
    return {
        "clientId": settings.oidc_docs_client_id,
        "scopes": " ".join(settings.oidc_docs_scopes),
        "usePkceWithAuthorizationCodeGrant": True,
    }


def declare_sign_in(document: dict[str, Any], discovery_url: str) -> None:
    """Declare OpenID Connect beside the API key: every operation that takes a key takes a
    token too. The scheme names the service's own copy of the issuer's discovery document
    (`discovery_url`, a path on this service), so that the contract is the same whatever the
    issuer, and /docs asks no other host for it."""
    schemes = document.setdefault("components", {}).setdefault("securitySchemes", {})
    schemes[OIDC_SCHEME] = {
        "type": "openIdConnect",
        "openIdConnectUrl": discovery_url,
        "description": "A bearer access token from the council's OpenID Connect provider "
        "(Entra ID or another), when the service is configured for one "
        "(docs/authentication.md): `Authorization: Bearer <token>`. The discovery document "
        "is the provider's, served by this service; without a provider it is a 404.",
    }
    for path in document.get("paths", {}).values():
        for operation in path.values():
            security = operation.get("security")
            if security and {OIDC_SCHEME: []} not in security:
                security.append({OIDC_SCHEME: []})


def install_docs(app: FastAPI) -> None:
    """Serve /docs, /redoc and their assets; /openapi.json is FastAPI's own `openapi_url`."""
    if app.openapi_url is None:
        raise ValueError("the docs pages need the app's openapi_url")
    openapi_url = app.openapi_url
    title = app.title
    swagger_ui_parameters = {**SWAGGER_UI_PARAMETERS, **(app.swagger_ui_parameters or {})}
    init_oauth = sign_in_options(app.state.settings)

    app.mount(STATIC_URL, StaticFiles(directory=ASSETS), name="docs-static")

    @app.get(DOCS_URL, include_in_schema=False)
    async def swagger_ui_html(request: Request) -> HTMLResponse:
        root = _root(request)
        return _page(
            get_swagger_ui_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{title} - Swagger UI",
                oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
                swagger_js_url=f"{root}{STATIC_URL}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{STATIC_URL}/swagger-ui.css",
                swagger_favicon_url=f"{root}{STATIC_URL}/favicon.png",
                swagger_ui_parameters=swagger_ui_parameters,
                init_oauth=init_oauth,
            )
        )

    @app.get(OAUTH2_REDIRECT_URL, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(REDOC_URL, include_in_schema=False)
    async def redoc_html(request: Request) -> HTMLResponse:
        root = _root(request)
        return _page(
            get_redoc_html(
                openapi_url=f"{root}{openapi_url}",
                title=f"{title} - ReDoc",
                redoc_js_url=f"{root}{STATIC_URL}/redoc.standalone.js",
                redoc_favicon_url=f"{root}{STATIC_URL}/favicon.png",
                with_google_fonts=False,
            )
        )
