from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReasonCounts")


@_attrs_define
class ReasonCounts:
    """How many exceptions give each reason.

    Attributes:
        red (int): Rated red.
        overdue (int): Past their due date and open.
        slipped (int): Due later than first planned.
        stale (int): Open with no recent update.
        amber_two_quarters (int): Amber at two quarter ends running.
        no_update_in_quarter (int): Open with no update in the quarter.
    """

    red: int
    overdue: int
    slipped: int
    stale: int
    amber_two_quarters: int
    no_update_in_quarter: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        red = self.red

        overdue = self.overdue

        slipped = self.slipped

        stale = self.stale

        amber_two_quarters = self.amber_two_quarters

        no_update_in_quarter = self.no_update_in_quarter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "red": red,
                "overdue": overdue,
                "slipped": slipped,
                "stale": stale,
                "amber_two_quarters": amber_two_quarters,
                "no_update_in_quarter": no_update_in_quarter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        red = d.pop("red")

        overdue = d.pop("overdue")

        slipped = d.pop("slipped")

        stale = d.pop("stale")

        amber_two_quarters = d.pop("amber_two_quarters")

        no_update_in_quarter = d.pop("no_update_in_quarter")

        reason_counts = cls(
            red=red,
            overdue=overdue,
            slipped=slipped,
            stale=stale,
            amber_two_quarters=amber_two_quarters,
            no_update_in_quarter=no_update_in_quarter,
        )

        reason_counts.additional_properties = d
        return reason_counts

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
