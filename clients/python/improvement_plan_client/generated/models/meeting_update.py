from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingUpdate")


@_attrs_define
class MeetingUpdate:
    """Changes to a meeting: only the fields sent change. A meeting stays with its plan;
    once its snapshot is taken, its board and date cannot change.

        Attributes:
            board (str | Unset): New board.
            date (datetime.date | Unset): New day of the meeting.
            partners_attending (bool | Unset): Whether partner agencies attend.
            title (None | str | Unset): New title; null clears.
            notes (None | str | Unset): New notes; null clears.
    """

    board: str | Unset = UNSET
    date: datetime.date | Unset = UNSET
    partners_attending: bool | Unset = UNSET
    title: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        board = self.board

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        partners_attending = self.partners_attending

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if board is not UNSET:
            field_dict["board"] = board
        if date is not UNSET:
            field_dict["date"] = date
        if partners_attending is not UNSET:
            field_dict["partners_attending"] = partners_attending
        if title is not UNSET:
            field_dict["title"] = title
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        board = d.pop("board", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

        partners_attending = d.pop("partners_attending", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        meeting_update = cls(
            board=board,
            date=date,
            partners_attending=partners_attending,
            title=title,
            notes=notes,
        )

        return meeting_update
