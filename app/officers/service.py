"""Lead officers: the rules for adding, changing, archiving and restoring them.

Officers' details are personal data, so every read of one officer is audited.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from app.core.auth.keys import Principal
from app.core.errors import Blocker, Duplicate
from app.core.http.listing import ListParams, PageResult, SortField, contains, paginate
from app.core.resources import audit, crud
from app.core.resources.refs import holder
from app.models import Action, ActionLeadOfficer, Officer, new_id
from app.officers.schemas import OfficerCreate, OfficerUpdate

ENTITY = "officer"
SORTABLE = {
    "name": SortField(col(Officer.name), "str"),
    **SortField.timestamps(Officer),
}


async def record_read(*, session: AsyncSession, officer: Officer, actor: Principal) -> None:
    """Audit that the caller read this officer's personal details."""
    await record_reads(session=session, officers=[officer], actor=actor)


async def record_reads(
    *, session: AsyncSession, officers: Sequence[Officer], actor: Principal
) -> None:
    """Audit that the caller read these officers' personal details, in one write."""
    if not officers:
        return
    for officer in officers:
        audit.record(
            session, actor=actor, entity_type=ENTITY, entity_id=officer.id, operation="read"
        )
    await session.commit()


async def list_officers(
    *,
    session: AsyncSession,
    params: ListParams,
    q: str | None = None,
    is_role: bool | None = None,
    organisation: Sequence[str] = (),
    plan_id: Sequence[str] = (),
    include_archived: bool = False,
) -> PageResult[Officer]:
    """One page of officers matching the filters, by name unless sorted otherwise."""
    statement = sa.select(Officer)
    statement = crud.unless_archived(statement, Officer, include_archived)
    if q:
        statement = statement.where(contains(col(Officer.name), q))
    if is_role is not None:
        statement = statement.where(col(Officer.is_role) == is_role)
    if organisation:
        statement = statement.where(col(Officer.organisation).in_(organisation))
    if plan_id:
        leading = (
            sa.select(col(ActionLeadOfficer.officer_id))
            .join(Action, col(Action.id) == col(ActionLeadOfficer.action_id))
            .where(col(Action.plan_id).in_(plan_id), col(Action.archived_at).is_(None))
        )
        statement = statement.where(col(Officer.id).in_(leading))
    return await paginate(session, statement, params, SORTABLE, ["name"])


async def create_officer(
    *, session: AsyncSession, data: OfficerCreate, actor: Principal
) -> Officer:
    officer = Officer(
        id=new_id("off"),
        name=data.name,
        job_title=data.job_title,
        email=data.email,
        is_role=data.is_role,
        organisation=data.organisation,
        sign_in_subject=data.sign_in_subject,
    )
    await _refuse_taken_subject(session, data.sign_in_subject, None)
    return await crud.create(session, officer, actor=actor, entity_type=ENTITY)


async def _refuse_taken_subject(
    session: AsyncSession, subject: str | None, officer_id: str | None
) -> None:
    """A 409 when another officer already signs in with this subject."""
    if subject is None:
        return
    taken = await holder(
        session, Officer, col(Officer.sign_in_subject) == subject, exclude_id=officer_id
    )
    if taken is not None:
        raise Duplicate(
            f"The officer '{taken}' already has this sign-in subject.",
            blocking=[Blocker(type=ENTITY, id=taken)],
        )


async def update_officer(
    *, session: AsyncSession, officer: Officer, data: OfficerUpdate, actor: Principal
) -> Officer:
    changes = data.changes()
    await _refuse_taken_subject(session, changes.get("sign_in_subject"), officer.id)
    return await crud.update(session, officer, changes, actor=actor, entity_type=ENTITY)


async def _led_actions(session: AsyncSession, officer_id: str) -> list[Blocker]:
    """The live actions this officer leads, named for a 409's `blocking` list."""
    rows = (
        await session.execute(
            sa.select(col(Action.id), col(Action.ref))
            .join(ActionLeadOfficer, col(ActionLeadOfficer.action_id) == col(Action.id))
            .where(
                col(ActionLeadOfficer.officer_id) == officer_id,
                col(Action.archived_at).is_(None),
            )
            .order_by(col(Action.ref), col(Action.id))
            .limit(crud.BLOCKER_LIMIT)
        )
    ).all()
    return [Blocker(type="action", id=row[0], ref=row[1]) for row in rows]


async def archive_officer(*, session: AsyncSession, officer: Officer, actor: Principal) -> Officer:
    """Archive an officer who leads no live action."""
    blocking = await _led_actions(session, officer.id)
    return await crud.archive(session, officer, actor=actor, entity_type=ENTITY, blocking=blocking)


async def restore_officer(*, session: AsyncSession, officer: Officer, actor: Principal) -> Officer:
    return await crud.restore(session, officer, actor=actor, entity_type=ENTITY)
