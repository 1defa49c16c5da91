"""Running Alembic from code: the CLI's `migrate`, `serve` and the readiness probe use this."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def migrations_dir() -> Path:
    """`migrations/` beside the package (a checkout), else in the working directory (an image)."""
    for candidate in (PROJECT_ROOT / "migrations", Path.cwd() / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("cannot find the migrations/ folder")


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("path_separator", "os")
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


def head_revisions(database_url: str) -> set[str]:
    return set(_script_heads())


@functools.cache
def _script_heads() -> frozenset[str]:
    """Read once per process: reading the scripts compiles each one, and they do not change
    under a running process (the tests start an app for each of hundreds of databases)."""
    return frozenset(ScriptDirectory.from_config(alembic_config("")).get_heads())
