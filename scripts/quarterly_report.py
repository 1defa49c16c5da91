"""Download the quarterly QA report of one or every plan from the Improvement Plan API.

    IPA_API_KEY=ipa_... python scripts/quarterly_report.py [2023-24-Q2] [--plan-id ID ...]
        [--format csv|xlsx|html|pdf|json] [--output-dir DIR] [--base-url URL]

Without a quarter it reports on the last closed one; without --plan-id, on every live plan.
Each report is written to `<output-dir>/` under the name the API gives it, from the plan's
key and the quarter (`stockton-2023-quarterly-report-2023-24-Q2.pdf`), and named on a line
of its own. Exit codes: 0 done, 1 the API refused or could not be reached (nothing more is
attempted), 2 usage (no IPA_API_KEY, bad options). A client of the API only: it imports
nothing from `app`.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
API = "/api/v1"
PAGE_SIZE = 100
TIMEOUT = httpx.Timeout(120.0, connect=10.0)
FORMATS = ("csv", "xlsx", "html", "pdf", "json")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


class ScriptError(Exception):
    """A failure to explain in one line and exit 1 on."""


def problem_detail(response: httpx.Response) -> str:
    """The `detail` of a problem-details body, or what can be said without one."""
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        detail = body.get("detail") or body.get("title")
        if isinstance(detail, str) and detail:
            return detail
    return f"{response.status_code} {response.reason_phrase}".strip()


def check(response: httpx.Response, *, plan_id: str | None = None) -> httpx.Response:
    """Return a successful response; raise ScriptError explaining any other."""
    if response.is_success:
        return response
    detail = problem_detail(response)
    status = response.status_code
    if status in (401, 403):
        raise ScriptError(f"the API key was refused: {detail}")
    if status == 404 and plan_id is not None:
        raise ScriptError(f"no plan with id {plan_id!r}")
    if status == 422:
        raise ScriptError(detail)
    raise ScriptError(
        f"{response.request.method} {response.request.url} answered {status}: {detail}"
    )


def live_plan_ids(client: httpx.Client) -> list[str]:
    """Every live plan's id, following `next_cursor` page by page."""
    ids: list[str] = []
    cursor: str | None = None
    seen: set[str] = set()
    while True:
        params: dict[str, str | int] = {"limit": PAGE_SIZE}
        if cursor is not None:
            params["cursor"] = cursor
        response = check(client.get(f"{API}/plans", params=params))
        try:
            page: Any = response.json()
            ids.extend(str(item["id"]) for item in page["items"])
            next_cursor = page.get("next_cursor")
        except (ValueError, KeyError, TypeError) as exc:
            raise ScriptError(
                f"{response.request.url} did not answer with a list of plans; "
                "is the base URL the Improvement Plan API?"
            ) from exc
        if not next_cursor:
            return ids
        if next_cursor in seen:
            raise ScriptError("the list of plans repeats its cursor; stopping")
        seen.add(next_cursor)
        cursor = str(next_cursor)


