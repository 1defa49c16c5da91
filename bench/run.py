"""The benchmark: generate (or reuse) a database, serve it, load it with wrk, compare.

`make bench` (SIZE=S|M|L) runs this. For each endpoint of issue 8's workload it measures
the service with wrk at 1 and 16 connections after a warm-up, the database floor (the
same SQL the endpoint ran, replayed with psycopg in one process, one statement stream),
and, for the list, detail, tree and `POST`, the reference server in `bench/reference.py`
(PostgreSQL builds the JSON; for the `POST`, a plain insert). Then the write and delivery
paths of `bench/paths.py`: a batch, a plan import, the change feed, webhook delivery. It
prints a table, checks the targets, and writes `bench/results/<size>-<timestamp>.json`,
`<size>-latest.json` and `latest.json` (`--results` elsewhere).
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import math
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg.types.string import TextLoader

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
WRK_DIR = BENCH / "wrk"
VENV_BIN = Path(sys.executable).parent
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# BENCH_PORT moves the service (and the reference server, the next port) off the default.
APP_PORT = int(os.environ.get("BENCH_PORT", "18700"))
REFERENCE_PORT = APP_PORT + 1
WORKERS = 2
CAPTURE_SETS = 10
# Requests made one at a time after each endpoint's wrk runs, to read the server's own time.
SERVER_TIME_SAMPLES = 200
# PDF board packs rendered in the benchmark: each takes seconds of one core.
PDF_PACKS = 3

LIST_EXPAND = "expand=lead_officers,latest_update"
DETAIL_EXPAND = "expand=success_criteria,strategies,latest_update"


def log(message: str) -> None:
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


# The database.


def database_url(name: str, driver: str = "postgresql") -> str:
    return f"{driver}://postgres@127.0.0.1:5432/{name}"


def fingerprint(size: str, today: date) -> str:
    from app.core.config import Settings
    from app.core.db.migrations import head_revisions
    from bench.generate import GENERATOR_VERSION

    heads = ",".join(sorted(head_revisions(Settings().database_url)))
    return f"{size}|{today.isoformat()}|{GENERATOR_VERSION}|{heads}"


def stored_meta(name: str) -> dict[str, Any] | None:
    try:
        with psycopg.connect(database_url(name), autocommit=True) as conn:
            row = conn.execute("SELECT meta FROM bench_meta").fetchone()
    except psycopg.Error:
        return None
    return json.loads(row[0]) if row else None


def prepare_database(size: str, name: str, today: date, fresh: bool) -> dict[str, Any]:
    """The database for this size: reused when it was made today by this generator."""
    wanted = fingerprint(size, today)
    meta = None if fresh else stored_meta(name)
    if meta is not None and meta.get("fingerprint") == wanted:
        log(f"reusing database {name} (generated {meta['generated_at']})")
        return meta
    from bench.generate import api_key_row, list_queries, load

    log(f"creating database {name}")
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {**os.environ, "IPA_DATABASE_URL": database_url(name, "postgresql+asyncpg")}
    subprocess.run([str(VENV_BIN / "improvement-plan"), "migrate"], check=True, env=env)  # noqa: S603
    loaded = load(database_url(name), size, today)
    rows = loaded["rows"]
    log(f"generated and loaded {sum(rows.values()):,} rows in {loaded['seconds']:.1f}s")
    workload = loaded["workload"]
    with psycopg.connect(database_url(name)) as conn:
        key = api_key_row(conn, secrets.token_urlsafe(32))
        workload.list_queries = list_queries(conn, workload.report_plan_ids)
    with psycopg.connect(database_url(name), autocommit=True) as conn:
        vacuum_started = time.perf_counter()
        conn.execute("VACUUM ANALYZE")
        vacuum = time.perf_counter() - vacuum_started
        meta = {
            "fingerprint": wanted,
            "generated_at": datetime.now(UTC).isoformat(),
            "key": key,
            "rows": rows,
            "load_seconds": loaded["seconds"],
            "vacuum_analyze_seconds": round(vacuum, 2),
            "workload": asdict(workload),
        }
        conn.execute("CREATE TABLE bench_meta (meta text NOT NULL)")
        conn.execute("INSERT INTO bench_meta VALUES (%s)", (json.dumps(meta),))
    return meta


# Servers.


@contextmanager
def server(command: Sequence[str], env: dict[str, str], port: int, name: str) -> Iterator[None]:
    process = subprocess.Popen(  # noqa: S603
        list(command),
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=None,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the {name} server did not start") from None
                time.sleep(0.3)
        log(f"{name} server up on port {port} ({WORKERS} workers)")
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def app_env(name: str) -> dict[str, str]:
    return {
        **os.environ,
        "IPA_DATABASE_URL": database_url(name, "postgresql+asyncpg"),
        "IPA_ENVIRONMENT": "production",
        "IPA_SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(48)),
        "IPA_LOG_LEVEL": "WARNING",
        "IPA_DOCS_ENABLED": "false",
        "IPA_CREATE_ADMIN_KEY_ON_START": "false",
        "IPA_RATE_LIMIT": "",
    }


def reference_server(name: str) -> Any:
    """The reference endpoints (`bench/reference.py`) on `REFERENCE_PORT`, as a context."""
    command = [
        str(VENV_BIN / "uvicorn"),
        "bench.reference:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(REFERENCE_PORT),
        "--workers",
        str(WORKERS),
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    environment = {**os.environ, "BENCH_DATABASE_URL": database_url(name)}
    return server(command, environment, REFERENCE_PORT, "reference")


# The endpoints.


@dataclass
class Endpoint:
    name: str
    title: str
    lines: list[str]
    script: str = "get.lua"
    method: str = "GET"
    reference: bool = False
    expect: int = 200
    etags: list[str] = field(default_factory=list)

    def request_lines(self) -> list[str]:
        if self.etags:
            return [f"{line}\t{etag}" for line, etag in zip(self.lines, self.etags, strict=True)]
        return self.lines


POST_BODY = {
    "rag": "green",
    "status": "in_progress",
    "narrative": "Audits of practice show steady improvement in the timeliness of assessments.",
    "next_steps": "Continue the monthly audit cycle and report to the partnership board.",
}


def endpoints(workload: dict[str, Any], current: str) -> list[Endpoint]:
    return [
        Endpoint(
            "list",
            "GET /actions (area, rating, 50 rows, expand)",
            [
                f"/api/v1/actions?area_id={q['area_id']}&rag={q['rag']}&limit=50&{LIST_EXPAND}"
                for q in workload["list_queries"]
            ],
            reference=True,
        ),
        Endpoint(
            "detail",
            "GET /actions/{id} (expand)",
            [f"/api/v1/actions/{i}?{DETAIL_EXPAND}" for i in workload["detail_ids"][:5000]],
            reference=True,
        ),
        Endpoint(
            "tree",
            "GET /plans/{id}/tree (40 actions)",
            [f"/api/v1/plans/{i}/tree" for i in workload["tree_plan_ids"]],
            reference=True,
        ),
        Endpoint(
            "post",
            "POST /actions/{id}/status-updates",
            [f"/api/v1/actions/{i}/status-updates" for i in workload["post_action_ids"]],
            script="post.lua",
            method="POST",
            reference=True,
            expect=201,
        ),
        Endpoint(
            "report_current",
            f"GET /reports/quarterly {current} (current)",
            [
                f"/api/v1/reports/quarterly?plan_id={i}&quarter={current}"
                for i in workload["report_plan_ids"]
            ],
        ),
    ]


# Capturing the SQL each endpoint runs, and replaying it: the floor.


# (SQL, parameters, executemany): with executemany, the parameters are a list of tuples.
Statement = tuple[str, Any, bool]
# A request to capture: method, path, headers, and httpx's keyword arguments for its body.
Call = tuple[str, str, dict[str, str], dict[str, Any]]
PLACEHOLDER = re.compile(r"\$(\d+)")
AN_ID = re.compile(r"^[a-z]+_([0-9a-f]{20})$")
# Strings the benchmark makes unique per request (idempotency keys, imported plans' keys).
CAPTURE_MARK = "bench-capture-"
# The random parts of the ids made while capturing: a replay gives those ids new ones.
MADE_IDS: set[str] = set()


def to_psycopg(statement: str, parameters: Any, many: bool) -> Statement:
    """asyncpg's `$n` placeholders as psycopg's `%s`, parameters in order."""
    order: list[int] = []

    def placeholder(match: re.Match[str]) -> str:
        order.append(int(match.group(1)) - 1)
        return "%s"

    sql = PLACEHOLDER.sub(placeholder, statement.replace("%", "%%"))

    def ordered(values: Sequence[Any] | None) -> tuple[Any, ...]:
        values = tuple(values or ())
        return tuple(values[i] for i in order)

    if many:
        return sql, [ordered(values) for values in parameters], True
    return sql, ordered(parameters), False


@contextmanager
def recording_new_ids() -> Iterator[None]:
    """Note the random part of every id `app.models.new_id` makes meanwhile."""
    import app.models.base as base

    namespace = vars(base)
    real = namespace["secrets"]

    class Recording:
        @staticmethod
        def token_hex(nbytes: int) -> str:
            made: str = real.token_hex(nbytes)
            MADE_IDS.add(made)
            return made

    namespace["secrets"] = Recording
    try:
        yield
    finally:
        namespace["secrets"] = real


async def capture(name: str, key: str, requests: dict[str, list[Call]]) -> dict[str, Any]:
    """Run each request once in-process and record the statements it sent, in order."""
    from sqlalchemy import event

    from app.main import create_app

    app = create_app()
    captured: dict[str, list[list[Statement]]] = {}
    current: list[Statement] = []

    def listener(*args: Any) -> None:
        _conn, _cursor, statement, parameters, _context, many = args
        if not statement.startswith("UPDATE api_key"):  # once a minute per key
            current.append(to_psycopg(statement, parameters, many))

    async with app.router.lifespan_context(app):
        event.listen(app.state.engine.sync_engine, "before_cursor_execute", listener)
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", timeout=300
        ) as client:
            # The key's last-use stamp is written on first use; keep it out of the capture.
            await client.get("/api/v1/me", headers=headers)
            for endpoint, calls in requests.items():
                captured[endpoint] = []
                for method, path, extra, body in calls:
                    if endpoint in ("report_304", "report_current"):
                        # What a repeat request runs, as wrk's do: the first one fills the
                        # report cache, and the floor is of the answer measured.
                        await client.request(method, path, headers={**headers, **extra})
                    current.clear()
                    with recording_new_ids():
                        response = await client.request(
                            method, path, headers={**headers, **extra}, **body
                        )
                    if response.status_code >= 400:
                        raise RuntimeError(f"{method} {path}: {response.status_code}")
                    captured[endpoint].append(list(current))
    return captured


def capture_requests(endpoint: Endpoint) -> list[Call]:
    """The last few request lines of an endpoint, as (method, path, headers, body)."""
    calls: list[Call] = []
    for number, line in enumerate(endpoint.request_lines()[-CAPTURE_SETS:]):
        path, _, etag = line.partition("\t")
        headers = {"If-None-Match": etag} if etag else {}
        body: dict[str, Any] = {}
        if endpoint.method == "POST":
            # New on every run: a key a reused database has seen would replay the first
            # answer, and the capture would record a replay's statements, not a write's.
            headers["Idempotency-Key"] = f"{CAPTURE_MARK}{time.time_ns():x}-{number:04x}"
            body = {"json": POST_BODY}
        calls.append((endpoint.method, path, headers, body))
    return calls


def renamed(statements: list[Statement]) -> list[Statement]:
    """A write's statements with what it made anew (ids, idempotency keys, plan keys)
    given new values, the same new value wherever the old one appears, so that the replay
    writes new rows instead of breaking a unique constraint."""
    names: dict[str, str] = {}

    def value(v: Any) -> Any:
        if isinstance(v, str):
            made = AN_ID.match(v)
            if made and made.group(1) in MADE_IDS:
                return names.setdefault(v, f"{v.split('_')[0]}_{secrets.token_hex(10)}")
            if v.startswith(CAPTURE_MARK):
                return names.setdefault(v, f"bench-floor-{secrets.token_hex(10)}")
            return v
        if isinstance(v, list | tuple):
            return type(v)(map(value, v))
        return v

    return [
        (
            sql,
            [tuple(map(value, p)) for p in params] if many else tuple(map(value, params)),
            many,
        )
        for sql, params, many in statements
    ]


def replay(
    conn: psycopg.Connection[Any],
    sets: list[list[Statement]],
    *,
    seconds: float,
    write: bool = False,
    commit: bool = True,
    least: int = 20,
) -> dict[str, float]:
    """Run the statement sets one after another on one connection; time each set.

    Reads run each statement in its own transaction, as the service's reads do on
    PostgreSQL (a BEGIN and a ROLLBACK would add two round trips the service does not
    make); a write's statements run in one transaction, committed (or, with `commit`
    false, rolled back: the database does not grow by a plan each time). At least `least`
    sets are timed.
    """
    conn.autocommit = not write
    # JSON comes back as the text the database sent: parsing it is the client's work, and
    # the standard library's parser made a page of the change feed's floor slower than the
    # service itself.
    for json_type in ("json", "jsonb"):
        conn.adapters.register_loader(json_type, TextLoader)

    def one(statements: list[Statement]) -> float:
        started = time.perf_counter()
        with conn.cursor() as cur:
            for sql, params, many in statements:
                if many:
                    cur.executemany(sql, params)
                    continue
                cur.execute(sql, params)
                if cur.description is not None:
                    cur.fetchall()
        if write and commit:
            conn.commit()
        elif write:
            conn.rollback()
        return time.perf_counter() - started

    def fresh(statements: list[Statement]) -> list[Statement]:
        return renamed(statements) if write else statements

    warm_until = time.perf_counter() + min(1.0, seconds / 3)
    index = 0
    while time.perf_counter() < warm_until and index < least:
        one(fresh(sets[index % len(sets)]))
        index += 1
    timings: list[float] = []
    until = time.perf_counter() + seconds
    while time.perf_counter() < until or len(timings) < least:
        statements = fresh(sets[index % len(sets)])
        timings.append(one(statements))
        index += 1
    return summarise(timings)


def summarise(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)

    def percentile(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    return {
        "requests": len(ordered),
        "rps": round(len(ordered) / sum(ordered), 1),
        "p50_ms": round(percentile(50), 3),
        "p99_ms": round(percentile(99), 3),
        "max_ms": round(ordered[-1] * 1000, 3),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 3),
    }


# wrk.


def run_wrk(
    endpoint: Endpoint,
    port: int,
    key: str,
    connections: int,
    seconds: int,
    lines_file: Path,
) -> dict[str, Any]:
    env = {
        **os.environ,
        "BENCH_KEY": key,
        "BENCH_LINES": str(lines_file),
        "BENCH_WRK_DIR": str(WRK_DIR),
        "BENCH_RUN": f"{time.time_ns():x}",
    }
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "-s",
        str(WRK_DIR / endpoint.script),
        f"http://127.0.0.1:{port}",
    ]
    output = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, check=True
    ).stdout
    found = next((line for line in output.splitlines() if line.startswith("BENCH_JSON ")), None)
    if found is None:
        raise RuntimeError(f"wrk printed no figures:\n{output}")
    raw = json.loads(found.removeprefix("BENCH_JSON "))
    errors = sum(raw["errors"].values())
    return {
        "connections": connections,
        "requests": raw["requests"],
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "seconds": raw["duration_us"] / 1e6,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": errors,
        "error_detail": raw["errors"],
    }


def settle(port: int, timeout: float = 120) -> None:
    """Wait until the server has finished what an earlier run left in flight.

    wrk closes its connections when its time is up, but the server still finishes the
    requests it had started; a cheap request answered quickly on several new connections
    in a row (so on every worker) says the backlog is gone.

    Only the request is timed, on a new connection from the standard library's client:
    building an httpx client each time took longer than 50 ms on a slow machine, so the
    wait ran to its timeout after every run.
    """
    deadline = time.monotonic() + timeout
    quick = 0
    while quick < 6 and time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        began = time.perf_counter()
        try:
            connection.request("GET", "/health/live")
            connection.getresponse().read()
        except OSError:
            time.sleep(0.2)
            continue
        finally:
            connection.close()
        quick = quick + 1 if time.perf_counter() - began < 0.05 else 0


def measure(
    endpoint: Endpoint,
    port: int,
    key: str,
    work: Path,
    seconds: int,
    warmup: int,
    label: str,
) -> dict[str, Any]:
    lines_file = write_lines(endpoint, work)
    figures: dict[str, Any] = {}
    for connections in (1, 16):
        if warmup:
            run_wrk(endpoint, port, key, connections, warmup, lines_file)
            settle(port)
        result = run_wrk(endpoint, port, key, connections, seconds, lines_file)
        settle(port)
        figures[f"c{connections}"] = result
        log_figures(label, endpoint, result)
    return figures


def write_lines(endpoint: Endpoint, work: Path) -> Path:
    """The file of request lines the wrk scripts rotate through, for this endpoint."""
    lines_file = work / f"{endpoint.name}.lines"
    lines_file.write_text("\n".join(endpoint.request_lines()) + "\n")
    return lines_file


def log_figures(label: str, endpoint: Endpoint, result: dict[str, Any], note: str = "") -> None:
    log(
        f"{label:9} {endpoint.name:15} c={result['connections']:<2} {result['rps']:8.1f} rps  "
        f"p50 {result['p50_ms']:8.2f} ms  p99 {result['p99_ms']:8.2f} ms{note}"
        + (f"  ERRORS {result['error_detail']}" if result["errors"] else "")
    )


# Runs of the service and the reference taken in turns, for the endpoints compared with it.
PAIRED_ROUNDS = 3


def combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One figure from runs taken in turns with the other server's: requests per second
    over all of them, and each latency the median of the runs' (wrk gives no histogram to
    merge)."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)
    errors = [run["error_detail"] for run in runs]
    return {
        "connections": runs[0]["connections"],
        "requests": requests,
        "rps": round(requests / seconds, 1),
        "seconds": round(seconds, 3),
        "runs": len(runs),
        "rps_runs": [run["rps"] for run in runs],
        "p50_ms": statistics.median(run["p50_ms"] for run in runs),
        "p90_ms": statistics.median(run["p90_ms"] for run in runs),
        "p99_ms": statistics.median(run["p99_ms"] for run in runs),
        "max_ms": max(run["max_ms"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
        "error_detail": {name: sum(e[name] for e in errors) for name in errors[0]},
    }


def measure_paired(
    endpoint: Endpoint,
    key: str,
    work: Path,
    seconds: int,
    warmup: int,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The service's and the reference's figures for one endpoint, their runs taken in
    turns (service first in the first and last rounds, the reference in the middle one).

    Measured one after the other, minutes apart, the two met different machines: on a
    shared 2-core machine the pace moved by a fifth between runs, which moved the ratio as
    much. In turns, both meet the same drift. The measured seconds are split over the
    rounds, each at least 3."""
    lines_file = write_lines(endpoint, work)
    ports = {"service": APP_PORT, "reference": REFERENCE_PORT}
    each = max(3, math.ceil(seconds / PAIRED_ROUNDS))
    figures: dict[str, dict[str, Any]] = {"service": {}, "reference": {}}
    for connections in (1, 16):
        runs: dict[str, list[dict[str, Any]]] = {"service": [], "reference": []}
        for port in ports.values():
            if warmup:
                run_wrk(endpoint, port, key, connections, warmup, lines_file)
                settle(port)
        for round_number in range(PAIRED_ROUNDS):
            order = list(ports) if round_number % 2 == 0 else list(reversed(ports))
            for label in order:
                runs[label].append(
                    run_wrk(endpoint, ports[label], key, connections, each, lines_file)
                )
                settle(ports[label])
        for label, taken in runs.items():
            result = combine(taken)
            figures[label][f"c{connections}"] = result
            runs_rps = ", ".join(f"{rps:.0f}" for rps in result["rps_runs"])
            log_figures(label, endpoint, result, f"  (runs: {runs_rps} rps)")
    return figures["service"], figures["reference"]


