"""The service as it is deployed: `improvement-plan serve` in a process of its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests import conformance
from tests.faults.cluster import free_port

KEY_PATTERN = re.compile(r"ipa_[0-9a-f]{12}_[A-Za-z0-9_-]+")
# Generous: a request that takes longer than this is a hang, and fails the test.
CLIENT_TIMEOUT = httpx.Timeout(30.0)


@dataclass(frozen=True)
class Service:
    base_url: str
    admin_key: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, key: str | None = None) -> httpx.AsyncClient:
        """A client checked against the contract, with the admin key unless told otherwise."""
        return httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {key or self.admin_key}"},
            timeout=CLIENT_TIMEOUT,
            event_hooks={"response": [conformance.hook]},
        )


@contextmanager
def serving(folder: Path, database_url: str, *args: str, **settings: str) -> Iterator[Service]:
    """Run `serve` on a free port (it loads the seed plan and prints an admin key), wait until
    it is ready, and stop it afterwards. Output goes to a file so a busy server never blocks
    on a full pipe."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update({"IPA_DATABASE_URL": database_url, "IPA_ENVIRONMENT": "test", **settings})
    log = folder / f"serve-{port}.log"
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *args]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=folder, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(process, base_url, log)
        keys = KEY_PATTERN.findall(log.read_text())
        assert keys, log.read_text()
        yield Service(base_url, keys[0], process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/health/ready", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise AssertionError(f"serve did not become ready:\n{log.read_text()}")
