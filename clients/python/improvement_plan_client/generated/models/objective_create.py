from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveCreate")


@_attrs_define
class ObjectiveCreate:
    """A new objective under an outcome.

    Attributes:
        statement (str): What the objective is.
        ref (None | str | Unset): A short reference, unique among the plan's objectives, that reports print and clients
            use. Defaults to the first free `<outcome ref>.<n>`.
    """

    statement: str
    ref: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "statement": statement,
            }
        )
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement = d.pop("statement")

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))

        objective_create = cls(
            statement=statement,
            ref=ref,
        )

        return objective_create
