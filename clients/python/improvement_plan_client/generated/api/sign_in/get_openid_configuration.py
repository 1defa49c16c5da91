from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.open_id_configuration import OpenIdConfiguration
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/auth/openid-configuration",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OpenIdConfiguration | Problem | None:
    if response.status_code == 200:
        response_200 = OpenIdConfiguration.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OpenIdConfiguration | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenIdConfiguration | Problem]:
    """Get Openid Configuration

     The sign-in provider's OpenID Connect discovery document, as the provider publishes
    it: where to sign in for a token that every operation accepts beside a key. The contract's
    `OpenIdConnect` scheme names this address, which stays the same whichever provider the
    service is configured for. Needs no key: it is read before signing in. 404 when the
    service is not configured for sign-in with tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenIdConfiguration | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> OpenIdConfiguration | Problem | None:
    """Get Openid Configuration

     The sign-in provider's OpenID Connect discovery document, as the provider publishes
    it: where to sign in for a token that every operation accepts beside a key. The contract's
    `OpenIdConnect` scheme names this address, which stays the same whichever provider the
    service is configured for. Needs no key: it is read before signing in. 404 when the
    service is not configured for sign-in with tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenIdConfiguration | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[OpenIdConfiguration | Problem]:
    """Get Openid Configuration

     The sign-in provider's OpenID Connect discovery document, as the provider publishes
    it: where to sign in for a token that every operation accepts beside a key. The contract's
    `OpenIdConnect` scheme names this address, which stays the same whichever provider the
    service is configured for. Needs no key: it is read before signing in. 404 when the
    service is not configured for sign-in with tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OpenIdConfiguration | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> OpenIdConfiguration | Problem | None:
    """Get Openid Configuration

     The sign-in provider's OpenID Connect discovery document, as the provider publishes
    it: where to sign in for a token that every operation accepts beside a key. The contract's
    `OpenIdConnect` scheme names this address, which stays the same whichever provider the
    service is configured for. Needs no key: it is read before signing in. 404 when the
    service is not configured for sign-in with tokens.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OpenIdConfiguration | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
