from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Period")


@_attrs_define
class Period:
    """The quarter a report covers.

    Attributes:
        label (str): The quarter.
        start (datetime.date): Its first day.
        end (datetime.date): Its last day.
        closed (bool): True once the quarter has ended.
        previous (str): The quarter before.
        next_ (str): The quarter after.
    """

    label: str
    start: datetime.date
    end: datetime.date
    closed: bool
    previous: str
    next_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        start = self.start.isoformat()

        end = self.end.isoformat()

        closed = self.closed

        previous = self.previous

        next_ = self.next_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "start": start,
                "end": end,
                "closed": closed,
                "previous": previous,
                "next": next_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        label = d.pop("label")

        start = datetime.date.fromisoformat(d.pop("start"))

        end = datetime.date.fromisoformat(d.pop("end"))

        closed = d.pop("closed")

        previous = d.pop("previous")

        next_ = d.pop("next")

        period = cls(
            label=label,
            start=start,
            end=end,
            closed=closed,
            previous=previous,
            next_=next_,
        )

        period.additional_properties = d
        return period

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
