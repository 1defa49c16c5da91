"""A Redis server of a test's own: `redis-server` on a free port, no persistence.

Skipped when `redis-server` is not installed, except under CI (`CI=true`), where it fails:
`.ci/run` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path

import pytest

from tests.faults.cluster import free_port


def require_redis() -> str:
    found = shutil.which("redis-server")
    if found is not None:
        return found
    if os.environ.get("CI"):
        pytest.fail("redis-server is needed in CI (.ci/run installs it)")
    pytest.skip("redis-server is not installed (Debian's redis-server package)")


@dataclass(frozen=True)
class Redis:
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def command(self, *words: str) -> str:
        """One command over the Redis protocol; its reply as text (arrays joined by lines)."""
        request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as connection:
            connection.sendall(request.encode())
            reply = connection.makefile("rb")
            return _read_reply(reply)


def _read_reply(reply: BufferedReader) -> str:
    line = reply.readline().decode().rstrip("\r\n")
    kind, rest = line[:1], line[1:]
    if kind in "+:":
        return rest
    if kind == "-":
        raise RuntimeError(rest)
    if kind == "$":
        if int(rest) < 0:
            return ""
        return reply.read(int(rest) + 2)[:-2].decode()
    if kind == "*":
        return "\n".join(_read_reply(reply) for _ in range(max(int(rest), 0)))
    raise RuntimeError(f"unexpected reply: {line!r}")


@contextmanager
def redis_server(folder: Path) -> Iterator[Redis]:
    """A started `redis-server` bound to 127.0.0.1 on a free port, stopped afterwards."""
    binary = require_redis()
    port = free_port()
    log = folder / f"redis-{port}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(folder),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        server = Redis(port)
        deadline = time.monotonic() + 30
        while True:
            try:
                if server.command("PING") == "PONG":
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"redis-server did not start:\n{log.read_text()}")
            time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
