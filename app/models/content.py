"""The plan's content: areas, outcomes, objectives, actions and success criteria."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import StrEnumType, TimestampedTable


class Rag(StrEnum):
    """A RAG rating; blue means complete. Not rated is null."""

    red = "red"
    amber = "amber"
    green = "green"
    blue = "blue"


class RagFilter(StrEnum):
    """A rating to filter by; `none` means not yet rated."""

    red = "red"
    amber = "amber"
    green = "green"
    blue = "blue"
    none = "none"


class DeliveryStatus(StrEnum):
    """Where delivery of an action stands, separate from the RAG judgement."""

    not_started = "not_started"
    in_progress = "in_progress"
    complete = "complete"
    deferred = "deferred"
    cancelled = "cancelled"


class Recurrence(StrEnum):
    """How an action repeats: a one-off with a due date, ongoing, quarterly or monthly."""

    none = "none"
    ongoing = "ongoing"
    quarterly = "quarterly"
    monthly = "monthly"


class Reviewable(SQLModel):
    """How a reader took the item from its source document, and whether the plan's owner
    still has to confirm that reading."""

    reading_notes: list[str] = Field(default_factory=list, sa_type=sa.JSON, nullable=False)
    needs_review: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class Area(Reviewable, TimestampedTable, table=True):
    __table_args__ = (sa.UniqueConstraint("plan_id", "ref"),)

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)
    ref: str = Field(max_length=20)
    number: int
    title: str = Field(max_length=300)
    aim: str | None = Field(default=None, sa_type=sa.Text)
    position: int = Field(default=0)


class Outcome(Reviewable, TimestampedTable, table=True):
    __table_args__ = (sa.UniqueConstraint("plan_id", "ref"),)

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)
    area_id: str = Field(foreign_key="area.id", index=True, max_length=40)
    ref: str = Field(max_length=20)
    number: str | None = Field(default=None, max_length=20)
    statement: str = Field(sa_type=sa.Text)
    position: int = Field(default=0)


class Objective(Reviewable, TimestampedTable, table=True):
    __table_args__ = (sa.UniqueConstraint("plan_id", "ref"),)

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)
    area_id: str = Field(foreign_key="area.id", index=True, max_length=40)
    outcome_id: str = Field(foreign_key="outcome.id", index=True, max_length=40)
    ref: str = Field(max_length=20)
    statement: str = Field(sa_type=sa.Text)
    position: int = Field(default=0)


class Action(Reviewable, TimestampedTable, table=True):
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "ref"),
        sa.CheckConstraint("rag IS NULL OR rag IN ('red', 'amber', 'green', 'blue')", name="rag"),
        sa.CheckConstraint(
            "status IN ('not_started', 'in_progress', 'complete', 'deferred', 'cancelled')",
            name="status",
        ),
        sa.CheckConstraint(
            "recurrence IN ('none', 'ongoing', 'quarterly', 'monthly')", name="recurrence"
        ),
        sa.CheckConstraint(
            "objective_id IS NULL OR outcome_id IS NOT NULL", name="objective_needs_outcome"
        ),
        sa.Index("ix_action_plan_area_position", "plan_id", "area_id", "position"),
        sa.Index("ix_action_due_date", "due_date"),
        # `/actions?area_id=…&rag=…` in the default order: a keyset range scan, and the count.
        sa.Index("ix_action_area_rag_created", "area_id", "rag", "created_at", "id"),
    )

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)
    area_id: str = Field(foreign_key="area.id", index=True, max_length=40)
    outcome_id: str | None = Field(
        default=None, foreign_key="outcome.id", index=True, max_length=40
    )
    objective_id: str | None = Field(
        default=None, foreign_key="objective.id", index=True, max_length=40
    )
    parent_id: str | None = Field(default=None, foreign_key="action.id", index=True, max_length=40)
    ref: str = Field(max_length=20)
    title: str = Field(sa_type=sa.Text)
    description: str | None = Field(default=None, sa_type=sa.Text)
    notes: str | None = Field(default=None, sa_type=sa.Text)
    timescale: str | None = Field(default=None, max_length=100)
    timescale_readable: bool = Field(default=True)
    due_date: date | None = Field(default=None)
    original_due_date: date | None = Field(default=None)
    due_date_revision_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    recurrence: Recurrence = Field(
        default=Recurrence.none,
        sa_type=StrEnumType(Recurrence),
    )
    rag: Rag | None = Field(default=None, sa_type=StrEnumType(Rag, 8), index=True)
    status: DeliveryStatus = Field(
        default=DeliveryStatus.not_started,
        sa_type=StrEnumType(DeliveryStatus),
        index=True,
    )
    last_update_date: date | None = Field(default=None)
    completed_date: date | None = Field(default=None)
    position: int = Field(default=0)


class ActionLeadOfficer(SQLModel, table=True):
    __tablename__ = "action_lead_officer"

    action_id: str = Field(foreign_key="action.id", primary_key=True, max_length=40)
    officer_id: str = Field(foreign_key="officer.id", primary_key=True, index=True, max_length=40)
    position: int = Field(default=0)


class SuccessCriterion(Reviewable, TimestampedTable, table=True):
    __tablename__ = "success_criterion"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN area_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN outcome_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN objective_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_parent",
        ),
    )

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)
    area_id: str | None = Field(default=None, foreign_key="area.id", index=True, max_length=40)
    outcome_id: str | None = Field(
        default=None, foreign_key="outcome.id", index=True, max_length=40
    )
    objective_id: str | None = Field(
        default=None, foreign_key="objective.id", index=True, max_length=40
    )
    statement: str = Field(sa_type=sa.Text)
    position: int = Field(default=0)


class ActionSuccessCriterion(SQLModel, table=True):
    __tablename__ = "action_success_criterion"

    action_id: str = Field(foreign_key="action.id", primary_key=True, max_length=40)
    criterion_id: str = Field(
        foreign_key="success_criterion.id", primary_key=True, index=True, max_length=40
    )
