from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.preview_action import PreviewAction
    from ..models.preview_outcome import PreviewOutcome


T = TypeVar("T", bound="PreviewArea")


@_attrs_define
class PreviewArea:
    """
    Attributes:
        ref (str):
        title (str):
        aim (None | str):
        success_criteria (list[str]): The statements of the success criteria it would hold.
        outcomes (list[PreviewOutcome]):
        actions (list[PreviewAction]):
    """

    ref: str
    title: str
    aim: None | str
    success_criteria: list[str]
    outcomes: list[PreviewOutcome]
    actions: list[PreviewAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        aim: None | str
        aim = self.aim

        success_criteria = self.success_criteria

        outcomes = []
        for outcomes_item_data in self.outcomes:
            outcomes_item = outcomes_item_data.to_dict()
            outcomes.append(outcomes_item)

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "aim": aim,
                "success_criteria": success_criteria,
                "outcomes": outcomes,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.preview_action import PreviewAction
        from ..models.preview_outcome import PreviewOutcome

        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_aim(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        aim = _parse_aim(d.pop("aim"))

        success_criteria = cast(list[str], d.pop("success_criteria"))

        outcomes = []
        _outcomes = d.pop("outcomes")
        for outcomes_item_data in _outcomes:
            outcomes_item = PreviewOutcome.from_dict(outcomes_item_data)

            outcomes.append(outcomes_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = PreviewAction.from_dict(actions_item_data)

            actions.append(actions_item)

        preview_area = cls(
            ref=ref,
            title=title,
            aim=aim,
            success_criteria=success_criteria,
            outcomes=outcomes,
            actions=actions,
        )

        preview_area.additional_properties = d
        return preview_area

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
