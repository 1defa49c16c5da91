from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.rating_counts import RatingCounts
    from ..models.status_counts import StatusCounts


T = TypeVar("T", bound="SummaryGroup")


@_attrs_define
class SummaryGroup:
    """The counts for one area, officer or inspection action.

    Attributes:
        actions (int): How many actions.
        by_rating (RatingCounts): Actions counted by rating.
        by_status (StatusCounts): Actions counted by delivery status.
        key (None | str): The group's id; null for actions with no officer.
        label (str): The group's name, as reports print it.
    """

    actions: int
    by_rating: RatingCounts
    by_status: StatusCounts
    key: None | str
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actions = self.actions

        by_rating = self.by_rating.to_dict()

        by_status = self.by_status.to_dict()

        key: None | str
        key = self.key

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actions": actions,
                "by_rating": by_rating,
                "by_status": by_status,
                "key": key,
                "label": label,
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

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        label = d.pop("label")

        summary_group = cls(
            actions=actions,
            by_rating=by_rating,
            by_status=by_status,
            key=key,
            label=label,
        )

        summary_group.additional_properties = d
        return summary_group

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
