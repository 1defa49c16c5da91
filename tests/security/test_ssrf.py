"""API7, server-side request forgery: the service never fetches a URL a user stored.

A local HTTP server records every request it receives. Its address is stored in every
free-text and URL field the API takes (which fields those are is read from the contract, so
a new one must be added here), then every read operation in the contract is called with
each value of each enumerated query parameter (report formats JSON, CSV and XLSX, every
`expand`, every grouping), a meeting is snapshotted and read back. The server must have
received nothing; a request sent to it directly at the end proves it was listening.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.core.http.schemas import NOT_BLANK
from app.models import clock

CONTRACT = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text()
)
SCHEMAS: dict[str, Any] = CONTRACT["components"]["schemas"]


class Recorder:
    """A listening HTTP server and the paths of the requests it has received."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _record(self) -> None:
                recorder.paths.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
            setattr(Handler, f"do_{method}", Handler._record)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, field: str) -> str:
        return f"{self.base}/{field}"


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    made = Recorder()
    thread = threading.Thread(target=made.server.serve_forever, daemon=True)
    thread.start()
    yield made
    made.server.shutdown()
    made.server.server_close()
    thread.join()


# (schema, field) pairs holding free text or a URL that the world below fills with the
# recorder's address, and those it cannot, with the reason.
FILLED = {
    ("PlanCreate", "title"),
    ("PlanCreate", "organisation"),
    ("PlanCreate", "version_label"),
    ("PlanCreate", "description"),
    ("PlanCreate", "rating_definitions"),
    ("PlanCreate", "meeting_schedule"),
    ("AreaUpdate", "reading_notes"),
    ("OutcomeUpdate", "reading_notes"),
    ("ObjectiveUpdate", "reading_notes"),
    ("ActionUpdate", "reading_notes"),
    ("SuccessCriterionUpdate", "reading_notes"),
    ("AreaCreate", "title"),
    ("AreaCreate", "aim"),
    ("OutcomeCreate", "statement"),
    ("ObjectiveCreate", "statement"),
    ("ActionCreate", "title"),
    ("ActionCreate", "description"),
    ("ActionCreate", "notes"),
    ("ActionCreate", "timescale"),
    ("ActionUpdate", "due_date_reason"),
    ("StatusUpdateCreate", "narrative"),
    ("StatusUpdateCreate", "next_steps"),
    ("StatusUpdateCreate", "reason"),
    ("StatusUpdateCreate", "evidence"),
    ("StatusUpdateCreate", "author"),
    ("SuccessCriterionCreate", "statement"),
    ("OfficerCreate", "name"),
    ("OfficerCreate", "job_title"),
    ("OfficerCreate", "organisation"),
    ("OfficerCreate", "email"),
    ("StrategyCreate", "title"),
    ("StrategyCreate", "url"),
    ("StrategyCreate", "owner"),
    ("StrategyLinkCreate", "note"),
    ("InspectionActionCreate", "source"),
    ("InspectionActionCreate", "text"),
    ("MeetingCreate", "board"),
    ("MeetingCreate", "title"),
    ("MeetingCreate", "notes"),
    ("ApiKeyCreate", "name"),
    ("ApiKeyCreate", "system"),
}
NOT_FILLED = {
    ("OutcomeCreate", "number"): "20 characters: too short for the address",
    ("MeetingScheduleCreate", "board"): "the same field as MeetingCreate.board",
    ("StatusUpdateBatch", "items"): "each item has StatusUpdateCreate's fields",
    ("WebhookCreate", "url"): "the one address the service posts to, by design: an admin's, "
    "HTTPS and public only, checked as it sends (tests/webhooks/test_delivery.py)",
    ("WebhookCreate", "description"): "a subscription's note, never sent anywhere; a webhook "
    "is only sent to its own checked URL",
    ("WebhookCreate", "event_types"): "names from the event catalogue, anything else a 422",
    ("OfficerCreate", "sign_in_subject"): "an identifier compared with a token's subject claim, "
    "never fetched or sent anywhere",
}


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return resolve(SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]])
    options = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
    return resolve(options[0]) if len(options) == 1 else schema


