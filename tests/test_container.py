"""The container's entrypoint, run as the image runs it (Docker itself does not run here):
production settings, JSON logs, a working directory holding `var/` as /srv does."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.test_cli import KEY_PATTERN, free_port

ROOT = Path(__file__).resolve().parents[1]
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


@dataclass
class Container:
    process: subprocess.Popen[str]
    base_url: str
    stdout: str = ""
    stderr: str = ""
    records: list[dict[str, Any]] = field(default_factory=list)

    def get(self, path: str, key: str | None = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.get(f"{self.base_url}{path}", headers=headers)


def production_env(tmp_path: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update(
        {
            "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '')}",
            "IPA_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/container.db",
            "IPA_ENVIRONMENT": "production",
            "IPA_SECRET_KEY": "s" * 48,
            "IPA_LOG_FORMAT": "json",
            "IPA_HOST": "127.0.0.1",
            "IPA_PORT": str(port),
            "IPA_WORKERS": "1",
            **extra,
        }
    )
    return env


def json_records(output: str) -> list[dict[str, Any]]:
    """Every line of a log stream as the JSON object it must be."""
    records = []
    for line in output.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            pytest.fail(f"a log line that is not JSON: {line!r}")
        assert isinstance(record, dict), line
        records.append(record)
    return records


@contextmanager
def running_container(tmp_path: Path, *args: str, **extra: str) -> Iterator[Container]:
    """The entrypoint serving until the block ends; then stopped with SIGTERM, its output
    read and checked to be JSON, line by line."""
    port = free_port()
    process = subprocess.Popen(
        ["/bin/sh", str(ENTRYPOINT), *args],
        cwd=tmp_path,
        env=production_env(tmp_path, port, **extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    container = Container(process, f"http://127.0.0.1:{port}")
    try:
        ready = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                ready = httpx.get(f"{container.base_url}/health/ready", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready is not None and ready.status_code == 200, process.communicate(timeout=10)
        yield container
    finally:
        process.send_signal(signal.SIGTERM)
        container.stdout, container.stderr = process.communicate(timeout=30)
    # uvicorn shuts down gracefully, then re-raises the signal as its exit status.
    assert process.returncode in (0, -signal.SIGTERM), container.stderr
    container.records = json_records(container.stdout) + json_records(container.stderr)


def test_entrypoint_migrates_then_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    with running_container(tmp_path) as container:
        assert (tmp_path / "container.db").exists()
        # Production mode: docs stay on unless switched off, keys are required.
        assert container.get("/api/v1/plans").status_code == 401
    messages = [record["message"] for record in container.records]
    assert any("Running upgrade" in message for message in messages)
    assert "Application shutdown complete." in messages


def test_production_loads_no_plan_and_keeps_the_first_key_out_of_the_log(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "first-admin-key"
    with running_container(tmp_path) as container:
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        key = key_file.read_text().strip()
        assert KEY_PATTERN.fullmatch(key)
        plans = container.get("/api/v1/plans", key)
        assert plans.status_code == 200, plans.text
        assert plans.json()["items"] == []
        assert container.get("/api/v1/me", key).json()["role"] == "admin"
    assert not KEY_PATTERN.findall(container.stdout + container.stderr)
    assert not [r for r in container.records if "Loaded the seed plan" in r["message"]]
    told = [r for r in container.records if r.get("admin_key_file") == str(key_file)]
    assert len(told) == 1 and told[0]["level"] == "INFO", container.records

    # A restart makes no second key and leaves the file alone.
    with running_container(tmp_path) as again:
        assert again.get("/api/v1/me", key).status_code == 200
    assert not [r for r in again.records if "admin_key_file" in r]
    assert key_file.read_text().strip() == key
    with sqlite3.connect(tmp_path / "container.db") as db:
        assert db.execute("SELECT count(*) FROM api_key").fetchone() == (1,)


@pytest.mark.parametrize(
    ("args", "extra"), [((), {"IPA_SEED": "true"}), (("--seed",), {})], ids=["IPA_SEED", "--seed"]
)
def test_production_loads_the_stockton_plan_only_when_told_to(
    tmp_path: Path, args: tuple[str, ...], extra: dict[str, str]
) -> None:
    key_file = tmp_path / "secrets" / "admin.key"
    with running_container(tmp_path, *args, IPA_ADMIN_KEY_FILE=str(key_file), **extra) as c:
        key = key_file.read_text().strip()
        plans = c.get("/api/v1/plans", key).json()["items"]
        assert [plan["organisation"] for plan in plans] == ["Stockton-on-Tees Borough Council"]
    assert any("Loaded the seed plan" in record["message"] for record in c.records)
    assert not KEY_PATTERN.findall(c.stdout + c.stderr)


def test_a_key_file_that_cannot_be_written_stops_start_up_before_any_key_exists(
    tmp_path: Path,
) -> None:
    (tmp_path / "not-a-directory").write_text("")
    key_file = tmp_path / "not-a-directory" / "admin.key"
    result = subprocess.run(
        ["/bin/sh", str(ENTRYPOINT)],
        cwd=tmp_path,
        env=production_env(tmp_path, free_port(), IPA_ADMIN_KEY_FILE=str(key_file)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    records = json_records(result.stdout) + json_records(result.stderr)
    errors = [r for r in records if r["level"] == "ERROR"]
    assert [r["admin_key_file"] for r in errors] == [str(key_file)]
    assert "improvement-plan keys create" in errors[0]["message"]
    with sqlite3.connect(tmp_path / "container.db") as db:
        assert db.execute("SELECT count(*) FROM api_key").fetchone() == (0,)
