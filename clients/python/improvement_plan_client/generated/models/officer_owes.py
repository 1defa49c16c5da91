from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.owed_action import OwedAction


T = TypeVar("T", bound="OfficerOwes")


@_attrs_define
class OfficerOwes:
    """A lead officer and the actions they lead with no update this cycle.

    Attributes:
        officer_id (None | str): The officer; null for actions nobody leads.
        name (None | str): The officer's name.
        email (None | str): Where reminders go; null when none is known.
        actions (list[OwedAction]):
    """

    officer_id: None | str
    name: None | str
    email: None | str
    actions: list[OwedAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        officer_id: None | str
        officer_id = self.officer_id

        name: None | str
        name = self.name

        email: None | str
        email = self.email

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "officer_id": officer_id,
                "name": name,
                "email": email,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.owed_action import OwedAction

        d = dict(src_dict)

        def _parse_officer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        officer_id = _parse_officer_id(d.pop("officer_id"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = OwedAction.from_dict(actions_item_data)

            actions.append(actions_item)

        officer_owes = cls(
            officer_id=officer_id,
            name=name,
            email=email,
            actions=actions,
        )

        officer_owes.additional_properties = d
        return officer_owes

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
