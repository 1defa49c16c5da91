"""The Dockerfile passes hadolint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_dockerfile_passes_hadolint() -> None:
    hadolint = shutil.which(
        "hadolint", path=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"
    )
    if hadolint is None:
        pytest.skip("hadolint is not installed (it comes with the dev extra)")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
