"""The contract's `webhooks` section: one message per event type, from the catalogue."""

from __future__ import annotations

from typing import Any

from app.events.catalogue import EVENT_TYPES, RESOURCES

SIGNATURE_HEADERS = [
    {
        "name": "webhook-id",
        "in": "header",
        "required": True,
        "description": "The event's id: the same on every retry, so receivers can drop "
        "repeats (delivery is at least once).",
        "schema": {"type": "string"},
    },
    {
        "name": "webhook-timestamp",
        "in": "header",
        "required": True,
        "description": "When this attempt was signed, in seconds since 1970 (UTC).",
        "schema": {"type": "string"},
    },
    {
        "name": "webhook-signature",
        "in": "header",
        "required": True,
        "description": "`v1,<base64 HMAC-SHA256>` of `id.timestamp.body` under the "
        "subscription's secret, per the Standard Webhooks specification: verify it with "
        "any Standard Webhooks library.",
        "schema": {"type": "string"},
    },
]

RESPONSES = {
    "2XX": {"description": "Received. Anything else (or no answer in time) is retried."},
}


def _schema_name(name: str) -> str:
    return "".join(part.title() for part in name.replace(".", "_").split("_")) + "Event"


PING_MESSAGE = {
    "title": "PingMessage",
    "type": "object",
    "required": ["id", "type", "webhook_id"],
    "properties": {
        "id": {"type": "string"},
        "type": {"const": "ping"},
        "webhook_id": {"type": "string"},
    },
}


def _message(operation_id: str, summary: str, schema_name: str) -> dict[str, Any]:
    """A webhook message posted to the subscriber, its body the named schema."""
    return {
        "post": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["Webhooks"],
            "parameters": SIGNATURE_HEADERS,
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
                },
            },
            "responses": RESPONSES,
            "security": [],
        }
    }


def add_webhooks(document: dict[str, Any]) -> None:
    """Document every event type as a webhook message, its `data` the resource's read."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    webhooks: dict[str, Any] = {}
    for name, event_type in sorted(EVENT_TYPES.items()):
        resource = RESOURCES[event_type.resource].schema.__name__
        schema_name = _schema_name(name)
        # EventRead's members, with `type` fixed and `data` the resource's read: written out
        # rather than an `allOf`, which client generators cannot merge (a string and a const).
        base = schemas["EventRead"]
        schemas[schema_name] = {
            **base,
            "title": schema_name,
            "description": event_type.description,
            "properties": {
                **base["properties"],
                "type": {"type": "string", "const": name},
                "data": {"$ref": f"#/components/schemas/{resource}"},
            },
        }
        operation_id = "webhook_" + name.replace(".", "_")
        webhooks[name] = _message(operation_id, event_type.description, schema_name)
    schemas["PingMessage"] = PING_MESSAGE
    webhooks["ping"] = _message(
        "webhook_ping", "A test message, sent by `POST /webhooks/{webhook_id}/ping`.", "PingMessage"
    )
    document["webhooks"] = webhooks
