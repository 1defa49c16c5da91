"""scripts/quarterly_report.py against a live server, run as a board-papers job runs it."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.test_cli import COMMAND, KEY_PATTERN, environment, free_port, running_server

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "quarterly_report.py"
QUARTER = "2023-24-Q2"
HEADER_START = ["plan", "quarter", "ref", "parent_ref", "area_ref", "title"]
STOCKTON_ACTIONS = 57
STOCKTON_KEY = "stockton-2023"


def named(quarter: str, format_: str) -> str:
    """The file name the API gives the Stockton plan's report."""
    return f"{STOCKTON_KEY}-quarterly-report-{quarter}.{format_}"


@dataclass(frozen=True)
class Server:
    base_url: str
    admin_key: str
    viewer_key: str
    plan_id: str


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One live server (seeded with the Stockton plan) for the whole module."""
    folder = tmp_path_factory.mktemp("server")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with running_server(folder, port) as (_, lines):
        output = "".join(lines)
        keys = KEY_PATTERN.findall(output)
        assert keys, output
        created = subprocess.run(
            [*COMMAND, "keys", "create", "--name", "Board papers script", "--role", "viewer"],
            cwd=folder,
            env=environment(folder),
            capture_output=True,
            text=True,
            check=True,
        )
        plans = httpx.get(
            f"{base_url}/api/v1/plans", headers={"Authorization": f"Bearer {keys[0]}"}
        ).json()["items"]
        assert len(plans) == 1
        yield Server(base_url, keys[0], created.stdout.strip(), plans[0]["id"])


def run_script(
    *args: str, key: str | None, base_url: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPA_")}
    env["IPA_BASE_URL"] = base_url
    if key is not None:
        env["IPA_API_KEY"] = key
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int, out: Path) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_every_live_plan_as_csv(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "papers" / "q2"
    result = run_script(
        QUARTER,
        "--output-dir",
        str(out),
        key=server.admin_key,
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    written = out / named(QUARTER, "csv")
    assert sorted(out.iterdir()) == [written]
    assert result.stdout.splitlines() == [f"wrote {written}"]
    assert "\x1b" not in result.stdout  # no progress bar or colour when stdout is a pipe
    with written.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header[: len(HEADER_START)] == HEADER_START
    assert len(rows) == STOCKTON_ACTIONS
    assert {row[1] for row in rows} == {QUARTER}


def test_one_plan_as_xlsx_with_a_viewer_key(server: Server, tmp_path: Path) -> None:
    result = run_script(
        QUARTER,
        "--format",
        "xlsx",
        "--plan-id",
        server.plan_id,
        key=server.viewer_key,
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    written = tmp_path / named(QUARTER, "xlsx")
    assert result.stdout.splitlines() == [f"wrote {written.relative_to(tmp_path)}"]
    workbook = load_workbook(written, read_only=True)
    assert {"Summary", "Actions", "Exceptions", "Legend"} <= set(workbook.sheetnames)
    rows = list(workbook["Actions"].iter_rows(values_only=True))
    assert len(rows) == 1 + STOCKTON_ACTIONS
    assert list(rows[0][:3]) == ["Ref", "Area", "Action"]
    workbook.close()


def test_the_last_closed_quarter_as_a_pdf_pack(server: Server, tmp_path: Path) -> None:
    script = load_script()
    quarter = script.last_closed_quarter(date.today())
    result = run_script(
        "--format",
        "pdf",
        "--plan-id",
        server.plan_id,
        key=server.viewer_key,
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    written = tmp_path / named(quarter, "pdf")
    assert result.stdout.splitlines() == [f"wrote {written.relative_to(tmp_path)}"]
    text = " ".join(page.extract_text() for page in PdfReader(written).pages)
    assert f"Quarter {quarter}" in text
    assert f"Every action ({STOCKTON_ACTIONS})" in text


def test_the_last_closed_quarter_is_the_one_before_today() -> None:
    script = load_script()
    assert [
        script.last_closed_quarter(day)
        for day in (date(2023, 10, 5), date(2023, 7, 1), date(2024, 1, 15), date(2024, 4, 1))
    ] == ["2023-24-Q2", "2023-24-Q1", "2023-24-Q3", "2023-24-Q4"]


def test_hostile_narratives_reach_the_board_papers_as_text(server: Server, tmp_path: Path) -> None:
    """A narrative a spreadsheet would run as a formula arrives in both files as text."""
    hostile = [
        '=HYPERLINK("http://evil.example/x","Click for evidence")',
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
    ]
    admin = {"Authorization": f"Bearer {server.admin_key}"}
    actions = httpx.get(
        f"{server.base_url}/api/v1/actions",
        params={"plan_id": server.plan_id, "limit": len(hostile)},
        headers=admin,
    ).json()["items"]
    for action, text in zip(actions, hostile, strict=True):
        posted = httpx.post(
            f"{server.base_url}/api/v1/actions/{action['id']}/status-updates",
            json={
                "rag": "red",
                "status": "in_progress",
                "narrative": text,
                "next_steps": "Escalate",
                "effective_date": "2023-09-01",
            },
            headers=admin,
        )
        assert posted.status_code == 201, posted.text
    for format_ in ("csv", "xlsx"):
        result = run_script(
            QUARTER,
            "--plan-id",
            server.plan_id,
            "--format",
            format_,
            key=server.viewer_key,
            base_url=server.base_url,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        written = tmp_path / named(QUARTER, format_)
        if format_ == "csv":
            with written.open(encoding="utf-8-sig", newline="") as handle:
                narratives = [row["latest_narrative"] for row in csv.DictReader(handle)]
        else:
            sheet = load_workbook(written)["Actions"]
            column = [cell.value for cell in sheet[1]].index("Latest narrative") + 1
            cells = [sheet.cell(row=row, column=column) for row in range(2, sheet.max_row + 1)]
            assert {cell.data_type for cell in cells if cell.value} == {"s"}
            narratives = [cell.value or "" for cell in cells]
        assert {"'" + text for text in hostile} <= set(narratives)
        assert not [n for n in narratives if n.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_a_wrong_key_is_refused(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    wrong = "ipa_000000000000_" + "x" * 43
    result = run_script(
        QUARTER, "--output-dir", str(out), key=wrong, base_url=server.base_url, cwd=tmp_path
    )
    assert_clean_failure(result, 1, out)
    assert "the API key was refused: The API key is not valid." in result.stderr


def test_an_unknown_plan(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_script(
        QUARTER,
        "--plan-id",
        "plan_doesnotexist",
        "--output-dir",
        str(out),
        key=server.viewer_key,
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert_clean_failure(result, 1, out)
    assert "no plan with id 'plan_doesnotexist'" in result.stderr


def test_a_malformed_quarter_gives_the_servers_explanation(server: Server, tmp_path: Path) -> None:
    problem = httpx.get(
        f"{server.base_url}/api/v1/reports/quarterly",
        params={"plan_id": server.plan_id, "quarter": "2023-Q2", "format": "csv"},
        headers={"Authorization": f"Bearer {server.viewer_key}"},
    ).json()
    assert problem["errors"][0]["field"] == "query.quarter"
    out = tmp_path / "out"
    result = run_script(
        "2023-Q2",
        "--output-dir",
        str(out),
        key=server.viewer_key,
        base_url=server.base_url,
        cwd=tmp_path,
    )
    assert_clean_failure(result, 1, out)
    assert problem["detail"] in result.stderr
    assert "YYYY-YY-QN" in result.stderr


def test_no_api_key_is_a_usage_error(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_script(
        QUARTER, "--output-dir", str(out), key=None, base_url=server.base_url, cwd=tmp_path
    )
    assert_clean_failure(result, 2, out)
    assert "IPA_API_KEY" in result.stderr


def test_a_server_that_cannot_be_reached(tmp_path: Path) -> None:
    out = tmp_path / "out"
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = run_script(
        QUARTER, "--output-dir", str(out), key="ipa_x", base_url=nowhere, cwd=tmp_path
    )
    assert_clean_failure(result, 1, out)
    assert f"cannot reach {nowhere}" in result.stderr


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quarterly_report", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_listing_follows_next_cursor_until_the_last_page() -> None:
    pages = {
        None: {"items": [{"id": "plan_a"}, {"id": "plan_b"}], "next_cursor": "c1"},
        "c1": {"items": [{"id": "plan_c"}], "next_cursor": None},
    }
    asked: list[dict[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/v1/plans"
        params = dict(request.url.params)
        asked.append(params)
        return httpx.Response(200, json=pages[params.get("cursor")])

    script = load_script()
    with httpx.Client(base_url="http://api.test", transport=httpx.MockTransport(answer)) as client:
        ids = script.live_plan_ids(client)
    assert ids == ["plan_a", "plan_b", "plan_c"]
    assert asked == [{"limit": "100"}, {"limit": "100", "cursor": "c1"}]
