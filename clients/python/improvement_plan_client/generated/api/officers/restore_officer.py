from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.officer_read import OfficerRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    officer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/officers/{officer_id}/restore".format(
            officer_id=quote(str(officer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OfficerRead | Problem | None:
    if response.status_code == 200:
        response_200 = OfficerRead.from_dict(response.json())

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
) -> Response[OfficerRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    officer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[OfficerRead | Problem]:
    """Restore Officer

     Restore an archived officer (admin).

    Args:
        officer_id (str): The officer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfficerRead | Problem]
    """

    kwargs = _get_kwargs(
        officer_id=officer_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    officer_id: str,
    *,
    client: AuthenticatedClient,
) -> OfficerRead | Problem | None:
    """Restore Officer

     Restore an archived officer (admin).

    Args:
        officer_id (str): The officer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfficerRead | Problem
    """

    return sync_detailed(
        officer_id=officer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    officer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[OfficerRead | Problem]:
    """Restore Officer

     Restore an archived officer (admin).

    Args:
        officer_id (str): The officer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OfficerRead | Problem]
    """

    kwargs = _get_kwargs(
        officer_id=officer_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    officer_id: str,
    *,
    client: AuthenticatedClient,
) -> OfficerRead | Problem | None:
    """Restore Officer

     Restore an archived officer (admin).

    Args:
        officer_id (str): The officer's id.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OfficerRead | Problem
    """

    return (
        await asyncio_detailed(
            officer_id=officer_id,
            client=client,
        )
    ).parsed
