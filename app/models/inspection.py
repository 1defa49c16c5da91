"""Inspection recommendations ("Ofsted Improvement Action 3") and the actions that answer them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import TimestampedTable


class InspectionActionBase(SQLModel):
    source: str = Field(
        default="Ofsted",
        min_length=1,
        max_length=100,
        description="Who made the recommendation.",
        schema_extra={"examples": ["Ofsted"]},
    )
    number: int = Field(
        ge=1, le=10000, description="The recommendation's number.", schema_extra={"examples": [3]}
    )
    text: str = Field(
        min_length=1,
        max_length=5000,
        sa_type=sa.Text,
        description="The recommendation as written.",
        schema_extra={"examples": ["Ofsted Improvement Action 3"]},
    )


class InspectionAction(InspectionActionBase, TimestampedTable, table=True):
    __tablename__ = "inspection_action"
    __table_args__ = (sa.UniqueConstraint("plan_id", "source", "number"),)

    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)


class ActionInspectionAction(SQLModel, table=True):
    __tablename__ = "action_inspection_action"

    action_id: str = Field(foreign_key="action.id", primary_key=True, max_length=40)
    inspection_action_id: str = Field(
        foreign_key="inspection_action.id", primary_key=True, index=True, max_length=40
    )
