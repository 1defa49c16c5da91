from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.meeting_frequency import MeetingFrequency
from ..models.meeting_schedule_from_plan_item import MeetingScheduleFromPlanItem
from ..models.meeting_schedule_service_defaults_item import (
    MeetingScheduleServiceDefaultsItem,
)

if TYPE_CHECKING:
    from ..models.meeting_read import MeetingRead


T = TypeVar("T", bound="MeetingSchedule")


@_attrs_define
class MeetingSchedule:
    """The meetings a schedule created, the days it left alone, and the cadence it used.

    Attributes:
        items (list[MeetingRead]): The meetings created, in date order.
        skipped_dates (list[datetime.date]): Days the board already had a meeting about the plan; nothing was created or
            changed for them.
        board (str): The board the meetings are of.
        frequency (MeetingFrequency): How often a board meets: a plan's meeting schedule, and meetings scheduled from
            it.
        partners_every (int | None): Partners attend every this many meetings; null when no meeting is marked.
        from_plan (list[MeetingScheduleFromPlanItem]): The fields the body left out that were taken from the plan's
            meeting schedule.
        service_defaults (list[MeetingScheduleServiceDefaultsItem]): The fields the body left out that the plan does not
            state either, so the service's defaults were used.
    """

    items: list[MeetingRead]
    skipped_dates: list[datetime.date]
    board: str
    frequency: MeetingFrequency
    partners_every: int | None
    from_plan: list[MeetingScheduleFromPlanItem]
    service_defaults: list[MeetingScheduleServiceDefaultsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        skipped_dates = []
        for skipped_dates_item_data in self.skipped_dates:
            skipped_dates_item = skipped_dates_item_data.isoformat()
            skipped_dates.append(skipped_dates_item)

        board = self.board

        frequency = self.frequency.value

        partners_every: int | None
        partners_every = self.partners_every

        from_plan = []
        for from_plan_item_data in self.from_plan:
            from_plan_item = from_plan_item_data.value
            from_plan.append(from_plan_item)

        service_defaults = []
        for service_defaults_item_data in self.service_defaults:
            service_defaults_item = service_defaults_item_data.value
            service_defaults.append(service_defaults_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "skipped_dates": skipped_dates,
                "board": board,
                "frequency": frequency,
                "partners_every": partners_every,
                "from_plan": from_plan,
                "service_defaults": service_defaults,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.meeting_read import MeetingRead

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MeetingRead.from_dict(items_item_data)

            items.append(items_item)

        skipped_dates = []
        _skipped_dates = d.pop("skipped_dates")
        for skipped_dates_item_data in _skipped_dates:
            skipped_dates_item = datetime.date.fromisoformat(skipped_dates_item_data)

            skipped_dates.append(skipped_dates_item)

        board = d.pop("board")

        frequency = MeetingFrequency(d.pop("frequency"))

        def _parse_partners_every(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        partners_every = _parse_partners_every(d.pop("partners_every"))

        from_plan = []
        _from_plan = d.pop("from_plan")
        for from_plan_item_data in _from_plan:
            from_plan_item = MeetingScheduleFromPlanItem(from_plan_item_data)

            from_plan.append(from_plan_item)

        service_defaults = []
        _service_defaults = d.pop("service_defaults")
        for service_defaults_item_data in _service_defaults:
            service_defaults_item = MeetingScheduleServiceDefaultsItem(
                service_defaults_item_data
            )

            service_defaults.append(service_defaults_item)

        meeting_schedule = cls(
            items=items,
            skipped_dates=skipped_dates,
            board=board,
            frequency=frequency,
            partners_every=partners_every,
            from_plan=from_plan,
            service_defaults=service_defaults,
        )

        meeting_schedule.additional_properties = d
        return meeting_schedule

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
