"""Wake webhook workers when events commit: on PostgreSQL, a statement that inserts events
notifies the channel `ipa_events`, delivered when (and only if) its transaction commits.

Revision ID: 2026_12_07_eventnotify
Revises: 2026_12_07_oidc
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "2026_12_07_eventnotify"
down_revision: str | None = "2026_12_07_oidc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite has no notifications: its workers poll.
    op.execute(
        """
        CREATE FUNCTION event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('ipa_events', '');
            RETURN NULL;
        END
        $$
        """
    )
    # Once per statement, not per row: a transaction's events are one insert, one wake-up.
    op.execute(
        "CREATE TRIGGER event_notify AFTER INSERT ON event "
        "FOR EACH STATEMENT EXECUTE FUNCTION event_notify()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER event_notify ON event")
    op.execute("DROP FUNCTION event_notify()")
