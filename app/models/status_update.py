"""Status updates, due-date revisions and idempotency records: written once, never changed."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import StrEnumType, UTCDateTime
from app.models.clock import utcnow
from app.models.content import DeliveryStatus, Rag


class StatusUpdate(SQLModel, table=True):
    """A dated progress report on one action. Corrections are new rows naming the old one."""

    __tablename__ = "status_update"
    __table_args__ = (
        # The deciding update of an action (as of any day) is one backward probe of this.
        sa.Index(
            "ix_status_update_action_effective", "action_id", "effective_date", "created_at", "id"
        ),
        sa.Index("ix_status_update_plan_created", "plan_id", "created_at"),
        # A plan's updates in a quarter (the quarterly report).
        sa.Index("ix_status_update_plan_effective", "plan_id", "effective_date"),
    )

    id: str = Field(primary_key=True, max_length=40)
    action_id: str = Field(foreign_key="action.id", max_length=40)
    plan_id: str = Field(foreign_key="plan.id", max_length=40)
    area_id: str = Field(foreign_key="area.id", index=True, max_length=40)
    rag: Rag | None = Field(default=None, sa_type=StrEnumType(Rag, 8))
    status: DeliveryStatus = Field(sa_type=StrEnumType(DeliveryStatus))
    narrative: str | None = Field(default=None, sa_type=sa.Text)
    next_steps: str | None = Field(default=None, sa_type=sa.Text)
    reason: str | None = Field(default=None, sa_type=sa.Text)
    evidence: list[dict[str, Any]] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    effective_date: date
    author: str = Field(max_length=200, index=True)
    author_officer_id: str | None = Field(default=None, foreign_key="officer.id", max_length=40)
    created_by_key_id: str | None = Field(default=None, max_length=40)
    # The token's subject when the author signed in with OpenID Connect.
    author_subject: str | None = Field(default=None, max_length=200)
    corrects_update_id: str | None = Field(
        default=None, foreign_key="status_update.id", unique=True, max_length=40
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class DueDateRevision(SQLModel, table=True):
    """One change of an action's due date: who, when, from, to and why."""

    __tablename__ = "due_date_revision"
    __table_args__ = (sa.Index("ix_due_date_revision_action_changed", "action_id", "changed_at"),)

    id: str = Field(primary_key=True, max_length=40)
    action_id: str = Field(foreign_key="action.id", max_length=40)
    from_date: date | None = None
    to_date: date | None = None
    reason: str = Field(sa_type=sa.Text)
    changed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor: str = Field(max_length=200)
    actor_key_id: str | None = Field(default=None, max_length=40)


class IdempotencyRecord(SQLModel, table=True):
    """The first response to a POST with an `Idempotency-Key`, replayed to retries."""

    __tablename__ = "idempotency_record"
    __table_args__ = (sa.UniqueConstraint("key_id", "idempotency_key"),)

    id: str = Field(primary_key=True, max_length=40)
    key_id: str = Field(max_length=40)
    idempotency_key: str = Field(max_length=255)
    method: str = Field(max_length=10)
    path: str = Field(max_length=2000)
    request_hash: str = Field(max_length=64)
    status_code: int
    response_body: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
    location: str | None = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
