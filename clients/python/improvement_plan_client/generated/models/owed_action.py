from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OwedAction")


@_attrs_define
class OwedAction:
    """
    Attributes:
        id (str): The action's id.
        ref (str): Its ref.
        title (str): What will be done.
        last_update_date (datetime.date | None): Its latest update's effective date.
    """

    id: str
    ref: str
    title: str
    last_update_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        ref = self.ref

        title = self.title

        last_update_date: None | str
        if isinstance(self.last_update_date, datetime.date):
            last_update_date = self.last_update_date.isoformat()
        else:
            last_update_date = self.last_update_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "ref": ref,
                "title": title,
                "last_update_date": last_update_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_last_update_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_update_date_type_0 = datetime.date.fromisoformat(data)

                return last_update_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_update_date = _parse_last_update_date(d.pop("last_update_date"))

        owed_action = cls(
            id=id,
            ref=ref,
            title=title,
            last_update_date=last_update_date,
        )

        owed_action.additional_properties = d
        return owed_action

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
