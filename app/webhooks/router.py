"""`/webhooks`: subscriptions to the change feed, delivered as signed HTTPS posts (admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status

from app.core.auth.keys import Admin
from app.core.db.session import SessionDep
from app.core.errors import Archived, NotFound
from app.core.http.concurrency import IfMatchDep, conditional_read, created
from app.core.http.listing import ListParams, sorted_by
from app.core.http.locations import url_for
from app.core.http.responses import READ_BY_ID, problems
from app.core.resources.loaders import MAX_ID_LENGTH, path_loader
from app.models import Webhook, WebhookDelivery
from app.webhooks import service
from app.webhooks.schemas import (
    Accepted,
    WebhookAttemptPage,
    WebhookAttemptRead,
    WebhookCreate,
    WebhookPage,
    WebhookRead,
    WebhookUpdate,
    WebhookWithSecret,
)

router = APIRouter(prefix="/webhooks", tags=["Webhooks"])
WebhookDep = Annotated[Webhook, Depends(path_loader(Webhook, "webhook", "webhook_id"))]


def _with_secret(webhook: Webhook) -> WebhookWithSecret:
    return WebhookWithSecret.model_validate(
        {**WebhookRead.model_validate(webhook).model_dump(), "secret": webhook.secret}
    )


@router.get("", responses=problems())
async def list_webhooks(
    session: SessionDep, _: Admin, params: ListParams = sorted_by(service.SORTABLE)
) -> WebhookPage:
    """List the live subscriptions (admin)."""
    result = await service.list_webhooks(session=session, params=params)
    return params.page(result, WebhookPage, WebhookRead.model_validate)


@router.post("", status_code=status.HTTP_201_CREATED, responses=problems())
async def create_webhook(
    request: Request, response: Response, session: SessionDep, actor: Admin, body: WebhookCreate
) -> WebhookWithSecret:
    """Subscribe an HTTPS URL to events from now on (admin). The answer holds the signing
    secret, shown only this once. Messages follow the Standard Webhooks specification
    (`webhook-id`, `webhook-timestamp`, `webhook-signature`); each event's body is
    documented in the contract's `webhooks`."""
    webhook = await service.create_webhook(session=session, data=body, actor=actor)
    return created(
        response, _with_secret(webhook), url_for(request, "get_webhook", "webhook_id", webhook.id)
    )


@router.get("/{webhook_id}", response_model=WebhookRead, responses=READ_BY_ID)
async def get_webhook(
    request: Request, response: Response, _: Admin, webhook: WebhookDep
) -> WebhookRead | Response:
    """Get a subscription, without its secret (admin)."""
    return conditional_read(request, response, WebhookRead.model_validate(webhook))


@router.patch("/{webhook_id}", responses=problems(404, 412, 428, conflicts=(Archived,)))
async def update_webhook(
    session: SessionDep,
    actor: Admin,
    webhook: WebhookDep,
    if_match: IfMatchDep,
    body: WebhookUpdate,
) -> WebhookRead:
    """Change a subscription, or start a disabled one again (`enabled: true`). Needs
    `If-Match`."""
    return await if_match.change(
        WebhookRead.model_validate(webhook),
        lambda: service.update_webhook(session=session, webhook=webhook, data=body, actor=actor),
        WebhookRead.model_validate,
    )


@router.delete("/{webhook_id}", responses=problems(404, 412, 428, conflicts=(Archived,)))
async def delete_webhook(
    session: SessionDep, actor: Admin, webhook: WebhookDep, if_match: IfMatchDep
) -> WebhookRead:
    """Stop and delete a subscription; its delivery log is kept. Needs `If-Match`."""
    return await if_match.change(
        WebhookRead.model_validate(webhook),
        lambda: service.archive_webhook(session=session, webhook=webhook, actor=actor),
        WebhookRead.model_validate,
    )


@router.post("/{webhook_id}/rotate-secret", responses=problems(404, conflicts=(Archived,)))
async def rotate_webhook_secret(
    session: SessionDep, actor: Admin, webhook: WebhookDep
) -> WebhookWithSecret:
    """A new signing secret, shown only this once; messages are signed with it from now."""
    webhook = await service.rotate_secret(session=session, webhook=webhook, actor=actor)
    return _with_secret(webhook)


@router.post(
    "/{webhook_id}/ping",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(404, conflicts=(Archived,)),
)
async def ping_webhook(session: SessionDep, _: Admin, webhook: WebhookDep) -> Accepted:
    """Send a `ping` message, to check the receiver and its signature check."""
    delivery = await service.ping(session=session, webhook=webhook)
    return Accepted(delivery_id=delivery.id)


@router.get("/{webhook_id}/deliveries", responses=problems(404))
async def list_webhook_deliveries(
    session: SessionDep,
    _: Admin,
    webhook: WebhookDep,
    params: ListParams = sorted_by(service.ATTEMPTS_SORTABLE, changed_since=False),
) -> WebhookAttemptPage:
    """The delivery log: every attempt, newest first, with the receiver's status, how long
    it took, any error and when the next attempt is due."""
    result = await service.list_attempts(session=session, webhook=webhook, params=params)
    return params.page(result, WebhookAttemptPage, WebhookAttemptRead.model_validate)


@router.post(
    "/{webhook_id}/deliveries/{delivery_id}/redeliver",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(404, conflicts=(Archived,)),
)
async def redeliver_webhook_delivery(
    session: SessionDep,
    _: Admin,
    webhook: WebhookDep,
    delivery_id: Annotated[str, Path(max_length=MAX_ID_LENGTH, description="The delivery's id.")],
) -> Accepted:
    """Send a delivery's event again."""
    delivery = await session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.webhook_id != webhook.id:
        raise NotFound(f"The webhook has no delivery with id '{delivery_id}'.")
    again = await service.redeliver(session=session, webhook=webhook, delivery=delivery)
    return Accepted(delivery_id=again.id)
