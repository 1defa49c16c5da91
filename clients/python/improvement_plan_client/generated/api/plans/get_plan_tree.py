import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_tree import PlanTree
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_id: str,
    *,
    as_of: datetime.date | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/tree".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PlanTree | Problem | None:
    if response.status_code == 200:
        response_200 = PlanTree.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | PlanTree | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PlanTree | Problem]:
    """Get Plan Tree

     The whole plan nested in one response, in document order.

    Areas hold their success criteria, outcomes, and actions with no outcome; outcomes hold
    objectives and actions with no objective; objectives hold actions; actions hold their
    sub-actions, lead officers, success criteria, strategies and inspection actions, with
    current ratings. Archived items are left out.

    Args:
        plan_id (str): The plan's id.
        as_of (datetime.date | Unset): The plan as it stood at the end of this day: each action's
            rating, status and due date from the recorded history.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PlanTree | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PlanTree | Problem | None:
    """Get Plan Tree

     The whole plan nested in one response, in document order.

    Areas hold their success criteria, outcomes, and actions with no outcome; outcomes hold
    objectives and actions with no objective; objectives hold actions; actions hold their
    sub-actions, lead officers, success criteria, strategies and inspection actions, with
    current ratings. Archived items are left out.

    Args:
        plan_id (str): The plan's id.
        as_of (datetime.date | Unset): The plan as it stood at the end of this day: each action's
            rating, status and due date from the recorded history.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PlanTree | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        as_of=as_of,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PlanTree | Problem]:
    """Get Plan Tree

     The whole plan nested in one response, in document order.

    Areas hold their success criteria, outcomes, and actions with no outcome; outcomes hold
    objectives and actions with no objective; objectives hold actions; actions hold their
    sub-actions, lead officers, success criteria, strategies and inspection actions, with
    current ratings. Archived items are left out.

    Args:
        plan_id (str): The plan's id.
        as_of (datetime.date | Unset): The plan as it stood at the end of this day: each action's
            rating, status and due date from the recorded history.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PlanTree | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        as_of=as_of,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    as_of: datetime.date | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PlanTree | Problem | None:
    """Get Plan Tree

     The whole plan nested in one response, in document order.

    Areas hold their success criteria, outcomes, and actions with no outcome; outcomes hold
    objectives and actions with no objective; objectives hold actions; actions hold their
    sub-actions, lead officers, success criteria, strategies and inspection actions, with
    current ratings. Archived items are left out.

    Args:
        plan_id (str): The plan's id.
        as_of (datetime.date | Unset): The plan as it stood at the end of this day: each action's
            rating, status and due date from the recorded history.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PlanTree | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            as_of=as_of,
            if_none_match=if_none_match,
        )
    ).parsed