def server_time_ms(response: httpx.Response) -> float:
    """The service's own time for a request, from its `Server-Timing: app;dur=…` header."""
    header = response.headers.get("Server-Timing", "")
    match = re.search(r"\bapp;dur=([0-9.]+)", header)
    if match is None:
        raise RuntimeError(f"no Server-Timing in the response: {header!r}")
    return float(match.group(1))


def sample_server_time(endpoint: Endpoint, port: int, key: str, count: int) -> dict[str, float]:
    """The server's own time per request, over `count` requests made one after another.

    wrk times what the client sees (the server, the network stack, and wrk); this is the
    part the service spends, which the 304 target is set on.
    """
    timings = []
    headers = {"Authorization": f"Bearer {key}"}
    lines = endpoint.request_lines()
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=60) as client:
        for number in range(count):
            path, _, etag = lines[number % len(lines)].partition("\t")
            extra = {"If-None-Match": etag} if etag else {}
            if endpoint.method == "POST":
                extra["Idempotency-Key"] = f"bench-timing-{time.time_ns()}"
            body = POST_BODY if endpoint.method == "POST" else None
            response = client.request(endpoint.method, path, headers=extra, json=body)
            if response.status_code != endpoint.expect:
                raise RuntimeError(f"{endpoint.method} {path}: {response.status_code}")
            timings.append(server_time_ms(response) / 1000)
    return summarise(timings)


