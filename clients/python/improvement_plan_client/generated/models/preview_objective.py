from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_action import PreviewAction


T = TypeVar("T", bound="PreviewObjective")


@_attrs_define
class PreviewObjective:
    """
    Attributes:
        ref (str):
        statement (str):
        success_criteria (list[str]): The statements of the success criteria it would hold.
        actions (list[PreviewAction]):
    """

    ref: str
    statement: str
    success_criteria: list[str]
    actions: list[PreviewAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        statement = self.statement

        success_criteria = self.success_criteria

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "statement": statement,
                "success_criteria": success_criteria,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_action import PreviewAction

        d = dict(src_dict)
        ref = d.pop("ref")

        statement = d.pop("statement")

        success_criteria = cast(list[str], d.pop("success_criteria"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = PreviewAction.from_dict(actions_item_data)

            actions.append(actions_item)

        preview_objective = cls(
            ref=ref,
            statement=statement,
            success_criteria=success_criteria,
            actions=actions,
        )

        preview_objective.additional_properties = d
        return preview_objective

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
