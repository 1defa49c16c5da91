"""Queueing events for subscriptions, claiming due deliveries, and recording each attempt.

Deliveries are claimed from the database, so any number of workers can share them: on
PostgreSQL with `FOR UPDATE SKIP LOCKED`, on SQLite by its one writer at a time. A claim is
a lease: a worker that dies leaves it to run out, and another takes the delivery over
(at least once, never lost). A subscription is claimed by its oldest unfinished delivery,
with a run of those after it: they are sent in order up to the first that fails, and the
run's attempts are recorded in one transaction. So each subscription receives its events
in the feed's order.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import orjson
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.core.config import Settings
from app.core.resources import audit
from app.events.schemas import to_json
from app.events.sequencer import sequence_events
from app.events.service import EVENT_COLUMNS, shown
from app.models import Event, Webhook, WebhookAttempt, WebhookDelivery, new_id, utcnow
from app.webhooks import sending

QUEUE_BATCH = 500
# Subscriptions per claim; deliveries per subscription per claim (a run: long enough that its
# claim and record cost little beside its sends, short enough that a worker dying mid-run
# sends few again); claims per pass.
CLAIM_BATCH = 20
RUN_LENGTH = 250
ROUNDS = 50


@dataclass(frozen=True)
class Worker:
    """What a worker's jobs share: its name, its settings, sessions and HTTP client."""

    name: str
    settings: Settings
    read_sessions: async_sessionmaker[AsyncSession]
    write_sessions: async_sessionmaker[AsyncSession]
    client: httpx.AsyncClient


def _is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def sequence(worker: Worker) -> None:
    """Number newly committed events, so they can be queued."""
    async with worker.read_sessions() as session:
        await sequence_events(session, worker.write_sessions)


def _matches(webhook: Webhook) -> list[sa.ColumnElement[bool]]:
    conditions: list[sa.ColumnElement[bool]] = []
    if webhook.event_types:
        conditions.append(col(Event.type).in_(webhook.event_types))
    if webhook.plan_id is not None:
        conditions.append(col(Event.plan_id) == webhook.plan_id)
    return conditions


async def queue_deliveries(worker: Worker) -> bool:
    """A delivery for each new event each live, enabled subscription wants; whether any
    subscription had new events."""
    async with worker.write_sessions() as session:
        statement = sa.select(Webhook).where(
            col(Webhook.enabled).is_(True), col(Webhook.archived_at).is_(None)
        )
        if _is_postgres(session):
            statement = statement.with_for_update(skip_locked=True)
        webhooks = (await session.scalars(statement)).all()
        if not webhooks:
            return False
        queued = False
        newest = await session.scalar(sa.select(sa.func.max(col(Event.position)))) or 0
        for webhook in webhooks:
            if webhook.queued_through >= newest:
                continue
            queued = True
            events = (
                await session.execute(
                    sa.select(*EVENT_COLUMNS, col(Event.position))
                    .where(
                        col(Event.position) > webhook.queued_through,
                        col(Event.position) <= newest,
                        *_matches(webhook),
                    )
                    .order_by(col(Event.position))
                    .limit(QUEUE_BATCH)
                )
            ).all()
            for event in events:
                session.add(
                    WebhookDelivery(
                        id=new_id("dlv"),
                        webhook_id=webhook.id,
                        event_id=event.id,
                        position=event.position,
                        event_type=event.type,
                        # The message body: the event as the feed shows it.
                        payload=orjson.loads(to_json(shown(event))),
                    )
                )
            full = len(events) == QUEUE_BATCH
            webhook.queued_through = int(events[-1].position or 0) if full else newest
        await session.commit()
    return queued


@dataclass
class Run:
    """A subscription's oldest due deliveries, in order, leased to this worker."""

    webhook: Webhook
    deliveries: list[WebhookDelivery]
    lease_until: datetime


def _heads(now: datetime) -> sa.Select[WebhookDelivery]:
    """Due, unleased deliveries, each the oldest unfinished one of its subscription."""
    earlier = WebhookDelivery.__table__.alias("earlier")  # type: ignore[attr-defined]
    return (
        sa.select(WebhookDelivery)
        .join(Webhook, col(Webhook.id) == col(WebhookDelivery.webhook_id))
        .where(
            col(WebhookDelivery.done_at).is_(None),
            col(WebhookDelivery.next_attempt_at) <= now,
            sa.or_(
                col(WebhookDelivery.lease_until).is_(None),
                col(WebhookDelivery.lease_until) < now,
            ),
            col(Webhook.enabled).is_(True),
            col(Webhook.archived_at).is_(None),
            ~sa.exists().where(
                earlier.c.webhook_id == col(WebhookDelivery.webhook_id),
                earlier.c.done_at.is_(None),
                sa.or_(
                    earlier.c.position < col(WebhookDelivery.position),
                    sa.and_(
                        earlier.c.position == col(WebhookDelivery.position),
                        earlier.c.created_at < col(WebhookDelivery.created_at),
                    ),
                ),
            ),
        )
        .order_by(col(WebhookDelivery.next_attempt_at))
    )


