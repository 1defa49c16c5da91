from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.snapshot_content import SnapshotContent
    from ..models.snapshot_movement import SnapshotMovement


T = TypeVar("T", bound="MeetingSnapshotRead")


@_attrs_define
class MeetingSnapshotRead:
    """The frozen state of the plan for a meeting, and how ratings moved since the last one.

    `content` never changes once taken; `movement` is worked out when read, from the
    snapshot of the same board's latest earlier meeting about the plan that has one.

        Attributes:
            id (str): Opaque identifier.
            meeting_id (str): The meeting it was taken for.
            plan_id (str): The plan it describes.
            as_of (datetime.date): The day it describes (end of day): the meeting's date.
            taken_at (datetime.datetime): When it was taken (RFC 3339, UTC).
            taken_by (str): The name of the API key that took it.
            content (SnapshotContent): The plan as it stood at the end of the meeting's date, as the board papers show it.
            previous_meeting_id (None | str): The meeting whose snapshot `movement` compares with; null when the board has
                no earlier meeting about the plan with a snapshot.
            previous_snapshot_id (None | str): That meeting's snapshot.
            movement (SnapshotMovement): Rating movement since the previous meeting's snapshot; empty when there is none.
    """

    id: str
    meeting_id: str
    plan_id: str
    as_of: datetime.date
    taken_at: datetime.datetime
    taken_by: str
    content: SnapshotContent
    previous_meeting_id: None | str
    previous_snapshot_id: None | str
    movement: SnapshotMovement
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        meeting_id = self.meeting_id

        plan_id = self.plan_id

        as_of = self.as_of.isoformat()

        taken_at = self.taken_at.isoformat()

        taken_by = self.taken_by

        content = self.content.to_dict()

        previous_meeting_id: None | str
        previous_meeting_id = self.previous_meeting_id

        previous_snapshot_id: None | str
        previous_snapshot_id = self.previous_snapshot_id

        movement = self.movement.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_id": meeting_id,
                "plan_id": plan_id,
                "as_of": as_of,
                "taken_at": taken_at,
                "taken_by": taken_by,
                "content": content,
                "previous_meeting_id": previous_meeting_id,
                "previous_snapshot_id": previous_snapshot_id,
                "movement": movement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.snapshot_content import SnapshotContent
        from ..models.snapshot_movement import SnapshotMovement

        d = dict(src_dict)
        id = d.pop("id")

        meeting_id = d.pop("meeting_id")

        plan_id = d.pop("plan_id")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        taken_at = datetime.datetime.fromisoformat(d.pop("taken_at"))

        taken_by = d.pop("taken_by")

        content = SnapshotContent.from_dict(d.pop("content"))

        def _parse_previous_meeting_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_meeting_id = _parse_previous_meeting_id(d.pop("previous_meeting_id"))

        def _parse_previous_snapshot_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        previous_snapshot_id = _parse_previous_snapshot_id(
            d.pop("previous_snapshot_id")
        )

        movement = SnapshotMovement.from_dict(d.pop("movement"))

        meeting_snapshot_read = cls(
            id=id,
            meeting_id=meeting_id,
            plan_id=plan_id,
            as_of=as_of,
            taken_at=taken_at,
            taken_by=taken_by,
            content=content,
            previous_meeting_id=previous_meeting_id,
            previous_snapshot_id=previous_snapshot_id,
            movement=movement,
        )

        meeting_snapshot_read.additional_properties = d
        return meeting_snapshot_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
