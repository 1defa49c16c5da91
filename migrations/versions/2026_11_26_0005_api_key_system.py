"""API keys bound to a named integrating system; a key has at most one binding.

Revision ID: 2026_11_26_0005
Revises: 2026_11_26_0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_26_0005"
down_revision: str | None = "2026_11_26_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.add_column(sa.Column("system", sa.String(length=200), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f("ck_api_key_one_binding"), "officer_id IS NULL OR system IS NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_api_key_one_binding"), type_="check")
        batch_op.drop_column("system")
