from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exceptions import Exceptions
    from ..models.plan_tree import PlanTree
    from ..models.summary import Summary


T = TypeVar("T", bound="SnapshotContent")


@_attrs_define
class SnapshotContent:
    """The plan as it stood at the end of the meeting's date, as the board papers show it.

    Attributes:
        summary (Summary): Counts by rating and status on a day, grouped.
        exceptions (Exceptions): What the board must see on a day: red, overdue, slipped, or without updates.
        tree (PlanTree): The whole live plan, nested in document order.
    """

    summary: Summary
    exceptions: Exceptions
    tree: PlanTree
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        summary = self.summary.to_dict()

        exceptions = self.exceptions.to_dict()

        tree = self.tree.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "summary": summary,
                "exceptions": exceptions,
                "tree": tree,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.exceptions import Exceptions
        from ..models.plan_tree import PlanTree
        from ..models.summary import Summary

        d = dict(src_dict)
        summary = Summary.from_dict(d.pop("summary"))

        exceptions = Exceptions.from_dict(d.pop("exceptions"))

        tree = PlanTree.from_dict(d.pop("tree"))

        snapshot_content = cls(
            summary=summary,
            exceptions=exceptions,
            tree=tree,
        )

        snapshot_content.additional_properties = d
        return snapshot_content

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
