"""Load a meeting from the path, or answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path

from app.core.deps import SessionDep
from app.meetings.service import get_meeting
from app.models import Meeting


async def meeting_from_path(
    session: SessionDep,
    meeting_id: Annotated[str, Path(max_length=40, description="The meeting's id.")],
) -> Meeting:
    return await get_meeting(session=session, meeting_id=meeting_id)


MeetingDep = Annotated[Meeting, Depends(meeting_from_path)]
