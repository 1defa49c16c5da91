from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ObjectiveUpdate")


@_attrs_define
class ObjectiveUpdate:
    """Changes to an objective: only the fields sent change. It cannot move to another outcome.

    Attributes:
        statement (str | Unset): New statement.
        ref (str | Unset): New reference.
        reading_notes (list[str] | Unset): New reading notes, replacing the old.
        needs_review (bool | Unset): False confirms the reading (the change is audited); true asks for review.
    """

    statement: str | Unset = UNSET
    ref: str | Unset = UNSET
    reading_notes: list[str] | Unset = UNSET
    needs_review: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        ref = self.ref

        reading_notes: list[str] | Unset = UNSET
        if not isinstance(self.reading_notes, Unset):
            reading_notes = self.reading_notes

        needs_review = self.needs_review

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if statement is not UNSET:
            field_dict["statement"] = statement
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
        statement = d.pop("statement", UNSET)

        ref = d.pop("ref", UNSET)

        reading_notes = cast(list[str], d.pop("reading_notes", UNSET))

        needs_review = d.pop("needs_review", UNSET)

        objective_update = cls(
            statement=statement,
            ref=ref,
            reading_notes=reading_notes,
            needs_review=needs_review,
        )

        return objective_update
