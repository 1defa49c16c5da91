"""Reading notes and a needs-review flag on plan items; whose rating definitions a plan shows;
the board's meeting schedule.

Revision ID: 2026_12_07_seedread
Revises: 2026_11_26_0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_07_seedread"
down_revision: str | None = "2026_11_26_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVIEWABLE = ("area", "outcome", "objective", "action", "success_criterion")


def upgrade() -> None:
    for table in REVIEWABLE:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("reading_notes", sa.JSON(), server_default="[]", nullable=False)
            )
            batch.add_column(
                sa.Column("needs_review", sa.Boolean(), server_default=sa.false(), nullable=False)
            )
        # The default fills the rows there are; new rows get theirs from the application.
        with op.batch_alter_table(table) as batch:
            batch.alter_column("reading_notes", server_default=None)
    with op.batch_alter_table("plan") as batch:
        batch.add_column(
            sa.Column(
                "rating_definitions_source",
                sa.String(length=16),
                server_default="plan",
                nullable=False,
            )
        )
        batch.add_column(sa.Column("meeting_schedule", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("meeting_schedule")
        batch.drop_column("rating_definitions_source")
    for table in reversed(REVIEWABLE):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("needs_review")
            batch.drop_column("reading_notes")
