"""A real HTTPS webhook receiver on a free port, with a certificate from a test CA."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme
from fastapi import FastAPI

from app.core.config import Settings
from app.webhooks.delivery import Worker
from app.worker import worker_for


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    # The sender's address and port: one per connection.
    peer: tuple[str, int]

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    url: str
    received: list[Received] = field(default_factory=list)
    # Statuses to answer with, first to last; 204 once they run out.
    statuses: list[int] = field(default_factory=list)
    # Cleared: each request waits for it to be set before answering.
    answering: threading.Event = field(default_factory=threading.Event)
    got_request: threading.Event = field(default_factory=threading.Event)

    def ids(self) -> list[str]:
        return [r.headers["webhook-id"] for r in self.received]


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def ca_bundle(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def receiver(ca: trustme.CA) -> Iterator[Receiver]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    state: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        # Keeps the connection open between requests, as real receivers do.
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            receiver = state["receiver"]
            receiver.got_request.set()
            receiver.answering.wait(timeout=30)
            receiver.received.append(
                Received({k.lower(): v for k, v in self.headers.items()}, body, self.client_address)
            )
            status = receiver.statuses.pop(0) if receiver.statuses else 204
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    made = Receiver(url=f"https://127.0.0.1:{server.server_address[1]}/hooks/plan")
    made.answering.set()
    state["receiver"] = made
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield made
    made.answering.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def settings(database_url: str, ca_bundle: Path) -> Settings:
    """The suite's settings, allowed to send to this machine's receiver, retrying at once."""
    return Settings(
        environment="test",
        database_url=database_url,
        create_admin_key_on_start=False,
        rate_limit="100000/minute",
        auth_failure_rate_limit="100000/minute",
        webhook_allowed_addresses=["127.0.0.1/32"],
        webhook_ca_bundle=ca_bundle,
        webhook_retry_first_seconds=0,
        webhook_timeout_seconds=20,
    )


@pytest.fixture
async def worker(app: FastAPI) -> AsyncIterator[Worker]:
    async with worker_for(
        app.state.settings, app.state.session_factory, app.state.write_session_factory
    ) as made:
        yield made
