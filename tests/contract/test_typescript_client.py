"""The TypeScript client: types generated from the committed contract, an example program that
type-checks against them (so a renamed or removed field breaks `tsc`), and that program run
against a live server."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.contract import CLIENT, node_environment, node_modules, npm, run
from tests.test_cli import KEY_PATTERN, free_port, running_server


def test_generated_client_type_checks_builds_and_drives_a_live_server(tmp_path: Path) -> None:
    node_modules()
    executable = npm()
    run([executable, "run", "generate"], CLIENT)
    assert (CLIENT / "src" / "schema.d.ts").is_file()
    run([executable, "run", "typecheck"], CLIENT)
    run([executable, "run", "build"], CLIENT)
    assert (CLIENT / "dist" / "example.js").is_file()

    port = free_port()
    with running_server(tmp_path, port) as (_, lines):
        keys = KEY_PATTERN.findall("".join(lines))
        assert keys, "".join(lines)
        result = subprocess.run(
            ["node", "dist/example.js"],
            cwd=CLIENT,
            env=node_environment(IPA_BASE_URL=f"http://127.0.0.1:{port}", IPA_API_KEY=keys[0]),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["ok"] is True
    assert summary["plan"]["plans"] == 1
    assert summary["plan"]["areas"] == 4
    assert 1 <= summary["filter"]["returned"] <= 5
    assert summary["filter"]["matched"] >= summary["filter"]["returned"]
    action = summary["action"]
    assert action["etag"] and action["new_etag"] and action["etag"] != action["new_etag"]
    update = summary["status_update"]
    assert update["id"] == update["retry_id"]
    assert update["same_id"] is True
    assert update["replayed"] is True
    assert (update["rag"], update["status"]) == ("green", "in_progress")