def check(port: int, key: str, endpoint: Endpoint) -> None:
    """One request by hand: the status must be the expected one before wrk runs."""
    line = endpoint.request_lines()[0]
    path, _, etag = line.partition("\t")
    headers = {"Authorization": f"Bearer {key}"}
    if etag:
        headers["If-None-Match"] = etag
    headers["Idempotency-Key"] = f"bench-check-{time.time_ns()}"
    body = POST_BODY if endpoint.method == "POST" else None
    response = httpx.request(
        endpoint.method, f"http://127.0.0.1:{port}{path}", headers=headers, json=body, timeout=60
    )
    if response.status_code != endpoint.expect:
        raise RuntimeError(
            f"{endpoint.method} {path}: {response.status_code}, expected {endpoint.expect}: "
            f"{response.text[:500]}"
        )


# The write and delivery paths (bench/paths.py).

PATHS = ("batch", "import", "word_import", "feed", "webhook")
# The plan imports: of the service's own workbook, and of a Word document.
IMPORTS_NAMED = (("import", "workbook"), ("word_import", "Word document"))
IMPORT_PATHS = tuple(name for name, _ in IMPORTS_NAMED)


def measure_paths(
    keys: dict[str, str],
    workload: dict[str, Any],
    work: Path,
    args: argparse.Namespace,
    wanted: set[str],
    results: dict[str, Any],
    fingerprint: str,
) -> dict[str, Any]:
    """The batch, the imports, the webhook delivery, each timed request by request with its
    floor; the feed with wrk like the reads, into `results["endpoints"]`. `fingerprint` is
    the database's, which names the files made from its data."""
    from bench import paths

    name, key = keys["name"], keys["key"]
    url = database_url(name)
    action_ids = workload["detail_ids"]
    figures: dict[str, Any] = {}
    requests: dict[str, list[Call]] = {}
    feed: Endpoint | None = None
    with httpx.Client(
        base_url=f"http://127.0.0.1:{APP_PORT}",
        headers={"Authorization": f"Bearer {key}"},
        timeout=300,
    ) as client:
        if "batch" in wanted:
            paths.timed(client, paths.batch_calls(action_ids, 1), 201)  # a warm-up
            batches = paths.batch_calls(action_ids, paths.BATCHES, first=1)
            figures["batch"] = paths.timed(client, batches, 201)
            requests["batch"] = paths.batch_calls(action_ids, 2, first=paths.BATCHES + 3)
            log(f"service   batch           {figures['batch']['client']}")
        reading: dict[str, dict[str, float]] = {}
        plan_id = workload["report_plan_ids"][0]
        for imported in IMPORT_PATHS:
            if imported not in wanted:
                continue
            upload = (
                paths.workbook_upload(client, plan_id)
                if imported == "import"
                else paths.word_upload(client, plan_id, work, fingerprint)
            )
            reading[imported] = paths.reading_floor(upload)
            log(f"floor     reading the {upload.kind} {reading[imported]}")
            # Not timed: a warm-up, and a look at what the file reads as.
            log(f"service   {imported} reads as {paths.preview(client, upload)}")
            for kind, dry_run, status in (("dry_run", True, 200), ("apply", False, 201)):
                calls = paths.import_calls(upload, paths.IMPORTS, dry_run=dry_run)
                measured = figures[f"{imported}_{kind}"] = paths.timed(client, calls, status)
                measured[f"{upload.kind}_bytes"] = len(upload.content)
                requests[f"{imported}_{kind}"] = paths.import_calls(upload, 1, dry_run=dry_run)
                log(f"service   {imported} {kind:8} {measured['client']}")
        if "feed" in wanted:
            lines = paths.feed_lines(client, url)
            if lines:
                feed = Endpoint("feed", f"GET /events (a page of {paths.FEED_PAGE})", lines)
                requests["feed"] = capture_requests(feed)[-paths.FEED_CAPTURE_PAGES :]
            else:
                log(f"feed: fewer than {paths.FEED_PAGE} events after the first; not measured")
        log("capturing the write paths' SQL")
        captured = asyncio.run(capture(name, key, requests)) if requests else {}
        floors: dict[str, dict[str, float]] = {}
        with psycopg.connect(url) as conn:
            for path_name, sets in captured.items():
                floors[path_name] = replay(
                    conn,
                    sets,
                    seconds=args.floor_seconds,
                    write=path_name == "batch" or path_name.endswith("_apply"),
                    # An applied import's replays are rolled back: a plan each is too many.
                    commit=not path_name.endswith("_apply"),
                    least=20 if path_name == "feed" else 3,
                )
                log(f"floor     {path_name:15} {floors[path_name]}")
        if wanted & set(IMPORT_PATHS):
            # The imported plans grow the content tables by a good part at S (an 800-action
            # plan each): without fresh statistics the next run's plans went wrong (the
            # reference server's tree took seconds instead of milliseconds).
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute("ANALYZE")
        for path_name, floor in floors.items():
            statements = max(len(s) for s in captured[path_name])
            if path_name == "feed":
                continue
            measured = figures[path_name]
            measured.update(floor=floor, statements=statements)
            read = reading.get(path_name.removesuffix("_dry_run").removesuffix("_apply"))
            if read is not None:
                # An import's floor: reading the file, then its SQL.
                measured["floor"] = {
                    "sql": floor,
                    "reading": read,
                    "p50_ms": round(floor["p50_ms"] + read["p50_ms"], 3),
                }
            measured["x_floor"] = ratio(measured["client"]["p50_ms"], measured["floor"]["p50_ms"])
        if feed is not None:
            check(APP_PORT, key, feed)
            measured = measure(feed, APP_PORT, key, work, args.seconds, args.warmup, "service")
            measured["server"] = sample_server_time(feed, APP_PORT, key, 50)
            log(f"server    feed            {measured['server']}")
            measured["floor"] = floors["feed"]
            measured["statements"] = max(len(s) for s in captured["feed"])
            measured["title"] = feed.title
            results["endpoints"]["feed"] = measured
        if "webhook" in wanted:
            with httpx.Client(
                base_url=f"http://127.0.0.1:{APP_PORT}",
                headers={"Authorization": f"Bearer {keys['admin_key']}"},
                timeout=60,
            ) as admin:
                figures["webhook"] = paths.measure_webhooks(client, admin, url, work, action_ids)
            log(f"webhook   {figures['webhook']}")
    return figures


