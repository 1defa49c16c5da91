"""The backup drill, on SQLite and PostgreSQL: load the plan, post status updates, back up,
destroy the database, restore, and every row of every table is back, audit events and
status updates included. Run through the installed command, as an operator would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.http.idempotency import purge_idempotency_records
from app.models import IdempotencyRecord, Role, utcnow
from app.seeding.loader import default_seed_path, load_seed, read_seed_file
from tests.conftest import Clients

Snapshot = dict[str, list[str]]


def _sync_url(database_url: str) -> sa.URL:
    url = make_url(database_url)
    driver = "sqlite" if url.drivername.startswith("sqlite") else "postgresql+psycopg"
    return url.set(drivername=driver)


def _tables(database_url: str) -> Snapshot:
    """Every row of every table the database holds, in a comparable form."""
    engine = sa.create_engine(_sync_url(database_url))
    try:
        with engine.connect() as connection:
            names = sa.inspect(connection).get_table_names()
            return {
                name: sorted(
                    repr(tuple(row))
                    for row in connection.execute(sa.text(f'SELECT * FROM "{name}"'))  # noqa: S608
                )
                for name in names
            }
    finally:
        engine.dispose()


def _command(
    database_url: str, *args: str, settings: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`improvement-plan <args>` in a process of its own, on this database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update({"IPA_DATABASE_URL": database_url, "IPA_ENVIRONMENT": "test", **(settings or {})})
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _destroy(backend: str, database_url: str) -> None:
    """The database gone: the SQLite file deleted; the PostgreSQL database dropped and
    made again, empty."""
    url = make_url(database_url)
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{url.database}{suffix}").unlink(missing_ok=True)
        return
    admin = sa.create_engine(
        _sync_url(database_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{url.database}" WITH (FORCE)'))
            connection.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
    finally:
        admin.dispose()


async def _post_updates(admin: httpx.AsyncClient, count: int, tag: str) -> None:
    listed = await admin.get("/api/v1/actions", params={"limit": count, "parent_id": "none"})
    for n, action in enumerate(listed.json()["items"]):
        posted = await admin.post(
            f"/api/v1/actions/{action['id']}/status-updates",
            json={"rag": "amber", "status": "in_progress", "narrative": f"{tag} {n}.",
                  "next_steps": "Report to the board."},
            headers={"Idempotency-Key": f"{tag}-{n}"},
        )  # fmt: skip
        assert posted.status_code == 201, posted.text


async def test_backup_destroy_restore_brings_every_row_back(
    backend: str, database_url: str, session: AsyncSession, clients: Clients, tmp_path: Path
) -> None:
    await load_seed(session, read_seed_file(default_seed_path()))
    await session.close()  # hold no transaction open while pg_restore drops tables
    admin = await clients.as_role(Role.admin)
    await _post_updates(admin, 3, "Before the backup")
    before = _tables(database_url)
    assert len(before["status_update"]) == 3
    assert len(before["idempotency_record"]) == 3
    assert before["audit_event"] and before["action"] and before["api_key"]

    backup = tmp_path / "improvement-plan.backup"
    made = _command(database_url, "backup", str(backup))
    assert made.returncode == 0, made.stderr
    assert backup.is_file() and not backup.with_name(backup.name + ".part").exists()
    again = _command(database_url, "backup", str(backup))
    assert again.returncode == 1 and "exists already" in again.stderr

    # A restore over a database that holds data needs --replace; without it, nothing changes.
    await _post_updates(admin, 1, "After the backup")
    changed = _tables(database_url)
    assert len(changed["status_update"]) == 4
    refused = _command(database_url, "restore", str(backup))
    assert refused.returncode == 1 and "--replace" in refused.stderr, refused.stderr
    assert _tables(database_url) == changed
    replaced = _command(database_url, "restore", "--replace", str(backup))
    assert replaced.returncode == 0, replaced.stderr
    assert _tables(database_url) == before

    # The drill: the database destroyed, then restored from the backup.
    _destroy(backend, database_url)
    assert not _tables(database_url).get("status_update")
    restored = _command(database_url, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    after = _tables(database_url)
    assert after.keys() == before.keys()
    for table, rows in before.items():
        assert after[table] == rows, table


async def test_a_file_that_is_no_backup_restores_nothing(database_url: str, tmp_path: Path) -> None:
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a backup\n" * 100)
    before = _tables(database_url)
    refused = _command(database_url, "restore", str(not_a_backup))
    assert refused.returncode == 1 and refused.stderr.startswith("Nothing was restored"), (
        refused.stderr
    )
    assert "Traceback" not in refused.stderr
    assert _tables(database_url) == before


async def test_purge_deletes_idempotency_records_older_than_the_retention_only(
    session: AsyncSession,
) -> None:
    now = utcnow()
    for hours in (1, 167, 169, 1000):
        session.add(
            IdempotencyRecord(
                id=f"idem_{hours}", key_id="key_1", idempotency_key=f"k{hours}", method="POST",
                path="/api/v1/x", request_hash="0" * 64, status_code=201,
                created_at=now - timedelta(hours=hours),
            )
        )  # fmt: skip
    await session.commit()
    assert await purge_idempotency_records(session, older_than_hours=168) == 2
    kept = await session.scalars(sa.select(col(IdempotencyRecord.id)))
    assert sorted(kept) == ["idem_1", "idem_167"]


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_the_purge_command_uses_the_retention_setting(
    database_url: str, session: AsyncSession
) -> None:
    now = utcnow()
    for hours in (2, 30):
        session.add(
            IdempotencyRecord(
                id=f"idem_{hours}", key_id="key_1", idempotency_key=f"k{hours}", method="POST",
                path="/api/v1/x", request_hash="0" * 64, status_code=201,
                created_at=now - timedelta(hours=hours),
            )
        )  # fmt: skip
    await session.commit()
    await session.close()
    purged = _command(
        database_url, "purge-idempotency", settings={"IPA_IDEMPOTENCY_RETENTION_HOURS": "24"}
    )
    assert purged.returncode == 0, purged.stderr
    assert "Purged 1 idempotency records older than 24 hours" in purged.stdout
    assert _tables(database_url)["idempotency_record"][0].startswith("('idem_2'")
    assert len(_tables(database_url)["idempotency_record"]) == 1
