"""The committed contract passes the committed Redocly ruleset (redocly.yaml) with no errors."""

from __future__ import annotations

import json
import subprocess

from tests.contract import ROOT, node_environment, node_modules


def test_openapi_document_passes_redocly_lint() -> None:
    redocly = node_modules() / "redocly"
    result = subprocess.run(
        [
            str(redocly),
            "lint",
            "openapi/openapi.yaml",
            "--config",
            "redocly.yaml",
            "--format",
            "json",
        ],
        cwd=ROOT,
        env=node_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    start = result.stdout.find("{")
    assert start >= 0, f"no JSON report\n{result.stdout}\n{result.stderr}"
    report = json.loads(result.stdout[start:])
    errors = [
        f"{p['ruleId']}: {p['message']} at {[loc.get('pointer') for loc in p['location']]}"
        for p in report["problems"]
        if p["severity"] == "error"
    ]
    assert report["totals"]["errors"] == 0, "\n".join(errors)
    assert result.returncode == 0, result.stderr
