from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.officer_owes import OfficerOwes


T = TypeVar("T", bound="UpdatesOwed")


@_attrs_define
class UpdatesOwed:
    """The open actions with no status update in the plan's current update cycle.

    Attributes:
        plan_id (str):
        cycle_start (datetime.date): The first day of the current cycle.
        cycle_end (datetime.date): The last day of the current cycle.
        officers (list[OfficerOwes]): By lead officer, by name.
    """

    plan_id: str
    cycle_start: datetime.date
    cycle_end: datetime.date
    officers: list[OfficerOwes]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        cycle_start = self.cycle_start.isoformat()

        cycle_end = self.cycle_end.isoformat()

        officers = []
        for officers_item_data in self.officers:
            officers_item = officers_item_data.to_dict()
            officers.append(officers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan_id": plan_id,
                "cycle_start": cycle_start,
                "cycle_end": cycle_end,
                "officers": officers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.officer_owes import OfficerOwes

        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        cycle_start = datetime.date.fromisoformat(d.pop("cycle_start"))

        cycle_end = datetime.date.fromisoformat(d.pop("cycle_end"))

        officers = []
        _officers = d.pop("officers")
        for officers_item_data in _officers:
            officers_item = OfficerOwes.from_dict(officers_item_data)

            officers.append(officers_item)

        updates_owed = cls(
            plan_id=plan_id,
            cycle_start=cycle_start,
            cycle_end=cycle_end,
            officers=officers,
        )

        updates_owed.additional_properties = d
        return updates_owed

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
