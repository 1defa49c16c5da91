import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_by import GroupBy
from ...models.problem import Problem
from ...models.summary import Summary
from ...models.table_format import TableFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: TableFormat | Unset = UNSET,
    plan_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params["plan_id"] = plan_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Summary | None:
    if response.status_code == 200:
        response_200 = Summary.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[Problem | Summary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: TableFormat | Unset = UNSET,
    plan_id: str,
) -> Response[Problem | Summary]:
    """Get Summary Report

     Counts of actions by rating and by status on a day, grouped.

    Args:
        as_of (datetime.date | Unset): The day to report on (end of day); today when left out.
        group_by (GroupBy | Unset): What a summary groups actions by.
        format_ (TableFormat | Unset): The representations of a report that is a table:
            exceptions, summary.
        plan_id (str): The plan to report on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        group_by=group_by,
        format_=format_,
        plan_id=plan_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: TableFormat | Unset = UNSET,
    plan_id: str,
) -> Problem | Summary | None:
    """Get Summary Report

     Counts of actions by rating and by status on a day, grouped.

    Args:
        as_of (datetime.date | Unset): The day to report on (end of day); today when left out.
        group_by (GroupBy | Unset): What a summary groups actions by.
        format_ (TableFormat | Unset): The representations of a report that is a table:
            exceptions, summary.
        plan_id (str): The plan to report on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        group_by=group_by,
        format_=format_,
        plan_id=plan_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: TableFormat | Unset = UNSET,
    plan_id: str,
) -> Response[Problem | Summary]:
    """Get Summary Report

     Counts of actions by rating and by status on a day, grouped.

    Args:
        as_of (datetime.date | Unset): The day to report on (end of day); today when left out.
        group_by (GroupBy | Unset): What a summary groups actions by.
        format_ (TableFormat | Unset): The representations of a report that is a table:
            exceptions, summary.
        plan_id (str): The plan to report on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Summary]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        group_by=group_by,
        format_=format_,
        plan_id=plan_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: TableFormat | Unset = UNSET,
    plan_id: str,
) -> Problem | Summary | None:
    """Get Summary Report

     Counts of actions by rating and by status on a day, grouped.

    Args:
        as_of (datetime.date | Unset): The day to report on (end of day); today when left out.
        group_by (GroupBy | Unset): What a summary groups actions by.
        format_ (TableFormat | Unset): The representations of a report that is a table:
            exceptions, summary.
        plan_id (str): The plan to report on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Summary
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            group_by=group_by,
            format_=format_,
            plan_id=plan_id,
        )
    ).parsed
