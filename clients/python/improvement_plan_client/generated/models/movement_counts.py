from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MovementCounts")


@_attrs_define
class MovementCounts:
    """How ratings moved from the previous quarter's end to this one's.

    Attributes:
        improved (int): Rating went up.
        declined (int): Rating went down (a withdrawn rating is not counted here).
        unchanged (int): Same rating (still not rated is not counted).
        newly_rated (int): Not rated before, rated now.
        no_longer_rated (int): Rated before, not rated now: a rating withdrawn.
    """

    improved: int
    declined: int
    unchanged: int
    newly_rated: int
    no_longer_rated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        improved = self.improved

        declined = self.declined

        unchanged = self.unchanged

        newly_rated = self.newly_rated

        no_longer_rated = self.no_longer_rated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "improved": improved,
                "declined": declined,
                "unchanged": unchanged,
                "newly_rated": newly_rated,
                "no_longer_rated": no_longer_rated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        improved = d.pop("improved")

        declined = d.pop("declined")

        unchanged = d.pop("unchanged")

        newly_rated = d.pop("newly_rated")

        no_longer_rated = d.pop("no_longer_rated")

        movement_counts = cls(
            improved=improved,
            declined=declined,
            unchanged=unchanged,
            newly_rated=newly_rated,
            no_longer_rated=no_longer_rated,
        )

        movement_counts.additional_properties = d
        return movement_counts

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
