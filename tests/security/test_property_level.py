"""API3, broken object property level authorisation: no field is written that should not be.

Driven by the committed contract (openapi/openapi.json), so a new operation is covered as
soon as it is documented. For every operation with a JSON request body:

- the body schema is closed (`additionalProperties: false`), nested objects too;
- a valid body plus one forbidden property is a 422 naming `body.<property>` and changes
  nothing. Forbidden are an unknown name and every property the operation's response has
  but its request has not: the server's own fields (`id`, `created_at`, `updated_at`,
  `archived_at`, derived ratings and dates, `created_by`...) and, on an update, the fields
  that cannot change (an action's `area_id`, a strategy's `plan_id`);
- the same valid body without the extra property is accepted, so it is the property and
  nothing else that was refused.

And responses show no one what they should not: an API key's secret only in the response
that creates it and its hash never; an officer's email address only in the officer's own
resource, whose reads are audited.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.http.openapi_examples import example_for
from app.models import ApiKey, AuditEvent, Role
from tests.conftest import Clients
from tests.support import assert_problem, error_fields

CONTRACT = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text()
)
SCHEMAS: dict[str, Any] = CONTRACT["components"]["schemas"]
UNKNOWN = "unexpected_field"


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """The object schema behind a `$ref` or a nullable `anyOf`, or the schema itself."""
    if "$ref" in schema:
        return resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]])
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    if len(options) == 1:
        return resolve(options[0])
    return schema


def body_operations() -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for path, item in CONTRACT["paths"].items():
        for method, operation in item.items():
            # JSON bodies; the multipart plan upload is tested in tests/plan_imports.
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                found.append((method.upper(), path, operation))
    return found


OPERATIONS = body_operations()


def request_schema(operation: dict[str, Any]) -> dict[str, Any]:
    return resolve(operation["requestBody"]["content"]["application/json"]["schema"])


def response_schema(operation: dict[str, Any]) -> dict[str, Any]:
    for status, response in operation["responses"].items():
        if status.startswith("2") and "application/json" in response.get("content", {}):
            return resolve(response["content"]["application/json"]["schema"])
    raise AssertionError(f"{operation['operationId']} documents no JSON success response")


def forbidden_properties(operation: dict[str, Any]) -> list[str]:
    """An unknown name and every property the response has that the request does not."""
    writable = set(request_schema(operation).get("properties", {}))
    readable = set(response_schema(operation).get("properties", {}))
    return [UNKNOWN, *sorted(readable - writable)]


def nested_objects(schema: dict[str, Any]) -> dict[str, tuple[dict[str, Any], bool]]:
    """The body's properties that hold an object (or a list of them): schema, is-a-list."""
    found = {}
    for name, prop in schema.get("properties", {}).items():
        inner = resolve(prop)
        if inner.get("type") == "array" and "properties" in resolve(inner.get("items", {})):
            found[name] = (resolve(inner["items"]), True)
        elif "properties" in inner:
            found[name] = (inner, False)
    return found


def test_every_request_body_schema_is_closed_all_the_way_down() -> None:
    open_schemas = []
    for method, path, operation in OPERATIONS:
        schema = request_schema(operation)
        if schema.get("additionalProperties") is not False:
            open_schemas.append(f"{method} {path}")
        for name, (inner, _) in nested_objects(schema).items():
            if inner.get("additionalProperties") is not False:
                open_schemas.append(f"{method} {path} body.{name}")
    assert open_schemas == []
    assert len(OPERATIONS) >= 25  # the walk found the operations, not an empty contract


