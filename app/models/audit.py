"""The audit log: one row for every write, never changed or deleted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime
from app.models.clock import utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        sa.Index("ix_audit_event_entity", "entity_type", "entity_id", "occurred_at"),
        sa.Index("ix_audit_event_occurred_at_id", "occurred_at", "id"),
    )

    id: str = Field(primary_key=True, max_length=40)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor_key_id: str | None = Field(default=None, max_length=40)
    actor_officer_id: str | None = Field(default=None, max_length=40)
    # The token's subject when the actor signed in with OpenID Connect.
    actor_subject: str | None = Field(default=None, max_length=200)
    actor: str = Field(max_length=200)
    entity_type: str = Field(max_length=40)
    entity_id: str = Field(max_length=40)
    operation: str = Field(max_length=40)
    changes: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    request_id: str | None = Field(default=None, max_length=100)
