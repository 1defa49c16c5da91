"""A live service for the tests that drive it from outside: `improvement-plan serve` on a free
port, on a new SQLite file or a new PostgreSQL database, seeded with the Stockton plan."""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from tests.conftest import POSTGRES_URL, _run_admin
from tests.test_cli import COMMAND, KEY_PATTERN, environment, free_port


@dataclass(frozen=True)
class Live:
    base_url: str
    key: str


@contextmanager
def postgres_database() -> Iterator[str]:
    """A new, empty PostgreSQL database's URL; dropped afterwards."""
    assert POSTGRES_URL is not None
    name = f"ipa_live_{uuid.uuid4().hex[:12]}"
    _run_admin(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _run_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def serve(tmp_path: Path, database_url: str | None = None, **env: str) -> Iterator[Live]:
    """The service, seeded, with the admin key it prints on its first start."""
    port = free_port()
    extra = dict(env)
    if database_url is not None:
        extra["IPA_DATABASE_URL"] = database_url
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*COMMAND, "serve", "--port", str(port)],
            cwd=tmp_path,
            env=environment(tmp_path, **extra),
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    if httpx.get(f"{base_url}/health/ready", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.25)
            output = log_path.read_text()
            keys = KEY_PATTERN.findall(output)
            assert keys, f"the service did not start (exit {process.poll()}):\n{output}"
            yield Live(base_url, keys[0])
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
