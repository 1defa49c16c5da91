"""Frontend teams can mock the API from the committed contract with Prism."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx

from tests.contract import ROOT, node_environment, node_modules
from tests.test_cli import free_port


def test_prism_mocks_the_contract(tmp_path: Path) -> None:
    prism = node_modules() / "prism"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "prism.log"
    # Prism logs every route it mocks; a file, not a pipe nobody reads, takes that output.
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(prism), "mock", "openapi/openapi.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT,
        env=node_environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    headers = {"Authorization": "Bearer ipa_000000000000_mock", "Accept": "application/json"}
    try:
        response = None
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline and process.poll() is None:
            try:
                response = httpx.get(f"{base}/api/v1/plans", headers=headers, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.25)
        assert response is not None, (
            f"Prism did not answer on {base} (exit {process.poll()})\n{log_path.read_text()}"
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/json")
        body = response.json()
        # The Stockton plan, and a page that is the whole list, so a pager stops.
        assert body["items"][0]["organisation"] == "Stockton-on-Tees Borough Council"
        assert body["next_cursor"] is None
        assert body["total"] == len(body["items"])
        unauthorised = httpx.get(f"{base}/api/v1/plans", timeout=5)
        assert unauthorised.status_code == 401
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
