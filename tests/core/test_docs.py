"""/docs and /redoc are served wholly by the service: no CDN, no other host.

Councils run the service inside their own networks, so the pages' JavaScript, CSS and favicon
come from the installed `fastapi-offline` package. The fast tests read the HTML in-process;
the browser test opens the real server's /docs and /redoc in headless Chromium and watches
every request the pages make.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI
from playwright.sync_api import Page, Request, Response, sync_playwright

from app.core.config import Settings
from app.main import create_app
from tests.test_cli import free_port, running_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A copy outside pytest's tmp_path, to look at after a run: /tmp/docs-screenshot.png.
SCREENSHOT_COPY = Path(tempfile.gettempdir()) / "docs-screenshot.png"
ATTRIBUTE = re.compile(r"""\b(?:src|href|spec-url)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
CONTENT_TYPES = {
    ".js": ("text/javascript", "application/javascript"),
    ".css": ("text/css",),
    ".png": ("image/png",),
}


def _local_references(html: str) -> list[str]:
    """Every src/href in the page, each checked to be a path on this host."""
    assert "http://" not in html
    assert "https://" not in html
    references = ATTRIBUTE.findall(html)
    assert references, html
    for reference in references:
        assert reference.startswith("/"), reference
        assert not reference.startswith("//"), reference
        assert not urlsplit(reference).netloc, reference
    return references


@pytest.mark.parametrize(
    ("page", "wanted"),
    [
        ("/docs", {".js", ".css", ".png"}),
        ("/redoc", {".js", ".png"}),
    ],
)
async def test_docs_pages_reference_only_local_assets(
    client: httpx.AsyncClient, page: str, wanted: set[str]
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == "img-src 'self' data:"
    references = _local_references(response.text)
    assets = [ref for ref in references if ref.startswith("/docs/static/")]
    assert {Path(ref).suffix for ref in assets} == wanted, references
    for asset in assets:
        served = await client.get(asset)
        assert served.status_code == 200, asset
        assert served.headers["content-type"].startswith(CONTENT_TYPES[Path(asset).suffix]), (
            asset,
            served.headers["content-type"],
        )
        assert len(served.content) > 1000, asset
    spec = await client.get("/openapi.json")
    assert spec.status_code == 200
    assert "/openapi.json" in response.text


async def test_static_assets_are_not_in_the_schema(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    assert not [path for path in paths if path.startswith(("/docs", "/redoc"))]


async def test_docs_switched_off_serves_none_of_them(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"docs_enabled": False}))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            for path in (
                "/docs",
                "/redoc",
                "/openapi.json",
                "/docs/oauth2-redirect",
                "/docs/static/swagger-ui-bundle.js",
                "/docs/static/redoc.standalone.js",
            ):
                assert (await http.get(path)).status_code == 404, path


BLOCKED_BY_POLICY = {"csp", "net::ERR_BLOCKED_BY_CSP"}  # Chromium's words for it
# ReDoc 2 hard-codes this image; the pages' Content-Security-Policy stops it in the browser.
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


class NetworkLog:
    """Every request a browser context makes, and the ones that failed.

    A request the page's Content-Security-Policy refuses is reported by the browser as a
    failed request, but it never leaves the browser: those are kept apart in `blocked`.
    """

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.failed: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []

    def request(self, request: Request) -> None:
        self.urls.append(request.url)

    def request_failed(self, request: Request) -> None:
        if request.failure in BLOCKED_BY_POLICY:
            self.blocked.append(request.url)
        else:
            self.failed.append(f"{request.url}: {request.failure}")

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.failed.append(f"{response.url}: HTTP {response.status}")

    def foreign(self) -> list[str]:
        """Requests that went over the network to a host other than 127.0.0.1."""
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in {"data", "blob"}
            and urlsplit(url).hostname != "127.0.0.1"
            and url not in self.blocked
        ]


def _open(page: Page, url: str, selector: str, at_least: int) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length >= n",
        arg=[selector, at_least],
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason=f"{CHROMIUM} is not installed (.ci/run installs it; CI fails without it)",
)
def test_docs_render_in_chromium_from_this_host_only(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_server(tmp_path, port) as (process, lines):
        assert process.poll() is None, "".join(lines)
        network = NetworkLog()
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(tmp_path / "chromium-profile"),
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 1400},
            )
            try:
                context.on("request", network.request)
                context.on("requestfailed", network.request_failed)
                context.on("response", network.response)
                page = context.pages[0] if context.pages else context.new_page()
                page.on("pageerror", lambda error: network.errors.append(str(error)))

                _open(page, f"{base}/docs", ".opblock", 50)
                assert page.locator('.opblock[id$="-list_plans"]').count() == 1
                assert "Improvement Plan API" in page.locator(".info .title").inner_text()
                operations = page.locator(".opblock").count()
                page.screenshot(path=tmp_path / "docs.png")
                # With no sign-in provider configured, signing in is with a key alone.
                page.click("button.authorize")
                offered = page.locator(".auth-container h4").all_inner_texts()
                page.click("button.close-modal")

                _open(page, f"{base}/redoc", '[data-section-id^="operation/"]', 50)
                assert page.get_by_text("Improvement Plan API").first.is_visible()
                page.screenshot(path=tmp_path / "redoc.png")
            finally:
                context.close()
    shutil.copyfile(tmp_path / "docs.png", SCREENSHOT_COPY)
    shutil.copyfile(tmp_path / "redoc.png", SCREENSHOT_COPY.with_name("redoc-screenshot.png"))
    assert operations > 50
    assert f"{base}/docs/static/swagger-ui-bundle.js" in network.urls
    assert f"{base}/docs/static/redoc.standalone.js" in network.urls
    assert f"{base}/openapi.json" in network.urls
    assert [" ".join(scheme.split()) for scheme in offered] == ["ApiKey (http, Bearer)"]
    # Swagger UI reads the OpenID Connect scheme's discovery document, which is this host's
    # and says sign-in with tokens is not configured; nothing else fails.
    assert network.failed == [f"{base}/auth/openid-configuration: HTTP 404"]
    assert set(network.blocked) <= {REDOCLY_LOGO}, network.blocked
    assert network.foreign() == []
    assert network.errors == []
