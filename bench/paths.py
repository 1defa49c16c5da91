"""The benchmark's write and delivery paths, each beside its floor.

- a batch of 500 status updates (`POST /status-updates/batch`), timed request by request;
- a plan import of an 800-action workbook (`POST /plan-imports`), dry run and apply, the
  workbook being the service's own export of a generated directorate plan;
- the same plan imported from a Word document with the table councils write, dry run and
  apply;
- a page of the change feed (`GET /events`, the largest page), with wrk like the reads;
- webhook delivery: events per second to a receiver on this machine, and the time from a
  status update's commit to its delivery;
- the Stockton plan (the seed) loaded beside the generated data, for its PDF board pack.

`bench/run.py` calls these inside its run, after the reads and the single `POST`s, since
every write here changes the plans' report fingerprints. The floors reuse its capture and
replay; bench/README.md says what each floor is.
"""

from __future__ import annotations

import io
import json
import os
import signal
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import psycopg

from bench.run import (
    CAPTURE_MARK,
    POST_BODY,
    ROOT,
    VENV_BIN,
    Call,
    log,
    server_time_ms,
    summarise,
)

BATCH_ITEMS = 500
# Batches timed one after another (each stores 500 updates), after one not timed.
BATCHES = 10
# Imports of the 800-action workbook timed, of each kind (an apply stores a plan).
IMPORTS = 3
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The largest page the change feed gives.
FEED_PAGE = 500
FEED_CAPTURE_PAGES = 3
# Status updates posted one at a time with the worker running, each timed to delivery.
LATENCY_SAMPLES = 60
LATENCY_GAP_SECONDS = 0.15
# The floor of a delivery: plain POSTs of the same body to the same receiver.
FLOOR_POSTS = 300


def timed(client: httpx.Client, calls: list[Call], expect: int) -> dict[str, Any]:
    """Send the calls one after another; the client's and the server's time of each."""
    took: list[float] = []
    served: list[float] = []
    for method, path, headers, body in calls:
        began = time.perf_counter()
        response = client.request(method, path, headers=headers, **body)
        took.append(time.perf_counter() - began)
        if response.status_code != expect:
            raise RuntimeError(
                f"{method} {path}: {response.status_code}, expected {expect}: {response.text[:500]}"
            )
        served.append(server_time_ms(response) / 1000)
    return {"client": summarise(took), "server": summarise(served)}


# A batch of status updates.


def batch_calls(action_ids: list[str], count: int, first: int = 0) -> list[Call]:
    """`count` batches, each of 500 different actions' updates, with keys of their own."""
    calls: list[Call] = []
    for number in range(first, first + count):
        start = number * BATCH_ITEMS
        items = [
            {"action_id": action_ids[(start + i) % len(action_ids)], **POST_BODY}
            for i in range(BATCH_ITEMS)
        ]
        headers = {"Idempotency-Key": f"{CAPTURE_MARK}{time.time_ns():x}-{number:04x}"}
        calls.append(("POST", "/api/v1/status-updates/batch", headers, {"json": {"items": items}}))
    return calls


# A plan import.


@dataclass(frozen=True)
class Upload:
    """A file sent to `POST /plan-imports`, and what reading it costs any reader of it."""

    kind: str  # "workbook" or "document", in the log and the figures
    filename: str
    media_type: str
    content: bytes
    read: Callable[[bytes], None]


def workbook_upload(client: httpx.Client, plan_id: str) -> Upload:
    """The service's own workbook of a plan: the import template, filled."""
    response = client.get(f"/api/v1/plans/{plan_id}/export", params={"format": "xlsx"})
    response.raise_for_status()
    return Upload("workbook", "plan.xlsx", XLSX, response.content, read_workbook)


def as_written_in_word(document: dict[str, Any]) -> dict[str, Any]:
    """A plan document as a council's Word table holds it: an inspection action by its tag
    ("Ofsted Improvement Action 3"), and no descriptions or notes. The generated text of
    those reads as more actions by the table's reading rules (seed/README.md); without
    them the document reads back as the plan's actions, titles, leads and links."""

    def plain(actions: list[dict[str, Any]]) -> None:
        for action in actions:
            action["description"] = action["notes"] = None
            plain(action.get("sub_actions") or [])

    for area in document["areas"]:
        plain(area.get("actions") or [])
        for outcome in area.get("outcomes") or []:
            plain(outcome.get("actions") or [])
            for objective in outcome.get("objectives") or []:
                plain(objective.get("actions") or [])
    for inspection in document.get("inspection_actions") or []:
        inspection["text"] = f"{inspection['source']} Improvement Action {inspection['number']}"
    return document


