"""A plan exported as the Excel template or YAML imports back as the same plan, and the
import format's JSON Schema is published."""

from __future__ import annotations

import io
import json
from pathlib import Path

import httpx
import jsonschema
import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncSession

from app.plan_imports.service import import_format_schema
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.plan_imports.support import differences, plan_content

SCHEMA_FILE = Path(__file__).parents[2] / "openapi" / "plan-import.schema.json"


@pytest.mark.parametrize(
    ("format", "media_type"),
    [
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("yaml", "application/yaml"),
    ],
)
async def test_an_exported_plan_imports_as_the_same_plan(
    editor: httpx.AsyncClient,
    viewer: httpx.AsyncClient,
    session: AsyncSession,
    format: str,
    media_type: str,
) -> None:
    stockton = await load_seed(session, read_seed_file(default_seed_path()))
    # A due date moved after loading travels with the plan.
    actions = (await viewer.get("/api/v1/actions", params={"plan_id": stockton.plan_id})).json()
    first = actions["items"][0]
    moved = await editor.patch(
        f"/api/v1/actions/{first['id']}",
        json={"due_date": "2023-12-31", "due_date_reason": "Agreed at the board"},
        headers={"If-Match": (await viewer.get(f"/api/v1/actions/{first['id']}")).headers["ETag"]},
    )
    assert moved.status_code == 200, moved.text
    response = await viewer.get(
        f"/api/v1/plans/{stockton.plan_id}/export", params={"format": format}
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    if format == "xlsx":
        workbook = load_workbook(io.BytesIO(response.content))
        assert workbook.sheetnames == [
            "Plan",
            "Actions",
            "Officers",
            "Strategies",
            "Inspection actions",
            "Reading notes",
        ]
        assert workbook["Actions"].max_row > 57
    else:
        assert yaml.safe_load(response.text)["plan"]["key"] == "stockton-2023"
    imported = await editor.post(
        "/api/v1/plan-imports",
        files={"file": (f"stockton.{format}", response.content, media_type)},
        data={"key": "stockton-2023-copy"},
    )
    assert imported.status_code == 201, imported.text
    assert imported.json()["warnings"] == []
    # The copy is a new plan: the moved date is its first, so its history starts afresh.
    history = {"original_due_date", "due_date_revision_count", "slippage_days"}
    copy = await plan_content(viewer, imported.json()["plan_id"], leave_out=history)
    found = differences(copy, await plan_content(viewer, stockton.plan_id, leave_out=history))
    assert found == [], "\n".join(found)
    moved_copy = copy["areas"][0]["outcomes"][0]["objectives"][0]["actions"][0]
    assert (moved_copy["due_date"], moved_copy["timescale"]) == ("2023-12-31", "31/12/2023")


async def test_exporting_an_unknown_plan_is_404(viewer: httpx.AsyncClient) -> None:
    response = await viewer.get("/api/v1/plans/plan_nothing/export")
    assert response.status_code == 404


def test_the_committed_schema_is_the_one_the_code_defines() -> None:
    assert json.loads(SCHEMA_FILE.read_text()) == import_format_schema()


def test_the_seed_plan_keeps_the_published_schema() -> None:
    document = yaml.safe_load(default_seed_path().read_text())
    jsonschema.validate(document, import_format_schema())
    document["areas"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, import_format_schema())


async def test_the_schema_is_served(viewer: httpx.AsyncClient) -> None:
    response = await viewer.get("/api/v1/plan-imports/schema")
    assert response.status_code == 200
    assert response.json() == import_format_schema()
