"""Contract tooling tests: the TypeScript client, Redocly lint and the Prism mock server.

They use the Node packages pinned in clients/typescript/package-lock.json. `node_modules()`
installs them with `npm ci` once (under a file lock, so pytest-xdist workers do not install
twice at the same time) when they are missing, and is shared by every test module here.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "typescript"
BIN = CLIENT / "node_modules" / ".bin"
# npm writes this file last, so its presence means a complete install.
INSTALLED = CLIENT / "node_modules" / ".package-lock.json"


def node_environment(**extra: str) -> dict[str, str]:
    """The environment for Node tools: no update notices or telemetry, no colours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env.update(
        {
            "NO_COLOR": "1",
            "FORCE_COLOR": "0",
            "NO_UPDATE_NOTIFIER": "1",
            "npm_config_update_notifier": "false",
            "npm_config_fund": "false",
            "npm_config_audit": "false",
            "REDOCLY_TELEMETRY": "off",
            "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
            **extra,
        }
    )
    return env


def run(
    command: list[str], cwd: Path, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its output when it exits non-zero."""
    result = subprocess.run(
        command,
        cwd=cwd,
        env=node_environment(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` in {cwd} exited {result.returncode}\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
        )
    return result


def npm() -> str:
    found = shutil.which("npm")
    if found is None:
        reason = (
            "npm is not installed: the contract tests need Node.js 20.19+ and npm "
            "(install Node.js; `make test` then runs `npm ci` in clients/typescript)."
        )
        # CI must run them; on a Python-only machine they are skipped and say why.
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


@functools.cache
def node_modules() -> Path:
    """clients/typescript/node_modules/.bin, after `npm ci` if the packages are missing."""
    executable = npm()
    lock_path = Path(tempfile.gettempdir()) / f"ipa-npm-ci-{os.getuid()}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not INSTALLED.exists():
                run([executable, "ci", "--no-audit", "--no-fund"], CLIENT, timeout=300)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return BIN
