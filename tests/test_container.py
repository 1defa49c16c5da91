"""The container's entrypoint, run as the image runs it (Docker itself does not run here)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.test_cli import free_port

ROOT = Path(__file__).resolve().parents[1]
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


def test_entrypoint_migrates_then_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
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
        }
    )
    process = subprocess.Popen(
        ["/bin/sh", str(ENTRYPOINT)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        ready = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/health/ready", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready is not None and ready.status_code == 200, process.stdout
        assert (tmp_path / "container.db").exists()
        # Production mode: docs stay on unless switched off, keys are required.
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/plans").status_code == 401
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    # uvicorn shuts down gracefully, then re-raises the signal as its exit status.
    assert process.returncode in (0, -signal.SIGTERM), output
    assert "Running upgrade" in output
    assert "Application shutdown complete" in output