async def _runs_from(
    session: AsyncSession, heads: list[WebhookDelivery], now: datetime
) -> dict[str, list[WebhookDelivery]]:
    """Each head and the unfinished deliveries after it, in order, up to `RUN_LENGTH`, as far
    as they are due and unleased (one statement for every subscription)."""
    ranked = (
        sa.select(
            col(WebhookDelivery.id).label("id"),
            sa.func.row_number()
            .over(
                partition_by=col(WebhookDelivery.webhook_id),
                order_by=(col(WebhookDelivery.position), col(WebhookDelivery.created_at)),
            )
            .label("place"),
        )
        .where(
            col(WebhookDelivery.webhook_id).in_({h.webhook_id for h in heads}),
            col(WebhookDelivery.done_at).is_(None),
        )
        .subquery()
    )
    rows = await session.scalars(
        sa.select(WebhookDelivery)
        .join(ranked, ranked.c.id == col(WebhookDelivery.id))
        .where(ranked.c.place <= RUN_LENGTH)
        .order_by(col(WebhookDelivery.webhook_id), ranked.c.place)
    )
    queued: dict[str, list[WebhookDelivery]] = {}
    for row in rows:
        queued.setdefault(row.webhook_id, []).append(row)
    runs: dict[str, list[WebhookDelivery]] = {}
    for head in heads:
        run = [head]
        following = queued.get(head.webhook_id, [])
        if following and following[0].id == head.id:
            for delivery in following[1:]:
                if delivery.next_attempt_at > now or (
                    delivery.lease_until is not None and delivery.lease_until >= now
                ):
                    break  # the run stops where the order would break
                run.append(delivery)
        runs[head.webhook_id] = run
    return runs


async def claim(worker: Worker, limit: int = CLAIM_BATCH) -> list[Run]:
    """Lease a run of due deliveries for each of up to `limit` subscriptions: its oldest
    unfinished delivery and those after it, in order. Holding the oldest one is what keeps
    other workers off the subscription, so the rest need no lock of their own."""
    now = utcnow()
    lease_until = now + timedelta(seconds=worker.settings.worker_lease_seconds)
    async with worker.write_sessions() as session:
        statement = _heads(now).limit(limit)
        if _is_postgres(session):
            statement = statement.with_for_update(skip_locked=True, of=WebhookDelivery)
        heads = list((await session.scalars(statement)).all())
        if not heads:
            return []
        runs = await _runs_from(session, heads, now)
        await session.execute(
            sa.update(WebhookDelivery)
            .where(col(WebhookDelivery.id).in_([d.id for run in runs.values() for d in run]))
            .values(leased_by=worker.name, lease_until=lease_until)
        )
        webhooks = {
            w.id: w
            for w in (
                await session.scalars(sa.select(Webhook).where(col(Webhook.id).in_(set(runs))))
            ).all()
        }
        await session.commit()
    return [Run(webhooks[key], run, lease_until) for key, run in runs.items()]


def retry_delay(settings: Settings, attempts: int) -> float:
    """Exponential backoff with jitter: between half and all of the doubled delay."""
    delay = min(
        settings.webhook_retry_first_seconds * 2 ** max(attempts - 1, 0),
        settings.webhook_retry_longest_seconds,
    )
    return random.uniform(delay / 2, delay)  # noqa: S311 - spreading retries, not a secret


Sent = tuple[sending.Outcome, datetime]


async def record(worker: Worker, run: Run, sent: list[Sent]) -> None:
    """Log the run's attempts (`sent`, its first deliveries, each with when it finished) and
    decide what follows each: done, retry later, or give up; the deliveries not tried are
    let go, still queued in order. One transaction for the run, a statement per kind of row."""
    async with worker.write_sessions() as session:
        current = {
            d.id: d
            for d in (
                await session.scalars(
                    sa.select(WebhookDelivery)
                    .where(col(WebhookDelivery.id).in_([d.id for d in run.deliveries]))
                    .with_for_update()
                )
            ).all()
        }
        subscription = await session.get(Webhook, run.webhook.id)
        if subscription is None:
            return
        changes: list[dict[str, Any]] = []
        attempts: list[dict[str, Any]] = []
        for number, delivery in enumerate(run.deliveries):
            row = current.get(delivery.id)
            tried = sent[number] if number < len(sent) else None
            next_attempt: datetime | None = None
            if row is not None and row.leased_by == worker.name and row.done_at is None:
                change, next_attempt = _outcome_of(worker.settings, row, tried)
                changes.append(change)
                if tried is not None:
                    if tried[0].succeeded:
                        subscription.failing_since = None
                    else:
                        _note_failure(session, subscription, tried[1], worker.settings)
            if tried is not None:
                attempts.append(_attempt(delivery, tried, next_attempt))
        if changes:  # by primary key: one executemany
            await session.execute(sa.update(WebhookDelivery), changes)
        if attempts:
            await session.execute(sa.insert(WebhookAttempt), attempts)
        await session.commit()