def word_upload(client: httpx.Client, plan_id: str, work: Path, fingerprint: str) -> Upload:
    """A plan as a Word document, its table as councils write it (the shape the test suite
    imports Stockton's plan from, by the test suite's writer), from the plan's YAML export.
    The file is kept in `work` under a name made of the database's fingerprint (it is
    remade when the database is), the plan and the writer's source."""
    import hashlib

    import yaml

    from app.seeding.checks import check_seed_document
    from tests.plan_imports import stockton_docx

    # This file too: it says what is written.
    writers = Path(stockton_docx.__file__).read_bytes() + Path(__file__).read_bytes()
    digest = hashlib.sha256(f"{fingerprint}|{plan_id}|".encode() + writers).hexdigest()[:16]
    cached = work / f"word-import-{digest}.docx"
    if not cached.exists():
        response = client.get(f"/api/v1/plans/{plan_id}/export", params={"format": "yaml"})
        response.raise_for_status()
        seed, problems = check_seed_document(as_written_in_word(yaml.safe_load(response.content)))
        if seed is None:
            raise RuntimeError(f"the plan's export is not a plan: {problems[:3]}")
        for old in work.glob("word-import-*.docx"):
            old.unlink()
        began = time.perf_counter()
        cached.write_bytes(stockton_docx.stockton_docx(seed))
        log(f"wrote {cached.name} in {time.perf_counter() - began:.1f}s")
    return Upload("document", "plan.docx", DOCX, cached.read_bytes(), read_word)


def import_calls(upload: Upload, count: int, *, dry_run: bool) -> list[Call]:
    """`count` imports of the file, each under a plan key of its own (a plan is imported
    once per key; a second import of the same key would answer the first)."""
    path = "/api/v1/plan-imports" + ("?dry_run=true" if dry_run else "")
    return [
        (
            "POST",
            path,
            {},
            {
                "files": {"file": (upload.filename, upload.content, upload.media_type)},
                "data": {"key": f"{CAPTURE_MARK}{time.time_ns():x}-{number:04x}"},
            },
        )
        for number in range(count)
    ]


def preview(client: httpx.Client, upload: Upload) -> dict[str, int]:
    """A dry run's counts of what the file would create, to show it reads as the plan."""
    method, path, headers, body = import_calls(upload, 1, dry_run=True)[0]
    response = client.request(method, path, headers=headers, **body)
    if response.status_code != 200:
        raise RuntimeError(f"a dry run of the {upload.kind}: {response.text[:500]}")
    counts: dict[str, int] = response.json()["counts"]
    return counts


def read_workbook(workbook: bytes) -> None:
    """openpyxl opening the workbook as the import does (read-only, values) and reading
    every cell."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook), read_only=True, data_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def read_word(document: bytes) -> None:
    """python-docx opening the document and reading every cell's text, row by row, as the
    import walks a table: down its rows once (the import's `table_grid`), a merged cell read
    in each row it spans."""
    from docx import Document

    from app.plan_imports.word_cells import table_grid

    for table in Document(io.BytesIO(document)).tables:
        for cells in table_grid(table):
            for cell in cells:
                _ = cell.text


def reading_floor(upload: Upload) -> dict[str, float]:
    """Reading the file alone: what any reader of it pays before a plan is made of it."""
    took: list[float] = []
    for _ in range(IMPORTS):
        began = time.perf_counter()
        upload.read(upload.content)
        took.append(time.perf_counter() - began)
    return summarise(took)


# The change feed.


def feed_lines(client: httpx.Client, url: str) -> list[str]:
    """Requests for full pages of the feed: a cursor every 500 events with 500 after it."""
    # A read of the feed numbers the events committed since the last one.
    client.get("/api/v1/events", params={"limit": 1}).raise_for_status()
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT position, count(*) OVER () - row_number() OVER (ORDER BY position) "
            "FROM event WHERE position IS NOT NULL ORDER BY position"
        ).fetchall()
    return [
        f"/api/v1/events?limit={FEED_PAGE}&after=e{position}"
        for number, (position, after) in enumerate(rows)
        if number % FEED_PAGE == 0 and after >= FEED_PAGE
    ]


# Webhook delivery.


@dataclass
class Receiver:
    """A webhook receiver over HTTPS on this machine, noting when each message arrived."""

    url: str
    arrivals: list[tuple[float, bytes]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def receiver(work: Path) -> Iterator[tuple[Receiver, Path]]:
    """The receiver, and the CA bundle that makes its certificate trusted."""
    import trustme

    ca = trustme.CA()
    bundle = work / "webhook-ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            made = state["receiver"]
            with made.lock:
                made.arrivals.append((time.perf_counter(), body))
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    made = Receiver(url=f"https://127.0.0.1:{server.server_address[1]}/hooks/plan")
    state["receiver"] = made
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield made, bundle
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def worker(bundle: Path) -> Iterator[None]:
    """`improvement-plan worker` on the benchmark's database, allowed to send here."""
    env = {
        **os.environ,
        "IPA_WEBHOOK_ALLOWED_ADDRESSES": '["127.0.0.1/32"]',
        "IPA_WEBHOOK_CA_BUNDLE": str(bundle),
    }
    process = subprocess.Popen(  # noqa: S603
        [str(VENV_BIN / "improvement-plan"), "worker"],
        env=env,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def delivered_all(url: str, webhook_id: str) -> bool:
    """Every committed event numbered, queued for the subscription and delivered."""
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM event WHERE position IS NULL), "
            "(SELECT coalesce(max(position), 0) FROM event), "
            "(SELECT queued_through FROM webhook WHERE id = %s), "
            "(SELECT count(*) FROM webhook_delivery WHERE webhook_id = %s AND done_at IS NULL)",
            (webhook_id, webhook_id),
        ).fetchone()
    if row is None:
        return False
    unnumbered, newest, queued_through, pending = row
    return bool(unnumbered == 0 and queued_through >= newest and pending == 0)


