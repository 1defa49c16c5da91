from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.meeting_frequency import MeetingFrequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingCadence")


@_attrs_define
class MeetingCadence:
    """How often the board overseeing a plan meets, as the plan states it.

    Attributes:
        board (str): The board that oversees the plan.
        frequency (MeetingFrequency): How often a board meets: a plan's meeting schedule, and meetings scheduled from
            it.
        partners_every (int | None | Unset): Partners attend every this many meetings (2: every second meeting); null
            when the plan does not say.
    """

    board: str
    frequency: MeetingFrequency
    partners_every: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        board = self.board

        frequency = self.frequency.value

        partners_every: int | None | Unset
        if isinstance(self.partners_every, Unset):
            partners_every = UNSET
        else:
            partners_every = self.partners_every

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "board": board,
                "frequency": frequency,
            }
        )
        if partners_every is not UNSET:
            field_dict["partners_every"] = partners_every

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        board = d.pop("board")

        frequency = MeetingFrequency(d.pop("frequency"))

        def _parse_partners_every(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        partners_every = _parse_partners_every(d.pop("partners_every", UNSET))

        meeting_cadence = cls(
            board=board,
            frequency=frequency,
            partners_every=partners_every,
        )

        return meeting_cadence
