from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReadingChoice")


@_attrs_define
class ReadingChoice:
    """A place where the file could be read more than one way, and how it was read.

    Attributes:
        item (None | str): The plan item concerned, as it will be numbered (`area 2 / outcome 2.4 / action A2.15`), or
            null for the plan as a whole.
        kind (str): A stable code for the kind of choice (`lead_same_as_above`, `sub_items`,
            `criteria_cell_spans_actions`, ...).
        message (str): The choice, in words.
        place (str): Where in the file: `table 1, row 5, cell "Lead Officer"` or `sheet "Actions", row 12, column M
            ("Lead officers")`.
    """

    item: None | str
    kind: str
    message: str
    place: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item: None | str
        item = self.item

        kind = self.kind

        message = self.message

        place = self.place

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "kind": kind,
                "message": message,
                "place": place,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_item(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item = _parse_item(d.pop("item"))

        kind = d.pop("kind")

        message = d.pop("message")

        place = d.pop("place")

        reading_choice = cls(
            item=item,
            kind=kind,
            message=message,
            place=place,
        )

        reading_choice.additional_properties = d
        return reading_choice

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
