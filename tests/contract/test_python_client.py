"""Third-party generators read the contract without a warning, and the Python client package
built from openapi-python-client's output works against a live service: the integrator's round
through the generated client (type-checked by mypy), and the package's `Api` helpers."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import time
import tomllib
import uuid
from pathlib import Path

import pytest
from improvement_plan_client import Api, ProblemError
from improvement_plan_client.generated.api.actions import get_action, list_actions, update_action
from improvement_plan_client.generated.api.api_keys import get_me
from improvement_plan_client.generated.api.plans import list_plans
from improvement_plan_client.generated.api.reports import get_quarterly_report_csv
from improvement_plan_client.generated.api.status_updates import create_status_update
from improvement_plan_client.generated.models import (
    ActionPage,
    ActionRead,
    ActionUpdate,
    DeliveryStatus,
    Me,
    PlanPage,
    StatusUpdateCreate,
    StatusUpdateRead,
)

from tests.contract.live import serve

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "openapi" / "openapi.json"
PACKAGE = ROOT / "clients" / "python"
GENERATED = PACKAGE / "improvement_plan_client" / "generated"
BIN = Path(sys.executable).parent
REGENERATE = "Run 'make client-python' and commit clients/python."


def tool_environment() -> dict[str, str]:
    # openapi-python-client formats its output with the ruff beside it in the venv.
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def differences(left: Path, right: Path) -> list[str]:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"])
    found = [f"only in {left}: {n}" for n in compared.left_only]
    found += [f"only in {right}: {n}" for n in compared.right_only]
    found += [f"differs: {left / n}" for n in compared.diff_files]
    for name in compared.common_dirs:
        found += differences(left / name, right / name)
    return found


def test_openapi_python_client_generates_the_committed_package_without_a_warning(
    tmp_path: Path,
) -> None:
    output = tmp_path / "generated"
    result = subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(CONTRACT),
            "--config",
            str(PACKAGE / "openapi-python-client.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(output),
            "--fail-on-warning",
        ],
        env=tool_environment(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr
    assert differences(output, GENERATED) == [], REGENERATE


def test_datamodel_code_generator_names_no_class_with_a_number(tmp_path: Path) -> None:
    output = tmp_path / "models.py"
    result = subprocess.run(
        [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(CONTRACT),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--formatters",
            "ruff-format",
            "--output",
            str(output),
        ],
        env=tool_environment(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    classes = re.findall(r"^class (\w+)\(", output.read_text(), re.MULTILINE)
    assert {"ActionRead", "PlanTree", "Problem", "Blocker", "RatingCounts"} <= set(classes)
    assert [name for name in classes if re.search(r"\d$", name)] == []
    assert "NamingHintWarning" not in result.stderr


def test_the_package_version_is_the_contract_version() -> None:
    contract = json.loads(CONTRACT.read_text())["info"]["version"]
    package = tomllib.loads((PACKAGE / "pyproject.toml").read_text())["project"]["version"]
    assert package == contract


def test_the_package_installs_and_the_integrator_round_type_checks_and_runs(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(site),
            str(PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert install.returncode == 0, install.stderr
    assert (site / "improvement_plan_client" / "py.typed").is_file()
    script = PACKAGE / "examples" / "integrator_round.py"
    checked = subprocess.run(
        # The script strictly; the generated code's own typing is openapi-python-client's.
        [str(BIN / "mypy"), "--strict", "--follow-imports=silent", "--no-incremental", str(script)],
        cwd=tmp_path,
        env={**tool_environment(), "MYPYPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr

    with serve(tmp_path) as live:
        result = subprocess.run(
            [sys.executable, str(script)],
            cwd=tmp_path,
            env={
                **os.environ,
                "PYTHONPATH": str(site),
                "IPA_BASE_URL": live.base_url,
                "IPA_API_KEY": live.key,
            },
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["ok"] is True
    assert summary["areas"] == 4
    assert summary["pages"] >= 2
    assert summary["etag_changed"] is True
    assert summary["stale_status"] == 412
    assert summary["replayed"] is True
    assert summary["report_rating_keys"] == ["amber", "blue", "green", "not_rated", "red"]
    assert summary["report_actions"] == summary["actions"]
    assert summary["csv_header"].startswith("plan,quarter,ref")
    assert summary["xlsx_magic"] == "PK"
    assert summary["problem_fields"] == ["query.quarter"]


def test_the_api_helpers_page_keep_etags_send_idempotency_keys_retry_and_raise(
    tmp_path: Path,
) -> None:
    waits: list[float] = []

    def wait(seconds: float) -> None:
        waits.append(seconds)
        time.sleep(seconds)

    # A rate limit small enough that a burst of reads meets a 429.
    with serve(tmp_path, IPA_RATE_LIMIT="10 per 5 seconds") as live:
        api = Api(live.base_url, live.key, retries=10, sleep=wait)
        plan = api.call(list_plans.sync_detailed, PlanPage, limit=1).items[0]

        refs = [
            a.ref
            for a in api.pages(list_actions.sync_detailed, ActionPage, plan_id=[plan.id], limit=7)
        ]
        total = api.call(list_actions.sync_detailed, ActionPage, plan_id=[plan.id], limit=1).total
        assert len(refs) == len(set(refs)) == total > 7
        burst = [api.call(get_me.sync_detailed, Me) for _ in range(30)]
        assert len(burst) == 30
        assert api.retried >= 1 and all(0 < wait <= 5 for wait in waits)

        action = api.call(
            get_action.sync_detailed, ActionRead, action_id=api_first_id(refs, api, plan.id)
        )
        assert action.id in api.etags
        changed = api.call(
            update_action.sync_detailed,
            ActionRead,
            action_id=action.id,
            body=ActionUpdate(notes="Kept ETag"),
        )
        assert changed.notes == "Kept ETag"
        # The ETag of the update's answer was kept, so a second change goes through too.
        api.call(
            update_action.sync_detailed,
            ActionRead,
            action_id=action.id,
            body=ActionUpdate(notes="Again"),
        )

        with pytest.raises(ProblemError) as stale:
            api.call(
                update_action.sync_detailed,
                ActionRead,
                action_id=action.id,
                body=ActionUpdate(notes="Stale"),
                if_match='"stale"',
            )
        assert stale.value.status == 412

        update = StatusUpdateCreate(status=DeliveryStatus.NOT_STARTED, narrative="Idempotent")
        first = api.send(create_status_update.sync_detailed, action_id=action.id, body=update)
        second = api.send(create_status_update.sync_detailed, action_id=action.id, body=update)
        assert isinstance(first.parsed, StatusUpdateRead) and isinstance(
            second.parsed, StatusUpdateRead
        )
        # Each write gets its own key: two posts are two updates, neither a replay.
        assert first.parsed.id != second.parsed.id
        assert "idempotent-replayed" not in second.headers
        key = str(uuid.uuid4())
        once = api.send(
            create_status_update.sync_detailed,
            action_id=action.id,
            body=update,
            idempotency_key=key,
        )
        replay = api.send(
            create_status_update.sync_detailed,
            action_id=action.id,
            body=update,
            idempotency_key=key,
        )
        assert isinstance(once.parsed, StatusUpdateRead) and isinstance(
            replay.parsed, StatusUpdateRead
        )
        assert (
            replay.parsed.id == once.parsed.id and replay.headers["idempotent-replayed"] == "true"
        )

        with pytest.raises(ProblemError) as invalid:
            api.call(
                get_quarterly_report_csv.sync_detailed, str, plan_id=plan.id, quarter="2023-Q9"
            )
        assert invalid.value.status == 422
        assert [e.field for e in invalid.value.errors] == ["query.quarter"]
        csv = api.call(
            get_quarterly_report_csv.sync_detailed, str, plan_id=plan.id, quarter="2023-24-Q2"
        )
        assert csv.lstrip("\ufeff").startswith("plan,quarter,ref")


def api_first_id(refs: list[str], api: Api, plan_id: str) -> str:
    page = api.call(list_actions.sync_detailed, ActionPage, plan_id=[plan_id], ref=[refs[0]])
    return page.items[0].id
