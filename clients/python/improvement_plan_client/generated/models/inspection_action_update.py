from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="InspectionActionUpdate")


@_attrs_define
class InspectionActionUpdate:
    """Changes to an inspection action: only the fields sent change. It stays in its plan.

    Attributes:
        source (str | Unset): New source.
        number (int | Unset): New number.
        text (str | Unset): New text.
    """

    source: str | Unset = UNSET
    number: int | Unset = UNSET
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        number = self.number

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if source is not UNSET:
            field_dict["source"] = source
        if number is not UNSET:
            field_dict["number"] = number
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source = d.pop("source", UNSET)

        number = d.pop("number", UNSET)

        text = d.pop("text", UNSET)

        inspection_action_update = cls(
            source=source,
            number=number,
            text=text,
        )

        return inspection_action_update
