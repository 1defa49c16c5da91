"""An action's state: its rating, status and dates now, or as they stood at the end of a day.

Now is what the action row holds (kept current by each status update). As of a past day it
is computed from the recorded history: the latest update (not corrected) effective on or
before that day, and the last due-date revision made before that day ended.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from sqlmodel import col

from app.models import Action, DeliveryStatus, DueDateRevision, Rag, StatusUpdate
from app.models.base import StrEnumType

STATE_FIELDS = ("rag", "status", "due_date", "last_update_date", "completed_date")
CLOSED_STATUSES = (DeliveryStatus.complete.value, DeliveryStatus.cancelled.value)


def end_of_day(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(), UTC)


def state_columns(as_of: date | None) -> dict[str, sa.ColumnElement[Any]]:
    """SQL for each state field, correlated to `Action`."""
    if as_of is None:
        return {name: getattr(Action, name).expression for name in STATE_FIELDS}

    def latest(field: str) -> Any:
        return _deciding(as_of, field).correlate(Action).scalar_subquery()

    before_end = _revised_before(as_of)
    revised_to = _last_revision(as_of, "to_date").correlate(Action).scalar_subquery()
    status = sa.func.coalesce(latest("status"), DeliveryStatus.not_started.value)
    last_update = latest("effective_date")
    return {
        "rag": sa.type_coerce(latest("rag"), StrEnumType(Rag, 8)),
        "status": sa.type_coerce(status, StrEnumType(DeliveryStatus)),
        "due_date": sa.type_coerce(
            sa.case(
                (sa.exists().where(before_end).correlate(Action), revised_to),
                else_=col(Action.original_due_date),
            ),
            sa.Date,
        ),
        "last_update_date": sa.type_coerce(last_update, sa.Date),
        "completed_date": sa.type_coerce(
            sa.case(
                (status == DeliveryStatus.complete.value, last_update),
                else_=sa.null(),
            ),
            sa.Date,
        ),
    }


def has_lateral(session: AsyncSession) -> bool:
    """Whether the session's database runs LATERAL subqueries (PostgreSQL; SQLite not)."""
    return session.get_bind().dialect.name == "postgresql"


def live_at(as_of: date | None) -> sa.ColumnElement[bool]:
    """Live now, or (as of a day) not yet archived when that day ended."""
    if as_of is None:
        return col(Action.archived_at).is_(None)
    return live_until(end_of_day(as_of))


def live_until(end: datetime | sa.ColumnElement[Any]) -> sa.ColumnElement[bool]:
    """Not yet archived at `end` (a day's `end_of_day`, or a column of them)."""
    return sa.or_(col(Action.archived_at).is_(None), col(Action.archived_at) >= end)


def overdue_clause(state: dict[str, sa.ColumnElement[Any]], today: date) -> sa.ColumnElement[bool]:
    return sa.and_(
        state["due_date"].is_not(None),
        state["due_date"] < today,
        state["status"].not_in(CLOSED_STATUSES),
    )


def is_overdue(due_date: date | None, status: DeliveryStatus, today: date) -> bool:
    return due_date is not None and due_date < today and status.value not in CLOSED_STATUSES


# Made once: building an alias's columns anew costs more than the rest of a query.
_UPDATE = aliased(StatusUpdate)
_CORRECTION = aliased(StatusUpdate)
_REVISION = aliased(DueDateRevision)


def _deciding(as_of: date | None, *fields: str) -> sa.Select[Any]:
    """These fields of an action's deciding update: the latest effective (by the end of
    `as_of`, when given) that no correction replaced. Correlate it to `Action`; it is
    answered by one backward probe of the (action, effective date, entry) index."""
    conditions = [
        col(_UPDATE.action_id) == col(Action.id),
        ~sa.exists().where(col(_CORRECTION.corrects_update_id) == col(_UPDATE.id)),
    ]
    if as_of is not None:
        conditions.append(col(_UPDATE.effective_date) <= as_of)
    return (
        sa.select(*(col(getattr(_UPDATE, field)) for field in fields))
        .where(*conditions)
        .order_by(
            col(_UPDATE.effective_date).desc(),
            col(_UPDATE.created_at).desc(),
            col(_UPDATE.id).desc(),
        )
        .limit(1)
    )


def deciding_update(
    as_of: date | None, build: Callable[[Any], sa.ColumnElement[Any]]
) -> sa.ScalarSelect[Any]:
    """`build(update)` of an action's deciding update (see `_deciding`), where `update` is
    the `StatusUpdate` alias the probe reads: a scalar subquery correlated to `Action`
    that finds the update and reads it in one probe."""
    return _deciding(as_of).with_only_columns(build(_UPDATE)).correlate(Action).scalar_subquery()


def deciding_spans(
    where: Callable[[Any], Sequence[sa.ColumnElement[bool]]],
) -> sa.Subquery:
    """The updates `where(update)` selects that no correction replaced, where `update` is
    the `StatusUpdate` alias read; each with `until`, the effective date of the next one of
    its action in the deciding order (null for the last).

    The rule of `_deciding`, for many days at once: an update is its action's deciding
    update at the end of every day from its effective date up to (not including) `until`,
    and an action with no update on or before a day has none then. Counting many days so
    reads each update once, where a probe per action and day reads it again for each day."""
    order = (col(_UPDATE.effective_date), col(_UPDATE.created_at), col(_UPDATE.id))
    return (
        sa.select(
            col(_UPDATE.action_id),
            col(_UPDATE.rag),
            col(_UPDATE.effective_date),
            sa.func.lead(col(_UPDATE.effective_date))
            .over(partition_by=col(_UPDATE.action_id), order_by=order)
            .label("until"),
        )
        .where(
            ~sa.exists().where(col(_CORRECTION.corrects_update_id) == col(_UPDATE.id)),
            *where(_UPDATE),
        )
        .subquery("spans")
    )


