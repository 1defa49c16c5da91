"""The access log: one record a request, which in the JSON format carries the method, the
route template, the status, the duration, the key and its system, the client's address and
the request id, at an ISO 8601 time with its zone."""

from __future__ import annotations

import json
import logging.config
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.logging import configure_logging
from app.models import Role
from tests.conftest import Clients
from tests.factories import make_action, make_area, make_plan
from tests.test_cli import free_port


def access_records(err: str) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    return [record for record in records if record.get("name") == "app.access"]


@contextmanager
def json_logs() -> Iterator[None]:
    """JSON logs to the standard error of the moment, which `capsys` reads in a test."""
    configure_logging(Settings(_env_file=None, log_format="json"))
    try:
        yield
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})


async def test_each_request_is_one_json_record_with_who_asked(
    clients: Clients, session: AsyncSession, capsys: pytest.CaptureFixture[str]
) -> None:
    action = await make_action(session, await make_area(session, await make_plan(session)))
    system = await clients.as_role(Role.viewer, system="Performance dashboard")
    url = f"/api/v1/actions/{action.id}"
    with json_logs():
        response = await system.get(url, headers={"X-Request-ID": "b" * 32})
        (record,) = access_records(capsys.readouterr().err)
    assert response.status_code == 200
    key_id = (await system.get("/api/v1/me")).json()["id"]
    assert record["method"] == "GET"
    assert record["route"] == "/api/v1/actions/{action_id}"
    assert record["path"] == f"/api/v1/actions/{action.id}"
    assert record["status"] == 200
    assert record["duration_ms"] >= 0
    assert record["key_id"] == key_id
    assert record["system"] == "Performance dashboard"
    assert record["client_address"] == "127.0.0.1"
    assert record["request_id"] == "b" * 32
    assert datetime.fromisoformat(record["time"]).utcoffset() is not None


async def test_a_refused_request_is_logged_without_a_key(
    client: httpx.AsyncClient, capsys: pytest.CaptureFixture[str]
) -> None:
    with json_logs():
        response = await client.get("/api/v1/plans")
        (record,) = access_records(capsys.readouterr().err)
    assert response.status_code == 401
    assert (record["route"], record["status"], record["key_id"]) == ("/api/v1/plans", 401, None)


@pytest.mark.parametrize(
    ("trusted", "logged"), [("127.0.0.1", "203.0.113.7"), ("192.0.2.1", "127.0.0.1")]
)
def test_the_client_address_is_the_trusted_proxys_forwarded_one(
    tmp_path: Path, trusted: str, logged: str
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update(
        IPA_DATABASE_URL=f"sqlite:///{tmp_path}/service.db",
        IPA_LOG_FORMAT="json",
        IPA_CREATE_ADMIN_KEY_ON_START="false",
        FORWARDED_ALLOW_IPS=trusted,
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--no-seed", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/health/live",
                    headers={"X-Forwarded-For": "203.0.113.7"},
                )
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        assert response.status_code == 200
    finally:
        process.terminate()
        _, err = process.communicate(timeout=30)
    (record,) = access_records(err)
    assert record["client_address"] == logged