async def build_world(admin: httpx.AsyncClient) -> dict[str, str]:
    """One live item of every kind, by the name its id takes in paths and bodies."""

    async def made(url: str, body: dict[str, Any]) -> str:
        response = await admin.post(url, json=body)
        assert response.status_code == 201, (url, response.text)
        return str(response.json()["id"])

    ids: dict[str, str] = {}
    ids["plan_id"] = await made("/api/v1/plans", {"title": "Plan", "organisation": "Council"})
    ids["area_id"] = await made(
        f"/api/v1/plans/{ids['plan_id']}/areas", {"number": 7, "title": "Area", "aim": "Aim"}
    )
    ids["outcome_id"] = await made(
        f"/api/v1/areas/{ids['area_id']}/outcomes", {"statement": "An outcome"}
    )
    ids["objective_id"] = await made(
        f"/api/v1/outcomes/{ids['outcome_id']}/objectives", {"statement": "An objective"}
    )
    ids["action_id"] = await made("/api/v1/actions", {"area_id": ids["area_id"], "title": "Act"})
    ids["criterion_id"] = await made(
        "/api/v1/success-criteria", {"area_id": ids["area_id"], "statement": "Measured"}
    )
    ids["officer_id"] = await made("/api/v1/officers", {"name": "Jane Smith"})
    ids["strategy_id"] = await made(
        "/api/v1/strategies", {"plan_id": ids["plan_id"], "title": "Not yet linked"}
    )
    linked = await made("/api/v1/strategies", {"plan_id": ids["plan_id"], "title": "Linked"})
    ids["link_id"] = await made(
        "/api/v1/strategy-links", {"action_id": ids["action_id"], "strategy_id": linked}
    )
    ids["inspection_action_id"] = await made(
        "/api/v1/inspection-actions",
        {"plan_id": ids["plan_id"], "source": "Ofsted", "number": 9, "text": "Action 9"},
    )
    ids["meeting_id"] = await made(
        "/api/v1/meetings", {"plan_id": ids["plan_id"], "board": "CSLT", "date": "2023-06-15"}
    )
    ids["update_id"] = await made(
        f"/api/v1/actions/{ids['action_id']}/status-updates",
        {"rag": "green", "status": "in_progress", "narrative": "On track."},
    )
    ids["key_id"] = await made("/api/v1/api-keys", {"name": "A key", "role": "viewer"})
    ids["webhook_id"] = await made("/api/v1/webhooks", {"url": "https://example.gov.uk/hooks"})
    return ids


# Where the documented example alone is not a complete request: the fields to add, by
# operation id, each value the name of an item in the world (or a literal).
EXAMPLE_ADDITIONS: dict[str, dict[str, str]] = {
    "create_action": {"area_id": "area_id"},
    "create_success_criterion": {"area_id": "area_id"},
    # The example's reason goes with a change of date.
    "update_action": {"due_date": "2024-06-30"},
}


def valid_body(operation: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """The contract's example for the operation, pointing at the world's items."""
    content = operation["requestBody"]["content"]["application/json"]
    body: dict[str, Any] = copy.deepcopy(content.get("example") or {})
    for name, value in EXAMPLE_ADDITIONS.get(operation["operationId"], {}).items():
        body[name] = ids.get(value, value)
    for name in body:
        if name in ids:
            body[name] = ids[name]
    for item in body.get("items", []):  # a batch's items point at the world's items too
        for name in item:
            if name in ids:
                item[name] = ids[name]
    return body


def url_for(path: str, ids: dict[str, str]) -> str:
    for name, value in ids.items():
        path = path.replace("{" + name + "}", value)
    assert "{" not in path, f"build_world makes no item for a parameter of {path}"
    return path


async def send(
    admin: httpx.AsyncClient, method: str, url: str, body: dict[str, Any]
) -> httpx.Response:
    headers = {}
    if method in {"PATCH", "PUT", "DELETE"}:
        read = await admin.get(url)
        if "ETag" in read.headers:
            headers["If-Match"] = read.headers["ETag"]
    return await admin.request(method, url, json=body, headers=headers)


async def audit_count(session: AsyncSession, *, reads: bool = False) -> int:
    """How many writes (and, if asked, officer reads) the audit log holds."""
    await session.commit()
    query = sa.select(sa.func.count()).select_from(AuditEvent)
    if not reads:
        query = query.where(col(AuditEvent.operation) != "read")
    count = await session.scalar(query)
    await session.commit()
    return int(count or 0)


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    OPERATIONS,
    ids=[operation["operationId"] for _, _, operation in OPERATIONS],
)
async def test_unknown_and_read_only_fields_are_refused_by_name(
    admin: httpx.AsyncClient,
    session: AsyncSession,
    method: str,
    path: str,
    operation: dict[str, Any],
) -> None:
    ids = await build_world(admin)
    url = url_for(path, ids)
    body = valid_body(operation, ids)
    forbidden = forbidden_properties(operation)
    assert {"id", "created_at"} <= set(forbidden) or operation["operationId"] in {
        "create_meeting_schedule",  # answers a list of meetings, not one item
        "create_status_update_batch",  # answers the updates it stored, not one item
    }, forbidden
    before = await audit_count(session)
    etag = (await admin.get(url)).headers.get("ETag") if method == "PATCH" else None
    wrong = {}
    for name in forbidden:
        response = await send(admin, method, url, {**body, name: "2023-07-31T09:00:00Z"})
        if response.status_code != 422 or error_fields(response) != {f"body.{name}"}:
            wrong[name] = (response.status_code, response.text[:300])
        else:
            assert_problem(response, 422)
    for name, (inner, is_list) in nested_objects(request_schema(operation)).items():
        item = {**example_for(inner, SCHEMAS), UNKNOWN: "x"}
        response = await send(admin, method, url, {**body, name: [item] if is_list else item})
        where = f"body.{name}[0].{UNKNOWN}" if is_list else f"body.{name}.{UNKNOWN}"
        if response.status_code != 422 or error_fields(response) != {where}:
            wrong[where] = (response.status_code, response.text[:300])
    assert wrong == {}, "accepted or refused for another reason"
    assert await audit_count(session) == before, "a refused request changed something"
    if etag is not None:
        assert (await admin.get(url)).headers["ETag"] == etag
    accepted = await send(admin, method, url, body)
    assert accepted.status_code in {200, 201}, (body, accepted.text)


