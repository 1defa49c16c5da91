from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_create import MeetingCreate
from ...models.meeting_read import MeetingRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/meetings",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingRead | Problem | None:
    if response.status_code == 201:
        response_201 = MeetingRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[MeetingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingRead | Problem]:
    """Create Meeting

     Add a board meeting. 422 when the plan does not exist; 409 when it is archived or the
    board already meets about the plan that day (naming that meeting).

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingCreate): A new board meeting. A board meets at most once a day about a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingRead | Problem | None:
    """Create Meeting

     Add a board meeting. 422 when the plan does not exist; 409 when it is archived or the
    board already meets about the plan that day (naming that meeting).

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingCreate): A new board meeting. A board meets at most once a day about a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingRead | Problem]:
    """Create Meeting

     Add a board meeting. 422 when the plan does not exist; 409 when it is archived or the
    board already meets about the plan that day (naming that meeting).

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingCreate): A new board meeting. A board meets at most once a day about a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MeetingCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingRead | Problem | None:
    """Create Meeting

     Add a board meeting. 422 when the plan does not exist; 409 when it is archived or the
    board already meets about the plan that day (naming that meeting).

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingCreate): A new board meeting. A board meets at most once a day about a plan.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
