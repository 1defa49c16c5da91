"""Reminders sent to lead officers: one row per officer, plan and update cycle, so a reminder
is sent once per cycle and never twice."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import UTCDateTime
from app.models.clock import utcnow


class ReminderSent(SQLModel, table=True):
    __tablename__ = "reminder_sent"
    __table_args__ = (sa.UniqueConstraint("plan_id", "officer_id", "cycle_start"),)

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", max_length=40)
    officer_id: str = Field(foreign_key="officer.id", index=True, max_length=40)
    cycle_start: dt.date
    email: str = Field(max_length=320)
    action_count: int
    sent_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
