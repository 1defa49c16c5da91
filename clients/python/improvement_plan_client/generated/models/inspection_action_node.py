from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InspectionActionNode")


@_attrs_define
class InspectionActionNode:
    """An inspection recommendation and the actions that answer it.

    Attributes:
        id (str): Its id.
        source (str): Who made it.
        number (int): Its number.
        text (str): The recommendation.
        action_ids (list[str]): The live actions that answer it.
    """

    id: str
    source: str
    number: int
    text: str
    action_ids: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        source = self.source

        number = self.number

        text = self.text

        action_ids = self.action_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "source": source,
                "number": number,
                "text": text,
                "action_ids": action_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        source = d.pop("source")

        number = d.pop("number")

        text = d.pop("text")

        action_ids = cast(list[str], d.pop("action_ids"))

        inspection_action_node = cls(
            id=id,
            source=source,
            number=number,
            text=text,
            action_ids=action_ids,
        )

        inspection_action_node.additional_properties = d
        return inspection_action_node

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
