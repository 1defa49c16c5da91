"""Copies of the service as deployed: `improvement-plan serve` processes of their own,
started together and always stopped, even when a test fails."""

from __future__ import annotations

import os
import signal
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
from tests.faults.service import CLIENT_TIMEOUT, KEY_PATTERN

# A new connection for every request, so that requests reach each worker of a copy in
# turn rather than all riding one kept-alive connection to one worker.
NO_KEEPALIVE = httpx.Limits(max_keepalive_connections=0)


@dataclass(frozen=True)
class Instance:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path
    metrics_url: str | None = None

    def admin_key(self) -> str:
        keys = KEY_PATTERN.findall(self.log.read_text())
        assert keys, self.log.read_text()
        return str(keys[0])

    def client(self, key: str) -> httpx.AsyncClient:
        """A client checked against the contract, opening a connection per request."""
        return httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {key}"},
            timeout=CLIENT_TIMEOUT,
            limits=NO_KEEPALIVE,
            event_hooks={"response": [conformance.hook]},
        )


@dataclass(frozen=True)
class Spec:
    """How to start one copy: `serve`'s arguments and its IPA_* settings."""

    args: tuple[str, ...] = ()
    settings: tuple[tuple[str, str], ...] = ()
    metrics_port: bool = False


def spec(*args: str, settings: dict[str, str] | None = None, metrics_port: bool = False) -> Spec:
    return Spec(args, tuple((settings or {}).items()), metrics_port)


@contextmanager
def running(folder: Path, database_url: str, *specs: Spec) -> Iterator[list[Instance]]:
    """Start every copy at once on the database, wait until all are ready, stop them all
    afterwards. Output goes to files so a busy server never blocks on a full pipe."""
    started: list[Instance] = []
    try:
        for each in specs:
            started.append(_start(folder, database_url, each))
        for instance in started:
            _wait_until_ready(instance)
        yield started
    finally:
        for instance in started:
            instance.process.terminate()
        for instance in started:
            try:
                instance.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                # The whole group: the workers too, not only the process that started them.
                os.killpg(instance.process.pid, signal.SIGKILL)
                instance.process.wait(timeout=30)


def _start(folder: Path, database_url: str, each: Spec) -> Instance:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    env.update({"IPA_DATABASE_URL": database_url, "IPA_ENVIRONMENT": "test", **dict(each.settings)})
    metrics_url = None
    if each.metrics_port:
        metrics_port = free_port()
        env["IPA_METRICS_PORT"] = str(metrics_port)
        metrics_url = f"http://127.0.0.1:{metrics_port}/metrics"
    log = folder / f"serve-{port}.log"
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *each.args]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return Instance(f"http://127.0.0.1:{port}", process, log, metrics_url)


def _wait_until_ready(instance: Instance) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            raise AssertionError(
                f"serve exited with {instance.process.returncode}:\n{instance.log.read_text()}"
            )
        try:
            ready = httpx.get(f"{instance.base_url}/health/ready", timeout=5)
            if ready.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"serve did not become ready:\n{instance.log.read_text()}")
