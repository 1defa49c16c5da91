"""Strategies and detailed action plans, and the links from actions to them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app.models.base import TimestampedTable


class StrategyBase(SQLModel):
    title: str = Field(
        min_length=1,
        max_length=300,
        description="The strategy's or plan's name.",
        schema_extra={"examples": ["Directorate Business Plan"]},
    )
    url: str | None = Field(
        default=None,
        max_length=2000,
        description="Where the document lives. Stored as text; the service never fetches it.",
    )
    owner: str | None = Field(default=None, max_length=200, description="Who owns the document.")


class Strategy(StrategyBase, TimestampedTable, table=True):
    id: str = Field(primary_key=True, max_length=40)
    plan_id: str = Field(foreign_key="plan.id", index=True, max_length=40)


class StrategyLink(TimestampedTable, table=True):
    __tablename__ = "strategy_link"
    __table_args__ = (
        sa.Index(
            "uq_strategy_link_live",
            "action_id",
            "strategy_id",
            unique=True,
            sqlite_where=sa.text("archived_at IS NULL"),
            postgresql_where=sa.text("archived_at IS NULL"),
        ),
    )

    id: str = Field(primary_key=True, max_length=40)
    action_id: str = Field(foreign_key="action.id", index=True, max_length=40)
    strategy_id: str = Field(foreign_key="strategy.id", index=True, max_length=40)
    note: str | None = Field(default=None, max_length=2000)
