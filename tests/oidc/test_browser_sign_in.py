"""The whole sign-in as a single-page app does it, in headless Chromium: authorization code
with PKCE against the real provider, from the small page it serves (tests/oidc/provider/
spa.html, on its own origin), then calls to the running service with the token.

The provider rotates its signing key midway; the service, already holding the old key,
takes the new one without a restart. Then /docs signs in the same way (Swagger UI).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.core.test_docs import CHROMIUM, CHROMIUM_ARGS
from tests.oidc.conftest import Provider
from tests.test_cli import COMMAND, environment, free_port

ALLOWED = "/api/v1/plans"  # a viewer may
ADMIN_ONLY = "/api/v1/api-keys"


@contextmanager
def service(tmp_path: Path, provider: Provider, **extra: str) -> Iterator[str]:
    """The service on a port of its own, taking the provider's tokens and calls from the
    page's origin."""
    port = free_port()
    env = environment(
        tmp_path,
        IPA_OIDC_ISSUER=provider.issuer,
        IPA_OIDC_AUDIENCE=provider.audience,
        IPA_CORS_ORIGINS=json.dumps([provider.spa]),
        IPA_CREATE_ADMIN_KEY_ON_START="false",
        # The rotation below comes moments after the first read of the keys.
        IPA_OIDC_JWKS_REFRESH_SECONDS="0",
        **extra,
    )
    process = subprocess.Popen(
        [*COMMAND, "serve", "--port", str(port), "--no-seed"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"{base}/health/live").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        assert process.poll() is None, "the service did not start"
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def sign_in_at_provider(page: Page, login: str) -> None:
    """Fill in the provider's own login and consent pages."""
    page.fill("input[name=login]", login, timeout=30_000)
    page.fill("input[name=password]", "any password")
    page.click("button[type=submit]")
    page.locator("button[type=submit]", has_text="Continue").click(timeout=30_000)


def sign_in(browser: Browser, provider: Provider, api: str, login: str) -> dict[str, Any]:
    """Sign in as `login` in a fresh browser context, through the provider's own pages; what
    the page got: its access token, and each call's status and body."""
    context = browser.new_context()
    try:
        page = context.new_page()
        query = urlencode(
            [
                ("issuer", provider.issuer),
                ("client_id", "spa"),
                ("resource", provider.audience),
                ("api", api),
                ("login", login),
                ("path", "/api/v1/me"),
                ("path", ALLOWED),
                ("path", ADMIN_ONLY),
            ]
        )
        page.goto(f"{provider.spa}/?{query}")
        sign_in_at_provider(page, login)
        page.wait_for_selector("#result[data-done=true]", state="attached", timeout=30_000)
        result: dict[str, Any] = json.loads(page.inner_text("#result"))
    finally:
        context.close()
    assert "error" not in result, result
    return result


def statuses(result: dict[str, Any]) -> dict[str, int]:
    return {call["path"]: call["status"] for call in result["calls"]}


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed (.ci/run installs it; CI fails without it)",
)
def test_a_browser_signs_in_with_pkce_and_calls_the_api(tmp_path: Path, provider: Provider) -> None:
    docs_client = {"IPA_OIDC_DOCS_CLIENT_ID": "docs", "IPA_OIDC_DOCS_SCOPES": '["openid", "api"]'}
    with service(tmp_path, provider, **docs_client) as api, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            viewer = sign_in(browser, provider, api, "viewer")
            assert statuses(viewer) == {"/api/v1/me": 200, ALLOWED: 200, ADMIN_ONLY: 403}
            me = viewer["calls"][0]["body"]
            assert (me["name"], me["role"], me["signed_in_with"]) == (
                "Viewer Person",
                "viewer",
                "openid_connect",
            )

            old_kid = jwt.get_unverified_header(viewer["access_token"])["kid"]
            new_kid = provider.rotate()
            admin = sign_in(browser, provider, api, "admin")
            assert jwt.get_unverified_header(admin["access_token"])["kid"] == new_kid != old_kid
            assert statuses(admin) == {"/api/v1/me": 200, ALLOWED: 200, ADMIN_ONLY: 200}

            docs_sign_in_and_try_me(browser, api)
        finally:
            browser.close()


def docs_sign_in_and_try_me(browser: Browser, api: str) -> None:
    """Sign in to /docs (Swagger UI: the authorization code with PKCE, in a pop-up) and try
    `GET /me` there."""
    page = browser.new_context().new_page()
    page.goto(f"{api}/docs")
    page.click("button.authorize", timeout=60_000)
    # The OpenID Connect scheme's authorization code flow, as Swagger UI reads it from the
    # provider's discovery document; the client id comes from the service's settings.
    flow = page.locator(".auth-container", has_text="authorization_code with PKCE")
    assert flow.locator("#client_id_authorization_code").input_value() == "docs"
    with page.context.expect_page() as opened:
        flow.locator("button.authorize").click(timeout=30_000)
    sign_in_at_provider(opened.value, "editor")
    flow.locator("button", has_text="Logout").wait_for(timeout=30_000)  # signed in
    page.click("button.close-modal")

    operation = page.locator('.opblock[id$="-get_me"]')
    operation.locator(".opblock-summary").click()
    operation.locator("button.try-out__btn").click()
    with page.expect_response(lambda r: r.url.endswith("/api/v1/me")) as answered:
        operation.locator("button.execute").click()
    response = answered.value
    assert response.status == 200, response.text()
    assert response.request.headers["authorization"].startswith("Bearer ey")
    assert (response.json()["signed_in_with"], response.json()["role"]) == (
        "openid_connect",
        "editor",
    )
