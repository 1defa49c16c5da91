"""Webhook subscriptions, the deliveries of events to them, and each attempt's record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import TimestampedTable, UTCDateTime
from app.models.clock import utcnow


class Webhook(TimestampedTable, table=True):
    """An admin's subscription: which events go to which HTTPS URL, signed with its secret."""

    id: str = Field(primary_key=True, max_length=40)
    url: str = Field(max_length=2000)
    description: str | None = Field(default=None, max_length=500)
    event_types: list[str] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    plan_id: str | None = Field(default=None, foreign_key="plan.id", max_length=40)
    enabled: bool = Field(default=True, nullable=False)
    # The signing secret (`whsec_…`): the receiver's copy must match, so it is kept whole.
    secret: str = Field(max_length=200)
    # Events up to this feed position have their deliveries queued.
    queued_through: int = Field(default=0, sa_type=sa.BigInteger, nullable=False)
    failing_since: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    disabled_reason: str | None = Field(default=None, max_length=500)


class WebhookDelivery(SQLModel, table=True):
    """One event for one subscription, until it is delivered or given up on."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        sa.Index("ix_webhook_delivery_open", "webhook_id", "done_at", "position"),
        sa.Index("ix_webhook_delivery_due", "done_at", "next_attempt_at"),
    )

    id: str = Field(primary_key=True, max_length=40)
    webhook_id: str = Field(foreign_key="webhook.id", max_length=40)
    event_id: str = Field(max_length=40)
    position: int = Field(sa_type=sa.BigInteger)
    # `ping` for a test message; otherwise the event's type.
    event_type: str = Field(max_length=60)
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    attempts: int = Field(default=0, nullable=False)
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # A worker's claim: others leave the delivery alone until it runs out.
    leased_by: str | None = Field(default=None, max_length=60)
    lease_until: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
    # `pending`, `succeeded` or `failed` (given up).
    status: str = Field(default="pending", max_length=20)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)


class WebhookAttempt(SQLModel, table=True):
    """The log: one row per attempt to deliver, with what came back and how long it took."""

    __tablename__ = "webhook_attempt"
    __table_args__ = (sa.Index("ix_webhook_attempt_webhook", "webhook_id", "started_at"),)

    id: str = Field(primary_key=True, max_length=40)
    webhook_id: str = Field(foreign_key="webhook.id", max_length=40)
    delivery_id: str = Field(foreign_key="webhook_delivery.id", max_length=40)
    event_id: str = Field(max_length=40)
    event_type: str = Field(max_length=60)
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    duration_ms: int
    status_code: int | None = None
    error: str | None = Field(default=None, max_length=1000)
    succeeded: bool
    next_attempt_at: datetime | None = Field(default=None, sa_type=UTCDateTime, nullable=True)
