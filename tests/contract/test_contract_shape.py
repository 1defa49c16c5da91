"""The contract says what the service does, in the forms generators read: a PATCH field
declared nullable takes null, one that refuses null is not declared nullable, nullable values
are type lists, sort and expand are enums, and the examples come from the Stockton plan."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.seeding.loader import default_seed_path, load_seed, read_seed_file

CONTRACT = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text()
)
SCHEMAS: dict[str, Any] = CONTRACT["components"]["schemas"]


def nullable(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    if isinstance(kind, list):
        return "null" in kind
    return any(option.get("type") == "null" for option in schema.get("anyOf", ()))


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return [value] if isinstance(value, str) else []


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, methods in CONTRACT["paths"].items()
        for method, operation in methods.items()
    ]


def test_nullable_values_are_type_lists_not_anyof_branches() -> None:
    text = json.dumps(CONTRACT)
    branches = re.findall(r'"anyOf": \[\{"type": "(string|integer|number|boolean)"', text)
    assert branches == []


def test_parameters_are_never_nullable_and_sort_and_expand_are_enums() -> None:
    sorts = 0
    for _, path, operation in operations():
        for parameter in operation.get("parameters", []):
            assert not nullable(parameter["schema"]), (path, parameter["name"])
            if parameter["name"] in {"sort", "expand"}:
                assert parameter["schema"]["type"] == "array"
                assert parameter["schema"]["items"]["enum"], (path, parameter["name"])
                sorts += parameter["name"] == "sort"
            if parameter["in"] == "header" and parameter["name"].lower() == "idempotency-key":
                assert parameter["name"] == "Idempotency-Key"
    assert sorts >= 14


def test_responses_declare_the_headers_the_service_sends() -> None:
    for method, path, operation in operations():
        for status, response in operation["responses"].items():
            headers = response.get("headers", {})
            assert "X-Request-ID" in headers, (method, path, status)
            if status == "201":
                assert {"Location", "ETag"} <= headers.keys(), (method, path)
            if status == "304":
                assert "ETag" in headers, (method, path)
            schema = response.get("content", {}).get("application/json", {}).get("schema", {})
            if status == "200" and schema.get("$ref", "").endswith("Page"):
                assert "Link" in headers, (method, path)


def test_the_quarterly_report_has_one_operation_per_media_type() -> None:
    csv = CONTRACT["paths"]["/api/v1/reports/quarterly.csv"]["get"]["responses"]["200"]
    xlsx = CONTRACT["paths"]["/api/v1/reports/quarterly.xlsx"]["get"]["responses"]["200"]
    assert list(csv["content"]) == ["text/csv"]
    assert list(xlsx["content"]) == [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ]


def test_examples_are_the_stockton_plan_and_pages_end() -> None:
    pages = 0
    for _, _, operation in operations():
        for response in operation["responses"].values():
            example = response.get("content", {}).get("application/json", {}).get("example")
            # A page of a list (the change feed's cursor is never null: it is followed).
            if isinstance(example, dict) and "total" in example:
                pages += 1
                assert example["next_cursor"] is None
                assert example["total"] == len(example["items"])
    assert pages >= 14
    placeholders = [
        value
        for _, _, operation in operations()
        for response in operation["responses"].values()
        for content in response.get("content", {}).values()
        for value in strings(content.get("example"))
        if value in {"text", "string", "x"}
    ]
    assert placeholders == []
    tree = CONTRACT["paths"]["/api/v1/plans/{plan_id}/tree"]["get"]["responses"]["200"]
    area = tree["content"]["application/json"]["example"]["areas"][0]
    assert (area["ref"], area["title"]) == ("1", "Our People")
    assert area["outcomes"][0]["ref"] == "1.1"
    assert any(action["ref"] == "A1.1" for action in area["actions"])


def patch_operations() -> list[tuple[str, str]]:
    found = []
    for method, path, operation in operations():
        if method == "patch":
            ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            found.append((path, ref.rsplit("/", 1)[-1]))
    return found


async def _ids(http: httpx.AsyncClient, plan_id: str) -> dict[str, str]:
    async def first(url: str, **params: str) -> str:
        response = await http.get(url, params=params)
        assert response.status_code == 200, response.text
        return str(response.json()["items"][0]["id"])

    ids = {"plan_id": plan_id}
    ids["area_id"] = await first(f"/api/v1/plans/{plan_id}/areas")
    ids["outcome_id"] = await first(f"/api/v1/areas/{ids['area_id']}/outcomes")
    ids["objective_id"] = await first(f"/api/v1/outcomes/{ids['outcome_id']}/objectives")
    ids["action_id"] = await first("/api/v1/actions", plan_id=plan_id)
    ids["criterion_id"] = await first("/api/v1/success-criteria", plan_id=plan_id)
    ids["officer_id"] = await first("/api/v1/officers")
    ids["strategy_id"] = await first("/api/v1/strategies")
    ids["link_id"] = await first("/api/v1/strategy-links")
    ids["inspection_action_id"] = await first("/api/v1/inspection-actions")
    created = await http.post(
        "/api/v1/meetings", json={"plan_id": plan_id, "board": "GABB", "date": "2027-01-12"}
    )
    assert created.status_code == 201, created.text
    ids["meeting_id"] = created.json()["id"]
    hook = await http.post(
        "/api/v1/webhooks",
        json={"url": "https://receiver.example/hooks", "event_types": ["action.updated"]},
    )
    assert hook.status_code == 201, hook.text
    ids["webhook_id"] = hook.json()["id"]
    return ids


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_every_patch_field_declared_nullable_takes_null_and_no_other_does(
    session: AsyncSession, admin: httpx.AsyncClient
) -> None:
    plan_id = (await load_seed(session, read_seed_file(default_seed_path()))).plan_id
    ids = await _ids(admin, plan_id)
    checked = 0
    wrong = []
    for path, model in patch_operations():
        url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
        for field, schema in SCHEMAS[model]["properties"].items():
            body: dict[str, Any] = {field: None}
            if field in {"due_date", "timescale"}:
                body["due_date_reason"] = "Recruitment campaign delayed by the DfE review"
            etag = (await admin.get(url)).headers["ETag"]
            response = await admin.patch(url, json=body, headers={"If-Match": etag})
            checked += 1
            if nullable(schema) != (response.status_code == 200):
                wrong.append((model, field, nullable(schema), response.status_code))
    assert wrong == []
    assert checked >= 40
