from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_snapshot_read import MeetingSnapshotRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    meeting_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/meetings/{meeting_id}/snapshot".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MeetingSnapshotRead | Problem | None:
    if response.status_code == 201:
        response_201 = MeetingSnapshotRead.from_dict(response.json())

        return response_201

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
) -> Response[MeetingSnapshotRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingSnapshotRead | Problem]:
    """Create Meeting Snapshot

     Freeze the plan for the meeting's papers, as it stood at the end of the meeting's date:
    the summary by area, the exceptions and the whole plan tree. No body.

    A snapshot is taken once and never changes, whatever happens to the plan later (the
    database refuses to change it). 409 naming the snapshot when there is one already, and
    when the meeting's date has not come yet.

    Args:
        meeting_id (str): The meeting's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingSnapshotRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> MeetingSnapshotRead | Problem | None:
    """Create Meeting Snapshot

     Freeze the plan for the meeting's papers, as it stood at the end of the meeting's date:
    the summary by area, the exceptions and the whole plan tree. No body.

    A snapshot is taken once and never changes, whatever happens to the plan later (the
    database refuses to change it). 409 naming the snapshot when there is one already, and
    when the meeting's date has not come yet.

    Args:
        meeting_id (str): The meeting's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingSnapshotRead | Problem
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[MeetingSnapshotRead | Problem]:
    """Create Meeting Snapshot

     Freeze the plan for the meeting's papers, as it stood at the end of the meeting's date:
    the summary by area, the exceptions and the whole plan tree. No body.

    A snapshot is taken once and never changes, whatever happens to the plan later (the
    database refuses to change it). 409 naming the snapshot when there is one already, and
    when the meeting's date has not come yet.

    Args:
        meeting_id (str): The meeting's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MeetingSnapshotRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> MeetingSnapshotRead | Problem | None:
    """Create Meeting Snapshot

     Freeze the plan for the meeting's papers, as it stood at the end of the meeting's date:
    the summary by area, the exceptions and the whole plan tree. No body.

    A snapshot is taken once and never changes, whatever happens to the plan later (the
    database refuses to change it). 409 naming the snapshot when there is one already, and
    when the meeting's date has not come yet.

    Args:
        meeting_id (str): The meeting's id.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MeetingSnapshotRead | Problem
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