def _revised_before(as_of: date) -> sa.ColumnElement[bool]:
    return sa.and_(
        col(_REVISION.action_id) == col(Action.id), col(_REVISION.changed_at) < end_of_day(as_of)
    )


def _last_revision(as_of: date, *fields: str) -> sa.Select[Any]:
    """These fields of an action's last due-date revision made before `as_of` ended."""
    return (
        sa.select(*(col(getattr(_REVISION, field)) for field in fields))
        .where(_revised_before(as_of))
        .order_by(col(_REVISION.changed_at).desc(), col(_REVISION.id).desc())
        .limit(1)
    )


def deciding_update_id(as_of: date | None = None) -> Any:
    """The id of an action's deciding update (see `_deciding`), a scalar subquery
    correlated to `Action`."""
    return _deciding(as_of, "id").correlate(Action).scalar_subquery()


def state_at(
    as_of: date,
    *conditions: sa.ColumnElement[bool],
    columns: Sequence[Any] | None = None,
    previous: date | None = None,
    lateral: bool = False,
) -> sa.Select[Any]:
    """Actions matching `conditions`, each with its state at the end of `as_of`.

    Rows (plain rows, not ORM objects: a report reads hundreds) carry the action's columns
    (all of them, or those given, which must include `original_due_date` for `state_of`)
    and `state_*` columns; pass them to `state_of`. Each action finds its deciding update
    and its last revision by one backward index probe (not one probe per field). With
    `previous` (an earlier day), each row also has the rating its action had at the end of
    that day, `state_previous_rag`, found by one more probe.

    `lateral` (PostgreSQL) makes each probe a LATERAL subquery that returns the fields it
    found. Without it (SQLite has no LATERAL), each probe returns an id and the rows are
    joined by it, three more index lookups per action.
    """
    if lateral:
        return _state_at_lateral(as_of, conditions, columns, previous)
    latest_update = deciding_update_id(as_of)
    latest_revision = _last_revision(as_of, "id").correlate(Action).scalar_subquery()
    probes = [
        col(Action.id).label("action_id"),
        latest_update.label("update_id"),
        # Most actions were never revised; their count says so without a probe.
        sa.case((col(Action.due_date_revision_count) > 0, latest_revision)).label("revision_id"),
    ]
    if previous is not None:
        probes.append(deciding_update_id(previous).label("previous_update_id"))
    picked = (
        sa.select(*probes)
        .where(*conditions)
        .cte("picked")
        # Kept apart so each probe runs once per action, not again inside the joins.
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    chosen = aliased(StatusUpdate, name="deciding_update")
    revised = aliased(DueDateRevision, name="last_revision")
    statement = (
        sa.select(
            *(Action.__table__.c if columns is None else columns),  # type: ignore[attr-defined]
            col(chosen.rag).label("state_rag"),
            col(chosen.status).label("state_status"),
            col(chosen.effective_date).label("state_effective_date"),
            col(revised.to_date).label("state_revised_to"),
            col(revised.id).is_not(None).label("state_revised"),
        )
        .join(picked, picked.c.action_id == col(Action.id))
        .outerjoin(chosen, col(chosen.id) == picked.c.update_id)
        .outerjoin(revised, col(revised.id) == picked.c.revision_id)
    )
    if previous is not None:
        earlier = aliased(StatusUpdate, name="previous_update")
        statement = statement.add_columns(col(earlier.rag).label("state_previous_rag")).outerjoin(
            earlier, col(earlier.id) == picked.c.previous_update_id
        )
    return statement


def _state_at_lateral(
    as_of: date,
    conditions: Sequence[sa.ColumnElement[bool]],
    columns: Sequence[Any] | None,
    previous: date | None,
) -> sa.Select[Any]:
    deciding = _deciding(as_of, "rag", "status", "effective_date").lateral("deciding_update")
    revised = (
        _last_revision(as_of, "id", "to_date")
        # Most actions were never revised; their count says so without a probe.
        .where(col(Action.due_date_revision_count) > 0)
        .lateral("last_revision")
    )
    statement = (
        sa.select(
            *(Action.__table__.c if columns is None else columns),  # type: ignore[attr-defined]
            deciding.c.rag.label("state_rag"),
            deciding.c.status.label("state_status"),
            deciding.c.effective_date.label("state_effective_date"),
            revised.c.to_date.label("state_revised_to"),
            revised.c.id.is_not(None).label("state_revised"),
        )
        .select_from(Action)
        .outerjoin(deciding, sa.true())
        .outerjoin(revised, sa.true())
        .where(*conditions)
    )
    if previous is not None:
        earlier = _deciding(previous, "rag").lateral("previous_update")
        statement = statement.add_columns(earlier.c.rag.label("state_previous_rag")).outerjoin(
            earlier, sa.true()
        )
    return statement


def state_of(row: sa.Row[Any]) -> dict[str, Any]:
    """The state fields of one `state_at` row (no update yet: not started, not rated)."""
    status = DeliveryStatus(row.state_status or DeliveryStatus.not_started)
    effective = row.state_effective_date
    return {
        "rag": Rag(row.state_rag) if row.state_rag is not None else None,
        "status": status,
        "due_date": row.state_revised_to if row.state_revised else row.original_due_date,
        "last_update_date": effective,
        "completed_date": effective if status == DeliveryStatus.complete else None,
    }
