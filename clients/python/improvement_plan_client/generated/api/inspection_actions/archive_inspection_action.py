from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inspection_action_read import InspectionActionRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    inspection_action_id: str,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/inspection-actions/{inspection_action_id}".format(
            inspection_action_id=quote(str(inspection_action_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InspectionActionRead | Problem | None:
    if response.status_code == 200:
        response_200 = InspectionActionRead.from_dict(response.json())

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
) -> Response[InspectionActionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    inspection_action_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[InspectionActionRead | Problem]:
    """Archive Inspection Action

     Archive an inspection action. Needs `If-Match`; 409 naming the live actions tagged.

    Args:
        inspection_action_id (str): The inspection action's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InspectionActionRead | Problem]
    """

    kwargs = _get_kwargs(
        inspection_action_id=inspection_action_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    inspection_action_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> InspectionActionRead | Problem | None:
    """Archive Inspection Action

     Archive an inspection action. Needs `If-Match`; 409 naming the live actions tagged.

    Args:
        inspection_action_id (str): The inspection action's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InspectionActionRead | Problem
    """

    return sync_detailed(
        inspection_action_id=inspection_action_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    inspection_action_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[InspectionActionRead | Problem]:
    """Archive Inspection Action

     Archive an inspection action. Needs `If-Match`; 409 naming the live actions tagged.

    Args:
        inspection_action_id (str): The inspection action's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InspectionActionRead | Problem]
    """

    kwargs = _get_kwargs(
        inspection_action_id=inspection_action_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    inspection_action_id: str,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> InspectionActionRead | Problem | None:
    """Archive Inspection Action

     Archive an inspection action. Needs `If-Match`; 409 naming the live actions tagged.

    Args:
        inspection_action_id (str): The inspection action's id.
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InspectionActionRead | Problem
    """

    return (
        await asyncio_detailed(
            inspection_action_id=inspection_action_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
