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
    """The feed sends an event's stored representation as it is stored: one written with
    the spaces and escapes of Python's `json` is rewritten as pydantic writes it."""
    await asyncio.to_thread(downgrade, database_url, "2026_12_07_eventnotify")
    stored = json.dumps({"id": "act_1", "title": "Caf\u00e9 \u201cquoted\u201d", "rag": None})
    engine = create_engine(Settings(database_url=database_url))
    text = sa.literal(stored, sa.Text)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(Event).values(
                    id="evt_1",
                    type="action.updated",
                    actor="system",
                    resource_type="action",
                    resource_id="act_1",
                    resource_url="/api/v1/actions/act_1",
                    data=sa.cast(text, sa.JSON) if engine.dialect.name == "postgresql" else text,
                )
            )
        await asyncio.to_thread(upgrade, database_url)
        async with engine.connect() as connection:
            rewritten = await connection.scalar(sa.select(sa.cast(col(Event.data), sa.Text)))
    finally:
        await engine.dispose()
    assert stored.startswith('{"id": "act_1"')
    assert rewritten == '{"id":"act_1","title":"Caf\u00e9 \u201cquoted\u201d","rag":null}'
