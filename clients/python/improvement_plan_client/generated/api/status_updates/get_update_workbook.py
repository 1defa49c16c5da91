from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import File, Response


def _get_kwargs(
    officer_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/officers/{officer_id}/update-workbook".format(
            officer_id=quote(str(officer_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[File | Problem]:
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
) -> Response[File | Problem]:
    """Get Update Workbook

     An Excel workbook of the live actions the officer leads, for the monthly round: each
    action's ref, title, area and objective, due date, rating, status, and its last
    update's narrative and next steps, locked; then input cells for a new rating and status
    (drop-down lists), narrative, next steps, reason and effective date (a date no later
    than today). A hidden column carries each action's id and how many updates it had.

    Contributors may download only their own officer's (`me`); editors anyone's. Reading
    it is recorded in the audit log as a read of the officer's details.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
) -> File | Problem | None:
    """Get Update Workbook

     An Excel workbook of the live actions the officer leads, for the monthly round: each
    action's ref, title, area and objective, due date, rating, status, and its last
    update's narrative and next steps, locked; then input cells for a new rating and status
    (drop-down lists), narrative, next steps, reason and effective date (a date no later
    than today). A hidden column carries each action's id and how many updates it had.

    Contributors may download only their own officer's (`me`); editors anyone's. Reading
    it is recorded in the audit log as a read of the officer's details.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        officer_id=officer_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    officer_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[File | Problem]:
    """Get Update Workbook

     An Excel workbook of the live actions the officer leads, for the monthly round: each
    action's ref, title, area and objective, due date, rating, status, and its last
    update's narrative and next steps, locked; then input cells for a new rating and status
    (drop-down lists), narrative, next steps, reason and effective date (a date no later
    than today). A hidden column carries each action's id and how many updates it had.

    Contributors may download only their own officer's (`me`); editors anyone's. Reading
    it is recorded in the audit log as a read of the officer's details.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
) -> File | Problem | None:
    """Get Update Workbook

     An Excel workbook of the live actions the officer leads, for the monthly round: each
    action's ref, title, area and objective, due date, rating, status, and its last
    update's narrative and next steps, locked; then input cells for a new rating and status
    (drop-down lists), narrative, next steps, reason and effective date (a date no later
    than today). A hidden column carries each action's id and how many updates it had.

    Contributors may download only their own officer's (`me`); editors anyone's. Reading
    it is recorded in the audit log as a read of the officer's details.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            officer_id=officer_id,
            client=client,
        )
    ).parsed
