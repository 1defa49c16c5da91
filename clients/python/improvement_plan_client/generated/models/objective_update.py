from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveUpdate")


@_attrs_define
class ObjectiveUpdate:
    """Changes to an objective: only the fields sent change. It cannot move to another outcome.

    Attributes:
        statement (str | Unset): New statement.
        ref (str | Unset): New reference.
    """

    statement: str | Unset = UNSET
    ref: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if statement is not UNSET:
            field_dict["statement"] = statement
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement = d.pop("statement", UNSET)

        ref = d.pop("ref", UNSET)

        objective_update = cls(
            statement=statement,
            ref=ref,
        )

        return objective_update
