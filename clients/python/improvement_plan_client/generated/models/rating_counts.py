from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RatingCounts")


@_attrs_define
class RatingCounts:
    """Actions counted by rating.

    Attributes:
        red (int): Rated red.
        amber (int): Rated amber.
        green (int): Rated green.
        blue (int): Rated blue (complete).
        not_rated (int): Not rated.
    """

    red: int
    amber: int
    green: int
    blue: int
    not_rated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        red = self.red

        amber = self.amber

        green = self.green

        blue = self.blue

        not_rated = self.not_rated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "red": red,
                "amber": amber,
                "green": green,
                "blue": blue,
                "not_rated": not_rated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        red = d.pop("red")

        amber = d.pop("amber")

        green = d.pop("green")

        blue = d.pop("blue")

        not_rated = d.pop("not_rated")

        rating_counts = cls(
            red=red,
            amber=amber,
            green=green,
            blue=blue,
            not_rated=not_rated,
        )

        rating_counts.additional_properties = d
        return rating_counts

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
