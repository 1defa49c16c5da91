"""Status updates, due-date revisions and idempotency records; audit events and status
updates made append-only in the database itself.

Revision ID: 2026_11_26_0003
Revises: 2026_11_26_0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_26_0003"
down_revision: str | None = "2026_11_26_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


APPEND_ONLY = ("audit_event", "status_update")


def _append_only_up() -> None:
    """Refuse UPDATE and DELETE on the append-only tables, whatever the application does."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: rows cannot be changed or deleted',
                    TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END $$
            """
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()"
            )
        return
    for table in APPEND_ONLY:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def _append_only_down() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS refuse_change()")
        return
    for table in APPEND_ONLY:
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")


def upgrade() -> None:
    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("response_body", sa.JSON(), nullable=False),
        sa.Column("location", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_record")),
        sa.UniqueConstraint(
            "key_id", "idempotency_key", name=op.f("uq_idempotency_record_key_id_idempotency_key")
        ),
    )
    op.create_table(
        "due_date_revision",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("actor_key_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_due_date_revision_action_id_action")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_due_date_revision")),
    )
    with op.batch_alter_table("due_date_revision", schema=None) as batch_op:
        batch_op.create_index(
            "ix_due_date_revision_action_changed", ["action_id", "changed_at"], unique=False
        )

    op.create_table(
        "status_update",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.String(length=40), nullable=False),
        sa.Column("rag", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=True),
        sa.Column("next_steps", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("author_officer_id", sa.String(length=40), nullable=True),
        sa.Column("created_by_key_id", sa.String(length=40), nullable=True),
        sa.Column("corrects_update_id", sa.String(length=40), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_status_update_action_id_action")
        ),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_status_update_area_id_area")
        ),
        sa.ForeignKeyConstraint(
            ["author_officer_id"],
            ["officer.id"],
            name=op.f("fk_status_update_author_officer_id_officer"),
        ),
        sa.ForeignKeyConstraint(
            ["corrects_update_id"],
            ["status_update.id"],
            name=op.f("fk_status_update_corrects_update_id_status_update"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_status_update_plan_id_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_update")),
        sa.UniqueConstraint("corrects_update_id", name=op.f("uq_status_update_corrects_update_id")),
    )
    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.create_index(
            "ix_status_update_action_effective",
            ["action_id", "effective_date", "created_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_status_update_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_status_update_author"), ["author"], unique=False)
        batch_op.create_index(
            "ix_status_update_plan_created", ["plan_id", "created_at"], unique=False
        )

    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("due_date_revision_count", sa.Integer(), server_default="0", nullable=False)
        )

    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("update_interval_days", sa.Integer(), server_default="31", nullable=False)
        )
    _append_only_up()


def downgrade() -> None:
    _append_only_down()
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_column("update_interval_days")

    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_column("due_date_revision_count")

    with op.batch_alter_table("status_update", schema=None) as batch_op:
        batch_op.drop_index("ix_status_update_plan_created")
        batch_op.drop_index(batch_op.f("ix_status_update_author"))
        batch_op.drop_index(batch_op.f("ix_status_update_area_id"))
        batch_op.drop_index("ix_status_update_action_effective")

    op.drop_table("status_update")
    with op.batch_alter_table("due_date_revision", schema=None) as batch_op:
        batch_op.drop_index("ix_due_date_revision_action_changed")

    op.drop_table("due_date_revision")
    op.drop_table("idempotency_record")
