"""The migrations build the schema the models describe, and can be undone, on both databases."""

from __future__ import annotations

import asyncio
import json

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, col

import app.models  # noqa: F401
from app.core.config import Settings
from app.core.db.engine import create_engine
from app.core.db.migrations import downgrade, upgrade
from app.models import Event


def _differences(connection: sa.Connection) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, SQLModel.metadata))


async def _tables_and_diff(database_url: str) -> tuple[set[str], list[object]]:
    engine = create_engine(Settings(database_url=database_url))
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
            diff = await connection.run_sync(_differences)
        return tables, diff
    finally:
        await engine.dispose()


async def test_models_and_migrations_agree(database_url: str) -> None:
    tables, diff = await _tables_and_diff(database_url)
    assert {"plan", "api_key", "audit_event", "alembic_version"} <= tables
    assert diff == []


async def test_downgrade_to_base_and_upgrade_again(database_url: str) -> None:
    await asyncio.to_thread(downgrade, database_url, "base")
    tables, _ = await _tables_and_diff(database_url)
    assert tables <= {"alembic_version"}

    await asyncio.to_thread(upgrade, database_url)
    tables, diff = await _tables_and_diff(database_url)
    assert "plan" in tables
    assert diff == []


async def test_events_stored_with_spaces_are_written_as_the_feed_sends_them(
    database_url: str,
) -> None:
    """The feed sends an event's stored representation as it is stored: those written with
    the spaces and escapes of Python's `json` are rewritten as pydantic writes them, past
    the migration's first batch of a thousand too."""
    await asyncio.to_thread(downgrade, database_url, "2026_12_07_eventnotify")
    values = [
        {"id": f"act_{n}", "title": "Caf\u00e9 \u201cquoted\u201d", "rag": None}
        for n in range(1002)
    ]
    engine = create_engine(Settings(database_url=database_url))
    # The text as Python's `json` wrote it, not as the connection's own JSON writer would.
    text = sa.bindparam("text", type_=sa.Text)
    stored = sa.cast(text, sa.JSON) if engine.dialect.name == "postgresql" else text
    try:
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(Event).values(
                    id=sa.bindparam("event_id"),
                    type="action.updated",
                    actor="system",
                    resource_type="action",
                    resource_id="act_1",
                    resource_url="/api/v1/actions/act_1",
                    data=stored,
                ),
                [
                    # The last one already written without spaces.
                    {
                        "event_id": f"evt_{n}",
                        "text": json.dumps(value, separators=(",", ":") if n == 1001 else None),
                    }
                    for n, value in enumerate(values)
                ],
            )
        await asyncio.to_thread(upgrade, database_url)
        async with engine.connect() as connection:
            rewritten = (
                await connection.scalars(
                    sa.select(sa.cast(col(Event.data), sa.Text)).order_by(col(Event.seq))
                )
            ).all()
    finally:
        await engine.dispose()
    assert json.dumps(values[0]).startswith('{"id": "act_0"')
    assert rewritten == [
        f'{{"id":"act_{n}","title":"Caf\u00e9 \u201cquoted\u201d","rag":null}}' for n in range(1002)
    ]
