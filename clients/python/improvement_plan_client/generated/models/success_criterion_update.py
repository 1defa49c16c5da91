from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SuccessCriterionUpdate")


@_attrs_define
class SuccessCriterionUpdate:
    """Changes to a success criterion: its statement. It cannot move to another parent.

    Attributes:
        statement (str | Unset): New statement.
    """

    statement: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if statement is not UNSET:
            field_dict["statement"] = statement

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement = d.pop("statement", UNSET)

        success_criterion_update = cls(
            statement=statement,
        )

        return success_criterion_update
