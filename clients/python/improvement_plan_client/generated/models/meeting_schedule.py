from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.meeting_read import MeetingRead


T = TypeVar("T", bound="MeetingSchedule")


@_attrs_define
class MeetingSchedule:
    """The meetings a schedule created, and the days it left alone.

    Attributes:
        items (list[MeetingRead]): The meetings created, in date order.
        skipped_dates (list[datetime.date]): Days the board already had a meeting about the plan; nothing was created or
            changed for them.
    """

    items: list[MeetingRead]
    skipped_dates: list[datetime.date]
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "skipped_dates": skipped_dates,
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

        meeting_schedule = cls(
            items=items,
            skipped_dates=skipped_dates,
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
