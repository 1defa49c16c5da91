from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_action import PreviewAction
    from ..models.preview_objective import PreviewObjective


T = TypeVar("T", bound="PreviewOutcome")


@_attrs_define
class PreviewOutcome:
    """
    Attributes:
        ref (str):
        number (None | str):
        statement (str):
        success_criteria (list[str]): The statements of the success criteria it would hold.
        objectives (list[PreviewObjective]):
        actions (list[PreviewAction]):
    """

    ref: str
    number: None | str
    statement: str
    success_criteria: list[str]
    objectives: list[PreviewObjective]
    actions: list[PreviewAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        number: None | str
        number = self.number

        statement = self.statement

        success_criteria = self.success_criteria

        objectives = []
        for objectives_item_data in self.objectives:
            objectives_item = objectives_item_data.to_dict()
            objectives.append(objectives_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "number": number,
                "statement": statement,
                "success_criteria": success_criteria,
                "objectives": objectives,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_action import PreviewAction
        from ..models.preview_objective import PreviewObjective

        d = dict(src_dict)
        ref = d.pop("ref")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        statement = d.pop("statement")

        success_criteria = cast(list[str], d.pop("success_criteria"))

        objectives = []
        _objectives = d.pop("objectives")
        for objectives_item_data in _objectives:
            objectives_item = PreviewObjective.from_dict(objectives_item_data)

            objectives.append(objectives_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = PreviewAction.from_dict(actions_item_data)

            actions.append(actions_item)

        preview_outcome = cls(
            ref=ref,
            number=number,
            statement=statement,
            success_criteria=success_criteria,
            objectives=objectives,
            actions=actions,
        )

        preview_outcome.additional_properties = d
        return preview_outcome

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
