"""Indexes for scale: the deciding update by one probe, a quarter's updates, filtered lists.

Revision ID: 2026_11_26_0006
Revises: 2026_11_26_0005
Create Date: 2026-11-26
"""

from collections.abc import Sequence

from alembic import op

revision: str = "2026_11_26_0006"
down_revision: str | None = "2026_11_26_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_status_update_action_effective", table_name="status_update")
    op.create_index(
        "ix_status_update_action_effective",
        "status_update",
        ["action_id", "effective_date", "created_at", "id"],
    )
    op.create_index(
        "ix_status_update_plan_effective", "status_update", ["plan_id", "effective_date"]
    )
    op.create_index("ix_action_area_rag_created", "action", ["area_id", "rag", "created_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_action_area_rag_created", table_name="action")
    op.drop_index("ix_status_update_plan_effective", table_name="status_update")
    op.drop_index("ix_status_update_action_effective", table_name="status_update")
    op.create_index(
        "ix_status_update_action_effective",
        "status_update",
        ["action_id", "effective_date", "created_at"],
    )
