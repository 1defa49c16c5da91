from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_movement import ActionMovement
    from ..models.movement_counts import MovementCounts


T = TypeVar("T", bound="SnapshotMovement")


@_attrs_define
class SnapshotMovement:
    """Rating movement since the previous meeting's snapshot; empty when there is none.

    Attributes:
        counts (MovementCounts): How ratings moved from the previous quarter's end to this one's.
        actions (list[ActionMovement]): Every action in either snapshot: this snapshot's document order, then actions
            only the previous one has.
    """

    counts: MovementCounts
    actions: list[ActionMovement]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts.to_dict()

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_movement import ActionMovement
        from ..models.movement_counts import MovementCounts

        d = dict(src_dict)
        counts = MovementCounts.from_dict(d.pop("counts"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionMovement.from_dict(actions_item_data)

            actions.append(actions_item)

        snapshot_movement = cls(
            counts=counts,
            actions=actions,
        )

        snapshot_movement.additional_properties = d
        return snapshot_movement

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
