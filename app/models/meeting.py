"""Board meetings (GABB, CSLT) and the snapshot of the plan frozen for each meeting's papers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import TimestampedTable, UTCDateTime
from app.models.clock import utcnow


class Meeting(TimestampedTable, table=True):
    """One meeting of a named board about a plan; a board meets at most once a day."""

    __table_args__ = (
        sa.UniqueConstraint("plan_id", "board", "date"),
        sa.Index("ix_meeting_date_id", "date", "id"),
    )

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", max_length=40)
    board: str = Field(max_length=100)
    date: dt.date
    partners_attending: bool = Field(default=False)
    title: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, sa_type=sa.Text)


class MeetingSnapshot(SQLModel, table=True):
    """The plan as it stood at the end of the meeting's date, frozen once: never changed."""

    __tablename__ = "meeting_snapshot"
    __table_args__ = (sa.Index("ix_meeting_snapshot_plan_as_of", "plan_id", "as_of"),)

    id: str = Field(primary_key=True, max_length=40)
    meeting_id: str = Field(foreign_key="meeting.id", unique=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", max_length=40)
    as_of: dt.date
    taken_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    taken_by: str = Field(max_length=200)
    taken_by_key_id: str | None = Field(default=None, max_length=40)
    content: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON, nullable=False)
