"""Sign-in with OpenID Connect: an officer's subject at the provider, and the signed-in
person or system recorded on audit events and status updates.

Revision ID: 2026_12_07_oidc
Revises: 2026_11_26_0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_07_oidc"
down_revision: str | None = "2026_12_07_events"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sign_in_subject", sa.String(length=200), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_officer_sign_in_subject"), ["sign_in_subject"]
        )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor_subject", sa.String(length=200), nullable=True))
    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_subject", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.drop_column("author_subject")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("actor_subject")
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_officer_sign_in_subject"), type_="unique")
        batch_op.drop_column("sign_in_subject")
