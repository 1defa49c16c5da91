"""A throwaway PostgreSQL cluster of a test's own: `initdb` into a temporary directory, its
own port and socket directory, so a test can stop and start it without touching the shared
server.

As root the cluster runs as the `postgres` OS user (initdb refuses root). When the tools are
missing the tests that need a cluster are skipped, except under CI (`CI=true`), where they
fail instead.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

SEARCH_PATHS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in SEARCH_PATHS:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def unavailable_reason() -> str | None:
    """Why a throwaway cluster cannot be made here, or None when it can."""
    if _bin_dir() is None:
        return "initdb and pg_ctl are not installed (PostgreSQL server binaries)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' OS user to run initdb as"
        if shutil.which("runuser") is None:
            return "running as root and runuser is not available to drop to 'postgres'"
    return None


def require_cluster() -> None:
    """Skip when a cluster cannot be made, but fail under CI, which must run these tests."""
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"a throwaway PostgreSQL cluster is needed in CI: {reason}")
    pytest.skip(reason)


class Cluster:
    """One initialised cluster; `start()` and `stop()` it as often as a test needs."""

    def __init__(self, folder: Path) -> None:
        bin_dir = _bin_dir()
        assert bin_dir is not None
        self.bin_dir = bin_dir
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.port = free_port()
        self._as_postgres = os.geteuid() == 0
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        )

    def _run(self, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed: {result.stdout}{result.stderr}{log}")
        return result

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=40"
        )
        self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "immediate") -> None:
        """Stop the server; `immediate` is a crash as far as clients can tell."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def is_running(self) -> bool:
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "status"]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, timeout=60).returncode == 0

    def url(self, database: str, driver: str = "asyncpg") -> str:
        return f"postgresql+{driver}://postgres@127.0.0.1:{self.port}/{database}"

    def dsn(self, database: str) -> str:
        """A libpq connection string, for psycopg."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create a database and return its asyncpg URL."""
        engine = sa.create_engine(self.url("postgres", "psycopg"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return self.url(name)


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    """A started cluster in a temporary directory, stopped and removed afterwards."""
    require_cluster()
    folder = Path(tempfile.mkdtemp(prefix="ipa-pg-"))
    try:
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(folder, postgres.pw_uid, postgres.pw_gid)
        cluster = Cluster(folder)
        cluster.start()
        try:
            yield cluster
        finally:
            if cluster.is_running():
                cluster.stop("fast")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
