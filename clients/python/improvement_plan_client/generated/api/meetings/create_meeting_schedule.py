from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_schedule import MeetingSchedule
from ...models.meeting_schedule_create import MeetingScheduleCreate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: MeetingScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/meetings/schedule",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingSchedule | Problem | None:
    if response.status_code == 201:
        response_201 = MeetingSchedule.from_dict(response.json())

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
) -> Response[MeetingSchedule | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MeetingScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingSchedule | Problem]:
    """Create Meeting Schedule

     Create a run of a board's meetings, such as a year of GABB meetings with partners at
    every second one.

    The board, how often it meets and how often partners attend come from the body, or else
    from the plan's `meeting_schedule` (Stockton's: the Good and Beyond Board, monthly,
    partners every second meeting), or else from the service's defaults (GABB, monthly,
    partners every second meeting); the response says which. Monthly meetings fall on the
    same day of each month as `first_date` (the month's last day when it is shorter).
    Days the board already meets about the plan are skipped and listed in
    `skipped_dates`, so running the same schedule again creates nothing. 422 when the plan
    does not exist, 409 when it is archived.

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingScheduleCreate): A run of meetings of one board, such as a year of GABB
            meetings. What the body leaves
            out comes from the plan's `meeting_schedule`, then from the service's defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingSchedule | Problem]
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
    body: MeetingScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingSchedule | Problem | None:
    """Create Meeting Schedule

     Create a run of a board's meetings, such as a year of GABB meetings with partners at
    every second one.

    The board, how often it meets and how often partners attend come from the body, or else
    from the plan's `meeting_schedule` (Stockton's: the Good and Beyond Board, monthly,
    partners every second meeting), or else from the service's defaults (GABB, monthly,
    partners every second meeting); the response says which. Monthly meetings fall on the
    same day of each month as `first_date` (the month's last day when it is shorter).
    Days the board already meets about the plan are skipped and listed in
    `skipped_dates`, so running the same schedule again creates nothing. 422 when the plan
    does not exist, 409 when it is archived.

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingScheduleCreate): A run of meetings of one board, such as a year of GABB
            meetings. What the body leaves
            out comes from the plan's `meeting_schedule`, then from the service's defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingSchedule | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MeetingScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingSchedule | Problem]:
    """Create Meeting Schedule

     Create a run of a board's meetings, such as a year of GABB meetings with partners at
    every second one.

    The board, how often it meets and how often partners attend come from the body, or else
    from the plan's `meeting_schedule` (Stockton's: the Good and Beyond Board, monthly,
    partners every second meeting), or else from the service's defaults (GABB, monthly,
    partners every second meeting); the response says which. Monthly meetings fall on the
    same day of each month as `first_date` (the month's last day when it is shorter).
    Days the board already meets about the plan are skipped and listed in
    `skipped_dates`, so running the same schedule again creates nothing. 422 when the plan
    does not exist, 409 when it is archived.

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingScheduleCreate): A run of meetings of one board, such as a year of GABB
            meetings. What the body leaves
            out comes from the plan's `meeting_schedule`, then from the service's defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingSchedule | Problem]
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
    body: MeetingScheduleCreate,
    idempotency_key: str | Unset = UNSET,
) -> MeetingSchedule | Problem | None:
    """Create Meeting Schedule

     Create a run of a board's meetings, such as a year of GABB meetings with partners at
    every second one.

    The board, how often it meets and how often partners attend come from the body, or else
    from the plan's `meeting_schedule` (Stockton's: the Good and Beyond Board, monthly,
    partners every second meeting), or else from the service's defaults (GABB, monthly,
    partners every second meeting); the response says which. Monthly meetings fall on the
    same day of each month as `first_date` (the month's last day when it is shorter).
    Days the board already meets about the plan are skipped and listed in
    `skipped_dates`, so running the same schedule again creates nothing. 422 when the plan
    does not exist, 409 when it is archived.

    Args:
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (MeetingScheduleCreate): A run of meetings of one board, such as a year of GABB
            meetings. What the body leaves
            out comes from the plan's `meeting_schedule`, then from the service's defaults.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingSchedule | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
