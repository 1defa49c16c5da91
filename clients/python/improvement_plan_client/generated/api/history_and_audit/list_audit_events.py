import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_event_page import AuditEventPage
from ...models.list_audit_events_sort_item import ListAuditEventsSortItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity_type: list[str] | Unset = UNSET,
    entity_id: list[str] | Unset = UNSET,
    actor: list[str] | Unset = UNSET,
    actor_key_id: list[str] | Unset = UNSET,
    operation: list[str] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListAuditEventsSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_entity_type: list[str] | Unset = UNSET
    if not isinstance(entity_type, Unset):
        json_entity_type = entity_type

    params["entity_type"] = json_entity_type

    json_entity_id: list[str] | Unset = UNSET
    if not isinstance(entity_id, Unset):
        json_entity_id = entity_id

    params["entity_id"] = json_entity_id

    json_actor: list[str] | Unset = UNSET
    if not isinstance(actor, Unset):
        json_actor = actor

    params["actor"] = json_actor

    json_actor_key_id: list[str] | Unset = UNSET
    if not isinstance(actor_key_id, Unset):
        json_actor_key_id = actor_key_id

    params["actor_key_id"] = json_actor_key_id

    json_operation: list[str] | Unset = UNSET
    if not isinstance(operation, Unset):
        json_operation = operation

    params["operation"] = json_operation

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

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
        "url": "/api/v1/audit-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditEventPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditEventPage.from_dict(response.json())

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
) -> Response[AuditEventPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: list[str] | Unset = UNSET,
    entity_id: list[str] | Unset = UNSET,
    actor: list[str] | Unset = UNSET,
    actor_key_id: list[str] | Unset = UNSET,
    operation: list[str] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListAuditEventsSortItem] | Unset = UNSET,
) -> Response[AuditEventPage | Problem]:
    """List Audit Events

     Who changed what and when, for every write (admin). Oldest first; `sort=-occurred_at`
    for newest first.

    Args:
        entity_type (list[str] | Unset): Only events on this kind of item. Repeatable.
        entity_id (list[str] | Unset): Only events on this item. Repeatable.
        actor (list[str] | Unset): Only events by this actor. Repeatable.
        actor_key_id (list[str] | Unset): Only events by this API key. Repeatable.
        operation (list[str] | Unset): Only this operation. Repeatable.
        since (datetime.datetime | Unset): At or after this time.
        until (datetime.datetime | Unset): Before this time.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListAuditEventsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        actor_key_id=actor_key_id,
        operation=operation,
        since=since,
        until=until,
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
    entity_type: list[str] | Unset = UNSET,
    entity_id: list[str] | Unset = UNSET,
    actor: list[str] | Unset = UNSET,
    actor_key_id: list[str] | Unset = UNSET,
    operation: list[str] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListAuditEventsSortItem] | Unset = UNSET,
) -> AuditEventPage | Problem | None:
    """List Audit Events

     Who changed what and when, for every write (admin). Oldest first; `sort=-occurred_at`
    for newest first.

    Args:
        entity_type (list[str] | Unset): Only events on this kind of item. Repeatable.
        entity_id (list[str] | Unset): Only events on this item. Repeatable.
        actor (list[str] | Unset): Only events by this actor. Repeatable.
        actor_key_id (list[str] | Unset): Only events by this API key. Repeatable.
        operation (list[str] | Unset): Only this operation. Repeatable.
        since (datetime.datetime | Unset): At or after this time.
        until (datetime.datetime | Unset): Before this time.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListAuditEventsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
    """

    return sync_detailed(
        client=client,
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        actor_key_id=actor_key_id,
        operation=operation,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity_type: list[str] | Unset = UNSET,
    entity_id: list[str] | Unset = UNSET,
    actor: list[str] | Unset = UNSET,
    actor_key_id: list[str] | Unset = UNSET,
    operation: list[str] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListAuditEventsSortItem] | Unset = UNSET,
) -> Response[AuditEventPage | Problem]:
    """List Audit Events

     Who changed what and when, for every write (admin). Oldest first; `sort=-occurred_at`
    for newest first.

    Args:
        entity_type (list[str] | Unset): Only events on this kind of item. Repeatable.
        entity_id (list[str] | Unset): Only events on this item. Repeatable.
        actor (list[str] | Unset): Only events by this actor. Repeatable.
        actor_key_id (list[str] | Unset): Only events by this API key. Repeatable.
        operation (list[str] | Unset): Only this operation. Repeatable.
        since (datetime.datetime | Unset): At or after this time.
        until (datetime.datetime | Unset): Before this time.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListAuditEventsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditEventPage | Problem]
    """

    kwargs = _get_kwargs(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        actor_key_id=actor_key_id,
        operation=operation,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity_type: list[str] | Unset = UNSET,
    entity_id: list[str] | Unset = UNSET,
    actor: list[str] | Unset = UNSET,
    actor_key_id: list[str] | Unset = UNSET,
    operation: list[str] | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListAuditEventsSortItem] | Unset = UNSET,
) -> AuditEventPage | Problem | None:
    """List Audit Events

     Who changed what and when, for every write (admin). Oldest first; `sort=-occurred_at`
    for newest first.

    Args:
        entity_type (list[str] | Unset): Only events on this kind of item. Repeatable.
        entity_id (list[str] | Unset): Only events on this item. Repeatable.
        actor (list[str] | Unset): Only events by this actor. Repeatable.
        actor_key_id (list[str] | Unset): Only events by this API key. Repeatable.
        operation (list[str] | Unset): Only this operation. Repeatable.
        since (datetime.datetime | Unset): At or after this time.
        until (datetime.datetime | Unset): Before this time.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListAuditEventsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditEventPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            entity_type=entity_type,
            entity_id=entity_id,
            actor=actor,
            actor_key_id=actor_key_id,
            operation=operation,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
