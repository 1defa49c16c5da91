from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.area_node import AreaNode
    from ..models.inspection_action_node import InspectionActionNode
    from ..models.plan_read import PlanRead


T = TypeVar("T", bound="PlanTree")


@_attrs_define
class PlanTree:
    """The whole live plan, nested in document order.

    Attributes:
        plan (PlanRead): A plan.
        areas (list[AreaNode]): Its improvement areas, in order.
        inspection_actions (list[InspectionActionNode]): Its inspection recommendations, by number.
    """

    plan: PlanRead
    areas: list[AreaNode]
    inspection_actions: list[InspectionActionNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan.to_dict()

        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)

        inspection_actions = []
        for inspection_actions_item_data in self.inspection_actions:
            inspection_actions_item = inspection_actions_item_data.to_dict()
            inspection_actions.append(inspection_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "areas": areas,
                "inspection_actions": inspection_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.area_node import AreaNode
        from ..models.inspection_action_node import InspectionActionNode
        from ..models.plan_read import PlanRead

        d = dict(src_dict)
        plan = PlanRead.from_dict(d.pop("plan"))

        areas = []
        _areas = d.pop("areas")
        for areas_item_data in _areas:
            areas_item = AreaNode.from_dict(areas_item_data)

            areas.append(areas_item)

        inspection_actions = []
        _inspection_actions = d.pop("inspection_actions")
        for inspection_actions_item_data in _inspection_actions:
            inspection_actions_item = InspectionActionNode.from_dict(
                inspection_actions_item_data
            )

            inspection_actions.append(inspection_actions_item)

        plan_tree = cls(
            plan=plan,
            areas=areas,
            inspection_actions=inspection_actions,
        )

        plan_tree.additional_properties = d
        return plan_tree

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
