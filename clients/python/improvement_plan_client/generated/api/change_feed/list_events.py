from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_page import EventPage
from ...models.event_type_name import EventTypeName
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: str | Unset = UNSET,
    type_: list[EventTypeName] | Unset = UNSET,
    plan_id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["after"] = after

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = []
        for type_item_data in type_:
            type_item = type_item_data.value
            json_type_.append(type_item)

    params["type"] = json_type_

    json_plan_id: list[str] | Unset = UNSET
    if not isinstance(plan_id, Unset):
        json_plan_id = plan_id

    params["plan_id"] = json_plan_id

    params["limit"] = limit

    params["wait"] = wait

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventPage | Problem | None:
    if response.status_code == 200:
        response_200 = EventPage.from_dict(response.json())

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
) -> Response[EventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    type_: list[EventTypeName] | Unset = UNSET,
    plan_id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> Response[EventPage | Problem]:
    """List Events

     Every change, oldest first, in an order that never changes: follow `next_cursor`
    and no event is ever missed or repeated. Events about API keys and officers are shown
    to admins only.

    Args:
        after (str | Unset): The `next_cursor` of the previous page; leave out to start from the
            first event.
        type_ (list[EventTypeName] | Unset): Only events of this type. Repeatable.
        plan_id (list[str] | Unset): Only events about this plan's content. Repeatable.
        limit (int | Unset): Events per page, 1 to 500. Default: 50.
        wait (int | Unset): When no event is ready, wait up to this many seconds for one before
            answering (a long poll). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
        plan_id=plan_id,
        limit=limit,
        wait=wait,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    type_: list[EventTypeName] | Unset = UNSET,
    plan_id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> EventPage | Problem | None:
    """List Events

     Every change, oldest first, in an order that never changes: follow `next_cursor`
    and no event is ever missed or repeated. Events about API keys and officers are shown
    to admins only.

    Args:
        after (str | Unset): The `next_cursor` of the previous page; leave out to start from the
            first event.
        type_ (list[EventTypeName] | Unset): Only events of this type. Repeatable.
        plan_id (list[str] | Unset): Only events about this plan's content. Repeatable.
        limit (int | Unset): Events per page, 1 to 500. Default: 50.
        wait (int | Unset): When no event is ready, wait up to this many seconds for one before
            answering (a long poll). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        type_=type_,
        plan_id=plan_id,
        limit=limit,
        wait=wait,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    type_: list[EventTypeName] | Unset = UNSET,
    plan_id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> Response[EventPage | Problem]:
    """List Events

     Every change, oldest first, in an order that never changes: follow `next_cursor`
    and no event is ever missed or repeated. Events about API keys and officers are shown
    to admins only.

    Args:
        after (str | Unset): The `next_cursor` of the previous page; leave out to start from the
            first event.
        type_ (list[EventTypeName] | Unset): Only events of this type. Repeatable.
        plan_id (list[str] | Unset): Only events about this plan's content. Repeatable.
        limit (int | Unset): Events per page, 1 to 500. Default: 50.
        wait (int | Unset): When no event is ready, wait up to this many seconds for one before
            answering (a long poll). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventPage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        type_=type_,
        plan_id=plan_id,
        limit=limit,
        wait=wait,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: str | Unset = UNSET,
    type_: list[EventTypeName] | Unset = UNSET,
    plan_id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    wait: int | Unset = 0,
) -> EventPage | Problem | None:
    """List Events

     Every change, oldest first, in an order that never changes: follow `next_cursor`
    and no event is ever missed or repeated. Events about API keys and officers are shown
    to admins only.

    Args:
        after (str | Unset): The `next_cursor` of the previous page; leave out to start from the
            first event.
        type_ (list[EventTypeName] | Unset): Only events of this type. Repeatable.
        plan_id (list[str] | Unset): Only events about this plan's content. Repeatable.
        limit (int | Unset): Events per page, 1 to 500. Default: 50.
        wait (int | Unset): When no event is ready, wait up to this many seconds for one before
            answering (a long poll). Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            type_=type_,
            plan_id=plan_id,
            limit=limit,
            wait=wait,
        )
    ).parsed
