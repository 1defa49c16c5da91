from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_plan_format import ExportPlanFormat
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    plan_id: str,
    *,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.XLSX,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/export".format(
            plan_id=quote(str(plan_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[File | Problem]:
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
    format_: ExportPlanFormat | Unset = ExportPlanFormat.XLSX,
) -> Response[File | Problem]:
    """Export Plan

     The plan's live content, in a form `POST /plan-imports` takes back: areas, outcomes,
    objectives, actions with sub-actions, success criteria and their links, lead officers,
    timescales, strategy links and inspection actions. Ratings and status updates are not
    part of a plan's content and are not exported.

    Args:
        plan_id (str): The plan's id.
        format_ (ExportPlanFormat | Unset): `xlsx` (the import template) or `yaml` (the plan
            format). Default: ExportPlanFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.XLSX,
) -> File | Problem | None:
    """Export Plan

     The plan's live content, in a form `POST /plan-imports` takes back: areas, outcomes,
    objectives, actions with sub-actions, success criteria and their links, lead officers,
    timescales, strategy links and inspection actions. Ratings and status updates are not
    part of a plan's content and are not exported.

    Args:
        plan_id (str): The plan's id.
        format_ (ExportPlanFormat | Unset): `xlsx` (the import template) or `yaml` (the plan
            format). Default: ExportPlanFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        plan_id=plan_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.XLSX,
) -> Response[File | Problem]:
    """Export Plan

     The plan's live content, in a form `POST /plan-imports` takes back: areas, outcomes,
    objectives, actions with sub-actions, success criteria and their links, lead officers,
    timescales, strategy links and inspection actions. Ratings and status updates are not
    part of a plan's content and are not exported.

    Args:
        plan_id (str): The plan's id.
        format_ (ExportPlanFormat | Unset): `xlsx` (the import template) or `yaml` (the plan
            format). Default: ExportPlanFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    plan_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportPlanFormat | Unset = ExportPlanFormat.XLSX,
) -> File | Problem | None:
    """Export Plan

     The plan's live content, in a form `POST /plan-imports` takes back: areas, outcomes,
    objectives, actions with sub-actions, success criteria and their links, lead officers,
    timescales, strategy links and inspection actions. Ratings and status updates are not
    part of a plan's content and are not exported.

    Args:
        plan_id (str): The plan's id.
        format_ (ExportPlanFormat | Unset): `xlsx` (the import template) or `yaml` (the plan
            format). Default: ExportPlanFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            plan_id=plan_id,
            client=client,
            format_=format_,
        )
    ).parsed
