from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_post_update_workbook import BodyPostUpdateWorkbook
from ...models.problem import Problem
from ...models.status_update_batch_result import StatusUpdateBatchResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    officer_id: str,
    *,
    body: BodyPostUpdateWorkbook,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/officers/{officer_id}/update-workbook".format(
            officer_id=quote(str(officer_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatusUpdateBatchResult | None:
    if response.status_code == 200:
        response_200 = StatusUpdateBatchResult.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = StatusUpdateBatchResult.from_dict(response.json())

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
) -> Response[Problem | StatusUpdateBatchResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    officer_id: str,
    *,
    client: AuthenticatedClient,
    body: BodyPostUpdateWorkbook,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatusUpdateBatchResult]:
    """Post Update Workbook

     Post the filled rows of the workbook as one status update batch
    (`POST /status-updates/batch`), by its rules and all or nothing. Rows with every input
    cell blank are skipped. A 422 names each broken cell by sheet, row and column
    (`file: sheet "Updates", row 7, column N ("New rating")`).

    A row whose action has had an update since the workbook was written is refused with
    412: download a new workbook. A file that is not this officer's update workbook (not
    an .xlsx, another workbook, another officer's, nothing filled in) is a 422 naming
    `body.file`. One `Idempotency-Key` covers the upload.

    With `dry_run=true` the file gets every check and the same errors (the 412 too), and a
    200 answers the updates it would post; nothing is posted, and an `Idempotency-Key` is
    neither used nor kept.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (BodyPostUpdateWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdateBatchResult]
    """

    kwargs = _get_kwargs(
        officer_id=officer_id,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    officer_id: str,
    *,
    client: AuthenticatedClient,
    body: BodyPostUpdateWorkbook,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatusUpdateBatchResult | None:
    """Post Update Workbook

     Post the filled rows of the workbook as one status update batch
    (`POST /status-updates/batch`), by its rules and all or nothing. Rows with every input
    cell blank are skipped. A 422 names each broken cell by sheet, row and column
    (`file: sheet "Updates", row 7, column N ("New rating")`).

    A row whose action has had an update since the workbook was written is refused with
    412: download a new workbook. A file that is not this officer's update workbook (not
    an .xlsx, another workbook, another officer's, nothing filled in) is a 422 naming
    `body.file`. One `Idempotency-Key` covers the upload.

    With `dry_run=true` the file gets every check and the same errors (the 412 too), and a
    200 answers the updates it would post; nothing is posted, and an `Idempotency-Key` is
    neither used nor kept.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (BodyPostUpdateWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdateBatchResult
    """

    return sync_detailed(
        officer_id=officer_id,
        client=client,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    officer_id: str,
    *,
    client: AuthenticatedClient,
    body: BodyPostUpdateWorkbook,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | StatusUpdateBatchResult]:
    """Post Update Workbook

     Post the filled rows of the workbook as one status update batch
    (`POST /status-updates/batch`), by its rules and all or nothing. Rows with every input
    cell blank are skipped. A 422 names each broken cell by sheet, row and column
    (`file: sheet "Updates", row 7, column N ("New rating")`).

    A row whose action has had an update since the workbook was written is refused with
    412: download a new workbook. A file that is not this officer's update workbook (not
    an .xlsx, another workbook, another officer's, nothing filled in) is a 422 naming
    `body.file`. One `Idempotency-Key` covers the upload.

    With `dry_run=true` the file gets every check and the same errors (the 412 too), and a
    200 answers the updates it would post; nothing is posted, and an `Idempotency-Key` is
    neither used nor kept.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (BodyPostUpdateWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatusUpdateBatchResult]
    """

    kwargs = _get_kwargs(
        officer_id=officer_id,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    officer_id: str,
    *,
    client: AuthenticatedClient,
    body: BodyPostUpdateWorkbook,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Problem | StatusUpdateBatchResult | None:
    """Post Update Workbook

     Post the filled rows of the workbook as one status update batch
    (`POST /status-updates/batch`), by its rules and all or nothing. Rows with every input
    cell blank are skipped. A 422 names each broken cell by sheet, row and column
    (`file: sheet "Updates", row 7, column N ("New rating")`).

    A row whose action has had an update since the workbook was written is refused with
    412: download a new workbook. A file that is not this officer's update workbook (not
    an .xlsx, another workbook, another officer's, nothing filled in) is a 422 naming
    `body.file`. One `Idempotency-Key` covers the upload.

    With `dry_run=true` the file gets every check and the same errors (the 412 too), and a
    200 answers the updates it would post; nothing is posted, and an `Idempotency-Key` is
    neither used nor kept.

    Args:
        officer_id (str): The officer's id, or `me` for the officer you act for.
        dry_run (bool | Unset): Check the request as a real one is checked and answer what it
            would store; store nothing. Default: False.
        idempotency_key (str | Unset): Any unique string (a UUID is good). A retry with the same
            key and body returns the first response and creates nothing; the same key with another
            body is a 422. Keys are kept per API key or signed-in caller.
        body (BodyPostUpdateWorkbook):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatusUpdateBatchResult
    """

    return (
        await asyncio_detailed(
            officer_id=officer_id,
            client=client,
            body=body,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
