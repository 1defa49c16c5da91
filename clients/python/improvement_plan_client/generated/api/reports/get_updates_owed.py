import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.updates_owed import UpdatesOwed
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    plan_id: str,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["plan_id"] = plan_id

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/updates-owed",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UpdatesOwed | None:
    if response.status_code == 200:
        response_200 = UpdatesOwed.from_dict(response.json())

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
) -> Response[Problem | UpdatesOwed]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: str,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Problem | UpdatesOwed]:
    """Get Updates Owed

     The open actions (not complete or cancelled) with no status update in the plan's
    current update cycle, by lead officer: who owes what. A cycle is the plan's
    `update_interval_days` long, counted from the day the plan was created. Reminders
    (`improvement-plan reminders send`) email each officer this list once per cycle.

    Args:
        plan_id (str): The plan.
        as_of (datetime.date | Unset): The day to ask about; today when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UpdatesOwed]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    plan_id: str,
    as_of: datetime.date | Unset = UNSET,
) -> Problem | UpdatesOwed | None:
    """Get Updates Owed

     The open actions (not complete or cancelled) with no status update in the plan's
    current update cycle, by lead officer: who owes what. A cycle is the plan's
    `update_interval_days` long, counted from the day the plan was created. Reminders
    (`improvement-plan reminders send`) email each officer this list once per cycle.

    Args:
        plan_id (str): The plan.
        as_of (datetime.date | Unset): The day to ask about; today when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UpdatesOwed
    """

    return sync_detailed(
        client=client,
        plan_id=plan_id,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: str,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Problem | UpdatesOwed]:
    """Get Updates Owed

     The open actions (not complete or cancelled) with no status update in the plan's
    current update cycle, by lead officer: who owes what. A cycle is the plan's
    `update_interval_days` long, counted from the day the plan was created. Reminders
    (`improvement-plan reminders send`) email each officer this list once per cycle.

    Args:
        plan_id (str): The plan.
        as_of (datetime.date | Unset): The day to ask about; today when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UpdatesOwed]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    plan_id: str,
    as_of: datetime.date | Unset = UNSET,
) -> Problem | UpdatesOwed | None:
    """Get Updates Owed

     The open actions (not complete or cancelled) with no status update in the plan's
    current update cycle, by lead officer: who owes what. A cycle is the plan's
    `update_interval_days` long, counted from the day the plan was created. Reminders
    (`improvement-plan reminders send`) email each officer this list once per cycle.

    Args:
        plan_id (str): The plan.
        as_of (datetime.date | Unset): The day to ask about; today when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UpdatesOwed
    """

    return (
        await asyncio_detailed(
            client=client,
            plan_id=plan_id,
            as_of=as_of,
        )
    ).parsed
