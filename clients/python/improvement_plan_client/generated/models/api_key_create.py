from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyCreate")


@_attrs_define
class ApiKeyCreate:
    """A new key for a person or an integrating system.

    A key is bound to an officer (`officer_id`), to a named integrating system (`system`),
    or to neither (a person who is not an officer, such as an administrator); never to both.

        Attributes:
            name (str): Who or what uses the key: a person, or a named integrating system.
            role (Role): What a key may do. Each role includes everything the roles before it may do.
            officer_id (None | str | Unset): The officer the key acts for; a contributor may update the actions it leads.
            system (None | str | Unset): The integrating system the key belongs to, e.g. `Performance dashboard`. Not with
                `officer_id`.
            expires_at (datetime.datetime | None | Unset): When the key stops working (RFC 3339); null for never.
    """

    name: str
    role: Role
    officer_id: None | str | Unset = UNSET
    system: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        role = self.role.value

        officer_id: None | str | Unset
        if isinstance(self.officer_id, Unset):
            officer_id = UNSET
        else:
            officer_id = self.officer_id

        system: None | str | Unset
        if isinstance(self.system, Unset):
            system = UNSET
        else:
            system = self.system

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "role": role,
            }
        )
        if officer_id is not UNSET:
            field_dict["officer_id"] = officer_id
        if system is not UNSET:
            field_dict["system"] = system
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        role = Role(d.pop("role"))

        def _parse_officer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        officer_id = _parse_officer_id(d.pop("officer_id", UNSET))

        def _parse_system(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system = _parse_system(d.pop("system", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        api_key_create = cls(
            name=name,
            role=role,
            officer_id=officer_id,
            system=system,
            expires_at=expires_at,
        )

        return api_key_create
