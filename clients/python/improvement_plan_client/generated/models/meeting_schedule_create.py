from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.meeting_frequency import MeetingFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingScheduleCreate")


@_attrs_define
class MeetingScheduleCreate:
    """A run of meetings of one board, such as a year of GABB meetings. What the body leaves
    out comes from the plan's `meeting_schedule`, then from the service's defaults.

        Attributes:
            plan_id (str): The plan the meetings oversee; it must exist and not be archived.
            first_date (datetime.date): The first meeting's day. Monthly and quarterly meetings fall on the same day of the
                month (the month's last day when it is shorter); weekly and fortnightly ones on the same day of the week.
            board (None | str | Unset): The board that meets: "GABB" (the Good and Beyond Board), "CSLT" (the Children's
                Services Leadership Team) or another named board. Compared exactly, case included. Left out: the board the
                plan's meeting schedule names, or "GABB" when the plan has no schedule.
            frequency (MeetingFrequency | None | Unset): How often the board meets. Left out: the plan's meeting schedule's,
                or monthly when the plan has no schedule.
            months (int | Unset): How many months the run covers from `first_date`: 12 monthly meetings in a year, 4
                quarterly ones, 52 or 53 weekly ones. Default: 12.
            partners_every (int | None | Unset): Partners attend the first meeting and every n-th one after it: 2 means the
                1st, 3rd, 5th...; 1 means every meeting. Left out: the plan's meeting schedule's (no meeting marked when the
                schedule does not say), or 2 when the plan has none.
    """

    plan_id: str
    first_date: datetime.date
    board: None | str | Unset = UNSET
    frequency: MeetingFrequency | None | Unset = UNSET
    months: int | Unset = 12
    partners_every: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        first_date = self.first_date.isoformat()

        board: None | str | Unset
        if isinstance(self.board, Unset):
            board = UNSET
        else:
            board = self.board

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        elif isinstance(self.frequency, MeetingFrequency):
            frequency = self.frequency.value
        else:
            frequency = self.frequency

        months = self.months

        partners_every: int | None | Unset
        if isinstance(self.partners_every, Unset):
            partners_every = UNSET
        else:
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
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
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

        def _parse_board(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        board = _parse_board(d.pop("board", UNSET))

        def _parse_frequency(data: object) -> MeetingFrequency | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                frequency_type_0 = MeetingFrequency(data)

                return frequency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingFrequency | None | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        months = d.pop("months", UNSET)

        def _parse_partners_every(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partners_every = _parse_partners_every(d.pop("partners_every", UNSET))

        meeting_schedule_create = cls(
            plan_id=plan_id,
            first_date=first_date,
            board=board,
            frequency=frequency,
            months=months,
            partners_every=partners_every,
        )

        return meeting_schedule_create
