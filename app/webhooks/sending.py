"""Sending one signed message to a receiver, safely.

The receiver's name is resolved here, once for each run of messages, and every address it
resolves to must be public (or named in `IPA_WEBHOOK_ALLOWED_ADDRESSES`); the requests then
go to the checked address itself, with the name kept for TLS and `Host`, so a name that resolves
differently a moment later (DNS rebinding) changes nothing. Redirects are not followed;
the response is read up to a size and a time limit. Signatures follow the Standard
Webhooks specification, made by its own library.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from standardwebhooks import Webhook as Signer

from app import __version__
from app.core.config import Settings

# Cloud metadata services: refused even where a network around them is allowed.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """The receiver resolves to an address webhooks may not be sent to."""


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to."""

    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def _allowed(address: IpAddress, settings: Settings) -> bool:
    if address in METADATA_ADDRESSES:
        return False
    if any(
        address in ipaddress.ip_network(entry, strict=False)
        for entry in settings.webhook_allowed_addresses
    ):
        return True
    mapped = getattr(address, "ipv4_mapped", None)
    return bool((mapped or address).is_global)


async def checked_address(host: str, port: int, settings: Settings) -> IpAddress:
    """The address to connect to: every address the name has must be allowed."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise AddressRefused(f"cannot resolve {host}: {exc.strerror or exc}") from exc
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    refused = [a for a in addresses if not _allowed(a, settings)]
    if refused or not addresses:
        raise AddressRefused(
            f"{host} resolves to {refused[0] if refused else 'nothing'}, which webhooks may "
            "not be sent to (loopback, private, link-local or metadata)"
        )
    return addresses[0]


def new_secret() -> str:
    """A signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes."""
    import base64
    import secrets

    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def tls_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if settings.webhook_ca_bundle is not None:
        context.load_verify_locations(cafile=str(settings.webhook_ca_bundle))
    return context


def new_client(settings: Settings) -> httpx.AsyncClient:
    """A client that follows no redirects and ignores proxy variables (which would connect
    to another address than the one checked)."""
    return httpx.AsyncClient(
        verify=tls_context(settings),
        follow_redirects=False,
        trust_env=False,
        timeout=settings.webhook_timeout_seconds,
    )


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Receiver:
    """Where a subscription's messages go: its URL's name, checked and resolved once for a
    run of messages (so a run costs one lookup), with the name kept for TLS and `Host`."""

    target: str
    host: str
    netloc: str


async def receiver(url: str, settings: Settings) -> Receiver:
    """The checked receiver of `url`; AddressRefused when it may not be sent to."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme != "https" or not host:
        raise AddressRefused("only https:// URLs are sent to")
    port = parts.port or 443
    try:
        async with asyncio.timeout(settings.webhook_timeout_seconds):
            address = await checked_address(host, port, settings)
    except TimeoutError as exc:
        raise AddressRefused(f"cannot resolve {host} in time") from exc
    netloc = f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"
    target = urlunsplit(("https", netloc, parts.path or "/", parts.query, ""))
    return Receiver(target=target, host=host, netloc=parts.netloc.rpartition("@")[2])


async def send(
    client: httpx.AsyncClient,
    *,
    settings: Settings,
    to: Receiver,
    secret: str,
    message_id: str,
    payload: dict[str, Any],
) -> Outcome:
    """POST the payload, signed; never raises for the receiver's faults."""
    started = time.monotonic()

    def outcome(status_code: int | None, error: str | None) -> Outcome:
        return Outcome(status_code, error, int((time.monotonic() - started) * 1000))

    body = body_of(payload)
    now = datetime.now(UTC)
    headers = {
        "content-type": "application/json",
        "user-agent": f"improvement-plan-api/{__version__}",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Signer(secret).sign(message_id, now, body),
        "host": to.netloc,
    }
    try:
        async with asyncio.timeout(settings.webhook_timeout_seconds):
            async with client.stream(
                "POST",
                to.target,
                content=body,
                headers=headers,
                extensions={"sni_hostname": to.host},
            ) as response:
                received = 0
                async for chunk in response.aiter_raw():
                    received += len(chunk)
                    if received > settings.webhook_max_response_bytes:
                        break
                return outcome(response.status_code, None)
    except TimeoutError:
        return outcome(None, f"no answer within {settings.webhook_timeout_seconds:g} seconds")
    except httpx.HTTPError as exc:
        return outcome(None, f"{type(exc).__name__}: {exc}"[:1000])
