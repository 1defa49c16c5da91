"""Schemathesis from outside, as an integrator runs it: `st run` on the served contract of a
live service on PostgreSQL, `--checks all`, every phase including the stateful one, with the
settings and the few documented exceptions in tests/contract/fuzz/schemathesis.toml.

It runs in every `make test` within the time that file gives it (`max-time`);
`make fuzz-contract` runs it alone for longer (IPA_CONTRACT_FUZZ_SECONDS). Under CI it may
not be skipped, like every PostgreSQL test.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL, SKIP_POSTGRES
from tests.contract.live import postgres_database, serve

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "contract" / "fuzz" / "schemathesis.toml"
# `--checks all` turns on what the config turns off: archived items stay readable by id, by
# design (its reason is in CONFIG).
EXCLUDED = "use_after_free"


def test_schemathesis_finds_no_failure_against_a_live_service(tmp_path: Path) -> None:
    if not POSTGRES_URL:
        if os.environ.get("CI"):
            pytest.fail("IPA_TEST_POSTGRES_URL is not set, and under CI no test may skip it")
        pytest.skip(SKIP_POSTGRES)
    longer = os.environ.get("IPA_CONTRACT_FUZZ_SECONDS")
    # No rate limits: the fuzzer sends far more requests, and far more with a wrong key, than
    # one client may; a 429 would stand in for the answer each check looks at.
    limits_off = {"IPA_RATE_LIMIT": "", "IPA_AUTH_FAILURE_RATE_LIMIT": ""}
    with postgres_database() as url, serve(tmp_path, url, **limits_off) as live:
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "st"),
                "--config-file",
                str(CONFIG),
                "run",
                f"{live.base_url}/openapi.json",
                "--url",
                live.base_url,
                "--checks",
                "all",
                "--exclude-checks",
                EXCLUDED,
                "--phases",
                "examples,coverage,fuzzing,stateful",
                # One worker: with two threads Hypothesis can trip a CPython 3.11 fault in
                # `ast.parse` ("AST constructor recursion depth mismatch") and stop a phase.
                "--workers",
                "1",
                "--header",
                f"Authorization: Bearer {live.key}",
                "--no-color",
                *(["--max-time", longer] if longer else []),
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=int(longer or 0) + 600,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
