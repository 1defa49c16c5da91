"""The change feed's outbox, and webhook subscriptions with their deliveries.

Revision ID: 2026_12_07_events
Revises: 2026_11_26_0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "2026_12_07_events"
down_revision: str | None = "2026_11_26_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("seq", BigId, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=True),
        sa.Column("type", sa.String(length=60), nullable=False),
        sa.Column("occurred_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("actor_key_id", sa.String(length=40), nullable=True),
        sa.Column("plan_id", sa.String(length=40), nullable=True),
        sa.Column("resource_type", sa.String(length=40), nullable=False),
        sa.Column("resource_id", sa.String(length=40), nullable=False),
        sa.Column("resource_url", sa.String(length=300), nullable=False),
        sa.Column("admin_only", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("request_id", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_event")),
        sa.UniqueConstraint("id", name=op.f("uq_event_id")),
        sa.UniqueConstraint("position", name=op.f("uq_event_position")),
    )
    op.create_index("ix_event_plan_position", "event", ["plan_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_event_plan_position", table_name="event")
    op.drop_table("event")