async def test_an_api_keys_secret_is_shown_once_and_its_hash_never(
    admin: httpx.AsyncClient, clients: Clients, session: AsyncSession
) -> None:
    created = await admin.post("/api/v1/api-keys", json={"name": "Dashboard", "role": "viewer"})
    assert created.status_code == 201
    key_id, secret = created.json()["id"], created.json()["key"]
    stored = await session.scalar(sa.select(ApiKey).where(col(ApiKey.id) == key_id))
    assert stored is not None
    key_hash = stored.key_hash
    await session.commit()
    assert secret not in key_hash and key_hash not in created.text
    dashboard = await clients.as_role(Role.viewer)
    dashboard.headers["Authorization"] = f"Bearer {secret}"
    responses = [
        await admin.get("/api/v1/api-keys"),
        await admin.get(f"/api/v1/api-keys/{key_id}"),
        await admin.get("/api/v1/audit-events", params={"entity_id": key_id}),
        await admin.get("/api/v1/audit-events"),
        await dashboard.get("/api/v1/me"),
    ]
    for response in responses:
        assert response.status_code == 200, response.text
        assert secret not in response.text, response.request.url
        # The secret is all after the prefix: it may itself hold "_", so split twice only.
        assert secret.split("_", 2)[2] not in response.text, response.request.url
        assert key_hash not in response.text, response.request.url
    assert "key_hash" not in json.dumps(CONTRACT)


async def test_an_officers_email_is_only_in_the_officers_own_audited_reads(
    admin: httpx.AsyncClient, viewer: httpx.AsyncClient, session: AsyncSession
) -> None:
    ids = await build_world(admin)
    email = "adele.moore.private@example.gov.uk"
    officer = await admin.post("/api/v1/officers", json={"name": "Adele Moore", "email": email})
    officer_id = officer.json()["id"]
    action_url = f"/api/v1/actions/{ids['action_id']}"
    assert (await admin.put(f"{action_url}/lead-officers/{officer_id}")).status_code == 204
    plan = ids["plan_id"]
    everywhere_else = [
        f"{action_url}?expand=success_criteria,strategies,lead_officers,latest_update,children",
        f"/api/v1/actions?plan_id={plan}&expand=lead_officers",
        f"{action_url}/history",
        f"/api/v1/plans/{plan}/tree",
        f"/api/v1/reports/summary?plan_id={plan}&group_by=officer",
        f"/api/v1/reports/exceptions?plan_id={plan}",
        f"/api/v1/reports/quarterly?plan_id={plan}&quarter=2023-24-Q2",
        f"/api/v1/reports/quarterly?plan_id={plan}&quarter=2023-24-Q2&format=csv",
        f"/api/v1/status-updates?plan_id={plan}",
        f"/api/v1/meetings/{ids['meeting_id']}",
        "/api/v1/me",
    ]
    for url in everywhere_else:
        response = await viewer.get(url)
        assert response.status_code == 200, (url, response.text)
        assert email not in response.text, url
        if url.endswith("group_by=officer"):
            assert "Adele Moore" in response.text  # the officer is there, by name only
    before = await audit_count(session, reads=True)
    own = await viewer.get(f"/api/v1/officers/{officer_id}")
    assert own.json()["email"] == email
    assert await audit_count(session, reads=True) == before + 1
