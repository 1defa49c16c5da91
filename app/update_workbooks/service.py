"""The officer's update workbook: the rows it is written from, and an upload posted through
the status update batch, its errors named by sheet, row and column."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col
from starlette.concurrency import run_in_threadpool

from app.core.auth.keys import Principal, own_officer
from app.core.errors import (
    FieldError,
    Forbidden,
    PreconditionFailed,
    RulesBroken,
)
from app.core.http.idempotency import Idempotency
from app.core.resources import crud
from app.models import (
    Action,
    ActionLeadOfficer,
    Area,
    Objective,
    Officer,
    Outcome,
    Plan,
    Role,
    StatusUpdate,
    clock,
)
from app.officers.service import record_reads
from app.plan_imports.files import UnreadableFile, UnsupportedFile, check_archive, detect_format
from app.plan_imports.reading import slug
from app.plan_imports.schemas import ImportFormat
from app.status_updates.batch import create_status_updates
from app.status_updates.schemas import StatusUpdateBatch, StatusUpdateBatchResult
from app.status_updates.state import latest_updates
from app.update_workbooks.excel import (
    FIELD_COLUMNS,
    Filled,
    FilledRow,
    NotAWorkbook,
    Row,
    Sheet,
    place,
    read_workbook,
    write_workbook,
)

logger = logging.getLogger("app.update_workbooks")
ITEM_FIELD = re.compile(r"^body\.items\[(\d+)\]\.(\w+)")


async def officer_for(session: AsyncSession, officer_id: str, actor: Principal) -> Officer:
    """The officer a workbook is for, `me` being the caller's own. A contributor may use
    only their own officer's (any caller may list the officers, so a 404 first tells
    nothing new)."""
    resolved = own_officer([officer_id], actor, field="path.officer_id")[0]
    officer = await crud.fetch(session, Officer, resolved, "officer")
    if actor.role == Role.contributor and officer.id != actor.officer_id:
        raise Forbidden("A contributor may use only the update workbook of their own officer.")
    return officer


async def update_counts(session: AsyncSession, action_ids: Sequence[str]) -> dict[str, int]:
    """How many updates each action has had, corrections included: the row's marker. Updates
    are never deleted, so a changed count means an update came after the workbook."""
    if not action_ids:
        return {}
    rows = await session.execute(
        sa.select(col(StatusUpdate.action_id), sa.func.count())
        .where(col(StatusUpdate.action_id).in_(action_ids))
        .group_by(col(StatusUpdate.action_id))
    )
    return {str(action_id): int(count) for action_id, count in rows}


async def _rows(session: AsyncSession, officer_id: str) -> list[Row]:
    """The live actions the officer leads, with their context: three statements."""
    found = (
        await session.execute(
            sa.select(
                Action,
                sa.func.coalesce(col(Plan.seed_key), col(Plan.title)),
                col(Area.ref),
                col(Area.title),
                sa.func.coalesce(col(Objective.statement), col(Outcome.statement)),
            )
            .join(
                ActionLeadOfficer,
                sa.and_(
                    col(ActionLeadOfficer.action_id) == col(Action.id),
                    col(ActionLeadOfficer.officer_id) == officer_id,
                ),
            )
            .join(Plan, col(Plan.id) == col(Action.plan_id))
            .join(Area, col(Area.id) == col(Action.area_id))
            .outerjoin(Outcome, col(Outcome.id) == col(Action.outcome_id))
            .outerjoin(Objective, col(Objective.id) == col(Action.objective_id))
            .where(col(Action.archived_at).is_(None))
            .order_by(
                col(Plan.created_at), col(Area.position), col(Action.position), col(Action.ref)
            )
        )
    ).all()
    ids = [action.id for action, *_ in found]
    latest = await latest_updates(session, ids) if ids else {}
    counts = await update_counts(session, ids)
    rows = []
    for action, plan, area_ref, area_title, objective in found:
        last = latest.get(action.id)
        rows.append(
            Row(
                action_id=action.id,
                marker=counts.get(action.id, 0),
                plan=str(plan)[:60],
                ref=action.ref,
                title=action.title,
                area=f"{area_ref} {area_title}",
                objective=objective,
                due_date=action.due_date,
                rating=action.rag.value if action.rag else None,
                status=action.status.value,
                last_update=action.last_update_date,
                last_narrative=last.narrative if last else None,
                last_next_steps=last.next_steps if last else None,
            )
        )
    return rows


async def workbook_for(
    *, session: AsyncSession, officer: Officer, actor: Principal
) -> tuple[str, bytes]:
    """The officer's workbook and its file name (the plan's key when all rows share one)."""
    rows = await _rows(session, officer.id)
    await record_reads(session=session, officers=[officer], actor=actor)
    plans = {row.plan for row in rows}
    name = slug(officer.name, limit=60)
    if len(plans) == 1:
        name = f"{slug(plans.pop(), limit=60)}-{name}"
    sheet = Sheet(
        officer_id=officer.id, officer_name=officer.name, written=clock.today(), rows=rows
    )
    return f"{name}-updates.xlsx", await run_in_threadpool(write_workbook, sheet)


def _file_error(detail: str, message: str, kind: str) -> RulesBroken:
    return RulesBroken(detail, errors=[FieldError(field="body.file", message=message, type=kind)])


def read_upload(content: bytes) -> Filled:
    """The filled rows of an uploaded workbook, or the 422 saying why not. The request's
    media type is right (a form with a file), so a file of another kind is a 422 too."""
    try:
        if detect_format(content, "upload.xlsx") is not ImportFormat.xlsx:
            raise UnsupportedFile("The file is not an Excel workbook (.xlsx).")
        check_archive(content)
        try:
            return read_workbook(content)
        except NotAWorkbook:
            raise
        except Exception as exc:
            # openpyxl and lxml raise many kinds of error on a damaged part; all mean the
            # file cannot be read.
            logger.info("unreadable update workbook: %r", exc)
            raise UnreadableFile(
                f"The workbook is damaged or not what it says it is ({type(exc).__name__})."
            ) from exc
    except (UnsupportedFile, UnreadableFile, NotAWorkbook) as exc:
        raise _file_error(
            "The file is not an update workbook: download the officer's workbook, fill it "
            "in and upload that.",
            str(exc),
            "unreadable_file",
        ) from exc


async def post_workbook(
    *,
    session: AsyncSession,
    officer: Officer,
    actor: Principal,
    content: bytes,
    idempotency: Idempotency,
    dry_run: bool = False,
) -> StatusUpdateBatchResult:
    """Post the filled rows through the status update batch: all or nothing. A dry run makes
    every check and stores nothing (the batch's own dry run)."""
    filled = await run_in_threadpool(read_upload, content)
    if filled.officer_id != officer.id:
        raise _file_error(
            f"The workbook is for another officer, not {officer.name}.",
            f"written for officer '{filled.officer_id[:40]}'",
            "wrong_officer",
        )
    if not filled.rows:
        raise _file_error(
            "No row of the workbook has a new rating, status or text; nothing was posted.",
            "no filled rows",
            "empty",
        )
    await _check_rows(session, officer, filled.rows)
    batch = _batch(filled.rows)
    try:
        return await create_status_updates(
            session=session, batch=batch, actor=actor, idempotency=idempotency, dry_run=dry_run
        )
    except RulesBroken as exc:
        raise _in_cells(exc, filled.rows) from exc


async def _check_rows(session: AsyncSession, officer: Officer, rows: Sequence[FilledRow]) -> None:
    """Each filled row names an action the officer leads (422) that has had no update since
    the workbook was written (412): two statements."""
    ids = [row.action_id for row in rows if row.action_id]
    led = set(
        await session.scalars(
            sa.select(col(ActionLeadOfficer.action_id)).where(
                col(ActionLeadOfficer.officer_id) == officer.id,
                col(ActionLeadOfficer.action_id).in_(ids),
            )
        )
    )
    errors = [
        FieldError(
            field="file: " + place(row.number, "action_id"),
            message=f"not an action {officer.name} leads" if row.action_id else "no action",
            type="not_led",
        )
        for row in rows
        if row.action_id not in led
    ]
    if errors:
        raise RulesBroken(
            f"{len(errors)} row(s) name no action the officer leads; nothing was posted.",
            errors=errors,
        )
    counts = await update_counts(session, ids)
    stale = [
        FieldError(
            field="file: " + place(row.number, "marker"),
            message=_since(counts.get(str(row.action_id), 0), row.marker),
            type="changed_since_written",
        )
        for row in rows
        if str(counts.get(str(row.action_id), 0)) != row.marker
    ]
    if stale:
        raise PreconditionFailed(
            f"{len(stale)} row(s) are for actions updated since the workbook was written; "
            "nothing was posted. Download a new workbook and fill that in.",
            errors=stale,
        )


def _since(count: int, marker: str | None) -> str:
    if marker is None or not marker.isdigit():
        return "the row's count of updates is missing or changed"
    return f"the action has had {count - int(marker)} update(s) since the workbook was written"


def _batch(rows: Sequence[FilledRow]) -> StatusUpdateBatch:
    """The batch the rows make, checked by the batch's own schema."""
    items: list[dict[str, Any]] = [
        {
            "action_id": row.action_id,
            **{name: value for name, value in row.values.items() if value is not None},
        }
        for row in rows
    ]
    try:
        return StatusUpdateBatch.model_validate({"items": items})
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            location = error["loc"]
            field = "body.file"
            if len(location) >= 3 and isinstance(location[1], int) and location[2] in FIELD_COLUMNS:
                field = "file: " + place(rows[location[1]].number, str(location[2]))
            errors.append(FieldError(field=field, message=error["msg"], type=error["type"]))
        raise RulesBroken(
            f"{len(errors)} cell(s) of the workbook are not valid; nothing was posted.",
            errors=errors,
        ) from None


def _in_cells(broken: RulesBroken, rows: Sequence[FilledRow]) -> RulesBroken:
    """The batch's errors, each `body.items[n].field` named by its sheet, row and column."""
    errors = []
    for error in broken.errors or []:
        match = ITEM_FIELD.match(error.field)
        if match and int(match[1]) < len(rows) and match[2] in FIELD_COLUMNS:
            where = "file: " + place(rows[int(match[1])].number, match[2])
            error = error.model_copy(update={"field": where})
        errors.append(error)
    return RulesBroken(
        f"{len(errors)} cell(s) of the workbook break the rules for an update; nothing was posted.",
        errors=errors,
    )
