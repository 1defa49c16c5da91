from http import HTTPStatus
from io import BytesIO
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    quarter: str,
    plan_id: str,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["quarter"] = quarter

    params["plan_id"] = plan_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/quarterly.xlsx",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
) -> Response[Any | File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    quarter: str,
    plan_id: str,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Get Quarterly Report Xlsx

     The quarterly report as XLSX, for a client that reads one media type per operation.

    Args:
        quarter (str): A financial-year quarter: `2023-24-Q2` is July to September 2023.
        plan_id (str): The plan to report on.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        plan_id=plan_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    quarter: str,
    plan_id: str,
    if_none_match: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Get Quarterly Report Xlsx

     The quarterly report as XLSX, for a client that reads one media type per operation.

    Args:
        quarter (str): A financial-year quarter: `2023-24-Q2` is July to September 2023.
        plan_id (str): The plan to report on.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return sync_detailed(
        client=client,
        quarter=quarter,
        plan_id=plan_id,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    quarter: str,
    plan_id: str,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | File | Problem]:
    """Get Quarterly Report Xlsx

     The quarterly report as XLSX, for a client that reads one media type per operation.

    Args:
        quarter (str): A financial-year quarter: `2023-24-Q2` is July to September 2023.
        plan_id (str): The plan to report on.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File | Problem]
    """

    kwargs = _get_kwargs(
        quarter=quarter,
        plan_id=plan_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    quarter: str,
    plan_id: str,
    if_none_match: str | Unset = UNSET,
) -> Any | File | Problem | None:
    """Get Quarterly Report Xlsx

     The quarterly report as XLSX, for a client that reads one media type per operation.

    Args:
        quarter (str): A financial-year quarter: `2023-24-Q2` is July to September 2023.
        plan_id (str): The plan to report on.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            quarter=quarter,
            plan_id=plan_id,
            if_none_match=if_none_match,
        )
    ).parsed