# The machine.


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout  # noqa: S607
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "postgresql": row[0] if row else "unknown",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "wrk": (wrk.splitlines() or ["unknown"])[0],
        "server_workers": WORKERS,
    }


# Targets.


def ratio(value: float | None, reference: float | None) -> float | None:
    # A wrk run that finished no request reports 0 ms: no figure, not a pass.
    if not value or not reference:
        return None
    return round(value / reference, 2)


def targets(size: str, results: dict[str, Any], previous_m: dict[str, Any] | None) -> list[Any]:
    found: list[dict[str, Any]] = []

    def target(
        name: str, value: float | None, limit: float | None, below: bool, applies: bool
    ) -> None:
        passed = None
        if value is not None and limit is not None:
            passed = value <= limit if below else value >= limit
        found.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "comparison": "<=" if below else ">=",
                "judged": applies,
                "pass": passed if applies else None,
            }
        )

    endpoints_ = results["endpoints"]
    for name in ("list", "detail"):
        figures = endpoints_[name]
        target(
            f"{name}: p50 at 1 connection / floor p50",
            figures["ratios"]["p50_c1_vs_floor"],
            2.5,
            True,
            True,
        )
        target(
            f"{name}: rps at 16 connections / reference rps",
            figures["ratios"]["rps_c16_vs_reference"],
            0.8,
            False,
            True,
        )
    figures = endpoints_["tree"]
    target(
        "tree: p50 at 1 connection / floor p50",
        figures["ratios"]["p50_c1_vs_floor"],
        1.5,
        True,
        True,
    )
    target(
        "tree: rps at 16 connections / reference rps",
        figures["ratios"]["rps_c16_vs_reference"],
        0.8,
        False,
        True,
    )
    target(
        "post: p50 at 1 connection / floor p50",
        endpoints_["post"]["ratios"]["p50_c1_vs_floor"],
        2.0,
        True,
        True,
    )
    target(
        "post: rps at 16 connections / plain insert's rps",
        endpoints_["post"]["ratios"]["rps_c16_vs_reference"],
        None,
        False,
        False,
    )
    target(
        "current quarter report: p50 at 1 connection / floor p50",
        endpoints_["report_current"]["ratios"]["p50_c1_vs_floor"],
        1.5,
        True,
        True,
    )
    reports = results["reports"]
    at_l = size == "L"
    target("closed quarter report, cold, p50 ms", reports["closed_cold"]["p50_ms"], 100, True, at_l)
    target(
        "800-action plan's PDF board pack, cold, p50 ms",
        reports["pdf_pack_cold"]["p50_ms"],
        10_000,
        True,
        True,
    )
    target(
        "Stockton plan's PDF board pack, p50 ms",
        reports["pdf_pack_stockton"]["p50_ms"],
        2_000,
        True,
        True,
    )
    target(
        "closed quarter report, 304, server time p50 ms",
        endpoints_["report_304"]["server"]["p50_ms"],
        5,
        True,
        at_l,
    )
    target(
        "current quarter report, p50 ms at 1 connection",
        endpoints_["report_current"]["c1"]["p50_ms"],
        300,
        True,
        at_l,
    )
    for name in ("list", "detail", "tree"):
        value = None
        if previous_m is not None and name in previous_m.get("endpoints", {}):
            value = ratio(
                endpoints_[name]["c1"]["p50_ms"], previous_m["endpoints"][name]["c1"]["p50_ms"]
            )
        target(f"{name}: L p50 / M p50 at 1 connection", value, 1.5, True, at_l)
    path_targets(results, target)
    return found


