from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.status_update_create import StatusUpdateCreate
from ...models.status_update_read import StatusUpdateRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    action_id: str,
    *,
    body: StatusUpdateCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/actions/{action_id}/status-updates".format(
            action_id=quote(str(action_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatusUpdateRead | None:
    if response.status_code == 201:
        response_201 = StatusUpdateRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | StatusUpdateRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusUpdateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatusUpdateRead]:
    """Create Status Update

     Post a status update on an action; the action's rating, status and last update date
    follow its latest update by effective date, then by entry.

    Contributors may post only on actions their officer leads, and correct only the updates
    their officer wrote. Send `corrects_update_id` to correct an update: the corrected one
    stays, marked as superseded.

    Args:
        action_id (str): The action's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (StatusUpdateCreate): A progress report on an action.

            Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
            `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
            need a `reason`; `effective_date` cannot be in the future; an archived action takes no
            updates; a correction names an update of the same action that is not already corrected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdateRead]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusUpdateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatusUpdateRead | None:
    """Create Status Update

     Post a status update on an action; the action's rating, status and last update date
    follow its latest update by effective date, then by entry.

    Contributors may post only on actions their officer leads, and correct only the updates
    their officer wrote. Send `corrects_update_id` to correct an update: the corrected one
    stays, marked as superseded.

    Args:
        action_id (str): The action's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (StatusUpdateCreate): A progress report on an action.

            Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
            `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
            need a `reason`; `effective_date` cannot be in the future; an archived action takes no
            updates; a correction names an update of the same action that is not already corrected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdateRead
    """

    return sync_detailed(
        action_id=action_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusUpdateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatusUpdateRead]:
    """Create Status Update

     Post a status update on an action; the action's rating, status and last update date
    follow its latest update by effective date, then by entry.

    Contributors may post only on actions their officer leads, and correct only the updates
    their officer wrote. Send `corrects_update_id` to correct an update: the corrected one
    stays, marked as superseded.

    Args:
        action_id (str): The action's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (StatusUpdateCreate): A progress report on an action.

            Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
            `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
            need a `reason`; `effective_date` cannot be in the future; an archived action takes no
            updates; a correction names an update of the same action that is not already corrected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdateRead]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: StatusUpdateCreate,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatusUpdateRead | None:
    """Create Status Update

     Post a status update on an action; the action's rating, status and last update date
    follow its latest update by effective date, then by entry.

    Contributors may post only on actions their officer leads, and correct only the updates
    their officer wrote. Send `corrects_update_id` to correct an update: the corrected one
    stays, marked as superseded.

    Args:
        action_id (str): The action's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (StatusUpdateCreate): A progress report on an action.

            Rules, each a 422 naming the field: `red` and `amber` need `narrative` and `next_steps`;
            `blue` goes with status `complete` and `complete` with `blue`; `deferred` and `cancelled`
            need a `reason`; `effective_date` cannot be in the future; an archived action takes no
            updates; a correction names an update of the same action that is not already corrected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdateRead
    """

    return (
        await asyncio_detailed(
            action_id=action_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
