"""Webhooks end to end: a real HTTPS receiver, signatures checked by the Standard Webhooks
library, retries, order, the delivery log, redelivery, ping, and refusing unsafe addresses."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from standardwebhooks import Webhook as Verifier
from standardwebhooks import WebhookVerificationError

from app.models import Role, WebhookDelivery, utcnow
from app.webhooks import delivery
from app.webhooks.delivery import Worker
from app.worker import run, run_once, worker_for
from tests.conftest import Clients, StatementCounter
from tests.factories import make_plan
from tests.support import assert_problem, patch
from tests.webhooks.conftest import Receiver


async def subscribe(admin: httpx.AsyncClient, url: str, **fields: Any) -> dict[str, Any]:
    response = await admin.post("/api/v1/webhooks", json={"url": url, **fields})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def add_areas(editor: httpx.AsyncClient, plan_id: str, count: int) -> list[str]:
    ids = []
    for number in range(1, count + 1):
        response = await editor.post(
            f"/api/v1/plans/{plan_id}/areas", json={"number": number, "title": f"Area {number}"}
        )
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return ids


async def feed_ids(admin: httpx.AsyncClient, **params: Any) -> list[str]:
    return [
        e["id"]
        for e in (await admin.get("/api/v1/events", params={"limit": 500, **params})).json()[
            "items"
        ]
    ]


async def log(admin: httpx.AsyncClient, webhook_id: str) -> list[dict[str, Any]]:
    response = await admin.get(f"/api/v1/webhooks/{webhook_id}/deliveries")
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.fixture
async def admin(clients: Clients) -> httpx.AsyncClient:
    return await clients.as_role(Role.admin)


async def test_the_secret_is_shown_once_and_can_be_rotated(
    admin: httpx.AsyncClient, viewer: httpx.AsyncClient
) -> None:
    created = await subscribe(admin, "https://dashboard.example.gov.uk/hooks")
    assert created["secret"].startswith("whsec_")
    shown = (await admin.get(f"/api/v1/webhooks/{created['id']}")).json()
    assert "secret" not in shown
    rotated = await admin.post(f"/api/v1/webhooks/{created['id']}/rotate-secret")
    assert rotated.status_code == 200
    assert rotated.json()["secret"].startswith("whsec_")
    assert rotated.json()["secret"] != created["secret"]
    listed = await admin.get("/api/v1/webhooks")
    assert all("secret" not in w for w in listed.json()["items"])
    audit = await admin.get("/api/v1/audit-events", params={"entity_type": "webhook"})
    assert created["secret"] not in audit.text and rotated.json()["secret"] not in audit.text
    assert_problem(await viewer.get("/api/v1/webhooks"), 403)


@pytest.mark.parametrize(
    "url",
    [
        "http://dashboard.example.gov.uk/hooks",
        "ftp://example.gov.uk/",
        "https://user:pw@example.gov.uk/",
    ],
)
async def test_only_https_urls_are_taken(admin: httpx.AsyncClient, url: str) -> None:
    assert_problem(await admin.post("/api/v1/webhooks", json={"url": url}), 422)


async def test_unknown_event_types_are_refused(admin: httpx.AsyncClient) -> None:
    response = await admin.post(
        "/api/v1/webhooks", json={"url": "https://example.gov.uk/", "event_types": ["area.eaten"]}
    )
    assert_problem(response, 422)


async def test_events_arrive_signed_and_in_order(
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    worker: Worker,
) -> None:
    plan = await make_plan(session)
    hook = await subscribe(admin, receiver.url, event_types=["area.created"], plan_id=plan.id)
    other = await make_plan(session)
    await add_areas(editor, other.id, 1)  # another plan's: not sent
    await add_areas(editor, plan.id, 3)
    await run_once(worker)
    expected = await feed_ids(admin, type="area.created", plan_id=plan.id)
    assert receiver.ids() == expected and len(expected) == 3
    # The messages to one receiver went over one kept-alive connection.
    assert len({message.peer for message in receiver.received}) == 1
    verifier = Verifier(hook["secret"])
    events = (
        await admin.get("/api/v1/events", params={"plan_id": plan.id, "type": "area.created"})
    ).json()["items"]
    for message, event in zip(receiver.received, events, strict=True):
        assert verifier.verify(message.body, message.headers) == event
    forged = receiver.received[0]
    with pytest.raises(WebhookVerificationError):
        Verifier(hook["secret"]).verify(forged.body + b" ", forged.headers)
    attempts = await log(admin, hook["id"])
    assert [a["status_code"] for a in attempts] == [204, 204, 204]
    assert all(a["succeeded"] and a["duration_ms"] >= 0 for a in attempts)


async def test_a_failed_delivery_is_retried_and_holds_back_later_ones(
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    worker: Worker,
) -> None:
    plan = await make_plan(session)
    hook = await subscribe(admin, receiver.url, event_types=["area.created"])
    await add_areas(editor, plan.id, 2)
    receiver.statuses = [500]
    await run_once(worker)
    attempts = list(reversed(await log(admin, hook["id"])))
    assert [(a["status_code"], a["succeeded"]) for a in attempts] == [
        (500, False),
        (204, True),
        (204, True),
    ]
    assert attempts[0]["next_attempt_at"] is not None and attempts[0]["error"] is None
    # The second waited behind the first, so the receiver never saw them swapped.
    ids = await feed_ids(admin, type="area.created")
    assert receiver.ids() == [ids[0], *ids]
    assert (await admin.get(f"/api/v1/webhooks/{hook['id']}")).json()["failing_since"] is None


async def test_ping_and_redelivery(
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    worker: Worker,
) -> None:
    hook = await subscribe(admin, receiver.url, event_types=["area.created"])
    ping = await admin.post(f"/api/v1/webhooks/{hook['id']}/ping")
    assert ping.status_code == 202
    await run_once(worker)
    assert receiver.received[0].json["type"] == "ping"
    Verifier(hook["secret"]).verify(receiver.received[0].body, receiver.received[0].headers)
    await add_areas(editor, (await make_plan(session)).id, 1)
    await run_once(worker)
    delivered = (await log(admin, hook["id"]))[0]
    again = await admin.post(
        f"/api/v1/webhooks/{hook['id']}/deliveries/{delivered['delivery_id']}/redeliver"
    )
    assert again.status_code == 202
    await run_once(worker)
    assert receiver.ids()[1] == receiver.ids()[2] == delivered["event_id"]
    missing = await admin.post(f"/api/v1/webhooks/{hook['id']}/deliveries/dlv_nothing/redeliver")
    assert_problem(missing, 404)


async def test_addresses_that_are_not_public_are_refused_at_send_time(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    hook = await subscribe(admin, receiver.url)
    await add_areas(editor, (await make_plan(session)).id, 1)
    strict = app.state.settings.model_copy(update={"webhook_allowed_addresses": []})
    async with worker_for(
        strict, app.state.session_factory, app.state.write_session_factory
    ) as worker:
        await run_once(worker)
    assert receiver.received == []
    attempt = (await log(admin, hook["id"]))[0]
    assert attempt["status_code"] is None and "may not be sent" in attempt["error"]


async def test_a_subscription_failing_for_days_is_disabled_with_an_event(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    hook = await subscribe(admin, receiver.url)
    await add_areas(editor, (await make_plan(session)).id, 1)
    receiver.statuses = [503, 503, 503]
    soon = app.state.settings.model_copy(update={"webhook_disable_after_hours": 1e-9})
    async with worker_for(
        soon, app.state.session_factory, app.state.write_session_factory
    ) as worker:
        for _ in range(3):
            await run_once(worker)
    shown = (await admin.get(f"/api/v1/webhooks/{hook['id']}")).json()
    assert shown["enabled"] is False and shown["disabled_reason"]
    disabled = (await admin.get("/api/v1/events", params={"type": "webhook.disabled"})).json()
    assert [e["resource"]["id"] for e in disabled["items"]] == [hook["id"]]
    sent_before = len(receiver.received)
    async with worker_for(
        soon, app.state.session_factory, app.state.write_session_factory
    ) as worker:
        await run_once(worker)
    assert len(receiver.received) == sent_before
    started = await patch(admin, f"/api/v1/webhooks/{hook['id']}", {"enabled": True})
    assert started.json()["enabled"] is True and started.json()["failing_since"] is None


async def test_a_killed_worker_s_delivery_is_taken_over(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    await subscribe(admin, receiver.url, event_types=["area.created"])
    await add_areas(editor, (await make_plan(session)).id, 3)
    short = app.state.settings.model_copy(update={"worker_lease_seconds": 0.5})
    receiver.answering.clear()
    async with worker_for(
        short, app.state.session_factory, app.state.write_session_factory
    ) as doomed:
        task = asyncio.create_task(run(doomed, asyncio.Event()))
        await asyncio.to_thread(receiver.got_request.wait, 30)
        task.cancel()  # killed mid-delivery, its claim still held
        with pytest.raises(asyncio.CancelledError):
            await task
    receiver.answering.set()
    await asyncio.sleep(0.6)  # the lease runs out
    expected = await feed_ids(admin, type="area.created")
    async with worker_for(
        short, app.state.session_factory, app.state.write_session_factory
    ) as survivor:
        for _ in range(10):
            await run_once(survivor)
            if set(expected) <= set(receiver.ids()):
                break
    assert set(expected) <= set(receiver.ids())
    # In order, each event after the one before it (the first may have come twice).
    firsts = list(dict.fromkeys(receiver.ids()))
    assert firsts == expected


async def test_two_workers_share_deliveries_without_duplicates(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    hooks = [await subscribe(admin, receiver.url, event_types=["area.created"]) for _ in range(3)]
    await add_areas(editor, (await make_plan(session)).id, 4)
    expected = await feed_ids(admin, type="area.created")
    settings = app.state.settings.model_copy(update={"worker_poll_seconds": 0.05})
    stop = asyncio.Event()
    async with (
        worker_for(settings, app.state.session_factory, app.state.write_session_factory) as one,
        worker_for(settings, app.state.session_factory, app.state.write_session_factory) as two,
    ):
        tasks = [asyncio.create_task(run(w, stop)) for w in (one, two)]
        for _ in range(400):
            if len(receiver.received) >= len(hooks) * len(expected):
                break
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.gather(*tasks)
    counts = Counter(receiver.ids())
    assert counts == {event_id: len(hooks) for event_id in expected}


async def test_a_worker_process_killed_mid_delivery_loses_no_event(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    database_url: str,
    ca_bundle: Path,
) -> None:
    """`improvement-plan worker` is killed (SIGKILL) while the receiver holds its request."""
    await subscribe(admin, receiver.url, event_types=["area.created"])
    await add_areas(editor, (await make_plan(session)).id, 3)
    expected = await feed_ids(admin, type="area.created")
    receiver.answering.clear()
    environment = {
        **os.environ,
        "IPA_DATABASE_URL": database_url,
        "IPA_WEBHOOK_ALLOWED_ADDRESSES": '["127.0.0.1/32"]',
        "IPA_WEBHOOK_CA_BUNDLE": str(ca_bundle),
        "IPA_WORKER_LEASE_SECONDS": "1",
        "IPA_LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("improvement-plan")),
        "worker",
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        assert await asyncio.to_thread(receiver.got_request.wait, 60)
    finally:
        process.kill()
        await process.wait()
    receiver.answering.set()
    await asyncio.sleep(1.1)  # its lease runs out
    short = app.state.settings.model_copy(update={"worker_lease_seconds": 1})
    async with worker_for(
        short, app.state.session_factory, app.state.write_session_factory
    ) as survivor:
        await run_once(survivor)
    assert list(dict.fromkeys(receiver.ids())) == expected


async def test_a_failure_mid_run_holds_back_the_rest_in_order(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    hook = await subscribe(admin, receiver.url, event_types=["area.created"])
    await add_areas(editor, (await make_plan(session)).id, 5)
    expected = await feed_ids(admin, type="area.created")
    receiver.statuses = [204, 204, 500]
    later = app.state.settings.model_copy(update={"webhook_retry_first_seconds": 3600})
    async with worker_for(
        later, app.state.session_factory, app.state.write_session_factory
    ) as worker:
        await run_once(worker)
        # One run: two delivered, the third failed, the last two not sent.
        assert receiver.ids() == expected[:3]
        attempts = list(reversed(await log(admin, hook["id"])))
        assert [(a["event_id"], a["succeeded"]) for a in attempts] == [
            (expected[0], True),
            (expected[1], True),
            (expected[2], False),
        ]
        await session.execute(
            sa.update(WebhookDelivery)
            .where(col(WebhookDelivery.status) == "pending")
            .values(next_attempt_at=utcnow())
        )
        await session.commit()
        await run_once(worker)
    assert receiver.ids() == [*expected[:3], *expected[2:]]
    attempts = list(reversed(await log(admin, hook["id"])))
    assert [a["event_id"] for a in attempts] == [*expected[:3], *expected[2:]]


async def test_a_run_of_deliveries_costs_the_same_statements_however_long(
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    worker: Worker,
    count_statements: StatementCounter,
) -> None:
    await subscribe(admin, receiver.url, event_types=["area.created"])
    plan = await make_plan(session)
    counts = []
    for first, count in ((1, 2), (3, 10)):
        for number in range(first, first + count):
            created = await editor.post(
                f"/api/v1/plans/{plan.id}/areas", json={"number": number, "title": f"Area {number}"}
            )
            assert created.status_code == 201, created.text
        await delivery.sequence(worker)
        await delivery.queue_deliveries(worker)
        before = count_statements.count
        assert await delivery.deliver_due(worker)
        counts.append(count_statements.count - before)
    assert len(receiver.ids()) == 12
    assert receiver.ids() == await feed_ids(admin, type="area.created")
    # Claim and record for the run, and the look that finds nothing more.
    assert counts[0] == counts[1] <= 10


async def test_a_committed_event_wakes_an_idle_worker_in_the_same_process(
    app: FastAPI,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
) -> None:
    hook = await subscribe(admin, receiver.url, event_types=["area.created"])
    plan = await make_plan(session)
    sleepy = app.state.settings.model_copy(update={"worker_poll_seconds": 30})
    stop = asyncio.Event()
    async with worker_for(
        sleepy, app.state.session_factory, app.state.write_session_factory
    ) as worker:
        task = asyncio.create_task(run(worker, stop))
        try:
            await asyncio.sleep(0.5)  # its first round finds nothing: it sleeps
            await add_areas(editor, plan.id, 1)
            assert await asyncio.to_thread(receiver.got_request.wait, 10)
            # A ping writes no event, and still does not wait for the poll.
            await asyncio.sleep(0.5)
            receiver.got_request.clear()
            assert (await admin.post(f"/api/v1/webhooks/{hook['id']}/ping")).status_code == 202
            assert await asyncio.to_thread(receiver.got_request.wait, 10)
            assert receiver.received[-1].json["type"] == "ping"
        finally:
            stop.set()
            await task


async def test_a_worker_process_is_woken_by_the_database_when_events_commit(
    backend: str,
    admin: httpx.AsyncClient,
    editor: httpx.AsyncClient,
    session: AsyncSession,
    receiver: Receiver,
    database_url: str,
    ca_bundle: Path,
) -> None:
    """`improvement-plan worker` polling every 30 s gets an event, and a redelivery, within
    10 s."""
    if backend == "sqlite":
        pytest.skip("SQLite has no notifications: a worker in another process polls")
    hook = await subscribe(admin, receiver.url, event_types=["area.created"])
    plan = await make_plan(session)
    environment = {
        **os.environ,
        "IPA_DATABASE_URL": database_url,
        "IPA_WEBHOOK_ALLOWED_ADDRESSES": '["127.0.0.1/32"]',
        "IPA_WEBHOOK_CA_BUNDLE": str(ca_bundle),
        "IPA_WORKER_POLL_SECONDS": "30",
        "IPA_LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        str(Path(sys.executable).with_name("improvement-plan")),
        "worker",
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        # The first event shows the worker is up (its first round, or a notification).
        await add_areas(editor, plan.id, 1)
        assert await asyncio.to_thread(receiver.got_request.wait, 60)
        await asyncio.sleep(0.5)  # it has gone idle, for 30 s unless woken
        receiver.got_request.clear()
        created = await editor.post(
            f"/api/v1/plans/{plan.id}/areas", json={"number": 2, "title": "Area 2"}
        )
        assert created.status_code == 201, created.text
        assert await asyncio.to_thread(receiver.got_request.wait, 10)
        # A redelivery writes no event; the database wakes the worker all the same.
        await asyncio.sleep(0.5)
        receiver.got_request.clear()
        delivered = (await log(admin, hook["id"]))[0]
        again = await admin.post(
            f"/api/v1/webhooks/{hook['id']}/deliveries/{delivered['delivery_id']}/redeliver"
        )
        assert again.status_code == 202
        assert await asyncio.to_thread(receiver.got_request.wait, 10)
    finally:
        process.terminate()
        await process.wait()
    assert receiver.ids()[:2] == await feed_ids(admin, type="area.created")
    assert receiver.ids()[2] == delivered["event_id"]
