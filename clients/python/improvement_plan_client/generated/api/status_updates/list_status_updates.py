import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_status_updates_sort_item import ListStatusUpdatesSortItem
from ...models.problem import Problem
from ...models.rag_filter import RagFilter
from ...models.status_update_page import StatusUpdatePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    action_id: list[str] | Unset = UNSET,
    author: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    effective_from: datetime.date | Unset = UNSET,
    effective_to: datetime.date | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListStatusUpdatesSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_plan_id: list[str] | Unset = UNSET
    if not isinstance(plan_id, Unset):
        json_plan_id = plan_id

    params["plan_id"] = json_plan_id

    json_area_id: list[str] | Unset = UNSET
    if not isinstance(area_id, Unset):
        json_area_id = area_id

    params["area_id"] = json_area_id

    json_action_id: list[str] | Unset = UNSET
    if not isinstance(action_id, Unset):
        json_action_id = action_id

    params["action_id"] = json_action_id

    json_author: list[str] | Unset = UNSET
    if not isinstance(author, Unset):
        json_author = author

    params["author"] = json_author

    json_rag: list[str] | Unset = UNSET
    if not isinstance(rag, Unset):
        json_rag = []
        for rag_item_data in rag:
            rag_item = rag_item_data.value
            json_rag.append(rag_item)

    params["rag"] = json_rag

    json_effective_from: str | Unset = UNSET
    if not isinstance(effective_from, Unset):
        json_effective_from = effective_from.isoformat()
    params["effective_from"] = json_effective_from

    json_effective_to: str | Unset = UNSET
    if not isinstance(effective_to, Unset):
        json_effective_to = effective_to.isoformat()
    params["effective_to"] = json_effective_to

    json_created_since: str | Unset = UNSET
    if not isinstance(created_since, Unset):
        json_created_since = created_since.isoformat()
    params["created_since"] = json_created_since

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
        "url": "/api/v1/status-updates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatusUpdatePage | None:
    if response.status_code == 200:
        response_200 = StatusUpdatePage.from_dict(response.json())

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
) -> Response[Problem | StatusUpdatePage]:
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
    area_id: list[str] | Unset = UNSET,
    action_id: list[str] | Unset = UNSET,
    author: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    effective_from: datetime.date | Unset = UNSET,
    effective_to: datetime.date | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListStatusUpdatesSortItem] | Unset = UNSET,
) -> Response[Problem | StatusUpdatePage]:
    """List Status Updates

     All status updates, for reporting. Sortable by `created_at` (default) and
    `effective_date`.

    Args:
        plan_id (list[str] | Unset): Only this plan's. Repeatable.
        area_id (list[str] | Unset): Only this area's. Repeatable.
        action_id (list[str] | Unset): Only this action's. Repeatable.
        author (list[str] | Unset): Only by this author. Repeatable.
        rag (list[RagFilter] | Unset): Only with this rating; `none` for not rated.
        effective_from (datetime.date | Unset): Effective on or after this date.
        effective_to (datetime.date | Unset): Effective on or before this date.
        created_since (datetime.datetime | Unset): Recorded at or after this time (RFC 3339).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListStatusUpdatesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdatePage]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        area_id=area_id,
        action_id=action_id,
        author=author,
        rag=rag,
        effective_from=effective_from,
        effective_to=effective_to,
        created_since=created_since,
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
    area_id: list[str] | Unset = UNSET,
    action_id: list[str] | Unset = UNSET,
    author: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    effective_from: datetime.date | Unset = UNSET,
    effective_to: datetime.date | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListStatusUpdatesSortItem] | Unset = UNSET,
) -> Problem | StatusUpdatePage | None:
    """List Status Updates

     All status updates, for reporting. Sortable by `created_at` (default) and
    `effective_date`.

    Args:
        plan_id (list[str] | Unset): Only this plan's. Repeatable.
        area_id (list[str] | Unset): Only this area's. Repeatable.
        action_id (list[str] | Unset): Only this action's. Repeatable.
        author (list[str] | Unset): Only by this author. Repeatable.
        rag (list[RagFilter] | Unset): Only with this rating; `none` for not rated.
        effective_from (datetime.date | Unset): Effective on or after this date.
        effective_to (datetime.date | Unset): Effective on or before this date.
        created_since (datetime.datetime | Unset): Recorded at or after this time (RFC 3339).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListStatusUpdatesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdatePage
    """

    return sync_detailed(
        client=client,
        plan_id=plan_id,
        area_id=area_id,
        action_id=action_id,
        author=author,
        rag=rag,
        effective_from=effective_from,
        effective_to=effective_to,
        created_since=created_since,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    action_id: list[str] | Unset = UNSET,
    author: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    effective_from: datetime.date | Unset = UNSET,
    effective_to: datetime.date | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListStatusUpdatesSortItem] | Unset = UNSET,
) -> Response[Problem | StatusUpdatePage]:
    """List Status Updates

     All status updates, for reporting. Sortable by `created_at` (default) and
    `effective_date`.

    Args:
        plan_id (list[str] | Unset): Only this plan's. Repeatable.
        area_id (list[str] | Unset): Only this area's. Repeatable.
        action_id (list[str] | Unset): Only this action's. Repeatable.
        author (list[str] | Unset): Only by this author. Repeatable.
        rag (list[RagFilter] | Unset): Only with this rating; `none` for not rated.
        effective_from (datetime.date | Unset): Effective on or after this date.
        effective_to (datetime.date | Unset): Effective on or before this date.
        created_since (datetime.datetime | Unset): Recorded at or after this time (RFC 3339).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListStatusUpdatesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdatePage]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        area_id=area_id,
        action_id=action_id,
        author=author,
        rag=rag,
        effective_from=effective_from,
        effective_to=effective_to,
        created_since=created_since,
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
    area_id: list[str] | Unset = UNSET,
    action_id: list[str] | Unset = UNSET,
    author: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    effective_from: datetime.date | Unset = UNSET,
    effective_to: datetime.date | Unset = UNSET,
    created_since: datetime.datetime | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListStatusUpdatesSortItem] | Unset = UNSET,
) -> Problem | StatusUpdatePage | None:
    """List Status Updates

     All status updates, for reporting. Sortable by `created_at` (default) and
    `effective_date`.

    Args:
        plan_id (list[str] | Unset): Only this plan's. Repeatable.
        area_id (list[str] | Unset): Only this area's. Repeatable.
        action_id (list[str] | Unset): Only this action's. Repeatable.
        author (list[str] | Unset): Only by this author. Repeatable.
        rag (list[RagFilter] | Unset): Only with this rating; `none` for not rated.
        effective_from (datetime.date | Unset): Effective on or after this date.
        effective_to (datetime.date | Unset): Effective on or before this date.
        created_since (datetime.datetime | Unset): Recorded at or after this time (RFC 3339).
        updated_since (datetime.datetime | Unset): Only items changed (or, for those never
            changed, created) at or after this time: poll with the time of your last read.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListStatusUpdatesSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdatePage
    """

    return (
        await asyncio_detailed(
            client=client,
            plan_id=plan_id,
            area_id=area_id,
            action_id=action_id,
            author=author,
            rag=rag,
            effective_from=effective_from,
            effective_to=effective_to,
            created_since=created_since,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
