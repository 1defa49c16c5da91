"""Queueing events for subscriptions, claiming due deliveries, and recording each attempt.

Deliveries are claimed from the database, so any number of workers can share them: on
PostgreSQL with `FOR UPDATE SKIP LOCKED`, on SQLite by its one writer at a time. A claim is
a lease: a worker that dies leaves it to run out, and another takes the delivery over
(at least once, never lost). Only the oldest unfinished delivery of a subscription can be
claimed, so each subscription receives its events in the feed's order.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from app.core.config import Settings
from app.core.resources import audit
from app.events.sequencer import sequence_events
from app.models import Event, Webhook, WebhookAttempt, WebhookDelivery, new_id, utcnow
from app.webhooks import sending

QUEUE_BATCH = 500
CLAIM_BATCH = 20
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


async def queue_deliveries(worker: Worker) -> None:
    """A delivery for each new event each live, enabled subscription wants."""
    async with worker.write_sessions() as session:
        statement = sa.select(Webhook).where(
            col(Webhook.enabled).is_(True), col(Webhook.archived_at).is_(None)
        )
        if _is_postgres(session):
            statement = statement.with_for_update(skip_locked=True)
        webhooks = (await session.scalars(statement)).all()
        if not webhooks:
            return
        newest = await session.scalar(sa.select(sa.func.max(col(Event.position)))) or 0
        for webhook in webhooks:
            if webhook.queued_through >= newest:
                continue
            events = (
                await session.scalars(
                    sa.select(Event)
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
                        position=int(event.position or 0),
                        event_type=event.type,
                        payload=payload_of(event),
                    )
                )
            full = len(events) == QUEUE_BATCH
            webhook.queued_through = int(events[-1].position or 0) if full else newest
        await session.commit()


def payload_of(event: Event) -> dict[str, Any]:
    """The message body: the event as the feed shows it."""
    from app.events.schemas import EventRead

    return EventRead.of(event).model_dump(mode="json")


async def claim(worker: Worker, limit: int = CLAIM_BATCH) -> list[tuple[WebhookDelivery, Webhook]]:
    """Lease due deliveries, each the oldest unfinished one of its subscription."""
    now = utcnow()
    earlier = WebhookDelivery.__table__.alias("earlier")  # type: ignore[attr-defined]
    async with worker.write_sessions() as session:
        statement = (
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
            .limit(limit)
        )
        if _is_postgres(session):
            statement = statement.with_for_update(skip_locked=True, of=WebhookDelivery)
        deliveries = list((await session.scalars(statement)).all())
        lease_until = now + timedelta(seconds=worker.settings.worker_lease_seconds)
        for delivery in deliveries:
            delivery.leased_by = worker.name
            delivery.lease_until = lease_until
        webhooks = {
            w.id: w
            for w in (
                await session.scalars(
                    sa.select(Webhook).where(
                        col(Webhook.id).in_({d.webhook_id for d in deliveries})
                    )
                )
            ).all()
        }
        await session.commit()
    return [(d, webhooks[d.webhook_id]) for d in deliveries]


def retry_delay(settings: Settings, attempts: int) -> float:
    """Exponential backoff with jitter: between half and all of the doubled delay."""
    delay = min(
        settings.webhook_retry_first_seconds * 2 ** max(attempts - 1, 0),
        settings.webhook_retry_longest_seconds,
    )
    return random.uniform(delay / 2, delay)  # noqa: S311 - spreading retries, not a secret


async def record(
    worker: Worker, delivery: WebhookDelivery, webhook: Webhook, outcome: sending.Outcome
) -> None:
    """Log the attempt and decide what follows: done, retry later, or give up."""
    settings = worker.settings
    now = utcnow()
    async with worker.write_sessions() as session:
        current = await session.get(WebhookDelivery, delivery.id, with_for_update=True)
        subscription = await session.get(Webhook, webhook.id)
        if current is None or subscription is None:
            return
        mine = current.leased_by == worker.name and current.done_at is None
        next_attempt: datetime | None = None
        if mine:
            current.attempts += 1
            current.leased_by = current.lease_until = None
            if outcome.succeeded:
                current.status, current.done_at = "succeeded", now
                subscription.failing_since = None
            elif now - current.created_at > timedelta(hours=settings.webhook_give_up_after_hours):
                current.status, current.done_at = "failed", now
            else:
                next_attempt = now + timedelta(seconds=retry_delay(settings, current.attempts))
                current.next_attempt_at = next_attempt
            if not outcome.succeeded:
                _note_failure(session, subscription, now, settings)
        session.add(
            WebhookAttempt(
                id=new_id("att"),
                webhook_id=webhook.id,
                delivery_id=delivery.id,
                event_id=delivery.event_id,
                event_type=delivery.event_type,
                started_at=now - timedelta(milliseconds=outcome.duration_ms),
                duration_ms=outcome.duration_ms,
                status_code=outcome.status_code,
                error=outcome.error,
                succeeded=outcome.succeeded,
                next_attempt_at=next_attempt,
            )
        )
        await session.commit()


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


async def deliver_due(worker: Worker) -> None:
    """Send the due deliveries this worker can claim, one per subscription at a time, round
    after round while there are any (so that other jobs still get their turn, a bounded
    number of rounds)."""
    for _ in range(ROUNDS):
        if not await _deliver_round(worker):
            return


async def _deliver_round(worker: Worker) -> bool:
    claimed = await claim(worker)

    async def one(delivery: WebhookDelivery, webhook: Webhook) -> None:
        outcome = await sending.send(
            worker.client,
            settings=worker.settings,
            url=webhook.url,
            secret=webhook.secret,
            message_id=delivery.event_id,
            payload=delivery.payload,
        )
        await record(worker, delivery, webhook, outcome)

    await asyncio.gather(*(one(d, w) for d, w in claimed))
    return bool(claimed)
