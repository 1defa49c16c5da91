from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_read import ActionRead
from ...models.action_update import ActionUpdate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    action_id: str,
    *,
    body: ActionUpdate,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/actions/{action_id}".format(
            action_id=quote(str(action_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionRead | Problem | None:
    if response.status_code == 200:
        response_200 = ActionRead.from_dict(response.json())

        return response_200

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ActionRead | Problem]:
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
    body: ActionUpdate,
    if_match: str,
) -> Response[ActionRead | Problem]:
    """Update Action

     Change an action. Needs `If-Match`; a due date change needs `due_date_reason`.

    Args:
        action_id (str): The action's id.
        if_match (str):
        body (ActionUpdate): Changes to an action: only the fields sent change.

            Changing the due date (directly, or through a timescale that reads differently) needs
            `due_date_reason`; the reason is kept in the action's history.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: str,
) -> ActionRead | Problem | None:
    """Update Action

     Change an action. Needs `If-Match`; a due date change needs `due_date_reason`.

    Args:
        action_id (str): The action's id.
        if_match (str):
        body (ActionUpdate): Changes to an action: only the fields sent change.

            Changing the due date (directly, or through a timescale that reads differently) needs
            `due_date_reason`; the reason is kept in the action's history.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Problem
    """

    return sync_detailed(
        action_id=action_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: str,
) -> Response[ActionRead | Problem]:
    """Update Action

     Change an action. Needs `If-Match`; a due date change needs `due_date_reason`.

    Args:
        action_id (str): The action's id.
        if_match (str):
        body (ActionUpdate): Changes to an action: only the fields sent change.

            Changing the due date (directly, or through a timescale that reads differently) needs
            `due_date_reason`; the reason is kept in the action's history.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Problem]
    """

    kwargs = _get_kwargs(
        action_id=action_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    action_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionUpdate,
    if_match: str,
) -> ActionRead | Problem | None:
    """Update Action

     Change an action. Needs `If-Match`; a due date change needs `due_date_reason`.

    Args:
        action_id (str): The action's id.
        if_match (str):
        body (ActionUpdate): Changes to an action: only the fields sent change.

            Changing the due date (directly, or through a timescale that reads differently) needs
            `due_date_reason`; the reason is kept in the action's history.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Problem
    """

    return (
        await asyncio_detailed(
            action_id=action_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