def _type(schema: dict[str, Any]) -> Any:
    """The schema's type, without the null a `type` list may add (`["string", "null"]`)."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return kinds[0] if len(kinds) == 1 else kinds
    return kind


def holds_text(schema: dict[str, Any]) -> bool:
    """Free text, a URL or an address, or an object or list of objects holding some."""
    schema = resolve(schema)
    if _type(schema) == "array":
        return holds_text(schema.get("items", {}))
    if "properties" in schema:
        return any(holds_text(prop) for prop in schema["properties"].values())
    if _type(schema) != "string" or "enum" in schema or "format" in schema:
        return False
    # Not blank (`\S`) is still free text; any other pattern is a code of a fixed shape.
    pattern = schema.get("pattern", NOT_BLANK)
    return pattern == NOT_BLANK or "http" in pattern or "@" in pattern


def text_fields() -> set[tuple[str, str]]:
    """Every (request schema, field) that takes text; an update's fields count as its create's."""
    found = set()
    for item in CONTRACT["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" not in content:
                continue  # the multipart plan upload is tested in tests/plan_imports
            ref = resolve_ref(content["application/json"]["schema"])
            schema = SCHEMAS[ref]
            create = ref.replace("Update", "Create")
            for name, prop in schema.get("properties", {}).items():
                if name.endswith(("_id", "_ids")) or not holds_text(prop):
                    continue
                owner = create if name in SCHEMAS.get(create, {}).get("properties", {}) else ref
                found.add((owner, name))
    return found


def resolve_ref(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"].rsplit("/", 1)[-1])
    return next(resolve_ref(option) for option in schema["anyOf"] if option.get("type") != "null")


def test_every_text_field_in_the_contract_is_filled_with_the_address() -> None:
    found = text_fields()
    assert sorted(found - FILLED - set(NOT_FILLED)) == [], "add these to the world in this file"
    assert sorted((FILLED | set(NOT_FILLED)) - found) == [], "these fields no longer exist"


async def store_everywhere(admin: httpx.AsyncClient, probe: Recorder) -> dict[str, str]:
    """An item of every kind with the recorder's address in each text field."""

    async def made(url: str, body: dict[str, Any], status: int = 201) -> dict[str, Any]:
        response = await admin.post(url, json=body)
        assert response.status_code == status, (url, response.text)
        result: dict[str, Any] = response.json()
        return result

    u = probe.url
    ids: dict[str, str] = {}
    ids["plan_id"] = (
        await made(
            "/api/v1/plans",
            {
                "title": u("plan-title"),
                "organisation": u("organisation"),
                "version_label": u("version"),
                "description": u("description"),
                "rating_definitions": {
                    r: u(f"rating-{r}") for r in ("red", "amber", "green", "blue")
                },
                "meeting_schedule": {"board": u("cadence-board"), "frequency": "monthly"},
            },
        )
    )["id"]
    plan = ids["plan_id"]
    ids["area_id"] = (
        await made(
            f"/api/v1/plans/{plan}/areas", {"number": 1, "title": u("area"), "aim": u("aim")}
        )
    )["id"]
    ids["outcome_id"] = (
        await made(f"/api/v1/areas/{ids['area_id']}/outcomes", {"statement": u("outcome")})
    )["id"]
    ids["objective_id"] = (
        await made(
            f"/api/v1/outcomes/{ids['outcome_id']}/objectives", {"statement": u("objective")}
        )
    )["id"]
    ids["officer_id"] = (
        await made(
            "/api/v1/officers",
            {
                "name": u("officer"),
                "job_title": u("job-title"),
                "organisation": u("officer-organisation"),
                "email": f"probe@127.0.0.1:{probe.server.server_address[1]}.example",
            },
        )
    )["id"]
    action = await made(
        "/api/v1/actions",
        {
            "area_id": ids["area_id"],
            "outcome_id": ids["outcome_id"],
            "objective_id": ids["objective_id"],
            "title": u("action"),
            "description": u("action-description"),
            "notes": u("notes"),
            "timescale": "May 23",
            "lead_officer_ids": [ids["officer_id"]],
        },
    )
    ids["action_id"] = action["id"]
    ids["ref"] = action["ref"]
    action_url = f"/api/v1/actions/{action['id']}"
    changed = await admin.patch(
        action_url,
        json={
            "timescale": u("timescale"),
            "due_date_reason": u("due-date-reason"),
            "reading_notes": [u("action-reading-note")],
        },
        headers={"If-Match": (await admin.get(action_url)).headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    ids["criterion_id"] = (
        await made("/api/v1/success-criteria", {"area_id": ids["area_id"], "statement": u("crit")})
    )["id"]
    linked = await admin.put(f"{action_url}/success-criteria/{ids['criterion_id']}")
    assert linked.status_code == 204
    for kind in ("areas", "outcomes", "objectives", "success-criteria"):
        key = "criterion_id" if kind == "success-criteria" else f"{kind[:-1]}_id"
        url = f"/api/v1/{kind}/{ids[key]}"
        noted = await admin.patch(
            url,
            json={"reading_notes": [u(f"{kind}-reading-note")]},
            headers={"If-Match": (await admin.get(url)).headers["ETag"]},
        )
        assert noted.status_code == 200, noted.text
    ids["strategy_id"] = (
        await made(
            "/api/v1/strategies",
            {
                "plan_id": plan,
                "title": u("strategy"),
                "url": u("strategy-url"),
                "owner": u("owner"),
            },
        )
    )["id"]
    ids["link_id"] = (
        await made(
            "/api/v1/strategy-links",
            {"action_id": action["id"], "strategy_id": ids["strategy_id"], "note": u("link-note")},
        )
    )["id"]
    ids["inspection_action_id"] = (
        await made(
            "/api/v1/inspection-actions",
            {"plan_id": plan, "source": u("source"), "number": 1, "text": u("inspection")},
        )
    )["id"]
    tagged = await admin.put(f"{action_url}/inspection-actions/{ids['inspection_action_id']}")
    assert tagged.status_code == 204
    evidence = [{"title": u("evidence-title"), "url": u("evidence"), "reference": u("reference")}]
    for body in (
        {
            "rag": "red",
            "status": "in_progress",
            "narrative": u("narrative"),
            "next_steps": u("next"),
        },
        {"rag": None, "status": "deferred", "reason": u("reason"), "evidence": evidence},
        {
            "rag": "amber",
            "status": "in_progress",
            "narrative": "x",
            "next_steps": "y",
            "author": u("author"),
        },
    ):
        ids["update_id"] = (await made(f"{action_url}/status-updates", body))["id"]
    ids["meeting_id"] = (
        await made(
            "/api/v1/meetings",
            {
                "plan_id": plan,
                "board": u("board"),
                "date": clock.today().isoformat(),
                "title": u("meeting"),
                "notes": u("meeting-notes"),
            },
        )
    )["id"]
    await made(f"/api/v1/meetings/{ids['meeting_id']}/snapshot", {})
    ids["key_id"] = (
        await made("/api/v1/api-keys", {"name": u("key"), "role": "viewer", "system": u("system")})
    )["id"]
    ids["plan_key_or_id"] = ids["plan_id"]
    ids["webhook_id"] = (await made("/api/v1/webhooks", {"url": "https://example.gov.uk/h"}))["id"]
    return ids


def quarter_of(day: date) -> str:
    """The financial quarter of a day, as the reports name it: `2023-24-Q2`."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}-Q{((day.month - 4) % 12) // 3 + 1}"


def read_requests(ids: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """Every GET in the contract, once plainly and once per value of each enumerated parameter."""
    requests = []
    for path, item in CONTRACT["paths"].items():
        if "get" not in item or not path.startswith("/api/"):
            continue
        url = path
        for name, value in ids.items():
            url = url.replace("{" + name + "}", value)
        assert "{" not in url, f"store_everywhere makes no item for a parameter of {path}"
        base: dict[str, str] = {}
        variants: list[dict[str, str]] = []
        for parameter in item["get"].get("parameters", []):
            if parameter["in"] != "query":
                continue
            name = parameter["name"]
            if name == "plan_id" and parameter.get("required"):
                base[name] = ids["plan_id"]
            elif name == "quarter":
                base[name] = quarter_of(clock.today())
            elif name == "as_of":
                variants.append({name: clock.today().isoformat()})
            schema = resolve(parameter["schema"])
            values = resolve(schema.get("items", {})).get("enum") or schema.get("enum") or []
            if name == "expand":
                variants.append({name: ",".join(values)})
            else:
                variants.extend({name: str(value)} for value in values)
        requests.append((url, base))
        requests.extend((url, {**base, **variant}) for variant in variants)
    return requests


async def test_the_service_never_fetches_a_stored_url(
    admin: httpx.AsyncClient, recorder: Recorder
) -> None:
    ids = await store_everywhere(admin, recorder)
    requests = read_requests(ids)
    assert len(requests) > 60
    formats = set()
    for url, params in requests:
        response = await admin.get(url, params=params)
        assert response.status_code == 200, (url, params, response.text)
        formats.add(response.headers["content-type"].split(";")[0])
    assert {"application/json", "text/csv"} <= formats
    assert any("spreadsheetml" in kind for kind in formats)
    # What was stored came back as stored: as text, in the responses.
    plan = await admin.get(f"/api/v1/plans/{ids['plan_id']}")
    assert plan.json()["description"] == recorder.url("description")
    assert recorder.paths == [], "the service requested a stored URL"
    async with httpx.AsyncClient() as outside:
        assert (await outside.get(recorder.url("direct"))).status_code == 200
    assert recorder.paths == ["GET /direct"]
