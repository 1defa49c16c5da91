from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeetingRead")


@_attrs_define
class MeetingRead:
    """A board meeting.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        plan_id (str): The plan the meeting oversees.
        board (str): The board that meets: "GABB" (the Good and Beyond Board), "CSLT" (the Children's Services
            Leadership Team) or another named board. Compared exactly, case included.
        date (datetime.date): The day of the meeting.
        partners_attending (bool): Whether partner agencies attend (GABB: every second meeting).
        title (None | str): A title for the papers.
        notes (None | str): Notes: agenda items, apologies, decisions.
        snapshot_id (None | str): The snapshot taken for the meeting's papers; null until one is taken.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    plan_id: str
    board: str
    date: datetime.date
    partners_attending: bool
    title: None | str
    notes: None | str
    snapshot_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        plan_id = self.plan_id

        board = self.board

        date = self.date.isoformat()

        partners_attending = self.partners_attending

        title: None | str
        title = self.title

        notes: None | str
        notes = self.notes

        snapshot_id: None | str
        snapshot_id = self.snapshot_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "plan_id": plan_id,
                "board": board,
                "date": date,
                "partners_attending": partners_attending,
                "title": title,
                "notes": notes,
                "snapshot_id": snapshot_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        plan_id = d.pop("plan_id")

        board = d.pop("board")

        date = datetime.date.fromisoformat(d.pop("date"))

        partners_attending = d.pop("partners_attending")

        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_snapshot_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        snapshot_id = _parse_snapshot_id(d.pop("snapshot_id"))

        meeting_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            plan_id=plan_id,
            board=board,
            date=date,
            partners_attending=partners_attending,
            title=title,
            notes=notes,
            snapshot_id=snapshot_id,
        )

        meeting_read.additional_properties = d
        return meeting_read

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
