"""Plan content: areas, outcomes, objectives, actions, success criteria, officers,
strategies and inspection actions.

Revision ID: 2026_11_26_0002
Revises: 2026_11_26_0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2026_11_26_0002"
down_revision: str | None = "2026_11_26_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "officer",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("job_title", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("is_role", sa.Boolean(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_officer")),
    )
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.create_index(
            "ix_officer_organisation_name", ["organisation", "name"], unique=False
        )

    op.create_table(
        "area",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("aim", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_area_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_area")),
        sa.UniqueConstraint("plan_id", "ref", name=op.f("uq_area_plan_id_ref")),
    )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_area_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "inspection_action",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_inspection_action_plan_id_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_action")),
        sa.UniqueConstraint(
            "plan_id", "source", "number", name=op.f("uq_inspection_action_plan_id_source_number")
        ),
    )
    with op.batch_alter_table("inspection_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_action_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "strategy",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("owner", sa.String(length=200), nullable=True),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_strategy_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy")),
    )
    with op.batch_alter_table("strategy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strategy_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "outcome",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.String(length=40), nullable=False),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_outcome_area_id_area")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_outcome_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
        sa.UniqueConstraint("plan_id", "ref", name=op.f("uq_outcome_plan_id_ref")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outcome_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outcome_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "objective",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.String(length=40), nullable=False),
        sa.Column("outcome_id", sa.String(length=40), nullable=False),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_objective_area_id_area")),
        sa.ForeignKeyConstraint(
            ["outcome_id"], ["outcome.id"], name=op.f("fk_objective_outcome_id_outcome")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_objective_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
        sa.UniqueConstraint("plan_id", "ref", name=op.f("uq_objective_plan_id_ref")),
    )
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objective_area_id"), ["area_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objective_outcome_id"), ["outcome_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_objective_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "action",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.String(length=40), nullable=False),
        sa.Column("outcome_id", sa.String(length=40), nullable=True),
        sa.Column("objective_id", sa.String(length=40), nullable=True),
        sa.Column("parent_id", sa.String(length=40), nullable=True),
        sa.Column("ref", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("timescale", sa.String(length=100), nullable=True),
        sa.Column("timescale_readable", sa.Boolean(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("original_due_date", sa.Date(), nullable=True),
        sa.Column("recurrence", sa.String(length=16), nullable=False),
        sa.Column("rag", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("last_update_date", sa.Date(), nullable=True),
        sa.Column("completed_date", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "rag IS NULL OR rag IN ('red', 'amber', 'green', 'blue')", name=op.f("ck_action_rag")
        ),
        sa.CheckConstraint(
            "recurrence IN ('none', 'ongoing', 'quarterly', 'monthly')",
            name=op.f("ck_action_recurrence"),
        ),
        sa.CheckConstraint(
            "status IN ('not_started', 'in_progress', 'complete', 'deferred', 'cancelled')",
            name=op.f("ck_action_status"),
        ),
        sa.CheckConstraint(
            "objective_id IS NULL OR outcome_id IS NOT NULL",
            name=op.f("ck_action_objective_needs_outcome"),
        ),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], name=op.f("fk_action_area_id_area")),
        sa.ForeignKeyConstraint(
            ["objective_id"], ["objective.id"], name=op.f("fk_action_objective_id_objective")
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"], ["outcome.id"], name=op.f("fk_action_outcome_id_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["action.id"], name=op.f("fk_action_parent_id_action")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_action_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
        sa.UniqueConstraint("plan_id", "ref", name=op.f("uq_action_plan_id_ref")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_action_area_id"), ["area_id"], unique=False)
        batch_op.create_index("ix_action_due_date", ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_objective_id"), ["objective_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_outcome_id"), ["outcome_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(
            "ix_action_plan_area_position", ["plan_id", "area_id", "position"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_rag"), ["rag"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_status"), ["status"], unique=False)

    op.create_table(
        "success_criterion",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("plan_id", sa.String(length=40), nullable=False),
        sa.Column("area_id", sa.String(length=40), nullable=True),
        sa.Column("outcome_id", sa.String(length=40), nullable=True),
        sa.Column("objective_id", sa.String(length=40), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN area_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN outcome_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN objective_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_success_criterion_one_parent"),
        ),
        sa.ForeignKeyConstraint(
            ["area_id"], ["area.id"], name=op.f("fk_success_criterion_area_id_area")
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_success_criterion_objective_id_objective"),
        ),
        sa.ForeignKeyConstraint(
            ["outcome_id"], ["outcome.id"], name=op.f("fk_success_criterion_outcome_id_outcome")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_success_criterion_plan_id_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_success_criterion")),
    )
    with op.batch_alter_table("success_criterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_success_criterion_area_id"), ["area_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_success_criterion_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_success_criterion_outcome_id"), ["outcome_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_success_criterion_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "action_inspection_action",
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("inspection_action_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_action_inspection_action_action_id_action")
        ),
        sa.ForeignKeyConstraint(
            ["inspection_action_id"],
            ["inspection_action.id"],
            name=op.f("fk_action_inspection_action_inspection_action_id_inspection_action"),
        ),
        sa.PrimaryKeyConstraint(
            "action_id", "inspection_action_id", name=op.f("pk_action_inspection_action")
        ),
    )
    with op.batch_alter_table("action_inspection_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_inspection_action_inspection_action_id"),
            ["inspection_action_id"],
            unique=False,
        )

    op.create_table(
        "action_lead_officer",
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("officer_id", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_action_lead_officer_action_id_action")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_action_lead_officer_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("action_id", "officer_id", name=op.f("pk_action_lead_officer")),
    )
    with op.batch_alter_table("action_lead_officer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_lead_officer_officer_id"), ["officer_id"], unique=False
        )

    op.create_table(
        "action_success_criterion",
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("criterion_id", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_action_success_criterion_action_id_action")
        ),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["success_criterion.id"],
            name=op.f("fk_action_success_criterion_criterion_id_success_criterion"),
        ),
        sa.PrimaryKeyConstraint(
            "action_id", "criterion_id", name=op.f("pk_action_success_criterion")
        ),
    )
    with op.batch_alter_table("action_success_criterion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_success_criterion_criterion_id"), ["criterion_id"], unique=False
        )

    op.create_table(
        "strategy_link",
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("action_id", sa.String(length=40), nullable=False),
        sa.Column("strategy_id", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"], ["action.id"], name=op.f("fk_strategy_link_action_id_action")
        ),
        sa.ForeignKeyConstraint(
            ["strategy_id"], ["strategy.id"], name=op.f("fk_strategy_link_strategy_id_strategy")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy_link")),
    )
    with op.batch_alter_table("strategy_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_strategy_link_action_id"), ["action_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_strategy_link_strategy_id"), ["strategy_id"], unique=False
        )
        batch_op.create_index(
            "uq_strategy_link_live",
            ["action_id", "strategy_id"],
            unique=True,
            sqlite_where=sa.text("archived_at IS NULL"),
            postgresql_where=sa.text("archived_at IS NULL"),
        )

    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_api_key_officer_id_officer"), "officer", ["officer_id"], ["id"]
        )

    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seed_key", sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_plan_seed_key"), ["seed_key"])


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_plan_seed_key"), type_="unique")
        batch_op.drop_column("seed_key")

    with op.batch_alter_table("api_key", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_api_key_officer_id_officer"), type_="foreignkey")

    with op.batch_alter_table("strategy_link", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_strategy_link_live",
            sqlite_where=sa.text("archived_at IS NULL"),
            postgresql_where=sa.text("archived_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_strategy_link_strategy_id"))
        batch_op.drop_index(batch_op.f("ix_strategy_link_action_id"))

    op.drop_table("strategy_link")
    with op.batch_alter_table("action_success_criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_success_criterion_criterion_id"))

    op.drop_table("action_success_criterion")
    with op.batch_alter_table("action_lead_officer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_lead_officer_officer_id"))

    op.drop_table("action_lead_officer")
    with op.batch_alter_table("action_inspection_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_inspection_action_inspection_action_id"))

    op.drop_table("action_inspection_action")
    with op.batch_alter_table("success_criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_success_criterion_plan_id"))
        batch_op.drop_index(batch_op.f("ix_success_criterion_outcome_id"))
        batch_op.drop_index(batch_op.f("ix_success_criterion_objective_id"))
        batch_op.drop_index(batch_op.f("ix_success_criterion_area_id"))

    op.drop_table("success_criterion")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_status"))
        batch_op.drop_index(batch_op.f("ix_action_rag"))
        batch_op.drop_index(batch_op.f("ix_action_plan_id"))
        batch_op.drop_index("ix_action_plan_area_position")
        batch_op.drop_index(batch_op.f("ix_action_parent_id"))
        batch_op.drop_index(batch_op.f("ix_action_outcome_id"))
        batch_op.drop_index(batch_op.f("ix_action_objective_id"))
        batch_op.drop_index("ix_action_due_date")
        batch_op.drop_index(batch_op.f("ix_action_area_id"))

    op.drop_table("action")
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_objective_plan_id"))
        batch_op.drop_index(batch_op.f("ix_objective_outcome_id"))
        batch_op.drop_index(batch_op.f("ix_objective_area_id"))

    op.drop_table("objective")
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_plan_id"))
        batch_op.drop_index(batch_op.f("ix_outcome_area_id"))

    op.drop_table("outcome")
    with op.batch_alter_table("strategy", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_strategy_plan_id"))

    op.drop_table("strategy")
    with op.batch_alter_table("inspection_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_action_plan_id"))

    op.drop_table("inspection_action")
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_area_plan_id"))

    op.drop_table("area")
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.drop_index("ix_officer_organisation_name")

    op.drop_table("officer")
