"""Reminders sent to lead officers, one per officer, plan and update cycle.

Revision ID: 2026_12_07_imports
Revises: 2026_11_26_0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_07_imports"
down_revision: str | None = "2026_12_07_seedread"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reminder_sent",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("officer_id", sa.String(length=40), nullable=False),
        sa.Column("cycle_start", sa.Date(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("action_count", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_reminder_sent_officer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_reminder_sent_plan_id_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sent")),
        sa.UniqueConstraint(
            "plan_id",
            "officer_id",
            "cycle_start",
            name=op.f("uq_reminder_sent_plan_id_officer_id_cycle_start"),
        ),
    )
    op.create_index(
        op.f("ix_reminder_sent_officer_id"), "reminder_sent", ["officer_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_reminder_sent_officer_id"), table_name="reminder_sent")
    op.drop_table("reminder_sent")
