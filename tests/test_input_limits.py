"""Input limits: every request string, list and number has a documented bound, and it holds.

The bounds come from the pydantic schemas that validate requests, so the contract and the
validation cannot disagree; this walks the committed contract to show that none is missing,
then sends one value over a bound to a few operations to show the 422 names the field.

Exceptions, each with its reason:

- strings with an `enum`, a `const` or a `format` of `date` or `date-time` have a fixed shape;
- headers (`If-Match`, `If-None-Match`, `Idempotency-Key`) are bounded by the server's
  header size limit, and path parameters by its URL limit, not by the contract;
- booleans need no bound.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.http.listing import MAX_LIMIT
from app.core.http.schemas import MAX_FILTER_VALUES
from tests.factories import make_area, make_plan
from tests.support import assert_problem, error_fields

CONTRACT = json.loads((Path(__file__).parents[1] / "openapi" / "openapi.json").read_text())
SCHEMAS = CONTRACT["components"]["schemas"]
FIXED_FORMATS = {"date", "date-time"}


def _nodes(
    schema: dict[str, Any],
    where: str,
    skip: frozenset[str] = frozenset(),
    seen: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema under `schema`, with where it is: references followed once each (not
    into the schemas named in `skip`), then `anyOf`/`oneOf`/`allOf`, items and members."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen and name not in skip:
            yield from _nodes(SCHEMAS[name], f"{where}({name})", skip, seen | {name})
        return
    yield where, schema
    for keyword in ("anyOf", "oneOf", "allOf"):
        for member in schema.get(keyword, []):
            yield from _nodes(member, where, skip, seen)
    if isinstance(schema.get("items"), dict):
        yield from _nodes(schema["items"], f"{where}[]", skip, seen)
    for name, member in schema.get("properties", {}).items():
        yield from _nodes(member, f"{where}.{name}", skip, seen)
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        yield from _nodes(extra, f"{where}.*", skip, seen)


def _unbounded(schema: dict[str, Any], where: str) -> Iterator[str]:
    """Every place under `schema` that takes a string, list or integer of any size."""
    for place, node in _nodes(schema, where):
        kind = node.get("type")
        fixed = "enum" in node or "const" in node or node.get("format") in FIXED_FORMATS
        if kind == "string" and not fixed and "maxLength" not in node:
            yield f"{place}: a string without maxLength"
        if kind == "array" and "maxItems" not in node:
            yield f"{place}: a list without maxItems"
        if kind == "integer" and ("minimum" not in node or "maximum" not in node):
            yield f"{place}: an integer without minimum and maximum"


def _request_inputs() -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in CONTRACT["paths"].items():
        for method, operation in item.items():
            label = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    yield f"{label} query.{parameter['name']}", parameter["schema"]
            body = operation.get("requestBody", {}).get("content", {})
            for media_type, content in body.items():
                yield f"{label} body ({media_type})", content["schema"]


def test_the_contract_has_request_inputs_to_check() -> None:
    labels = [label for label, _ in _request_inputs()]
    assert any("body" in label for label in labels)
    assert any("query.limit" in label for label in labels)


def test_every_request_string_list_and_integer_is_bounded_in_the_contract() -> None:
    unbounded = [
        problem for label, schema in _request_inputs() for problem in _unbounded(schema, label)
    ]
    assert unbounded == []


def test_the_walk_finds_what_is_unbounded() -> None:
    schema = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}},
            "count": {"type": "integer", "minimum": 0},
            "day": {"type": "string", "format": "date"},
            "rag": {"type": "string", "enum": ["red"]},
        },
    }
    assert list(_unbounded(schema, "x")) == [
        "x.name: a string without maxLength",
        "x.tags: a list without maxItems",
        "x.count: an integer without minimum and maximum",
    ]


# Schemas whose strings are kept as written (not stripped): whitespace alone is a value
# they take, as their contract says. A plan's rating definitions are its own words.
KEPT_AS_WRITTEN = frozenset({"RatingDefinitions"})


def _blank_allowed(schema: dict[str, Any], where: str) -> Iterator[str]:
    """Every request string under `schema` that must not be empty but whose contract lets
    whitespace alone through: the service strips whitespace before checking the length."""
    for place, node in _nodes(schema, where, skip=KEPT_AS_WRITTEN):
        shaped = {"pattern", "enum", "const", "format"} & node.keys()
        if node.get("type") == "string" and node.get("minLength", 0) >= 1 and not shaped:
            yield place


def test_no_request_string_that_must_not_be_empty_may_be_whitespace_in_the_contract() -> None:
    """A client that sends only whitespace where the contract allows it gets a 422 (the
    value is empty once stripped), so the contract says `pattern: \\S` for such strings."""
    bodies = [(label, schema) for label, schema in _request_inputs() if "body" in label]
    assert [where for label, schema in bodies for where in _blank_allowed(schema, label)] == []
    assert SCHEMAS["InspectionActionCreate"]["properties"]["text"]["pattern"] == r"\S"


async def test_whitespace_alone_is_refused_where_the_contract_says_not_blank(
    admin: httpx.AsyncClient,
) -> None:
    response = await admin.post(
        "/api/v1/plans", json={"title": "\u000b \t", "organisation": "Stockton-on-Tees"}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.title"}


def _max_length(schema_name: str, field: str) -> int:
    schema = SCHEMAS[schema_name]["properties"][field]
    for candidate in [schema, *schema.get("anyOf", [])]:
        if "maxLength" in candidate:
            return int(candidate["maxLength"])
    raise AssertionError(f"{schema_name}.{field} has no maxLength")


async def test_an_over_long_plan_title_is_refused_naming_the_field(
    admin: httpx.AsyncClient,
) -> None:
    title = "x" * (_max_length("PlanCreate", "title") + 1)
    response = await admin.post(
        "/api/v1/plans", json={"title": title, "organisation": "Stockton-on-Tees"}
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.title"}
    assert (await admin.get("/api/v1/plans")).json()["total"] == 0


async def test_a_title_at_the_limit_is_taken(admin: httpx.AsyncClient) -> None:
    title = "x" * _max_length("PlanCreate", "title")
    response = await admin.post(
        "/api/v1/plans", json={"title": title, "organisation": "Stockton-on-Tees"}
    )
    assert response.status_code == 201, response.text


async def test_an_over_long_status_update_narrative_is_refused_naming_the_field(
    admin: httpx.AsyncClient, session: AsyncSession
) -> None:
    area = await make_area(session, await make_plan(session))
    created = await admin.post(
        "/api/v1/actions", json={"area_id": area.id, "title": "Recruit social workers"}
    )
    assert created.status_code == 201, created.text
    narrative = "n" * (_max_length("StatusUpdateCreate", "narrative") + 1)
    response = await admin.post(
        f"/api/v1/actions/{created.json()['id']}/status-updates",
        json={"status": "in_progress", "narrative": narrative},
    )
    assert_problem(response, 422)
    assert error_fields(response) == {"body.narrative"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "q" * 201}, "query.q"),
        ({"sort": "title," * 100}, "query.sort"),
        ({"limit": str(MAX_LIMIT + 1)}, "query.limit"),
        ({"plan_id": ["plan_x"] * (MAX_FILTER_VALUES + 1)}, "query.plan_id"),
        ({"ref": "r" * 201}, "query.ref"),
    ],
)
async def test_over_long_query_parameters_are_refused_naming_them(
    viewer: httpx.AsyncClient, params: dict[str, Any], field: str
) -> None:
    response = await viewer.get("/api/v1/actions", params=params)
    assert_problem(response, 422)
    assert field in error_fields(response)
