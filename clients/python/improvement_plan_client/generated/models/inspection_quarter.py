from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_ref import ActionRef


T = TypeVar("T", bound="InspectionQuarter")


@_attrs_define
class InspectionQuarter:
    """An inspection recommendation and the live actions answering it.

    Attributes:
        inspection_action_id (str): Its id.
        source (str): Who made it.
        number (int): Its number.
        text (str): The recommendation.
        actions (list[ActionRef]): Live actions tagged with it, with ratings.
        no_live_action (bool): True when no live action answers it: a gap.
    """

    inspection_action_id: str
    source: str
    number: int
    text: str
    actions: list[ActionRef]
    no_live_action: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        inspection_action_id = self.inspection_action_id

        source = self.source

        number = self.number

        text = self.text

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        no_live_action = self.no_live_action

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "inspection_action_id": inspection_action_id,
                "source": source,
                "number": number,
                "text": text,
                "actions": actions,
                "no_live_action": no_live_action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_ref import ActionRef

        d = dict(src_dict)
        inspection_action_id = d.pop("inspection_action_id")

        source = d.pop("source")

        number = d.pop("number")

        text = d.pop("text")

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRef.from_dict(actions_item_data)

            actions.append(actions_item)

        no_live_action = d.pop("no_live_action")

        inspection_quarter = cls(
            inspection_action_id=inspection_action_id,
            source=source,
            number=number,
            text=text,
            actions=actions,
            no_live_action=no_live_action,
        )

        inspection_quarter.additional_properties = d
        return inspection_quarter

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
