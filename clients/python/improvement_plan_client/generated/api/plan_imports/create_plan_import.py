from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_create_plan_import import BodyCreatePlanImport
from ...models.plan_import_result import PlanImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BodyCreatePlanImport,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plan-imports",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = PlanImportResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = PlanImportResult.from_dict(response.json())

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
) -> Response[PlanImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyCreatePlanImport,
    dry_run: bool | Unset = False,
) -> Response[PlanImportResult | Problem]:
    """Create Plan Import

     Import a plan from a file. With `dry_run=true` the answer is a preview (the tree it
    would create, each choice made in reading the file, warnings, and errors naming the
    table, row and cell or the sheet, row and column) and nothing is stored.

    Otherwise the plan is stored whole or not at all, with an audit event for each item. A
    plan is imported once per key: sending the same file again changes nothing and answers
    the plan already stored. A file that cannot be read is a 422 (or 415 for a kind of file
    no plan comes in), never a partial plan.

    Args:
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        body (BodyCreatePlanImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BodyCreatePlanImport,
    dry_run: bool | Unset = False,
) -> PlanImportResult | Problem | None:
    """Create Plan Import

     Import a plan from a file. With `dry_run=true` the answer is a preview (the tree it
    would create, each choice made in reading the file, warnings, and errors naming the
    table, row and cell or the sheet, row and column) and nothing is stored.

    Otherwise the plan is stored whole or not at all, with an audit event for each item. A
    plan is imported once per key: sending the same file again changes nothing and answers
    the plan already stored. A file that cannot be read is a 422 (or 415 for a kind of file
    no plan comes in), never a partial plan.

    Args:
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        body (BodyCreatePlanImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyCreatePlanImport,
    dry_run: bool | Unset = False,
) -> Response[PlanImportResult | Problem]:
    """Create Plan Import

     Import a plan from a file. With `dry_run=true` the answer is a preview (the tree it
    would create, each choice made in reading the file, warnings, and errors naming the
    table, row and cell or the sheet, row and column) and nothing is stored.

    Otherwise the plan is stored whole or not at all, with an audit event for each item. A
    plan is imported once per key: sending the same file again changes nothing and answers
    the plan already stored. A file that cannot be read is a 422 (or 415 for a kind of file
    no plan comes in), never a partial plan.

    Args:
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        body (BodyCreatePlanImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyCreatePlanImport,
    dry_run: bool | Unset = False,
) -> PlanImportResult | Problem | None:
    """Create Plan Import

     Import a plan from a file. With `dry_run=true` the answer is a preview (the tree it
    would create, each choice made in reading the file, warnings, and errors naming the
    table, row and cell or the sheet, row and column) and nothing is stored.

    Otherwise the plan is stored whole or not at all, with an audit event for each item. A
    plan is imported once per key: sending the same file again changes nothing and answers
    the plan already stored. A file that cannot be read is a 422 (or 415 for a kind of file
    no plan comes in), never a partial plan.

    Args:
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        body (BodyCreatePlanImport):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
