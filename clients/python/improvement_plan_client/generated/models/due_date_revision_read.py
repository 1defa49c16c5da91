from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DueDateRevisionRead")


@_attrs_define
class DueDateRevisionRead:
    """One change of the due date.

    Attributes:
        id (str): Opaque identifier.
        from_date (datetime.date | None): The due date before.
        to_date (datetime.date | None): The due date after.
        reason (str): Why it changed.
        changed_at (datetime.datetime): When it changed.
        actor (str): Who changed it.
    """

    id: str
    from_date: datetime.date | None
    to_date: datetime.date | None
    reason: str
    changed_at: datetime.datetime
    actor: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_date: None | str
        if isinstance(self.from_date, datetime.date):
            from_date = self.from_date.isoformat()
        else:
            from_date = self.from_date

        to_date: None | str
        if isinstance(self.to_date, datetime.date):
            to_date = self.to_date.isoformat()
        else:
            to_date = self.to_date

        reason = self.reason

        changed_at = self.changed_at.isoformat()

        actor = self.actor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from_date": from_date,
                "to_date": to_date,
                "reason": reason,
                "changed_at": changed_at,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_from_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_date_type_0 = datetime.date.fromisoformat(data)

                return from_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        from_date = _parse_from_date(d.pop("from_date"))

        def _parse_to_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_date_type_0 = datetime.date.fromisoformat(data)

                return to_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        to_date = _parse_to_date(d.pop("to_date"))

        reason = d.pop("reason")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        actor = d.pop("actor")

        due_date_revision_read = cls(
            id=id,
            from_date=from_date,
            to_date=to_date,
            reason=reason,
            changed_at=changed_at,
            actor=actor,
        )

        due_date_revision_read.additional_properties = d
        return due_date_revision_read

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
