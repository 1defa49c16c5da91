from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingScheduleCreate")


@_attrs_define
class MeetingScheduleCreate:
    """A run of monthly meetings of one board, such as a year of GABB meetings.

    Attributes:
        plan_id (str): The plan the meetings oversee; it must exist and not be archived.
        first_date (datetime.date): The first meeting's day. Later meetings fall on the same day of each following
            month, or on the month's last day when it is shorter.
        board (str | Unset): The board that meets: "GABB" (the Good and Beyond Board), "CSLT" (the Children's Services
            Leadership Team) or another named board. Compared exactly, case included. Default: 'GABB'.
        months (int | Unset): How many monthly meetings. Default: 12.
        partners_every (int | Unset): Partners attend the first meeting and every n-th one after it: 2 means the 1st,
            3rd, 5th...; 1 means every meeting. Default: 2.
    """

    plan_id: str
    first_date: datetime.date
    board: str | Unset = "GABB"
    months: int | Unset = 12
    partners_every: int | Unset = 2

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        first_date = self.first_date.isoformat()

        board = self.board

        months = self.months

        partners_every = self.partners_every

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plan_id": plan_id,
                "first_date": first_date,
            }
        )
        if board is not UNSET:
            field_dict["board"] = board
        if months is not UNSET:
            field_dict["months"] = months
        if partners_every is not UNSET:
            field_dict["partners_every"] = partners_every

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        first_date = datetime.date.fromisoformat(d.pop("first_date"))

        board = d.pop("board", UNSET)

        months = d.pop("months", UNSET)

        partners_every = d.pop("partners_every", UNSET)

        meeting_schedule_create = cls(
            plan_id=plan_id,
            first_date=first_date,
            board=board,
            months=months,
            partners_every=partners_every,
        )

        return meeting_schedule_create
