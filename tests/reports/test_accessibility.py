"""The board pack passes axe-core's WCAG 2.2 A and AA rules in headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import async_playwright

from tests.core.test_docs import CHROMIUM, CHROMIUM_ARGS
from tests.reports.conftest import Board

AXE = Path(__file__).resolve().parents[1] / "accessibility" / "node_modules" / "axe-core"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

needs_browser = pytest.mark.skipif(
    not (CHROMIUM.exists() and AXE.exists()) and not os.environ.get("CI"),
    reason=f"{CHROMIUM} or axe-core is not installed (.ci/run and `make test` install them; "
    "CI fails without them)",
)


async def axe_violations(html: str) -> list[dict[str, Any]]:
    """axe-core's violations of the WCAG A and AA rules on the page, in Chromium."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            # The pack must need nothing from anywhere: every request is refused.
            requested: list[str] = []

            async def refuse(route: Any) -> None:
                requested.append(route.request.url)
                await route.abort()

            await page.route("**/*", refuse)
            await page.set_content(html, wait_until="load")
            await page.add_script_tag(path=str(AXE / "axe.min.js"))
            result = await page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
            )
            assert requested == []
        finally:
            await browser.close()
    assert result["passes"], "axe ran no rule"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@needs_browser
async def test_the_quarterly_pack_has_no_wcag_violations(
    viewer: httpx.AsyncClient, board: Board, backend: str
) -> None:
    if backend != "sqlite":
        pytest.skip("the page is the same on both databases: one browser run is enough")
    response = await viewer.get(
        "/api/v1/reports/quarterly",
        params={"plan_id": board.plan_id, "quarter": "2023-24-Q2", "format": "html"},
    )
    assert response.status_code == 200, response.text
    violations = await axe_violations(response.text)
    assert violations == [], [
        (v["id"], v["help"], [node["target"] for node in v["nodes"]][:3]) for v in violations
    ]
