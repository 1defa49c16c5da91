"""The change feed as the API shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field


class EventResource(BaseModel):
    """The resource an event is about."""

    type: str = Field(description="What kind of resource.", examples=["action"])
    id: str = Field(description="Its id.")
    url: str = Field(description="Where to read it now.", examples=["/api/v1/actions/act_1"])


class EventRead(BaseModel):
    """One change: what happened, to which resource, by whom, and the resource after it."""

    id: str = Field(description="Opaque identifier; the same in every delivery of the event.")
    type: str = Field(
        description="`resource.past_tense_verb`; see the contract's `webhooks` for each type.",
        examples=["action.updated"],
    )
    occurred_at: datetime = Field(description="When the change was made (RFC 3339, UTC).")
    actor: str = Field(description="The API key's name, or `system` for the service itself.")
    plan_id: str | None = Field(description="The plan the resource belongs to, if any.")
    resource: EventResource
    data: dict[str, Any] = Field(
        description="The resource's representation right after the change, as its own GET "
        "showed it then."
    )


class EventPage(BaseModel):
    """Events after a cursor, oldest first."""

    items: list[EventRead]
    next_cursor: str = Field(
        description="Pass as `after` for the events that follow these; given even when there "
        "are none yet, so a client can keep following the feed."
    )
    has_more: bool = Field(description="Whether more events are ready now.")


def to_json(value: Any) -> bytes:
    """Events as `app.events.service.shown` gives them, as JSON, timestamps written as
    pydantic writes them (`…Z`)."""
    return orjson.dumps(value, option=orjson.OPT_UTC_Z)


class WebhookRead(BaseModel):
    """A webhook subscription. Its signing secret is shown only on creation and rotation."""

    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Opaque identifier.")
    url: str = Field(description="Where events are posted (HTTPS).")
    description: str | None = Field(description="What the subscription is for.")
    event_types: list[str] = Field(description="The event types sent; empty for all.")
    plan_id: str | None = Field(description="Only events about this plan; null for all.")
    enabled: bool = Field(description="Whether events are being sent.")
    failing_since: datetime | None = Field(
        description="When deliveries began failing without a success since; null when healthy."
    )
    disabled_reason: str | None = Field(description="Why the service disabled it, if it did.")
    created_at: datetime = Field(description="When it was created (RFC 3339, UTC).")
    updated_at: datetime = Field(description="When it last changed (RFC 3339, UTC).")
    archived_at: datetime | None = Field(description="When it was deleted; null while it is live.")
