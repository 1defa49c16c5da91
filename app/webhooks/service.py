"""Webhook subscriptions: create, change, delete (archive), rotate the secret, ping, redeliver."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.db import outbox
from app.core.errors import ValidationFailed
from app.core.http.listing import ListParams, PageResult, SortField, paginate
from app.core.resources import audit, crud
from app.models import Event, Plan, Webhook, WebhookAttempt, WebhookDelivery, new_id, utcnow
from app.webhooks.schemas import WebhookCreate, WebhookUpdate
from app.webhooks.sending import new_secret

ENTITY = "webhook"
SORTABLE = {
    **SortField.timestamps(Webhook),
}
ATTEMPTS_SORTABLE = {"started_at": SortField(col(WebhookAttempt.started_at), "datetime")}


async def _plan_exists(session: AsyncSession, plan_id: str | None) -> None:
    if plan_id is not None and await session.get(Plan, plan_id) is None:
        raise ValidationFailed(
            f"No plan with id '{plan_id}'.", field="body.plan_id", message="no such plan"
        )


async def list_webhooks(*, session: AsyncSession, params: ListParams) -> PageResult[Webhook]:
    return await paginate(
        session,
        sa.select(Webhook).where(col(Webhook.archived_at).is_(None)),
        params,
        SORTABLE,
        ["created_at"],
    )


async def create_webhook(
    *, session: AsyncSession, data: WebhookCreate, actor: Principal
) -> Webhook:
    """A subscription to events from now on, with a new secret."""
    await _plan_exists(session, data.plan_id)
    newest = await session.scalar(sa.select(sa.func.max(col(Event.position)))) or 0
    webhook = Webhook(
        id=new_id("whk"),
        url=data.url,
        description=data.description,
        event_types=data.event_types,
        plan_id=data.plan_id,
        secret=new_secret(),
        queued_through=newest,
    )
    session.add(webhook)
    await session.flush()
    # The secret stays out of the audit log.
    fields = {k: v for k, v in crud.snapshot(webhook).items() if k != "secret"}
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=webhook.id,
        operation="create",
        changes=audit.created(fields),
    )
    await session.commit()
    return webhook


async def update_webhook(
    *, session: AsyncSession, webhook: Webhook, data: WebhookUpdate, actor: Principal
) -> Webhook:
    changes = data.changes()
    if "plan_id" in changes:
        await _plan_exists(session, changes["plan_id"])
    if changes.get("enabled") is True:
        changes.update(failing_since=None, disabled_reason=None)
    return await crud.update(session, webhook, changes, actor=actor, entity_type=ENTITY)


async def archive_webhook(*, session: AsyncSession, webhook: Webhook, actor: Principal) -> Webhook:
    webhook.enabled = False
    return await crud.archive(session, webhook, actor=actor, entity_type=ENTITY)


async def rotate_secret(*, session: AsyncSession, webhook: Webhook, actor: Principal) -> Webhook:
    """A new secret; messages are signed with it from now on."""
    crud.refuse_if_archived(webhook, "webhook")
    webhook.secret = new_secret()
    webhook.updated_at = utcnow()
    audit.record(
        session,
        actor=actor,
        entity_type=ENTITY,
        entity_id=webhook.id,
        operation="update",
        changes={"secret": {"before": "(hidden)", "after": "(rotated)"}},
    )
    await session.commit()
    return webhook


async def ping(*, session: AsyncSession, webhook: Webhook) -> WebhookDelivery:
    """Queue a `ping` message, after whatever is queued already."""
    crud.refuse_if_archived(webhook, "webhook")
    message_id = new_id("msg")
    delivery = WebhookDelivery(
        id=new_id("dlv"),
        webhook_id=webhook.id,
        event_id=message_id,
        position=webhook.queued_through,
        event_type="ping",
        payload={"id": message_id, "type": "ping", "webhook_id": webhook.id},
    )
    session.add(delivery)
    await outbox.wake_workers_on_commit(session)
    await session.commit()
    return delivery


async def redeliver(
    *, session: AsyncSession, webhook: Webhook, delivery: WebhookDelivery
) -> WebhookDelivery:
    """Queue the delivery's event again, in its place in the feed's order."""
    crud.refuse_if_archived(webhook, "webhook")
    again = WebhookDelivery(
        id=new_id("dlv"),
        webhook_id=webhook.id,
        event_id=delivery.event_id,
        position=delivery.position,
        event_type=delivery.event_type,
        payload=delivery.payload,
    )
    session.add(again)
    await outbox.wake_workers_on_commit(session)
    await session.commit()
    return again


async def list_attempts(
    *, session: AsyncSession, webhook: Webhook, params: ListParams
) -> PageResult[WebhookAttempt]:
    return await paginate(
        session,
        sa.select(WebhookAttempt).where(col(WebhookAttempt.webhook_id) == webhook.id),
        params,
        ATTEMPTS_SORTABLE,
        ["-started_at"],
    )
