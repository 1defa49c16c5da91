from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AreaCreate")


@_attrs_define
class AreaCreate:
    """A new improvement area (theme).

    Attributes:
        number (int): The area's number in the plan.
        title (str): The area's title.
        aim (None | str | Unset): What the area sets out to achieve.
        ref (None | str | Unset): A short reference, unique in the plan, that reports print and clients filter by.
            Defaults to the number.
    """

    number: int
    title: str
    aim: None | str | Unset = UNSET
    ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        title = self.title

        aim: None | str | Unset
        if isinstance(self.aim, Unset):
            aim = UNSET
        else:
            aim = self.aim

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "title": title,
            }
        )
        if aim is not UNSET:
            field_dict["aim"] = aim
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        title = d.pop("title")

        def _parse_aim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aim = _parse_aim(d.pop("aim", UNSET))

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        area_create = cls(
            number=number,
            title=title,
            aim=aim,
            ref=ref,
        )

        return area_create
