"""The reports' shared plan: two areas, four actions, dated updates entered out of order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ActionInspectionAction, ActionLeadOfficer, DueDateRevision, new_id
from tests.factories import (
    make_action,
    make_area,
    make_inspection_action,
    make_officer,
    make_plan,
)


@dataclass
class Board:
    plan_id: str
    refs: dict[str, str]
    area_ids: list[str]
    inspection_ids: list[str]


async def post(http: httpx.AsyncClient, action_id: str, day: str, **body: Any) -> None:
    response = await http.post(
        f"/api/v1/actions/{action_id}/status-updates", json={**body, "effective_date": day}
    )
    assert response.status_code == 201, response.text


def slipped_in_q2(action_id: str, reason: str) -> DueDateRevision:
    """A revision made on 1 August 2023 moving an action's due date from 30 September to
    30 November 2023."""
    return DueDateRevision(
        id=new_id("rev"),
        action_id=action_id,
        from_date=date(2023, 9, 30),
        to_date=date(2023, 11, 30),
        reason=reason,
        changed_at=datetime(2023, 8, 1, 10, 0, tzinfo=UTC),
        actor="editor test key",
    )


@pytest.fixture
async def board(editor: httpx.AsyncClient, session: AsyncSession) -> Board:
    plan = await make_plan(session, title="Improvement Plan")
    area1 = await make_area(session, plan, number=1, title="Our People")
    area2 = await make_area(session, plan, number=2, title="Our Practice")
    a11 = await make_action(session, area1, ref="A1.1", title="Recruit", due_date=date(2023, 8, 31))
    a12 = await make_action(
        session,
        area1,
        ref="A1.2",
        title="Retain",
        due_date=date(2023, 11, 30),
        original_due_date=date(2023, 9, 30),
        due_date_revision_count=1,
    )
    a121 = await make_action(
        session,
        area1,
        ref="A1.2.1",
        title="Exit interviews",
        parent_id=a12.id,
        due_date=date(2023, 9, 15),
    )
    a21 = await make_action(
        session, area2, ref="A2.1", title="Practice standards", timescale="Ongoing"
    )
    jane = await make_officer(session, name="Jane Smith")
    adele = await make_officer(session, name="Adele Moore")
    for action, officer, position in (
        (a11, jane, 1),
        (a12, jane, 1),
        (a12, adele, 2),
        (a121, adele, 1),
    ):
        session.add(
            ActionLeadOfficer(action_id=action.id, officer_id=officer.id, position=position)
        )
    tagged = await make_inspection_action(session, plan, number=1)
    gap = await make_inspection_action(session, plan, number=2)
    session.add(ActionInspectionAction(action_id=a11.id, inspection_action_id=tagged.id))
    session.add(slipped_in_q2(a12.id, "Waiting for the DfE review"))
    await session.commit()
    amber = {"rag": "amber", "status": "in_progress", "narrative": "Slow", "next_steps": "Chase"}
    # Entered out of order: the latest first.
    await post(editor, a11.id, "2023-08-10", **amber)
    await post(
        editor,
        a12.id,
        "2023-07-15",
        rag="red",
        status="in_progress",
        narrative="Recruitment stalled",
        next_steps="Escalate",
    )
    await post(editor, a11.id, "2023-05-15", rag="green", status="in_progress")
    await post(editor, a121.id, "2023-09-10", rag="blue", status="complete")
    await post(editor, a11.id, "2023-06-20", **amber)
    await post(editor, a21.id, "2023-04-30", rag="green", status="in_progress")
    return Board(
        plan_id=plan.id,
        refs={"A1.1": a11.id, "A1.2": a12.id, "A1.2.1": a121.id, "A2.1": a21.id},
        area_ids=[area1.id, area2.id],
        inspection_ids=[tagged.id, gap.id],
    )
