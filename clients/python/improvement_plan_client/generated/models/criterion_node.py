from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CriterionNode")


@_attrs_define
class CriterionNode:
    """A success criterion and the actions it is linked to.

    Attributes:
        id (str): The criterion's id.
        statement (str): What good looks like.
        action_ids (list[str]): The live actions it is linked to.
        reading_notes (list[str]): Why the item reads as it does from its source document: what was split, joined,
            paired, inherited from the row above or given a date. Empty when the source said it plainly.
        needs_review (bool): True while the plan's owner has still to confirm a reading choice described in
            `reading_notes`; an editor confirms by setting it to false.
    """

    id: str
    statement: str
    action_ids: list[str]
    reading_notes: list[str]
    needs_review: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        statement = self.statement

        action_ids = self.action_ids

        reading_notes = self.reading_notes

        needs_review = self.needs_review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "statement": statement,
                "action_ids": action_ids,
                "reading_notes": reading_notes,
                "needs_review": needs_review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        statement = d.pop("statement")

        action_ids = cast(list[str], d.pop("action_ids"))

        reading_notes = cast(list[str], d.pop("reading_notes"))

        needs_review = d.pop("needs_review")

        criterion_node = cls(
            id=id,
            statement=statement,
            action_ids=action_ids,
            reading_notes=reading_notes,
            needs_review=needs_review,
        )

        criterion_node.additional_properties = d
        return criterion_node

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
