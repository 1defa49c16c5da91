from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rating_counts import RatingCounts


T = TypeVar("T", bound="QuarterRatings")


@_attrs_define
class QuarterRatings:
    """The plan's live actions by rating at one quarter's end: a point of the trend.

    Attributes:
        label (str): The quarter.
        end (datetime.date): Its last day, when the ratings were read.
        actions (int): Live actions then.
        by_rating (RatingCounts): Actions counted by rating.
    """

    label: str
    end: datetime.date
    actions: int
    by_rating: RatingCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        end = self.end.isoformat()

        actions = self.actions

        by_rating = self.by_rating.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "end": end,
                "actions": actions,
                "by_rating": by_rating,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rating_counts import RatingCounts

        d = dict(src_dict)
        label = d.pop("label")

        end = datetime.date.fromisoformat(d.pop("end"))

        actions = d.pop("actions")

        by_rating = RatingCounts.from_dict(d.pop("by_rating"))

        quarter_ratings = cls(
            label=label,
            end=end,
            actions=actions,
            by_rating=by_rating,
        )

        quarter_ratings.additional_properties = d
        return quarter_ratings

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