def path_targets(results: dict[str, Any], target: Any) -> None:
    """The write and delivery paths' targets (issues 27.8, 28.6, 30.4)."""
    paths_ = results.get("paths", {})
    feed = results["endpoints"].get("feed")
    if feed is not None:
        target(
            "feed: p50 at 1 connection / floor p50",
            feed["ratios"]["p50_c1_vs_floor"],
            2.0,
            True,
            True,
        )
    batch = paths_.get("batch")
    if batch is not None:
        target("batch of 500: p50 ms", batch["client"]["p50_ms"], 1_000, True, True)
        target("batch of 500: p50 / floor p50", batch.get("x_floor"), None, True, False)
    for path_name, what in IMPORTS_NAMED:
        for kind in ("dry_run", "apply"):
            imported = paths_.get(f"{path_name}_{kind}")
            if imported is not None:
                words = kind.replace("_", " ")
                target(
                    f"800-action {what} import, {words}: p50 ms",
                    imported["client"]["p50_ms"],
                    5_000,
                    True,
                    True,
                )
    webhook = paths_.get("webhook")
    if webhook is not None:
        target(
            "webhook: events per second / floor's",
            ratio(webhook["events_per_second"], webhook["floor_events_per_second"]),
            0.5,
            False,
            True,
        )
        latency = webhook["commit_to_delivery"]
        target("webhook: commit to delivery, p50 ms", latency["p50_ms"], 1_000, True, True)
        target("webhook: commit to delivery, p99 ms", latency["p99_ms"], 2_000, True, True)


