"""`IPA_DATABASE_URL` takes the forms other tools use (`postgresql://`, `postgres://`,
`postgresql+psycopg://`, `sqlite:///`) and runs them on the service's async drivers; a
database the service does not run on stops every command with one line saying so."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from pydantic import ValidationError

from app.core.config import Settings
from app.core.db.engine import create_engine
from tests.conftest import POSTGRES_URL

COMMAND = [sys.executable, "-m", "app.cli"]


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://ipa:pw@db:5432/ipa", "postgresql+asyncpg://ipa:pw@db:5432/ipa"),
        ("postgres://ipa:p%40ss@db/ipa", "postgresql+asyncpg://ipa:p%40ss@db/ipa"),
        ("postgresql+psycopg://ipa@db/ipa", "postgresql+asyncpg://ipa@db/ipa"),
        ("postgresql+psycopg2://ipa@db/ipa", "postgresql+asyncpg://ipa@db/ipa"),
        ("postgresql+asyncpg://ipa@db/ipa", "postgresql+asyncpg://ipa@db/ipa"),
        (
            "postgresql://ipa@db/ipa?application_name=x&sslmode=require",
            "postgresql+asyncpg://ipa@db/ipa?application_name=x&ssl=require",
        ),
        ("sqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("sqlite:////srv/var/x.db", "sqlite+aiosqlite:////srv/var/x.db"),
        ("sqlite+pysqlite:///x.db", "sqlite+aiosqlite:///x.db"),
        ("sqlite+aiosqlite:///:memory:", "sqlite+aiosqlite:///:memory:"),
    ],
)
def test_usual_forms_get_the_async_driver(given: str, used: str) -> None:
    assert Settings(_env_file=None, database_url=given).database_url == used


@pytest.mark.parametrize("given", ["mysql://u@h/db", "mssql+pyodbc://h/db", "x.db", "", "http://h"])
def test_a_database_the_service_does_not_run_on_is_refused(given: str) -> None:
    with pytest.raises(ValidationError, match="unsupported database URL"):
        Settings(_env_file=None, database_url=given)


def _environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    return {**env, **extra}


@pytest.mark.parametrize(
    "command", [["migrate"], ["seed"], ["keys", "create", "--name", "Ops"], ["serve"]]
)
def test_an_unsupported_url_stops_each_command_with_one_line(
    tmp_path: Path, command: list[str]
) -> None:
    result = subprocess.run(
        [*COMMAND, *command],
        cwd=tmp_path,
        env=_environment(IPA_DATABASE_URL="mysql://ipa@db/ipa"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "improvement-plan: IPA_DATABASE_URL: unsupported database URL (mysql); use "
        "postgresql://user:password@host/name or sqlite:///path/to/file.db"
    ]
    assert "Traceback" not in result.stdout + result.stderr


def test_migrate_and_keys_take_a_plain_sqlite_url(tmp_path: Path) -> None:
    env = _environment(IPA_DATABASE_URL="sqlite:///plain.db")
    for command in (["migrate"], ["keys", "create", "--name", "Ops", "--role", "admin"]):
        result = subprocess.run(
            [*COMMAND, *command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "plain.db") as db:
        assert db.execute("select name from api_key").fetchall() == [("Ops",)]


@pytest.mark.skipif(not POSTGRES_URL, reason="needs IPA_TEST_POSTGRES_URL")
async def test_a_plain_postgresql_url_connects() -> None:
    plain = POSTGRES_URL.replace("postgresql+asyncpg://", "postgresql://", 1)
    engine = create_engine(Settings(_env_file=None, database_url=plain))
    try:
        async with engine.connect() as connection:
            assert await connection.scalar(sa.text("select 1")) == 1
    finally:
        await engine.dispose()
