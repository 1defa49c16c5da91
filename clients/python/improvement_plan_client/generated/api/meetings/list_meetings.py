import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_meetings_sort_item import ListMeetingsSortItem
from ...models.meeting_page import MeetingPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    plan_id: list[str] | Unset = UNSET,
    board: list[str] | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    partners_attending: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListMeetingsSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_plan_id: list[str] | Unset = UNSET
    if not isinstance(plan_id, Unset):
        json_plan_id = plan_id

    params["plan_id"] = json_plan_id

    json_board: list[str] | Unset = UNSET
    if not isinstance(board, Unset):
        json_board = board

    params["board"] = json_board

    json_date_from: str | Unset = UNSET
    if not isinstance(date_from, Unset):
        json_date_from = date_from.isoformat()
    params["date_from"] = json_date_from

    json_date_to: str | Unset = UNSET
    if not isinstance(date_to, Unset):
        json_date_to = date_to.isoformat()
    params["date_to"] = json_date_to

    params["partners_attending"] = partners_attending

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/meetings",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingPage | Problem | None:
    if response.status_code == 200:
        response_200 = MeetingPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[MeetingPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    board: list[str] | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    partners_attending: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListMeetingsSortItem] | Unset = UNSET,
) -> Response[MeetingPage | Problem]:
    """List Meetings

     List board meetings. Sortable by `date` (the default) and `created_at`.

    Args:
        plan_id (list[str] | Unset): Only meetings about this plan; repeat for any of several.
        board (list[str] | Unset): Only meetings of this board (`GABB`); repeat for any of
            several.
        date_from (datetime.date | Unset): Held on or after this day.
        date_to (datetime.date | Unset): Held on or before this day.
        partners_attending (bool | Unset): Only meetings partners attend (true) or not (false).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListMeetingsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingPage | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        board=board,
        date_from=date_from,
        date_to=date_to,
        partners_attending=partners_attending,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    board: list[str] | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    partners_attending: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListMeetingsSortItem] | Unset = UNSET,
) -> MeetingPage | Problem | None:
    """List Meetings

     List board meetings. Sortable by `date` (the default) and `created_at`.

    Args:
        plan_id (list[str] | Unset): Only meetings about this plan; repeat for any of several.
        board (list[str] | Unset): Only meetings of this board (`GABB`); repeat for any of
            several.
        date_from (datetime.date | Unset): Held on or after this day.
        date_to (datetime.date | Unset): Held on or before this day.
        partners_attending (bool | Unset): Only meetings partners attend (true) or not (false).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListMeetingsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingPage | Problem
    """

    return sync_detailed(
        client=client,
        plan_id=plan_id,
        board=board,
        date_from=date_from,
        date_to=date_to,
        partners_attending=partners_attending,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    board: list[str] | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    partners_attending: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListMeetingsSortItem] | Unset = UNSET,
) -> Response[MeetingPage | Problem]:
    """List Meetings

     List board meetings. Sortable by `date` (the default) and `created_at`.

    Args:
        plan_id (list[str] | Unset): Only meetings about this plan; repeat for any of several.
        board (list[str] | Unset): Only meetings of this board (`GABB`); repeat for any of
            several.
        date_from (datetime.date | Unset): Held on or after this day.
        date_to (datetime.date | Unset): Held on or before this day.
        partners_attending (bool | Unset): Only meetings partners attend (true) or not (false).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListMeetingsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingPage | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        board=board,
        date_from=date_from,
        date_to=date_to,
        partners_attending=partners_attending,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    board: list[str] | Unset = UNSET,
    date_from: datetime.date | Unset = UNSET,
    date_to: datetime.date | Unset = UNSET,
    partners_attending: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListMeetingsSortItem] | Unset = UNSET,
) -> MeetingPage | Problem | None:
    """List Meetings

     List board meetings. Sortable by `date` (the default) and `created_at`.

    Args:
        plan_id (list[str] | Unset): Only meetings about this plan; repeat for any of several.
        board (list[str] | Unset): Only meetings of this board (`GABB`); repeat for any of
            several.
        date_from (datetime.date | Unset): Held on or after this day.
        date_to (datetime.date | Unset): Held on or before this day.
        partners_attending (bool | Unset): Only meetings partners attend (true) or not (false).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListMeetingsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            plan_id=plan_id,
            board=board,
            date_from=date_from,
            date_to=date_to,
            partners_attending=partners_attending,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
