"""Backups and restores of the service's database, for `improvement-plan backup` and
`restore`.

SQLite is copied with its online backup API, which takes a consistent copy while the
service keeps writing (the `-wal` file included). PostgreSQL is dumped with `pg_dump` in its
custom format and restored with `pg_restore`, in one transaction, so a restore that fails
leaves the database as it was. Both write the backup to a `.part` file first and rename it
once complete, so a backup file that exists is whole.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import create_async_engine

from app.core.config import Settings


class BackupError(Exception):
    """Why a backup or restore could not be made, in one line for the operator."""


def backup(settings: Settings, target: Path) -> None:
    """Write a backup of the database to `target`, a file that must not exist yet."""
    if target.exists():
        raise BackupError(f"{target} exists already; name a new file")
    partial = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
    except OSError as exc:
        raise BackupError(f"cannot write to {target.parent}: {exc.strerror or exc}") from exc
    try:
        if settings.is_sqlite:
            _backup_sqlite(_sqlite_file(settings), partial)
        else:
            _backup_postgres(make_url(settings.database_url), partial)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"SQLite could not copy the database: {exc}") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)


def restore(settings: Settings, source: Path, *, replace: bool = False) -> None:
    """Put the database back as `source` holds it. A database that holds tables already is
    only written over with `replace`."""
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    if settings.is_sqlite:
        try:
            _restore_sqlite(source, _sqlite_file(settings), replace=replace)
        except sqlite3.Error as exc:
            raise BackupError(f"SQLite could not restore the database: {exc}") from exc
    else:
        _restore_postgres(make_url(settings.database_url), source, replace=replace)


def _sqlite_file(settings: Settings) -> Path:
    path = settings.sqlite_path()
    if path is None:
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return path


def _tables_sqlite(connection: sqlite3.Connection) -> int:
    [(count,)] = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return int(count)


def _backup_sqlite(database: Path, target: Path) -> None:
    if not database.is_file():
        raise BackupError(f"no database at {database}")
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _restore_sqlite(source: Path, database: Path, *, replace: bool) -> None:
    backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            checked = backup_db.execute("PRAGMA quick_check").fetchone()
            has_schema = backup_db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source} is not a SQLite backup: {exc}") from exc
        if checked != ("ok",) or has_schema is None:
            raise BackupError(f"{source} is not a whole backup of this service's database")
        database.parent.mkdir(parents=True, exist_ok=True)
        live = sqlite3.connect(database)
        try:
            if _tables_sqlite(live) and not replace:
                raise BackupError(f"{database} holds data; restore with --replace to write over it")
            # The backup API copies every page in one step, under the database's lock.
            backup_db.backup(live)
        finally:
            live.close()
    finally:
        backup_db.close()


def _postgres_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian and Ubuntu: postgresql-client)")
    return found


def _libpq_environment(url: URL) -> dict[str, str]:
    """The connection as libpq's variables, so the password never appears in a process list."""
    env = dict(os.environ)
    values = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
        "PGSSLMODE": url.query.get("sslmode") or url.query.get("ssl"),
    }
    for name, value in values.items():
        if isinstance(value, str) and value:
            env[name] = value
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    # The tool is found on PATH and every argument is the service's own: no shell, no user text.
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        message = " ".join((result.stderr or result.stdout).split()) or f"exit {result.returncode}"
        raise BackupError(f"{Path(command[0]).name} failed: {message}")


def _backup_postgres(url: URL, target: Path) -> None:
    pg_dump = _postgres_tool("pg_dump")
    _run([pg_dump, "--format=custom", "--file", str(target)], _libpq_environment(url))


def _restore_postgres(url: URL, source: Path, *, replace: bool) -> None:
    pg_restore = _postgres_tool("pg_restore")
    env = _libpq_environment(url)
    _run([pg_restore, "--list", str(source)], env)  # a readable custom-format dump
    try:
        tables = asyncio.run(_postgres_tables(url))
    except (OSError, sa.exc.SQLAlchemyError) as exc:
        raise BackupError(
            f"cannot reach the database {url.database}: {exc.__class__.__name__}; "
            "create it empty first if it does not exist"
        ) from exc
    if tables and not replace:
        raise BackupError(
            f"the database {url.database} holds data; restore with --replace to write over it"
        )
    _run(
        [
            pg_restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            url.database or "",
            str(source),
        ],
        env,
    )


async def _postgres_tables(url: URL) -> int:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            count = await connection.scalar(
                sa.text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")
            )
            return int(count or 0)
    finally:
        await engine.dispose()
