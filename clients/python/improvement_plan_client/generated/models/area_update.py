from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AreaUpdate")


@_attrs_define
class AreaUpdate:
    """Changes to an area: only the fields sent change.

    Attributes:
        number (int | Unset): New number.
        title (str | Unset): New title.
        aim (None | str | Unset): New aim; null clears it.
        ref (str | Unset): New reference.
        reading_notes (list[str] | Unset): New reading notes, replacing the old.
        needs_review (bool | Unset): False confirms the reading (the change is audited); true asks for review.
    """

    number: int | Unset = UNSET
    title: str | Unset = UNSET
    aim: None | str | Unset = UNSET
    ref: str | Unset = UNSET
    reading_notes: list[str] | Unset = UNSET
    needs_review: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        title = self.title

        aim: None | str | Unset
        if isinstance(self.aim, Unset):
            aim = UNSET
        else:
            aim = self.aim

        ref = self.ref

        reading_notes: list[str] | Unset = UNSET
        if not isinstance(self.reading_notes, Unset):
            reading_notes = self.reading_notes

        needs_review = self.needs_review

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if title is not UNSET:
            field_dict["title"] = title
        if aim is not UNSET:
            field_dict["aim"] = aim
        if ref is not UNSET:
            field_dict["ref"] = ref
        if reading_notes is not UNSET:
            field_dict["reading_notes"] = reading_notes
        if needs_review is not UNSET:
            field_dict["needs_review"] = needs_review

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number", UNSET)

        title = d.pop("title", UNSET)

        def _parse_aim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aim = _parse_aim(d.pop("aim", UNSET))

        ref = d.pop("ref", UNSET)

        reading_notes = cast(list[str], d.pop("reading_notes", UNSET))

        needs_review = d.pop("needs_review", UNSET)

        area_update = cls(
            number=number,
            title=title,
            aim=aim,
            ref=ref,
            reading_notes=reading_notes,
            needs_review=needs_review,
        )

        return area_update