def _outcome_of(
    settings: Settings, row: WebhookDelivery, tried: Sent | None
) -> tuple[dict[str, Any], datetime | None]:
    """The delivery's new state (every row the same columns, so they go in one statement),
    and when it is tried next if it is to be retried."""
    change: dict[str, Any] = {
        "id": row.id,
        "attempts": row.attempts,
        "leased_by": None,
        "lease_until": None,
        "status": row.status,
        "done_at": None,
        "next_attempt_at": row.next_attempt_at,
    }
    if tried is None:
        return change, None
    outcome, finished = tried
    change["attempts"] = row.attempts + 1
    if outcome.succeeded:
        change["status"], change["done_at"] = "succeeded", finished
        return change, None
    if finished - row.created_at > timedelta(hours=settings.webhook_give_up_after_hours):
        change["status"], change["done_at"] = "failed", finished
        return change, None
    next_attempt = finished + timedelta(seconds=retry_delay(settings, change["attempts"]))
    change["next_attempt_at"] = next_attempt
    return change, next_attempt


def _attempt(
    delivery: WebhookDelivery, tried: Sent, next_attempt: datetime | None
) -> dict[str, Any]:
    outcome, finished = tried
    return {
        "id": new_id("att"),
        "webhook_id": delivery.webhook_id,
        "delivery_id": delivery.id,
        "event_id": delivery.event_id,
        "event_type": delivery.event_type,
        "started_at": finished - timedelta(milliseconds=outcome.duration_ms),
        "duration_ms": outcome.duration_ms,
        "status_code": outcome.status_code,
        "error": outcome.error,
        "succeeded": outcome.succeeded,
        "next_attempt_at": next_attempt,
    }


def _note_failure(
    session: AsyncSession, webhook: Webhook, now: datetime, settings: Settings
) -> None:
    if webhook.failing_since is None:
        webhook.failing_since = now
        return
    if webhook.enabled and now - webhook.failing_since > timedelta(
        hours=settings.webhook_disable_after_hours
    ):
        webhook.enabled = False
        webhook.disabled_reason = (
            f"Every delivery failed since {webhook.failing_since.isoformat()}."
        )
        webhook.updated_at = now
        audit.record(
            session,
            actor=None,
            entity_type="webhook",
            entity_id=webhook.id,
            operation="disable",
            changes={
                "enabled": {"before": True, "after": False},
                "disabled_reason": {"before": None, "after": webhook.disabled_reason},
            },
        )


async def deliver_due(worker: Worker) -> bool:
    """Send what this worker can claim, a run per subscription at a time, round after round
    while there is any (a bounded number of rounds, so that other jobs get their turn);
    whether it sent anything."""
    sent = False
    for _ in range(ROUNDS):
        runs = await claim(worker)
        if not runs:
            return sent
        sent = True
        await asyncio.gather(*(_send_run(worker, run) for run in runs))
    return sent


async def _send_run(worker: Worker, run: Run) -> None:
    """The run's deliveries one after another (on one kept-alive connection), up to the
    first that fails: those after it wait for it, to keep the order."""
    settings = worker.settings
    sent: list[Sent] = []
    started = time.monotonic()
    try:
        to = await sending.receiver(run.webhook.url, settings)
    except sending.AddressRefused as refused:
        failed = sending.Outcome(None, str(refused), int((time.monotonic() - started) * 1000))
        await record(worker, run, [(failed, utcnow())])
        return
    for number, delivery in enumerate(run.deliveries):
        # Never start a send that could outlast the lease: another worker may take over then.
        if number and utcnow() + timedelta(seconds=settings.webhook_timeout_seconds) >= (
            run.lease_until
        ):
            break
        outcome = await sending.send(
            worker.client,
            settings=settings,
            to=to,
            secret=run.webhook.secret,
            message_id=delivery.event_id,
            payload=delivery.payload,
        )
        sent.append((outcome, utcnow()))
        if not outcome.succeeded:
            break
    await record(worker, run, sent)
