from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meeting_snapshot_read import MeetingSnapshotRead
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    meeting_id: str,
    *,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/meetings/{meeting_id}/snapshot".format(
            meeting_id=quote(str(meeting_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | MeetingSnapshotRead | Problem | None:
    if response.status_code == 200:
        response_200 = MeetingSnapshotRead.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[Any | MeetingSnapshotRead | Problem]:
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
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | MeetingSnapshotRead | Problem]:
    """Get Meeting Snapshot

     The meeting's snapshot, with rating movement since the snapshot of the same board's
    latest earlier meeting about the plan. 404 until one is taken. Sends an `ETag`;
    `If-None-Match` gives 304, in every format.

    Args:
        meeting_id (str): The meeting's id.
        format_ (ReportFormat | Unset): A report's representation.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MeetingSnapshotRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | MeetingSnapshotRead | Problem | None:
    """Get Meeting Snapshot

     The meeting's snapshot, with rating movement since the snapshot of the same board's
    latest earlier meeting about the plan. 404 until one is taken. Sends an `ETag`;
    `If-None-Match` gives 304, in every format.

    Args:
        meeting_id (str): The meeting's id.
        format_ (ReportFormat | Unset): A report's representation.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MeetingSnapshotRead | Problem
    """

    return sync_detailed(
        meeting_id=meeting_id,
        client=client,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | MeetingSnapshotRead | Problem]:
    """Get Meeting Snapshot

     The meeting's snapshot, with rating movement since the snapshot of the same board's
    latest earlier meeting about the plan. 404 until one is taken. Sends an `ETag`;
    `If-None-Match` gives 304, in every format.

    Args:
        meeting_id (str): The meeting's id.
        format_ (ReportFormat | Unset): A report's representation.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | MeetingSnapshotRead | Problem]
    """

    kwargs = _get_kwargs(
        meeting_id=meeting_id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    meeting_id: str,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | MeetingSnapshotRead | Problem | None:
    """Get Meeting Snapshot

     The meeting's snapshot, with rating movement since the snapshot of the same board's
    latest earlier meeting about the plan. 404 until one is taken. Sends an `ETag`;
    `If-None-Match` gives 304, in every format.

    Args:
        meeting_id (str): The meeting's id.
        format_ (ReportFormat | Unset): A report's representation.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | MeetingSnapshotRead | Problem
    """

    return (
        await asyncio_detailed(
            meeting_id=meeting_id,
            client=client,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed
