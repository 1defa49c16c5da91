from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingCreate")


@_attrs_define
class MeetingCreate:
    """A new board meeting. A board meets at most once a day about a plan.

    Attributes:
        plan_id (str): The plan the meeting oversees; it must exist and not be archived.
        board (str): The board that meets: "GABB" (the Good and Beyond Board), "CSLT" (the Children's Services
            Leadership Team) or another named board. Compared exactly, case included.
        date (datetime.date): The day of the meeting.
        partners_attending (bool | Unset): Whether partner agencies attend (GABB: every second meeting). Default: False.
        title (None | str | Unset): A title for the papers.
        notes (None | str | Unset): Notes: agenda items, apologies, decisions.
    """

    plan_id: str
    board: str
    date: datetime.date
    partners_attending: bool | Unset = False
    title: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        board = self.board

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

        field_dict.update(
            {
                "plan_id": plan_id,
                "board": board,
                "date": date,
            }
        )
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
        plan_id = d.pop("plan_id")

        board = d.pop("board")

        date = datetime.date.fromisoformat(d.pop("date"))

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

        meeting_create = cls(
            plan_id=plan_id,
            board=board,
            date=date,
            partners_attending=partners_attending,
            title=title,
            notes=notes,
        )

        return meeting_create
