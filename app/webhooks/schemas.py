"""Request and response bodies for webhook subscriptions and their delivery log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.core.http.listing import Page
from app.core.http.schemas import PatchBody, RequestBody
from app.events.catalogue import EVENT_TYPES
from app.events.schemas import WebhookRead

__all__ = ["WebhookRead"]


def _https(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValueError("must be an https:// URL with a host")
    if parts.username or parts.password:
        raise ValueError("may not carry a user name or password")
    if parts.fragment:
        raise ValueError("may not have a fragment")
    return url


def _known_types(types: list[str]) -> list[str]:
    unknown = sorted(set(types) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types: {', '.join(unknown)}")
    return sorted(set(types))


# An event type's name, such as `action.updated` (checked against the catalogue).
EventTypeText = Annotated[str, StringConstraints(max_length=100)]


class WebhookCreate(RequestBody):
    """A new subscription."""

    url: str = Field(
        max_length=2000,
        description="The receiver: an HTTPS URL whose host is publicly addressable.",
        examples=["https://dashboard.example.gov.uk/hooks/improvement-plan"],
    )
    event_types: list[EventTypeText] = Field(
        default_factory=list,
        max_length=100,
        description="The event types to send (see the contract's `webhooks`); empty for all.",
        examples=[["action.updated", "status_update.created"]],
    )
    plan_id: str | None = Field(
        default=None, max_length=40, description="Only events about this plan."
    )
    description: str | None = Field(default=None, max_length=500)

    _url = field_validator("url")(_https)
    _types = field_validator("event_types")(_known_types)


class WebhookUpdate(PatchBody):
    """Changes to a subscription; `enabled: true` starts a disabled one again."""

    not_nullable: ClassVar[frozenset[str]] = frozenset({"url", "event_types", "enabled"})

    url: str | None = Field(default=None, max_length=2000, description="New receiver URL.")
    event_types: list[EventTypeText] | None = Field(default=None, max_length=100)
    plan_id: str | None = Field(default=None, max_length=40, description="null for all plans.")
    description: str | None = Field(default=None, max_length=500)
    enabled: bool | None = Field(default=None, description="Start or stop sending.")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return None if value is None else _https(value)

    @field_validator("event_types")
    @classmethod
    def _types(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _known_types(value)


class WebhookWithSecret(WebhookRead):
    """A subscription with its signing secret: shown now, and never again."""

    secret: str = Field(
        description="The Standard Webhooks signing secret (`whsec_…`). Store it now: it is "
        "not shown again (rotate to get a new one)."
    )


class WebhookPage(Page[WebhookRead]):
    """A page of subscriptions."""


class WebhookAttemptRead(BaseModel):
    """One attempt to deliver one event."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    delivery_id: str = Field(description="The delivery; `redeliver` sends its event again.")
    event_id: str = Field(description="The event, also the `webhook-id` header.")
    event_type: str = Field(description="The event's type, or `ping`.")
    started_at: datetime
    duration_ms: int = Field(description="How long the receiver took, in milliseconds.")
    status_code: int | None = Field(description="The receiver's status; null if none came.")
    error: str | None = Field(description="Why no answer came, or why it was not sent.")
    succeeded: bool = Field(description="Whether the receiver answered 2xx.")
    next_attempt_at: datetime | None = Field(
        description="When the next attempt is due, if the event will be tried again."
    )


class WebhookAttemptPage(Page[WebhookAttemptRead]):
    """A page of the delivery log, newest first."""


class Accepted(BaseModel):
    """The message is queued; the delivery log shows how it went."""

    delivery_id: str
