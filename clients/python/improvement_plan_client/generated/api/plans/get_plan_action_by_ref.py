from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_read import ActionRead
from ...models.get_plan_action_by_ref_expand_item import GetPlanActionByRefExpandItem
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    plan_key_or_id: str,
    ref: str,
    *,
    expand: list[GetPlanActionByRefExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_expand: list[str] | Unset = UNSET
    if not isinstance(expand, Unset):
        json_expand = []
        for expand_item_data in expand:
            expand_item = expand_item_data.value
            json_expand.append(expand_item)

    params["expand"] = json_expand

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_key_or_id}/actions/{ref}".format(
            plan_key_or_id=quote(str(plan_key_or_id), safe=""),
            ref=quote(str(ref), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionRead | Any | Problem | None:
    if response.status_code == 200:
        response_200 = ActionRead.from_dict(response.json())

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
) -> Response[ActionRead | Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_key_or_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    expand: list[GetPlanActionByRefExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionRead | Any | Problem]:
    """Get Plan Action By Ref

     Get an action by its plan's key and its own reference, the names other systems know
    it by; the same representation and `ETag` as `GET /actions/{action_id}`.

    Args:
        plan_key_or_id (str): The plan's key (`stockton-2023`) or its id.
        ref (str): The action's reference (`A1.3`).
        expand (list[GetPlanActionByRefExpandItem] | Unset): Related data to include, comma-
            separated or repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`,
            `children`, `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Any | Problem]
    """

    kwargs = _get_kwargs(
        plan_key_or_id=plan_key_or_id,
        ref=ref,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_key_or_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    expand: list[GetPlanActionByRefExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionRead | Any | Problem | None:
    """Get Plan Action By Ref

     Get an action by its plan's key and its own reference, the names other systems know
    it by; the same representation and `ETag` as `GET /actions/{action_id}`.

    Args:
        plan_key_or_id (str): The plan's key (`stockton-2023`) or its id.
        ref (str): The action's reference (`A1.3`).
        expand (list[GetPlanActionByRefExpandItem] | Unset): Related data to include, comma-
            separated or repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`,
            `children`, `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Any | Problem
    """

    return sync_detailed(
        plan_key_or_id=plan_key_or_id,
        ref=ref,
        client=client,
        expand=expand,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    plan_key_or_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    expand: list[GetPlanActionByRefExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[ActionRead | Any | Problem]:
    """Get Plan Action By Ref

     Get an action by its plan's key and its own reference, the names other systems know
    it by; the same representation and `ETag` as `GET /actions/{action_id}`.

    Args:
        plan_key_or_id (str): The plan's key (`stockton-2023`) or its id.
        ref (str): The action's reference (`A1.3`).
        expand (list[GetPlanActionByRefExpandItem] | Unset): Related data to include, comma-
            separated or repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`,
            `children`, `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionRead | Any | Problem]
    """

    kwargs = _get_kwargs(
        plan_key_or_id=plan_key_or_id,
        ref=ref,
        expand=expand,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_key_or_id: str,
    ref: str,
    *,
    client: AuthenticatedClient,
    expand: list[GetPlanActionByRefExpandItem] | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> ActionRead | Any | Problem | None:
    """Get Plan Action By Ref

     Get an action by its plan's key and its own reference, the names other systems know
    it by; the same representation and `ETag` as `GET /actions/{action_id}`.

    Args:
        plan_key_or_id (str): The plan's key (`stockton-2023`) or its id.
        ref (str): The action's reference (`A1.3`).
        expand (list[GetPlanActionByRefExpandItem] | Unset): Related data to include, comma-
            separated or repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`,
            `children`, `inspection_actions`.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionRead | Any | Problem
    """

    return (
        await asyncio_detailed(
            plan_key_or_id=plan_key_or_id,
            ref=ref,
            client=client,
            expand=expand,
            if_none_match=if_none_match,
        )
    ).parsed
