"""The change feed's outbox: one row for every change a client may follow, never changed.

Written in the same transaction as the change it describes, with no `position`. `seq` is
handed out at insert, but transactions commit in any order, so it cannot be the feed's
order. A single sequencer (`app.events.sequencer`) later gives committed rows their
`position`, one run at a time: a row that commits late gets a later position than every
row already sequenced, so a reader following positions never passes one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime
from app.models.clock import utcnow

# SQLite only numbers a primary key by itself when it is exactly INTEGER.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


class Event(SQLModel, table=True):
    __tablename__ = "event"
    __table_args__ = (sa.Index("ix_event_plan_position", "plan_id", "position"),)

    seq: int | None = Field(default=None, sa_type=BigId, primary_key=True)
    id: str = Field(max_length=40, unique=True)
    position: int | None = Field(default=None, sa_type=sa.BigInteger, unique=True)
    type: str = Field(max_length=60)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor: str = Field(max_length=200)
    actor_key_id: str | None = Field(default=None, max_length=40)
    plan_id: str | None = Field(default=None, max_length=40)
    resource_type: str = Field(max_length=40)
    resource_id: str = Field(max_length=40)
    resource_url: str = Field(max_length=300)
    # Only admins see it: API keys, and officers' personal data.
    admin_only: bool = Field(default=False, nullable=False)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    request_id: str | None = Field(default=None, max_length=100)
