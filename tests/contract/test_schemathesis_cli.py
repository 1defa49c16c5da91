"""Schemathesis from outside, as an integrator runs it: `st run` on the served contract of a
live service on PostgreSQL, `--checks all`, every phase including the stateful one, with the
settings and the few documented exceptions in tests/contract/fuzz/schemathesis.toml.

It takes several minutes, so it runs with `make fuzz-contract` (IPA_CONTRACT_FUZZ=1) rather than
in every `make test`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import POSTGRES_URL
from tests.contract.live import postgres_database, serve

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "tests" / "contract" / "fuzz" / "schemathesis.toml"
# Each with its reason in CONFIG: archived items stay readable by id; a 405's Allow header is
# being fixed on another branch.
EXCLUDED = "use_after_free,allow_header_conformance"

pytestmark = pytest.mark.skipif(
    os.environ.get("IPA_CONTRACT_FUZZ") != "1" or POSTGRES_URL is None,
    reason="runs with `make fuzz-contract` (IPA_CONTRACT_FUZZ=1 and IPA_TEST_POSTGRES_URL)",
)


def test_schemathesis_finds_no_failure_against_a_live_service(tmp_path: Path) -> None:
    with postgres_database() as url, serve(tmp_path, url, IPA_RATE_LIMIT="") as live:
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
                "--workers",
                "2",
                "--header",
                f"Authorization: Bearer {live.key}",
            ],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
