from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_node import ActionNode
    from ..models.criterion_node import CriterionNode
    from ..models.objective_node import ObjectiveNode


T = TypeVar("T", bound="OutcomeNode")


@_attrs_define
class OutcomeNode:
    """An outcome with its objectives, criteria, and actions that have no objective.

    Attributes:
        id (str): The outcome's id.
        ref (str): Its ref.
        number (None | str): Its printed number, if the plan gives one.
        statement (str): The outcome.
        reading_notes (list[str]): Why the item reads as it does from its source document: what was split, joined,
            paired, inherited from the row above or given a date. Empty when the source said it plainly.
        needs_review (bool): True while the plan's owner has still to confirm a reading choice described in
            `reading_notes`; an editor confirms by setting it to false.
        success_criteria (list[CriterionNode]): Criteria describing it.
        objectives (list[ObjectiveNode]): Its objectives, in order.
        actions (list[ActionNode]): Actions under it with no objective.
    """

    id: str
    ref: str
    number: None | str
    statement: str
    reading_notes: list[str]
    needs_review: bool
    success_criteria: list[CriterionNode]
    objectives: list[ObjectiveNode]
    actions: list[ActionNode]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ref = self.ref

        number: None | str
        number = self.number

        statement = self.statement

        reading_notes = self.reading_notes

        needs_review = self.needs_review

        success_criteria = []
        for success_criteria_item_data in self.success_criteria:
            success_criteria_item = success_criteria_item_data.to_dict()
            success_criteria.append(success_criteria_item)

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
                "id": id,
                "ref": ref,
                "number": number,
                "statement": statement,
                "reading_notes": reading_notes,
                "needs_review": needs_review,
                "success_criteria": success_criteria,
                "objectives": objectives,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.action_node import ActionNode
        from ..models.criterion_node import CriterionNode
        from ..models.objective_node import ObjectiveNode

        d = dict(src_dict)
        id = d.pop("id")

        ref = d.pop("ref")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        statement = d.pop("statement")

        reading_notes = cast(list[str], d.pop("reading_notes"))

        needs_review = d.pop("needs_review")

        success_criteria = []
        _success_criteria = d.pop("success_criteria")
        for success_criteria_item_data in _success_criteria:
            success_criteria_item = CriterionNode.from_dict(success_criteria_item_data)

            success_criteria.append(success_criteria_item)

        objectives = []
        _objectives = d.pop("objectives")
        for objectives_item_data in _objectives:
            objectives_item = ObjectiveNode.from_dict(objectives_item_data)

            objectives.append(objectives_item)

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionNode.from_dict(actions_item_data)

            actions.append(actions_item)

        outcome_node = cls(
            id=id,
            ref=ref,
            number=number,
            statement=statement,
            reading_notes=reading_notes,
            needs_review=needs_review,
            success_criteria=success_criteria,
            objectives=objectives,
            actions=actions,
        )

        outcome_node.additional_properties = d
        return outcome_node

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