def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.2)


def delivery_floor(made: Receiver, bundle: Path, body: bytes) -> dict[str, float]:
    """Plain POSTs of a delivery's body to the receiver, one after another on one
    connection: what sending costs with nothing else around it."""
    took: list[float] = []
    context = ssl.create_default_context(cafile=str(bundle))
    headers = {"content-type": "application/json"}
    with httpx.Client(verify=context) as client:
        for _ in range(FLOOR_POSTS):
            began = time.perf_counter()
            client.post(made.url, content=body, headers=headers).raise_for_status()
            took.append(time.perf_counter() - began)
    return summarise(took)


def measure_webhooks(
    client: httpx.Client, admin: httpx.Client, url: str, work: Path, action_ids: list[str]
) -> dict[str, Any]:
    """A subscription to every event; a burst of events delivered (the rate), then single
    updates delivered one at a time (commit to delivery)."""
    with receiver(work) as (made, bundle):
        created = admin.post("/api/v1/webhooks", json={"url": made.url})
        if created.status_code != 201:
            raise RuntimeError(f"POST /webhooks: {created.status_code}: {created.text[:500]}")
        webhook_id = created.json()["id"]
        try:
            # The burst: one batch's events, made while no worker runs.
            for method, path, headers, body in batch_calls(action_ids, 1, first=BATCHES + 1):
                client.request(method, path, headers=headers, **body).raise_for_status()
            with worker(bundle):
                wait_for(lambda: delivered_all(url, webhook_id), 600, "delivering the burst")
                burst = sorted(t for t, _ in made.arrivals)
                rate = (len(burst) - 1) / (burst[-1] - burst[0]) if len(burst) > 1 else None
                latency = commit_to_delivery(client, made, action_ids)
            floor = delivery_floor(made, bundle, made.arrivals[-1][1])
        finally:
            shown = admin.get(f"/api/v1/webhooks/{webhook_id}")
            admin.delete(
                f"/api/v1/webhooks/{webhook_id}", headers={"If-Match": shown.headers["ETag"]}
            ).raise_for_status()
    return {
        "burst_events": len(burst),
        "events_per_second": None if rate is None else round(rate, 1),
        "commit_to_delivery": latency,
        "floor": floor,
        # Over all the floor's POSTs, as the service's rate is over all its deliveries.
        "floor_events_per_second": floor["rps"],
    }


def commit_to_delivery(
    client: httpx.Client, made: Receiver, action_ids: list[str]
) -> dict[str, float]:
    """Post single status updates a little apart; for each, the time from its 201 (the
    commit is made before the answer) to the receiver getting the update's event."""
    committed: dict[str, float] = {}
    for number in range(LATENCY_SAMPLES):
        action_id = action_ids[number % len(action_ids)]
        response = client.post(
            f"/api/v1/actions/{action_id}/status-updates",
            json=POST_BODY,
            headers={"Idempotency-Key": f"bench-latency-{time.time_ns():x}"},
        )
        done = time.perf_counter()
        response.raise_for_status()
        committed[response.json()["id"]] = done
        time.sleep(LATENCY_GAP_SECONDS)

    def arrived() -> dict[str, float]:
        found: dict[str, float] = {}
        with made.lock:
            arrivals = list(made.arrivals)
        for at, body in arrivals:
            resource = json.loads(body).get("resource", {}).get("id")
            if resource in committed and resource not in found:
                found[resource] = at
        return found

    wait_for(lambda: len(arrived()) == len(committed), 120, "delivering the single updates")
    found = arrived()
    return summarise([found[i] - committed[i] for i in committed])


# The Stockton plan.


def stockton_pack(url: str, count: int) -> tuple[str, list[str]]:
    """Load the seed plan (once: the seed command leaves a loaded plan as it is) and answer
    its id and the `count` quarters up to that of its latest status update, whose board
    packs are measured: a different quarter each time, since a worker keeps the reports
    it has made."""
    from app.reports.quarters import Quarter
    from app.seeding.loader import default_seed_path, read_seed_file

    subprocess.run(  # noqa: S603
        [str(VENV_BIN / "improvement-plan"), "seed"],
        check=True,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
    )
    key = read_seed_file(default_seed_path()).plan.key
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT p.id, max(u.effective_date) FROM plan p "
            "LEFT JOIN status_update u ON u.plan_id = p.id WHERE p.seed_key = %s GROUP BY p.id",
            (key,),
        ).fetchone()
    if row is None:
        raise RuntimeError(f"the seed plan '{key}' was not loaded")
    quarter = Quarter.containing(row[1] or date.today())
    quarters = [quarter]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous)
    return row[0], [q.label for q in quarters]
