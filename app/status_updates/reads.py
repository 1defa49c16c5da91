"""Reading status updates: one by id, a filtered page, and who superseded each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.errors import NotFound
from app.core.http.listing import ListParams, PageResult, SortField, one_of, paginate
from app.models import RagFilter, StatusUpdate
from app.status_updates.schemas import StatusUpdateRead

SORTABLE = {
    "created_at": SortField(col(StatusUpdate.created_at), "datetime"),
    "effective_date": SortField(col(StatusUpdate.effective_date), "date"),
}


@dataclass(frozen=True)
class UpdateFilters:
    plan_id: Sequence[str] = ()
    area_id: Sequence[str] = ()
    action_id: Sequence[str] = ()
    author: Sequence[str] = ()
    rag: Sequence[RagFilter] = ()
    effective_from: date | None = None
    effective_to: date | None = None
    created_since: object | None = None


async def list_status_updates(
    *, session: AsyncSession, params: ListParams, filters: UpdateFilters
) -> PageResult[StatusUpdate]:
    conditions: list[sa.ColumnElement[bool]] = []
    for column, values in (
        (col(StatusUpdate.plan_id), filters.plan_id),
        (col(StatusUpdate.area_id), filters.area_id),
        (col(StatusUpdate.action_id), filters.action_id),
        (col(StatusUpdate.author), filters.author),
    ):
        if values:
            conditions.append(column.in_(values))
    if filters.rag:
        conditions.append(one_of(col(StatusUpdate.rag), filters.rag))
    if filters.effective_from is not None:
        conditions.append(col(StatusUpdate.effective_date) >= filters.effective_from)
    if filters.effective_to is not None:
        conditions.append(col(StatusUpdate.effective_date) <= filters.effective_to)
    if filters.created_since is not None:
        conditions.append(col(StatusUpdate.created_at) >= filters.created_since)
    return await paginate(
        session,
        sa.select(StatusUpdate).where(*conditions),
        params=params,
        sortable=SORTABLE,
        default_sort=["created_at"],
    )


async def read_updates(
    *, session: AsyncSession, updates: Sequence[StatusUpdate]
) -> list[StatusUpdateRead]:
    """Updates as the API shows them, with who superseded each: one query for a page."""
    if not updates:
        return []
    rows = (
        await session.execute(
            sa.select(col(StatusUpdate.corrects_update_id), col(StatusUpdate.id)).where(
                col(StatusUpdate.corrects_update_id).in_([u.id for u in updates])
            )
        )
    ).all()
    superseded_by = {str(corrected): correction for corrected, correction in rows}
    return [StatusUpdateRead.of(update, superseded_by.get(update.id)) for update in updates]


async def get_status_update(*, session: AsyncSession, update_id: str) -> StatusUpdate:
    update = await session.get(StatusUpdate, update_id)
    if update is None:
        raise NotFound(f"No status update with id '{update_id}'.")
    return update
