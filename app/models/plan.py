"""The plan: the root of every other piece of plan content."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlmodel import Field, SQLModel

from app.models.base import StrEnumType, TimestampedTable


class MeetingFrequency(StrEnum):
    """How often a board meets: a plan's meeting schedule, and meetings scheduled from it."""

    weekly = "weekly"
    fortnightly = "fortnightly"
    monthly = "monthly"
    quarterly = "quarterly"


class PlanStatus(StrEnum):
    """Where a plan is in its life: written, agreed by the board, or finished."""

    draft = "draft"
    approved = "approved"
    closed = "closed"


class RatingDefinitions(BaseModel):
    """What each rating means for this plan, in the plan's own words."""

    model_config = ConfigDict(extra="forbid")

    red: str = Field(
        default="Off track: the action will not be delivered on time without intervention.",
        min_length=1,
        max_length=1000,
        description="What a red rating means for this plan.",
    )
    amber: str = Field(
        default="At risk: delivery is slipping or faces issues that are being managed.",
        min_length=1,
        max_length=1000,
        description="What an amber rating means for this plan.",
    )
    green: str = Field(
        default="On track: the action is progressing as planned.",
        min_length=1,
        max_length=1000,
        description="What a green rating means for this plan.",
    )
    blue: str = Field(
        default="Complete: the action has been delivered.",
        min_length=1,
        max_length=1000,
        description="What a blue rating means for this plan.",
    )


class RatingDefinitionsSource(StrEnum):
    """Whose words a plan's rating definitions are."""

    plan = "plan"
    service_default = "service_default"


class PlanBase(SQLModel):
    title: str = Field(
        min_length=1,
        max_length=500,
        description="The plan's title, as its document has it.",
        schema_extra={"examples": ["Children's Services Improvement Plan"]},
    )
    organisation: str = Field(
        min_length=1,
        max_length=200,
        description="The council or body whose plan this is.",
        schema_extra={"examples": ["Stockton-on-Tees Borough Council"]},
    )
    version_label: str | None = Field(
        default=None,
        max_length=100,
        description="The document's own version label.",
        schema_extra={"examples": ["Draft, April 2023"]},
    )
    status: PlanStatus = Field(
        default=PlanStatus.draft,
        sa_type=StrEnumType(PlanStatus),
        description="`draft`, `approved` or `closed`.",
    )
    update_interval_days: int = Field(
        default=31,
        sa_column_kwargs={"server_default": "31"},
        ge=1,
        le=366,
        description="How many days an action may go without a status update before it is stale.",
    )
    description: str | None = Field(
        default=None,
        max_length=20000,
        sa_type=sa.Text,
        description="Introductory text: why the plan exists and how it is governed.",
    )


class Plan(PlanBase, TimestampedTable, table=True):
    __table_args__ = (
        sa.CheckConstraint("status IN ('draft', 'approved', 'closed')", name="status"),
    )

    id: str = Field(primary_key=True, max_length=40)
    seed_key: str | None = Field(default=None, max_length=100, unique=True)
    rating_definitions: dict[str, Any] = Field(
        default_factory=lambda: RatingDefinitions().model_dump(), sa_type=sa.JSON, nullable=False
    )
    rating_definitions_source: RatingDefinitionsSource = Field(
        default=RatingDefinitionsSource.plan,
        sa_type=StrEnumType(RatingDefinitionsSource),
        sa_column_kwargs={"server_default": "plan"},
    )
    meeting_schedule: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
