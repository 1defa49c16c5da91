"""The `improvement-plan` command, run as a newcomer runs it."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from app.cli import should_seed
from app.core.config import Settings

KEY_PATTERN = re.compile(r"ipa_[0-9a-f]{12}_[A-Za-z0-9_-]+")
COMMAND = [sys.executable, "-m", "app.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update({"IPA_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/service.db", **extra})
    return env


@contextmanager
def running_server(tmp_path: Path, port: int) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    process = subprocess.Popen(
        [*COMMAND, "serve", "--port", str(port)],
        cwd=tmp_path,
        env=environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Uvicorn running" in line or "Application startup complete" in line:
                break
        yield process, lines
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_first_start_creates_and_prints_an_admin_key_once(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running_server(tmp_path, port) as (_, lines):
        output = "".join(lines)
        keys = KEY_PATTERN.findall(output)
        assert keys, output
        key = keys[0]
        assert "Authorization: Bearer" in output
        assert httpx.get(f"{base}/health/ready").status_code == 200
        assert httpx.get(f"{base}/api/v1/plans").status_code == 401
        listed = httpx.get(f"{base}/api/v1/plans", headers={"Authorization": f"Bearer {key}"})
        assert listed.status_code == 200
        plans = listed.json()["items"]
        assert [p["organisation"] for p in plans] == ["Stockton-on-Tees Borough Council"]
        tree = httpx.get(
            f"{base}/api/v1/plans/{plans[0]['id']}/tree",
            headers={"Authorization": f"Bearer {key}"},
        )
        assert len(tree.json()["areas"]) == 4
        assert httpx.get(f"{base}/docs").status_code == 200

    with running_server(tmp_path, port) as (_, lines):
        assert not KEY_PATTERN.findall("".join(lines))
        assert "Loaded the seed plan" not in "".join(lines)


def test_seed_loads_once_and_refuses_bad_files_loading_nothing(tmp_path: Path) -> None:
    env = environment(tmp_path)
    subprocess.run([*COMMAND, "migrate"], cwd=tmp_path, env=env, check=True, capture_output=True)
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: improvement-plan/v1\nplan: {}\n")
    refused = subprocess.run(
        [*COMMAND, "seed", str(bad)], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "Nothing was loaded" in refused.stderr and str(bad) in refused.stderr
    first = subprocess.run(
        [*COMMAND, "seed"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert "Loaded 'stockton-2023'" in first.stdout and "57 action" in first.stdout
    second = subprocess.run(
        [*COMMAND, "seed"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert "already loaded" in second.stdout


def test_migrate_then_keys_create(tmp_path: Path) -> None:
    env = environment(tmp_path)
    migrated = subprocess.run(
        [*COMMAND, "migrate"], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert "head" in migrated.stdout
    created = subprocess.run(
        [*COMMAND, "keys", "create", "--name", "Board papers script", "--role", "viewer"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert KEY_PATTERN.fullmatch(created.stdout.strip())


def test_keys_create_for_an_integrating_system(tmp_path: Path) -> None:
    env = environment(tmp_path)
    subprocess.run([*COMMAND, "migrate"], cwd=tmp_path, env=env, capture_output=True, check=True)
    created = subprocess.run(
        [*COMMAND, "keys", "create", "--name", "Case system", "--system", "Liquidlogic"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert KEY_PATTERN.fullmatch(created.stdout.strip())
    with sqlite3.connect(tmp_path / "service.db") as db:
        stored = db.execute("SELECT name, role, system, officer_id FROM api_key").fetchall()
    assert stored == [("Case system", "viewer", "Liquidlogic", None)]

    both = subprocess.run(
        [*COMMAND, "keys", "create", "--name", "x", "--system", "y", "--officer-id", "z"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert both.returncode != 0
    assert "not both" in both.stderr


def test_production_refuses_to_start_with_unsafe_settings(tmp_path: Path) -> None:
    result = subprocess.run(
        [*COMMAND, "migrate"],
        cwd=tmp_path,
        env=environment(tmp_path, IPA_ENVIRONMENT="production", IPA_CORS_ORIGINS='["*"]'),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "IPA_SECRET_KEY" in result.stderr
    assert "IPA_CORS_ORIGINS" in result.stderr


@pytest.mark.parametrize("subcommand", ["serve", "migrate", "seed", "openapi", "keys", "report"])
def test_every_subcommand_has_help(subcommand: str) -> None:
    result = subprocess.run([*COMMAND, subcommand, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "Usage" in result.stdout


@pytest.mark.parametrize(
    ("environment", "ipa_seed", "flag", "seeds"),
    [
        ("development", None, None, True),  # `make run` on a fresh machine
        ("development", "false", None, False),
        ("development", None, False, False),
        ("production", None, None, False),  # the image: a new council's database stays empty
        ("production", "true", None, True),
        ("production", None, True, True),
        ("production", "true", False, False),
    ],
)
def test_who_decides_whether_serve_loads_the_stockton_plan(
    monkeypatch: pytest.MonkeyPatch,
    environment: str,
    ipa_seed: str | None,
    flag: bool | None,
    seeds: bool,
) -> None:
    monkeypatch.setenv("IPA_ENVIRONMENT", environment)
    monkeypatch.setenv("IPA_SECRET_KEY", "s" * 48)
    if ipa_seed is None:
        monkeypatch.delenv("IPA_SEED", raising=False)
    else:
        monkeypatch.setenv("IPA_SEED", ipa_seed)
    assert should_seed(Settings(_env_file=None), flag) is seeds


def test_report_writes_the_last_closed_quarter_or_any_other_by_plan_key(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from app.models import utcnow
    from app.reports.quarters import Quarter

    env = environment(tmp_path)
    for step in (["migrate"], ["seed"]):
        subprocess.run([*COMMAND, *step], cwd=tmp_path, env=env, check=True, capture_output=True)
    pdf = subprocess.run(
        [*COMMAND, "report", "2023-24-Q2", "--plan", "stockton-2023", "--output-dir", "papers"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert pdf.returncode == 0, pdf.stderr
    written = Path("papers") / "stockton-2023-quarterly-report-2023-24-Q2.pdf"
    assert pdf.stdout.splitlines() == [f"wrote {written}"]
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / written).pages)
    assert "Quarter 2023-24-Q2" in text and "Every action (57)" in text
    last = Quarter.last_closed(utcnow().date()).label
    html = subprocess.run(
        [*COMMAND, "report", "--format", "html"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert html.returncode == 0, html.stderr
    assert html.stdout.splitlines() == [f"wrote stockton-2023-quarterly-report-{last}.html"]
    assert (
        f"Quarter {last}" in (tmp_path / f"stockton-2023-quarterly-report-{last}.html").read_text()
    )
    for args, code, said in (
        (["--plan", "nowhere"], 1, "no plan with id or key 'nowhere'"),
        (["2023-Q2", "--format", "docx"], 2, "YYYY-YY-QN"),
    ):
        refused = subprocess.run(
            [*COMMAND, "report", *args, "--output-dir", "refused"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert refused.returncode == code, refused.stderr
        assert said in refused.stderr and "Traceback" not in refused.stderr
    assert not (tmp_path / "refused").exists()
