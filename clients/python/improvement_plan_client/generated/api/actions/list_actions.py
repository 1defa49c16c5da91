import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_page import ActionPage
from ...models.delivery_status import DeliveryStatus
from ...models.list_actions_expand_item import ListActionsExpandItem
from ...models.list_actions_sort_item import ListActionsSortItem
from ...models.problem import Problem
from ...models.rag_filter import RagFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    outcome_id: list[str] | Unset = UNSET,
    objective_id: list[str] | Unset = UNSET,
    parent_id: list[str] | Unset = UNSET,
    lead_officer_id: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    status: list[DeliveryStatus] | Unset = UNSET,
    inspection_action_id: list[str] | Unset = UNSET,
    strategy_id: list[str] | Unset = UNSET,
    ref: list[str] | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    slipped: bool | Unset = UNSET,
    stale: bool | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    include_archived: bool | Unset = False,
    expand: list[ListActionsExpandItem] | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListActionsSortItem] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_plan_id: list[str] | Unset = UNSET
    if not isinstance(plan_id, Unset):
        json_plan_id = plan_id

    params["plan_id"] = json_plan_id

    json_area_id: list[str] | Unset = UNSET
    if not isinstance(area_id, Unset):
        json_area_id = area_id

    params["area_id"] = json_area_id

    json_outcome_id: list[str] | Unset = UNSET
    if not isinstance(outcome_id, Unset):
        json_outcome_id = outcome_id

    params["outcome_id"] = json_outcome_id

    json_objective_id: list[str] | Unset = UNSET
    if not isinstance(objective_id, Unset):
        json_objective_id = objective_id

    params["objective_id"] = json_objective_id

    json_parent_id: list[str] | Unset = UNSET
    if not isinstance(parent_id, Unset):
        json_parent_id = parent_id

    params["parent_id"] = json_parent_id

    json_lead_officer_id: list[str] | Unset = UNSET
    if not isinstance(lead_officer_id, Unset):
        json_lead_officer_id = lead_officer_id

    params["lead_officer_id"] = json_lead_officer_id

    json_rag: list[str] | Unset = UNSET
    if not isinstance(rag, Unset):
        json_rag = []
        for rag_item_data in rag:
            rag_item = rag_item_data.value
            json_rag.append(rag_item)

    params["rag"] = json_rag

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_inspection_action_id: list[str] | Unset = UNSET
    if not isinstance(inspection_action_id, Unset):
        json_inspection_action_id = inspection_action_id

    params["inspection_action_id"] = json_inspection_action_id

    json_strategy_id: list[str] | Unset = UNSET
    if not isinstance(strategy_id, Unset):
        json_strategy_id = strategy_id

    params["strategy_id"] = json_strategy_id

    json_ref: list[str] | Unset = UNSET
    if not isinstance(ref, Unset):
        json_ref = ref

    params["ref"] = json_ref

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    params["overdue"] = overdue

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["q"] = q

    params["slipped"] = slipped

    params["stale"] = stale

    params["needs_review"] = needs_review

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["include_archived"] = include_archived

    json_expand: list[str] | Unset = UNSET
    if not isinstance(expand, Unset):
        json_expand = []
        for expand_item_data in expand:
            expand_item = expand_item_data.value
            json_expand.append(expand_item)

    params["expand"] = json_expand

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: list[str] | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = []
        for sort_item_data in sort:
            sort_item = sort_item_data.value
            json_sort.append(sort_item)

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionPage | Problem | None:
    if response.status_code == 200:
        response_200 = ActionPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ActionPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    outcome_id: list[str] | Unset = UNSET,
    objective_id: list[str] | Unset = UNSET,
    parent_id: list[str] | Unset = UNSET,
    lead_officer_id: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    status: list[DeliveryStatus] | Unset = UNSET,
    inspection_action_id: list[str] | Unset = UNSET,
    strategy_id: list[str] | Unset = UNSET,
    ref: list[str] | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    slipped: bool | Unset = UNSET,
    stale: bool | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    include_archived: bool | Unset = False,
    expand: list[ListActionsExpandItem] | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListActionsSortItem] | Unset = UNSET,
) -> Response[ActionPage | Problem]:
    """List Actions

     List and search actions and sub-actions.

    `rag`, `status`, `overdue`, `stale`, due dates and sorting all follow `as_of` when it
    is given. Sortable by `created_at` (default), `updated_at`, `due_date`, `original_due_date`,
    `last_update_date`, `ref`, `title`, `position`, `status`, `rag`; empty dates and ratings
    sort last.

    Args:
        plan_id (list[str] | Unset): Only actions of this plan. Repeat for any of several.
        area_id (list[str] | Unset): Only actions in this area. Repeat for any of several.
        outcome_id (list[str] | Unset): Only actions under this outcome. Repeat for any of
            several.
        objective_id (list[str] | Unset): Only actions under this objective. Repeat for any of
            several.
        parent_id (list[str] | Unset): Only sub-actions of this action; `none` for top-level
            actions. Repeat for any of several.
        lead_officer_id (list[str] | Unset): Only actions this officer leads; `me` for the officer
            the caller acts for. Repeat for any of several.
        rag (list[RagFilter] | Unset): Only actions with this current rating; `none` for not
            rated. Repeat for any of several.
        status (list[DeliveryStatus] | Unset): Only actions with this delivery status. Repeatable.
        inspection_action_id (list[str] | Unset): Only actions answering this inspection action.
            Repeat for any of several.
        strategy_id (list[str] | Unset): Only actions linked to this strategy. Repeat for any of
            several.
        ref (list[str] | Unset): Only the action with this ref. Repeat for any of several.
        due_before (datetime.date | Unset): Due strictly before this date.
        due_after (datetime.date | Unset): Due strictly after this date.
        overdue (bool | Unset): true: past due and neither complete nor cancelled; false: not.
        updated_since (datetime.datetime | Unset): Changed at or after this time (RFC 3339).
        q (str | Unset): Text in the title, description, notes or ref.
        slipped (bool | Unset): true: the due date is later than the original one.
        stale (bool | Unset): true: open actions with no status update within their plan's update
            interval (`update_interval_days`).
        needs_review (bool | Unset): Only items whose reading the plan's owner has (false) or has
            not yet (true) confirmed.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        include_archived (bool | Unset): Include archived actions. Default: False.
        expand (list[ListActionsExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListActionsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        area_id=area_id,
        outcome_id=outcome_id,
        objective_id=objective_id,
        parent_id=parent_id,
        lead_officer_id=lead_officer_id,
        rag=rag,
        status=status,
        inspection_action_id=inspection_action_id,
        strategy_id=strategy_id,
        ref=ref,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        updated_since=updated_since,
        q=q,
        slipped=slipped,
        stale=stale,
        needs_review=needs_review,
        as_of=as_of,
        include_archived=include_archived,
        expand=expand,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    outcome_id: list[str] | Unset = UNSET,
    objective_id: list[str] | Unset = UNSET,
    parent_id: list[str] | Unset = UNSET,
    lead_officer_id: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    status: list[DeliveryStatus] | Unset = UNSET,
    inspection_action_id: list[str] | Unset = UNSET,
    strategy_id: list[str] | Unset = UNSET,
    ref: list[str] | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    slipped: bool | Unset = UNSET,
    stale: bool | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    include_archived: bool | Unset = False,
    expand: list[ListActionsExpandItem] | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListActionsSortItem] | Unset = UNSET,
) -> ActionPage | Problem | None:
    """List Actions

     List and search actions and sub-actions.

    `rag`, `status`, `overdue`, `stale`, due dates and sorting all follow `as_of` when it
    is given. Sortable by `created_at` (default), `updated_at`, `due_date`, `original_due_date`,
    `last_update_date`, `ref`, `title`, `position`, `status`, `rag`; empty dates and ratings
    sort last.

    Args:
        plan_id (list[str] | Unset): Only actions of this plan. Repeat for any of several.
        area_id (list[str] | Unset): Only actions in this area. Repeat for any of several.
        outcome_id (list[str] | Unset): Only actions under this outcome. Repeat for any of
            several.
        objective_id (list[str] | Unset): Only actions under this objective. Repeat for any of
            several.
        parent_id (list[str] | Unset): Only sub-actions of this action; `none` for top-level
            actions. Repeat for any of several.
        lead_officer_id (list[str] | Unset): Only actions this officer leads; `me` for the officer
            the caller acts for. Repeat for any of several.
        rag (list[RagFilter] | Unset): Only actions with this current rating; `none` for not
            rated. Repeat for any of several.
        status (list[DeliveryStatus] | Unset): Only actions with this delivery status. Repeatable.
        inspection_action_id (list[str] | Unset): Only actions answering this inspection action.
            Repeat for any of several.
        strategy_id (list[str] | Unset): Only actions linked to this strategy. Repeat for any of
            several.
        ref (list[str] | Unset): Only the action with this ref. Repeat for any of several.
        due_before (datetime.date | Unset): Due strictly before this date.
        due_after (datetime.date | Unset): Due strictly after this date.
        overdue (bool | Unset): true: past due and neither complete nor cancelled; false: not.
        updated_since (datetime.datetime | Unset): Changed at or after this time (RFC 3339).
        q (str | Unset): Text in the title, description, notes or ref.
        slipped (bool | Unset): true: the due date is later than the original one.
        stale (bool | Unset): true: open actions with no status update within their plan's update
            interval (`update_interval_days`).
        needs_review (bool | Unset): Only items whose reading the plan's owner has (false) or has
            not yet (true) confirmed.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        include_archived (bool | Unset): Include archived actions. Default: False.
        expand (list[ListActionsExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListActionsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | Problem
    """

    return sync_detailed(
        client=client,
        plan_id=plan_id,
        area_id=area_id,
        outcome_id=outcome_id,
        objective_id=objective_id,
        parent_id=parent_id,
        lead_officer_id=lead_officer_id,
        rag=rag,
        status=status,
        inspection_action_id=inspection_action_id,
        strategy_id=strategy_id,
        ref=ref,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        updated_since=updated_since,
        q=q,
        slipped=slipped,
        stale=stale,
        needs_review=needs_review,
        as_of=as_of,
        include_archived=include_archived,
        expand=expand,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    outcome_id: list[str] | Unset = UNSET,
    objective_id: list[str] | Unset = UNSET,
    parent_id: list[str] | Unset = UNSET,
    lead_officer_id: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    status: list[DeliveryStatus] | Unset = UNSET,
    inspection_action_id: list[str] | Unset = UNSET,
    strategy_id: list[str] | Unset = UNSET,
    ref: list[str] | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    slipped: bool | Unset = UNSET,
    stale: bool | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    include_archived: bool | Unset = False,
    expand: list[ListActionsExpandItem] | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListActionsSortItem] | Unset = UNSET,
) -> Response[ActionPage | Problem]:
    """List Actions

     List and search actions and sub-actions.

    `rag`, `status`, `overdue`, `stale`, due dates and sorting all follow `as_of` when it
    is given. Sortable by `created_at` (default), `updated_at`, `due_date`, `original_due_date`,
    `last_update_date`, `ref`, `title`, `position`, `status`, `rag`; empty dates and ratings
    sort last.

    Args:
        plan_id (list[str] | Unset): Only actions of this plan. Repeat for any of several.
        area_id (list[str] | Unset): Only actions in this area. Repeat for any of several.
        outcome_id (list[str] | Unset): Only actions under this outcome. Repeat for any of
            several.
        objective_id (list[str] | Unset): Only actions under this objective. Repeat for any of
            several.
        parent_id (list[str] | Unset): Only sub-actions of this action; `none` for top-level
            actions. Repeat for any of several.
        lead_officer_id (list[str] | Unset): Only actions this officer leads; `me` for the officer
            the caller acts for. Repeat for any of several.
        rag (list[RagFilter] | Unset): Only actions with this current rating; `none` for not
            rated. Repeat for any of several.
        status (list[DeliveryStatus] | Unset): Only actions with this delivery status. Repeatable.
        inspection_action_id (list[str] | Unset): Only actions answering this inspection action.
            Repeat for any of several.
        strategy_id (list[str] | Unset): Only actions linked to this strategy. Repeat for any of
            several.
        ref (list[str] | Unset): Only the action with this ref. Repeat for any of several.
        due_before (datetime.date | Unset): Due strictly before this date.
        due_after (datetime.date | Unset): Due strictly after this date.
        overdue (bool | Unset): true: past due and neither complete nor cancelled; false: not.
        updated_since (datetime.datetime | Unset): Changed at or after this time (RFC 3339).
        q (str | Unset): Text in the title, description, notes or ref.
        slipped (bool | Unset): true: the due date is later than the original one.
        stale (bool | Unset): true: open actions with no status update within their plan's update
            interval (`update_interval_days`).
        needs_review (bool | Unset): Only items whose reading the plan's owner has (false) or has
            not yet (true) confirmed.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        include_archived (bool | Unset): Include archived actions. Default: False.
        expand (list[ListActionsExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListActionsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionPage | Problem]
    """

    kwargs = _get_kwargs(
        plan_id=plan_id,
        area_id=area_id,
        outcome_id=outcome_id,
        objective_id=objective_id,
        parent_id=parent_id,
        lead_officer_id=lead_officer_id,
        rag=rag,
        status=status,
        inspection_action_id=inspection_action_id,
        strategy_id=strategy_id,
        ref=ref,
        due_before=due_before,
        due_after=due_after,
        overdue=overdue,
        updated_since=updated_since,
        q=q,
        slipped=slipped,
        stale=stale,
        needs_review=needs_review,
        as_of=as_of,
        include_archived=include_archived,
        expand=expand,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    plan_id: list[str] | Unset = UNSET,
    area_id: list[str] | Unset = UNSET,
    outcome_id: list[str] | Unset = UNSET,
    objective_id: list[str] | Unset = UNSET,
    parent_id: list[str] | Unset = UNSET,
    lead_officer_id: list[str] | Unset = UNSET,
    rag: list[RagFilter] | Unset = UNSET,
    status: list[DeliveryStatus] | Unset = UNSET,
    inspection_action_id: list[str] | Unset = UNSET,
    strategy_id: list[str] | Unset = UNSET,
    ref: list[str] | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    overdue: bool | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    q: str | Unset = UNSET,
    slipped: bool | Unset = UNSET,
    stale: bool | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    include_archived: bool | Unset = False,
    expand: list[ListActionsExpandItem] | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: list[ListActionsSortItem] | Unset = UNSET,
) -> ActionPage | Problem | None:
    """List Actions

     List and search actions and sub-actions.

    `rag`, `status`, `overdue`, `stale`, due dates and sorting all follow `as_of` when it
    is given. Sortable by `created_at` (default), `updated_at`, `due_date`, `original_due_date`,
    `last_update_date`, `ref`, `title`, `position`, `status`, `rag`; empty dates and ratings
    sort last.

    Args:
        plan_id (list[str] | Unset): Only actions of this plan. Repeat for any of several.
        area_id (list[str] | Unset): Only actions in this area. Repeat for any of several.
        outcome_id (list[str] | Unset): Only actions under this outcome. Repeat for any of
            several.
        objective_id (list[str] | Unset): Only actions under this objective. Repeat for any of
            several.
        parent_id (list[str] | Unset): Only sub-actions of this action; `none` for top-level
            actions. Repeat for any of several.
        lead_officer_id (list[str] | Unset): Only actions this officer leads; `me` for the officer
            the caller acts for. Repeat for any of several.
        rag (list[RagFilter] | Unset): Only actions with this current rating; `none` for not
            rated. Repeat for any of several.
        status (list[DeliveryStatus] | Unset): Only actions with this delivery status. Repeatable.
        inspection_action_id (list[str] | Unset): Only actions answering this inspection action.
            Repeat for any of several.
        strategy_id (list[str] | Unset): Only actions linked to this strategy. Repeat for any of
            several.
        ref (list[str] | Unset): Only the action with this ref. Repeat for any of several.
        due_before (datetime.date | Unset): Due strictly before this date.
        due_after (datetime.date | Unset): Due strictly after this date.
        overdue (bool | Unset): true: past due and neither complete nor cancelled; false: not.
        updated_since (datetime.datetime | Unset): Changed at or after this time (RFC 3339).
        q (str | Unset): Text in the title, description, notes or ref.
        slipped (bool | Unset): true: the due date is later than the original one.
        stale (bool | Unset): true: open actions with no status update within their plan's update
            interval (`update_interval_days`).
        needs_review (bool | Unset): Only items whose reading the plan's owner has (false) or has
            not yet (true) confirmed.
        as_of (datetime.date | Unset): Answer with ratings, statuses and due dates as they stood
            at the end of this day: the latest status update effective on or before it, and the due
            date after the last revision made by then. `overdue` and `stale` are judged on that day.
        include_archived (bool | Unset): Include archived actions. Default: False.
        expand (list[ListActionsExpandItem] | Unset): Related data to include, comma-separated or
            repeated: `success_criteria`, `strategies`, `lead_officers`, `latest_update`, `children`,
            `inspection_actions`.
        limit (int | Unset): Rows per page, 1 to 500. Default: 50.
        cursor (str | Unset): The `next_cursor` of the previous page, as the service sent it; any
            other value is a 422.
        sort (list[ListActionsSortItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            plan_id=plan_id,
            area_id=area_id,
            outcome_id=outcome_id,
            objective_id=objective_id,
            parent_id=parent_id,
            lead_officer_id=lead_officer_id,
            rag=rag,
            status=status,
            inspection_action_id=inspection_action_id,
            strategy_id=strategy_id,
            ref=ref,
            due_before=due_before,
            due_after=due_after,
            overdue=overdue,
            updated_since=updated_since,
            q=q,
            slipped=slipped,
            stale=stale,
            needs_review=needs_review,
            as_of=as_of,
            include_archived=include_archived,
            expand=expand,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
