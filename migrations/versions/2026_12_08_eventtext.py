"""Events' stored representations written as pydantic writes JSON, no spaces between
members: the change feed sends them as they are stored. Only the spacing and escapes
change; every value stays as it was.

Revision ID: 2026_12_08_eventtext
Revises: 2026_12_07_eventnotify
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import orjson
import sqlalchemy as sa
from alembic import op

revision: str = "2026_12_08_eventtext"
down_revision: str | None = "2026_12_07_eventnotify"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000


def upgrade() -> None:
    connection = op.get_bind()
    event = sa.table("event", sa.column("seq", sa.BigInteger), sa.column("data", sa.JSON))
    # The text as written here, not as the connection's own JSON writer would write it.
    text = sa.bindparam("text", type_=sa.Text)
    postgres = connection.dialect.name == "postgresql"
    write = (
        sa.update(event)
        .where(event.c.seq == sa.bindparam("key"))
        .values(data=sa.cast(text, sa.JSON) if postgres else text)
    )
    after = 0
    while rows := connection.execute(
        sa.select(event.c.seq, sa.cast(event.c.data, sa.Text))
        .where(event.c.seq > after)
        .order_by(event.c.seq)
        .limit(BATCH)
    ).all():
        changed = []
        for seq, stored in rows:
            compact = orjson.dumps(orjson.loads(stored), option=orjson.OPT_NON_STR_KEYS).decode()
            if compact != stored:
                changed.append({"key": seq, "text": compact})
        if changed:
            connection.execute(write, changed)
        after = rows[-1][0]


def downgrade() -> None:
    # The compact text is the same JSON; there is nothing to undo.
    pass
