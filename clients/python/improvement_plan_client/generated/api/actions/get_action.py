import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_read import ActionRead
from ...models.get_action_expand_item import GetActionExpandItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    action_id: str,
    *,
    as_of: datetime.date | Unset = UNSET,
    expand: list[GetActionExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_expand: list[str] | Unset = UNSET
    if not isinstance(expand, Unset):
        json_expand = []
        for expand_item_data in expand:
            expand_item = expand_item_data.value
            json_expand.append(expand_item)

    params["expand"] = json_expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actions/{action_id}".format(
            action_id=quote(str(action_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionRead | Any | Problem | None:
    if response.status_code == 200:
        response_200 = ActionRead.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[ActionRead | Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    action_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    expand: list[GetActionExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionRead | Any | Problem]:
    """Get Action

     Get an action, archived or not, with any expansions.

    The `ETag` is that of the plain action, so it serves `If-Match` whatever was expanded;
    `If-None-Match` gives 304 only on reads without `expand` or `as_of`.

    Args:
        action_id (str): The action's id.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        expand (list[GetActionExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Any | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        as_of=as_of,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    expand: list[GetActionExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionRead | Any | Problem | None:
    """Get Action

     Get an action, archived or not, with any expansions.

    The `ETag` is that of the plain action, so it serves `If-Match` whatever was expanded;
    `If-None-Match` gives 304 only on reads without `expand` or `as_of`.

    Args:
        action_id (str): The action's id.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        expand (list[GetActionExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Any | Problem
    """

    return sync_detailed(
        action_id=action_id,
        client=client,
        as_of=as_of,
        expand=expand,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    action_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    expand: list[GetActionExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionRead | Any | Problem]:
    """Get Action

     Get an action, archived or not, with any expansions.

    The `ETag` is that of the plain action, so it serves `If-Match` whatever was expanded;
    `If-None-Match` gives 304 only on reads without `expand` or `as_of`.

    Args:
        action_id (str): The action's id.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        expand (list[GetActionExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Any | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        as_of=as_of,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    expand: list[GetActionExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionRead | Any | Problem | None:
    """Get Action

     Get an action, archived or not, with any expansions.

    The `ETag` is that of the plain action, so it serves `If-Match` whatever was expanded;
    `If-None-Match` gives 304 only on reads without `expand` or `as_of`.

    Args:
        action_id (str): The action's id.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        expand (list[GetActionExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Any | Problem
    """

    return (
        await asyncio_detailed(
            action_id=action_id,
            client=client,
            as_of=as_of,
            expand=expand,
            if_none_match=if_none_match,
        )
    ).parsed
