"""The seed loads once: loading it again changes nothing, and a council's own plan, entered
through the API before the seed was loaded, is left exactly as it was."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from app.seeding.loader import default_seed_path, load_seed, read_seed_file

STOCKTON = "Stockton-on-Tees Borough Council"


async def snapshot(client: httpx.AsyncClient, *urls: str) -> dict[str, Any]:
    """Each resource's body and ETag, to compare before and after."""
    taken: dict[str, Any] = {}
    for url in urls:
        response = await client.get(url)
        assert response.status_code == 200, response.text
        taken[url] = (response.json(), response.headers.get("ETag"))
    return taken


async def test_a_councils_own_plan_is_untouched_by_the_seed(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan = (
        await editor.post(
            "/api/v1/plans",
            json={
                "title": "Our own improvement plan",
                "organisation": STOCKTON,
                "rating_definitions": {"red": "Our red", "amber": "Ours", "green": "Ours"},
            },
        )
    ).json()
    officer = (
        await editor.post(
            "/api/v1/officers",
            json={
                "name": "Jane Smith",
                "email": "jane.smith@example.gov.uk",
                "organisation": STOCKTON,
            },
        )
    ).json()
    area = (
        await editor.post(
            f"/api/v1/plans/{plan['id']}/areas", json={"number": 1, "title": "Our People"}
        )
    ).json()
    action = (
        await editor.post(
            "/api/v1/actions",
            json={
                "area_id": area["id"],
                "title": "Recruit social workers",
                "timescale": "May 23",
                "lead_officer_ids": [officer["id"]],
            },
        )
    ).json()
    urls = [
        f"/api/v1/plans/{plan['id']}",
        f"/api/v1/officers/{officer['id']}",
        f"/api/v1/areas/{area['id']}",
        f"/api/v1/actions/{action['id']}",
        f"/api/v1/plans/{plan['id']}/tree",
    ]
    before = await snapshot(editor, *urls)

    seeded = await load_seed(session, read_seed_file(default_seed_path()))
    assert seeded.created and seeded.plan_id != plan["id"]
    again = await load_seed(session, read_seed_file(default_seed_path()))
    assert not again.created and again.plan_id == seeded.plan_id

    assert await snapshot(editor, *urls) == before
    own = (await editor.get("/api/v1/actions", params={"plan_id": plan["id"]})).json()
    assert [(a["title"], a["needs_review"], a["reading_notes"]) for a in own["items"]] == [
        ("Recruit social workers", False, [])
    ]
    assert (await editor.get(f"/api/v1/plans/{plan['id']}")).json()[
        "rating_definitions_source"
    ] == "plan"


async def test_loading_again_keeps_what_the_council_confirmed(
    editor: httpx.AsyncClient, session: AsyncSession
) -> None:
    plan_id = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
    flagged = (
        await editor.get(
            "/api/v1/actions", params={"plan_id": plan_id, "needs_review": "true", "limit": "500"}
        )
    ).json()
    first = flagged["items"][0]
    url = f"/api/v1/actions/{first['id']}"
    etag = (await editor.get(url)).headers["ETag"]
    confirmed = await editor.patch(url, json={"needs_review": False}, headers={"If-Match": etag})
    assert confirmed.status_code == 200, confirmed.text

    assert not (await load_seed(session, read_seed_file(default_seed_path()))).created

    after = (await editor.get(url)).json()
    assert after["needs_review"] is False
    assert (await editor.get(url)).headers["ETag"] == confirmed.headers["ETag"]
    still = (
        await editor.get(
            "/api/v1/actions", params={"plan_id": plan_id, "needs_review": "true", "limit": "500"}
        )
    ).json()
    assert still["total"] == flagged["total"] - 1
