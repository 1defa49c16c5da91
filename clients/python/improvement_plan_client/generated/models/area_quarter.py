from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rating_counts import RatingCounts
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="AreaQuarter")


@_attrs_define
class AreaQuarter:
    """One area's counts at the quarter's end and its updates during the quarter.

    Attributes:
        actions (int): How many actions.
        by_rating (RatingCounts): Actions counted by rating.
        by_status (StatusCounts): Actions counted by delivery status.
        area_id (str): The area.
        ref (str): Its ref.
        title (str): Its title.
        updates_in_quarter (int): Status updates effective in the quarter.
    """

    actions: int
    by_rating: RatingCounts
    by_status: StatusCounts
    area_id: str
    ref: str
    title: str
    updates_in_quarter: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = self.actions

        by_rating = self.by_rating.to_dict()

        by_status = self.by_status.to_dict()

        area_id = self.area_id

        ref = self.ref

        title = self.title

        updates_in_quarter = self.updates_in_quarter

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "by_rating": by_rating,
                "by_status": by_status,
                "area_id": area_id,
                "ref": ref,
                "title": title,
                "updates_in_quarter": updates_in_quarter,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rating_counts import RatingCounts
        from ..models.status_counts import StatusCounts

        d = dict(src_dict)
        actions = d.pop("actions")

        by_rating = RatingCounts.from_dict(d.pop("by_rating"))

        by_status = StatusCounts.from_dict(d.pop("by_status"))

        area_id = d.pop("area_id")

        ref = d.pop("ref")

        title = d.pop("title")

        updates_in_quarter = d.pop("updates_in_quarter")

        area_quarter = cls(
            actions=actions,
            by_rating=by_rating,
            by_status=by_status,
            area_id=area_id,
            ref=ref,
            title=title,
            updates_in_quarter=updates_in_quarter,
        )

        area_quarter.additional_properties = d
        return area_quarter

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