def last_closed_quarter(today: date) -> str:
    """The financial-year quarter before today's (`2023-24-Q2` on any day of October 2023)."""
    day = date(today.year, (today.month - 1) // 3 * 3 + 1, 1) - timedelta(days=1)
    year = day.year if day.month >= 4 else day.year - 1
    return f"{year}-{(year + 1) % 100:02d}-Q{(day.month - 4) % 12 // 3 + 1}"


def download_report(
    client: httpx.Client, plan_id: str, quarter: str, format_: str
) -> tuple[bytes, str]:
    """One plan's quarterly report in the chosen format, and the file name to give it."""
    response = client.get(
        f"{API}/reports/quarterly",
        params={"plan_id": plan_id, "quarter": quarter, "format": format_},
    )
    content = check(response, plan_id=plan_id).content
    disposition = Message()
    disposition["Content-Disposition"] = response.headers.get("Content-Disposition", "")
    name = disposition.get_filename()
    if not name:  # JSON comes with no file name: the plan's key is in the report
        try:
            key = response.json()["plan"].get("key") or plan_id
        except (ValueError, KeyError, TypeError, AttributeError):
            key = plan_id
        name = f"{key}-quarterly-report-{quarter}.{format_}"
    return content, name


def output_path(output_dir: Path, name: str) -> Path:
    """`<output-dir>/<name>`, never outside the output directory."""
    return output_dir / _UNSAFE.sub("_", Path(name).name).lstrip(".")


def write_file(path: Path, content: bytes) -> None:
    """Write through a temporary file, so a failed run leaves no half-written report."""
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(content)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ScriptError(f"cannot write {path}: {exc.strerror or exc}") from exc


@contextmanager
def progress_display(interactive: bool) -> Iterator[tuple[Progress, Callable[[str], None]]]:
    """A progress bar on a terminal; plain lines (and no bar) anywhere else."""
    console = Console(file=sys.stdout)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not interactive,
    )

    def say(line: str) -> None:
        if interactive:
            progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, flush=True)

    with progress:
        yield progress, say


def run(
    *,
    base_url: str,
    api_key: str,
    quarter: str,
    plan_ids: Sequence[str],
    format_: str,
    output_dir: Path,
    interactive: bool,
) -> int:
    headers = {"Authorization": f"Bearer {api_key}", "User-Agent": "ipa-quarterly-report"}
    try:
        with (
            httpx.Client(base_url=base_url, headers=headers, timeout=TIMEOUT) as client,
            progress_display(interactive) as (progress, say),
        ):
            if plan_ids:
                ids = list(dict.fromkeys(plan_ids))
            else:
                listing = progress.add_task("Listing plans", total=None)
                ids = live_plan_ids(client)
                progress.remove_task(listing)
                if not ids:
                    say("no live plans to report on")
                    return 0
            task = progress.add_task(f"Quarterly reports {quarter}", total=len(ids))
            for plan_id in ids:
                progress.update(task, description=f"{quarter} {plan_id}")
                content, name = download_report(client, plan_id, quarter, format_)
                path = output_path(output_dir, name)
                write_file(path, content)
                say(f"wrote {path}")
                progress.advance(task)
            progress.update(task, description=f"Quarterly reports {quarter}")
    except httpx.TransportError as exc:
        reason = str(exc) or type(exc).__name__
        raise ScriptError(f"cannot reach {base_url} ({reason})") from exc
    return 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="quarterly_report.py",
        description="Download the quarterly QA report of one or every plan. "
        "The API key is read from IPA_API_KEY.",
    )
    parser.add_argument(
        "quarter",
        nargs="?",
        default=last_closed_quarter(date.today()),
        help="a financial-year quarter, such as 2023-24-Q2 (default: the last closed one)",
    )
    parser.add_argument(
        "--plan-id",
        action="append",
        default=[],
        metavar="ID",
        help="a plan to report on (repeat for more); every live plan when left out",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="csv",
        help="csv (default), xlsx (the board's workbook), html or pdf (the board pack), json",
    )
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="where to write (default: .)",
    )
    parser.add_argument(
        "--base-url",
        default=os.environ.get("IPA_BASE_URL") or DEFAULT_BASE_URL,
        metavar="URL",
        help=f"the API's address (default: IPA_BASE_URL or {DEFAULT_BASE_URL})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    api_key = os.environ.get("IPA_API_KEY", "").strip()
    if not api_key:
        print(
            "error: set IPA_API_KEY to an API key (a viewer key is enough), for example\n"
            "  IPA_API_KEY=ipa_... python scripts/quarterly_report.py 2023-24-Q2",
            file=sys.stderr,
        )
        return 2
    try:
        return run(
            base_url=str(args.base_url).rstrip("/"),
            api_key=api_key,
            quarter=str(args.quarter).strip(),
            plan_ids=[str(p).strip() for p in args.plan_id],
            format_=str(args.format),
            output_dir=Path(args.output_dir),
            interactive=sys.stdout.isatty(),
        )
    except ScriptError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
