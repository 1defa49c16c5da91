from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_webhook_deliveries_sort_item import ListWebhookDeliveriesSortItem
from ...models.problem import Problem
from ...models.webhook_attempt_page import WebhookAttemptPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webhook_id: str,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhookDeliveriesSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webhooks/{webhook_id}/deliveries".format(
            webhook_id=quote(str(webhook_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookAttemptPage | None:
    if response.status_code == 200:
        response_200 = WebhookAttemptPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookAttemptPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhookDeliveriesSortItem] | Unset = UNSET,
) -> Response[Problem | WebhookAttemptPage]:
    """List Webhook Deliveries

     The delivery log: every attempt, newest first, with the receiver's status, how long
    it took, any error and when the next attempt is due.

    Args:
        webhook_id (str): The webhook's id.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhookDeliveriesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAttemptPage]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhookDeliveriesSortItem] | Unset = UNSET,
) -> Problem | WebhookAttemptPage | None:
    """List Webhook Deliveries

     The delivery log: every attempt, newest first, with the receiver's status, how long
    it took, any error and when the next attempt is due.

    Args:
        webhook_id (str): The webhook's id.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhookDeliveriesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAttemptPage
    """

    return sync_detailed(
        webhook_id=webhook_id,
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhookDeliveriesSortItem] | Unset = UNSET,
) -> Response[Problem | WebhookAttemptPage]:
    """List Webhook Deliveries

     The delivery log: every attempt, newest first, with the receiver's status, how long
    it took, any error and when the next attempt is due.

    Args:
        webhook_id (str): The webhook's id.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhookDeliveriesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookAttemptPage]
    """

    kwargs = _get_kwargs(
        webhook_id=webhook_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webhook_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhookDeliveriesSortItem] | Unset = UNSET,
) -> Problem | WebhookAttemptPage | None:
    """List Webhook Deliveries

     The delivery log: every attempt, newest first, with the receiver's status, how long
    it took, any error and when the next attempt is due.

    Args:
        webhook_id (str): The webhook's id.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhookDeliveriesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookAttemptPage
    """

    return (
        await asyncio_detailed(
            webhook_id=webhook_id,
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
