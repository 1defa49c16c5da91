from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.area_count import AreaCount


T = TypeVar("T", bound="QuarterUpdates")


@_attrs_define
class QuarterUpdates:
    """Status updates effective in the quarter (corrected ones left out).

    Attributes:
        total (int): How many.
        by_area (list[AreaCount]): How many per area.
    """

    total: int
    by_area: list[AreaCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        by_area = []
        for by_area_item_data in self.by_area:
            by_area_item = by_area_item_data.to_dict()
            by_area.append(by_area_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "by_area": by_area,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.area_count import AreaCount

        d = dict(src_dict)
        total = d.pop("total")

        by_area = []
        _by_area = d.pop("by_area")
        for by_area_item_data in _by_area:
            by_area_item = AreaCount.from_dict(by_area_item_data)

            by_area.append(by_area_item)

        quarter_updates = cls(
            total=total,
            by_area=by_area,
        )

        quarter_updates.additional_properties = d
        return quarter_updates

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
