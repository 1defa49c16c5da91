from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.objective_create import ObjectiveCreate
from ...models.objective_read import ObjectiveRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    outcome_id: str,
    *,
    body: ObjectiveCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/outcomes/{outcome_id}/objectives".format(
            outcome_id=quote(str(outcome_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ObjectiveRead | Problem | None:
    if response.status_code == 201:
        response_201 = ObjectiveRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[ObjectiveRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    outcome_id: str,
    *,
    client: AuthenticatedClient,
    body: ObjectiveCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ObjectiveRead | Problem]:
    """Create Objective

     Add an objective to an outcome. 409 when the ref is taken or the outcome archived.

    Args:
        outcome_id (str): The outcome's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (ObjectiveCreate): A new objective under an outcome.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ObjectiveRead | Problem]
    """

    kwargs = _get_kwargs(
        outcome_id=outcome_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    outcome_id: str,
    *,
    client: AuthenticatedClient,
    body: ObjectiveCreate,
    idempotency_key: str | Unset = UNSET,
) -> ObjectiveRead | Problem | None:
    """Create Objective

     Add an objective to an outcome. 409 when the ref is taken or the outcome archived.

    Args:
        outcome_id (str): The outcome's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (ObjectiveCreate): A new objective under an outcome.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ObjectiveRead | Problem
    """

    return sync_detailed(
        outcome_id=outcome_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    outcome_id: str,
    *,
    client: AuthenticatedClient,
    body: ObjectiveCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ObjectiveRead | Problem]:
    """Create Objective

     Add an objective to an outcome. 409 when the ref is taken or the outcome archived.

    Args:
        outcome_id (str): The outcome's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (ObjectiveCreate): A new objective under an outcome.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ObjectiveRead | Problem]
    """

    kwargs = _get_kwargs(
        outcome_id=outcome_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    outcome_id: str,
    *,
    client: AuthenticatedClient,
    body: ObjectiveCreate,
    idempotency_key: str | Unset = UNSET,
) -> ObjectiveRead | Problem | None:
    """Create Objective

     Add an objective to an outcome. 409 when the ref is taken or the outcome archived.

    Args:
        outcome_id (str): The outcome's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (ObjectiveCreate): A new objective under an outcome.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ObjectiveRead | Problem
    """

    return (
        await asyncio_detailed(
            outcome_id=outcome_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