# The table.


def fmt(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_table(results: dict[str, Any]) -> None:
    head = (
        f"{'endpoint':16} {'rps c1':>8} {'p50 c1':>8} {'p99 c1':>8} {'rps c16':>8} "
        f"{'p50 c16':>8} {'p99 c16':>8} {'srv p50':>8} {'floor p50':>9} {'ref rps16':>9} "
        f"{'x floor':>7} {'x ref':>6} {'stmts':>5}"
    )
    print()
    print(
        f"Size {results['size']}, {results['machine']['cpu']}, {results['machine']['cores']} "
        f"cores, PostgreSQL {results['machine']['postgresql']}; times in ms"
    )
    print(head)
    print("-" * len(head))
    for name, figures in results["endpoints"].items():
        c1, c16 = figures["c1"], figures["c16"]
        floor = figures.get("floor") or {}
        reference = figures.get("reference") or {}
        ratios = figures["ratios"]
        print(
            f"{name:16} {c1['rps']:8.1f} {c1['p50_ms']:8.2f} {c1['p99_ms']:8.2f} "
            f"{c16['rps']:8.1f} {c16['p50_ms']:8.2f} {c16['p99_ms']:8.2f} "
            f"{fmt((figures.get('server') or {}).get('p50_ms')):>8} "
            f"{fmt(floor.get('p50_ms')):>9} {fmt((reference.get('c16') or {}).get('rps'), 1):>9} "
            f"{fmt(ratios.get('p50_c1_vs_floor')):>7} {fmt(ratios.get('rps_c16_vs_reference')):>6} "
            f"{fmt(figures.get('statements'), 0):>5}"
        )
        if reference:
            r1, r16 = reference["c1"], reference["c16"]
            print(
                f"{'  reference':16} {r1['rps']:8.1f} {r1['p50_ms']:8.2f} {r1['p99_ms']:8.2f} "
                f"{r16['rps']:8.1f} {r16['p50_ms']:8.2f} {r16['p99_ms']:8.2f}"
            )
    cold = results["reports"].get("closed_cold")
    if cold is not None:  # left out by an `--only` without `reports`
        cold_server = results["reports"]["closed_cold_server"]
        print(
            f"closed quarter report, cold ({cold['requests']} plans): p50 "
            f"{cold['p50_ms']:.1f} ms, max {cold['max_ms']:.1f} ms; server time p50 "
            f"{cold_server['p50_ms']:.1f} ms"
        )
    print_paths(results)
    print()
    for item in results["targets"]:
        verdict = (
            ("PASS" if item["pass"] else "FAIL" if item["pass"] is False else "n/a ")
            if item["judged"]
            else "info"
        )
        limit = (
            "reported" if item["limit"] is None else f"target {item['comparison']} {item['limit']}"
        )
        print(f"  [{verdict}] {item['target']}: {fmt(item['value'])} ({limit})")
    print()


def print_paths(results: dict[str, Any]) -> None:
    """The paths timed request by request, each with its floor."""
    reports = results["reports"]
    for label, name in (
        ("PDF board pack, 800 actions, cold", "pdf_pack_cold"),
        (
            "PDF board pack, Stockton, cold",
            "pdf_pack_stockton",
        ),
    ):
        pack = reports.get(name)
        if pack is None:
            continue
        print(
            f"{label} ({pack['requests']} packs): p50 {pack['p50_ms']:.0f} ms, "
            f"max {pack['max_ms']:.0f} ms"
        )
    paths_ = results.get("paths", {})
    for name, label in (
        ("batch", "POST /status-updates/batch, 500 updates"),
        *(
            (f"{path_name}_{kind}", f"POST /plan-imports, 800-action {what}, {words}")
            for path_name, what in IMPORTS_NAMED
            for kind, words in (("dry_run", "dry run"), ("apply", "apply"))
        ),
    ):
        figures = paths_.get(name)
        if figures is None:
            continue
        client, server_, floor = figures["client"], figures["server"], figures.get("floor", {})
        print(
            f"{label} ({client['requests']} requests): p50 {client['p50_ms']:.1f} ms, "
            f"max {client['max_ms']:.1f} ms, server p50 {server_['p50_ms']:.1f} ms; "
            f"floor p50 {fmt(floor.get('p50_ms'), 1)} ms, x floor {fmt(figures.get('x_floor'))}, "
            f"{fmt(figures.get('statements'), 0)} statements"
        )
    webhook = paths_.get("webhook")
    if webhook is not None:
        latency = webhook["commit_to_delivery"]
        print(
            f"webhook delivery: {webhook['burst_events']} events at "
            f"{fmt(webhook['events_per_second'], 1)}/s (floor, plain POSTs: "
            f"{fmt(webhook['floor_events_per_second'], 1)}/s); commit to delivery p50 "
            f"{latency['p50_ms']:.0f} ms, p99 {latency['p99_ms']:.0f} ms "
            f"({latency['requests']} updates)"
        )


# The run.


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=("S", "M", "L"), default="M")
    parser.add_argument("--seconds", type=int, default=10, help="measured seconds per run")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per run")
    parser.add_argument("--floor-seconds", type=float, default=3.0)
    parser.add_argument("--fresh", action="store_true", help="regenerate the database")
    parser.add_argument(
        "--only",
        nargs="*",
        help="measure only these endpoints and paths; `reports` for the cold reports and packs",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=Path(os.environ.get("BENCH_RESULTS", RESULTS)),
        help="where to write the figures (bench/results; BENCH_RESULTS)",
    )
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk (make bench does it)")
        return 2

    size = args.size
    # BENCH_DB_PREFIX keeps two checkouts' benchmark databases apart on one server.
    name = f"{os.environ.get('BENCH_DB_PREFIX', 'ipa_bench')}_{size.lower()}"
    os.environ.update(app_env(name))
    os.environ["IPA_SECRET_KEY"] = os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(48)
    today = datetime.now(UTC).date()
    started = time.perf_counter()
    meta = prepare_database(size, name, today, args.fresh)
    key, workload = meta["key"], meta["workload"]
    from bench import paths
    from bench.generate import api_key_row

    stockton_id, stockton_quarters = paths.stockton_pack(database_url(name), PDF_PACKS)
    with psycopg.connect(database_url(name)) as conn:
        # For the webhook subscription; a new one each run, as the editor key is.
        admin_key = api_key_row(conn, secrets.token_urlsafe(32), role="admin")
    from app.reports.quarters import Quarter

    current = Quarter.containing(today)
    closed = current.previous
    work = ROOT / "var" / "bench" / size
    work.mkdir(parents=True, exist_ok=True)
    chosen = endpoints(workload, current.label)
    closed_paths = [
        f"/api/v1/reports/quarterly?plan_id={i}&quarter={closed.label}"
        for i in workload["report_plan_ids"]
    ]
    report_304 = Endpoint(
        "report_304", f"GET /reports/quarterly {closed.label} (304)", closed_paths, expect=304
    )
    # The POSTs go last: they add updates, which changes the plans' report fingerprints.
    chosen = (
        [e for e in chosen if e.name != "post"]
        + [report_304]
        + [e for e in chosen if e.name == "post"]
    )
    if args.only:
        chosen = [e for e in chosen if e.name in args.only or e.name == "report_304"]
    # The cold reports and the PDF packs take minutes on a busy machine: `--only` names
    # them as `reports`.
    measure_reports = not args.only or "reports" in args.only

    results: dict[str, Any] = {
        "size": size,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": os.environ.get("BENCH_COMMAND") or " ".join([sys.executable, *sys.argv]),
        "machine": machine(),
        "settings": {"seconds": args.seconds, "warmup": args.warmup, "workers": WORKERS},
        "database": {
            "rows": meta["rows"],
            "load_seconds": meta["load_seconds"],
            "vacuum_analyze_seconds": meta["vacuum_analyze_seconds"],
        },
        "quarters": {"current": current.label, "closed": closed.label},
        "endpoints": {},
        "reports": {},
    }
    app_command = [
        str(VENV_BIN / "improvement-plan"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(APP_PORT),
        "--workers",
        str(WORKERS),
        "--no-migrate",
        "--no-seed",
    ]
    with server(app_command, dict(os.environ), APP_PORT, "service"):
        # Cold reports first: no request has touched these plans' reports yet. One client
        # for them all (building one takes tens of milliseconds, which is not the server's),
        # and each request on a new connection, as a script fetching one report would.
        cold: list[float] = []
        cold_server: list[float] = []
        etags: list[str] = []
        with httpx.Client(
            base_url=f"http://127.0.0.1:{APP_PORT}",
            headers={"Authorization": f"Bearer {key}", "Connection": "close"},
            timeout=120,
        ) as client:
            for path in closed_paths[:10] if measure_reports else []:
                began = time.perf_counter()
                response = client.get(path)
                cold.append(time.perf_counter() - began)
                response.raise_for_status()
                cold_server.append(server_time_ms(response) / 1000)
            for path in closed_paths:
                etags.append(client.get(path).headers["ETag"])
            # The board pack as PDF of an 800-action plan, rendered afresh: a few are enough,
            # each taking seconds of one core.
            packs: list[float] = []
            for path in closed_paths[:PDF_PACKS] if measure_reports else []:
                began = time.perf_counter()
                response = client.get(f"{path}&format=pdf")
                packs.append(time.perf_counter() - began)
                response.raise_for_status()
            # The Stockton plan's packs, each of another quarter (a worker keeps the
            # reports it made), from that of its latest updates back.
            stockton: list[float] = []
            for quarter in stockton_quarters if measure_reports else []:
                began = time.perf_counter()
                response = client.get(
                    f"/api/v1/reports/quarterly?plan_id={stockton_id}&quarter={quarter}&format=pdf"
                )
                stockton.append(time.perf_counter() - began)
                response.raise_for_status()
        report_304.etags = etags
        if measure_reports:
            results["reports"]["closed_cold"] = summarise(cold)
            results["reports"]["closed_cold_server"] = summarise(cold_server)
            results["reports"]["pdf_pack_cold"] = summarise(packs)
            results["reports"]["pdf_pack_stockton"] = {
                **summarise(stockton),
                "quarters": stockton_quarters,
            }
            log(f"closed quarter report cold: {results['reports']['closed_cold']}")
            log(f"closed quarter PDF pack cold: {results['reports']['pdf_pack_cold']}")
            log(f"Stockton PDF pack: {results['reports']['pdf_pack_stockton']}")

        requests = {e.name: capture_requests(e) for e in chosen}
        log("capturing each endpoint's SQL")
        captured = asyncio.run(capture(name, key, requests))
        floors: dict[str, dict[str, float]] = {}
        with psycopg.connect(database_url(name)) as conn:
            for endpoint in chosen:
                floors[endpoint.name] = replay(
                    conn,
                    captured[endpoint.name],
                    seconds=args.floor_seconds,
                    write=endpoint.method == "POST",
                )
                log(f"floor     {endpoint.name:15} {floors[endpoint.name]}")

        with ExitStack() as reference_up:
            if any(e.reference for e in chosen):
                # Up beside the service, so that the two are measured in turns.
                reference_up.enter_context(reference_server(name))
            for endpoint in chosen:
                check(APP_PORT, key, endpoint)
                if endpoint.reference:
                    check(REFERENCE_PORT, key, endpoint)
                    figures, reference = measure_paired(
                        endpoint, key, work, args.seconds, args.warmup
                    )
                    figures["reference"] = reference
                else:
                    figures = measure(
                        endpoint, APP_PORT, key, work, args.seconds, args.warmup, "service"
                    )
                figures["server"] = sample_server_time(endpoint, APP_PORT, key, SERVER_TIME_SAMPLES)
                log(f"server    {endpoint.name:15} {figures['server']}")
                statements = {len(s) for s in captured[endpoint.name]}
                figures["floor"] = floors[endpoint.name]
                figures["statements"] = max(statements)
                figures["title"] = endpoint.title
                results["endpoints"][endpoint.name] = figures

        wanted = set(args.only or PATHS) & set(PATHS)
        keys = {"key": key, "admin_key": admin_key, "name": name}
        results["paths"] = measure_paths(
            keys, workload, work, args, wanted, results, meta["fingerprint"]
        )

    for figures in results["endpoints"].values():
        reference = figures.get("reference")
        figures["ratios"] = {
            "p50_c1_vs_floor": ratio(figures["c1"]["p50_ms"], figures["floor"]["p50_ms"]),
            "rps_c16_vs_reference": ratio(figures["c16"]["rps"], reference["c16"]["rps"])
            if reference
            else None,
            "p50_c1_vs_reference": ratio(figures["c1"]["p50_ms"], reference["c1"]["p50_ms"])
            if reference
            else None,
        }
    previous_m = None
    if size == "L" and (args.results / "M-latest.json").exists():
        previous_m = json.loads((args.results / "M-latest.json").read_text())
    if "list" in results["endpoints"] and "detail" in results["endpoints"] and not args.only:
        results["targets"] = targets(size, results, previous_m)
    else:
        results["targets"] = []
    results["elapsed_seconds"] = round(time.perf_counter() - started, 1)
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    text = json.dumps(results, indent=2) + "\n"
    for target_name in (f"{size}-{stamp}.json", f"{size}-latest.json", "latest.json"):
        (args.results / target_name).write_text(text)
    print_table(results)
    log(f"written {args.results}/{size}-{stamp}.json (and {size}-latest.json, latest.json)")
    failed = [t for t in results["targets"] if t["pass"] is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
