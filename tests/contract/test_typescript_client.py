"""The TypeScript client package: types generated from the committed contract, helpers and an
example program that type-check against them (so a renamed or removed field breaks `tsc`), a
package a frontend team installs (its version the contract's), and all of it run against a live
service, with a rate limit small enough that its retries are used."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.contract import CLIENT, ROOT, node_environment, node_modules, npm, run
from tests.contract.live import serve


def test_the_package_builds_with_its_types_and_the_contract_version() -> None:
    node_modules()
    executable = npm()
    run([executable, "run", "generate"], CLIENT)
    assert (CLIENT / "src" / "schema.ts").is_file()
    run([executable, "run", "typecheck"], CLIENT)
    run([executable, "run", "build"], CLIENT)
    package = json.loads((CLIENT / "package.json").read_text())
    contract = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert package["version"] == contract["info"]["version"]
    assert "private" not in package
    entry = package["exports"]["."]
    packed = json.loads(
        run([executable, "pack", "--dry-run", "--json", "--ignore-scripts"], CLIENT).stdout
    )
    files = {item["path"] for item in packed[0]["files"]}
    assert {entry["import"].removeprefix("./"), entry["types"].removeprefix("./")} <= files
    assert "dist/schema.d.ts" in files
    assert not any(name.startswith("src/") or "test" in name for name in files)


def test_the_example_and_the_helpers_drive_a_live_service(tmp_path: Path) -> None:
    node_modules()
    executable = npm()
    run([executable, "run", "generate"], CLIENT)
    run([executable, "run", "build"], CLIENT)
    with serve(tmp_path, IPA_RATE_LIMIT="20 per 5 seconds") as live:
        environment = node_environment(IPA_BASE_URL=live.base_url, IPA_API_KEY=live.key)
        example = subprocess.run(
            ["node", "dist/example.js"],
            cwd=CLIENT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert example.returncode == 0, f"{example.stdout}\n{example.stderr}"
        summary = json.loads(example.stdout.strip().splitlines()[-1])
        assert summary["ok"] is True
        assert summary["plan"]["areas"] == 4
        assert summary["status_update"]["replayed"] is True
        helpers = subprocess.run(
            ["node", "--test", "dist/live.test.js"],
            cwd=CLIENT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert helpers.returncode == 0, f"{helpers.stdout}\n{helpers.stderr}"
    assert "# pass 1" in helpers.stdout
