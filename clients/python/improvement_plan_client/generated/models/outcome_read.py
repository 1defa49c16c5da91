from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OutcomeRead")


@_attrs_define
class OutcomeRead:
    """An outcome: what an improvement area sets out to achieve.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        plan_id (str): The plan it belongs to.
        area_id (str): The improvement area it belongs to.
        ref (str): A short reference, unique among the plan's outcomes, that reports print and clients use.
        number (None | str): The outcome's number as the plan prints it; null when it has none.
        statement (str): What the outcome is.
        position (int): Its place in document order among the area's outcomes.
        reading_notes (list[str]): Why the item reads as it does from its source document: what was split, joined,
            paired, inherited from the row above or given a date. Empty when the source said it plainly.
        needs_review (bool): True while the plan's owner has still to confirm a reading choice described in
            `reading_notes`; an editor confirms by setting it to false.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    plan_id: str
    area_id: str
    ref: str
    number: None | str
    statement: str
    position: int
    reading_notes: list[str]
    needs_review: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        plan_id = self.plan_id

        area_id = self.area_id

        ref = self.ref

        number: None | str
        number = self.number

        statement = self.statement

        position = self.position

        reading_notes = self.reading_notes

        needs_review = self.needs_review

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "plan_id": plan_id,
                "area_id": area_id,
                "ref": ref,
                "number": number,
                "statement": statement,
                "position": position,
                "reading_notes": reading_notes,
                "needs_review": needs_review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        plan_id = d.pop("plan_id")

        area_id = d.pop("area_id")

        ref = d.pop("ref")

        def _parse_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        number = _parse_number(d.pop("number"))

        statement = d.pop("statement")

        position = d.pop("position")

        reading_notes = cast(list[str], d.pop("reading_notes"))

        needs_review = d.pop("needs_review")

        outcome_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            plan_id=plan_id,
            area_id=area_id,
            ref=ref,
            number=number,
            statement=statement,
            position=position,
            reading_notes=reading_notes,
            needs_review=needs_review,
        )

        outcome_read.additional_properties = d
        return outcome_read

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
