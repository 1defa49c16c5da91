import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_webhooks_sort_item import ListWebhooksSortItem
from ...models.problem import Problem
from ...models.webhook_page import WebhookPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhooksSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

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
        "url": "/api/v1/webhooks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookPage | None:
    if response.status_code == 200:
        response_200 = WebhookPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[Problem | WebhookPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhooksSortItem] | Unset = UNSET,
) -> Response[Problem | WebhookPage]:
    """List Webhooks

     List the live subscriptions (admin).

    Args:
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhooksSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookPage]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhooksSortItem] | Unset = UNSET,
) -> Problem | WebhookPage | None:
    """List Webhooks

     List the live subscriptions (admin).

    Args:
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhooksSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookPage
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhooksSortItem] | Unset = UNSET,
) -> Response[Problem | WebhookPage]:
    """List Webhooks

     List the live subscriptions (admin).

    Args:
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhooksSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookPage]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListWebhooksSortItem] | Unset = UNSET,
) -> Problem | WebhookPage | None:
    """List Webhooks

     List the live subscriptions (admin).

    Args:
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListWebhooksSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookPage
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
