from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.strategy_link_read import StrategyLinkRead
from ...types import Response


def _get_kwargs(
    link_id: str,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/strategy-links/{link_id}".format(
            link_id=quote(str(link_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StrategyLinkRead | None:
    if response.status_code == 200:
        response_200 = StrategyLinkRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
) -> Response[Problem | StrategyLinkRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    link_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Problem | StrategyLinkRead]:
    """Delete Strategy Link

     Delete a link. Needs `If-Match`.

    Nothing is lost: the link is archived (its `archived_at` set), leaves lists unless
    `include_archived=true`, and stays readable by id. 409 when it was already deleted.

    Args:
        link_id (str): The strategy link's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyLinkRead]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    link_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Problem | StrategyLinkRead | None:
    """Delete Strategy Link

     Delete a link. Needs `If-Match`.

    Nothing is lost: the link is archived (its `archived_at` set), leaves lists unless
    `include_archived=true`, and stays readable by id. 409 when it was already deleted.

    Args:
        link_id (str): The strategy link's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyLinkRead
    """

    return sync_detailed(
        link_id=link_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    link_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Problem | StrategyLinkRead]:
    """Delete Strategy Link

     Delete a link. Needs `If-Match`.

    Nothing is lost: the link is archived (its `archived_at` set), leaves lists unless
    `include_archived=true`, and stays readable by id. 409 when it was already deleted.

    Args:
        link_id (str): The strategy link's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StrategyLinkRead]
    """

    kwargs = _get_kwargs(
        link_id=link_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    link_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Problem | StrategyLinkRead | None:
    """Delete Strategy Link

     Delete a link. Needs `If-Match`.

    Nothing is lost: the link is archived (its `archived_at` set), leaves lists unless
    `include_archived=true`, and stays readable by id. 409 when it was already deleted.

    Args:
        link_id (str): The strategy link's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StrategyLinkRead
    """

    return (
        await asyncio_detailed(
            link_id=link_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
