from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfficerRead")


@_attrs_define
class OfficerRead:
    """A lead officer: a named person, or a role such as "DCS".

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        name (str): A person's name, or a role or group (`is_role`).
        job_title (None | str): Their job title, or what the role means.
        email (None | str): A contact email address.
        is_role (bool): True when this is a role ("DCS") or a group of partners, not a person. Default: False.
        organisation (None | str): The council or partner body the officer belongs to.
        sign_in_subject (None | str): The person's subject at the sign-in provider, if any.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    name: str
    job_title: None | str
    email: None | str
    organisation: None | str
    sign_in_subject: None | str
    is_role: bool = False
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

        name = self.name

        job_title: None | str
        job_title = self.job_title

        email: None | str
        email = self.email

        is_role = self.is_role

        organisation: None | str
        organisation = self.organisation

        sign_in_subject: None | str
        sign_in_subject = self.sign_in_subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "name": name,
                "job_title": job_title,
                "email": email,
                "is_role": is_role,
                "organisation": organisation,
                "sign_in_subject": sign_in_subject,
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

        name = d.pop("name")

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        is_role = d.pop("is_role")

        def _parse_organisation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organisation = _parse_organisation(d.pop("organisation"))

        def _parse_sign_in_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sign_in_subject = _parse_sign_in_subject(d.pop("sign_in_subject"))

        officer_read = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            name=name,
            job_title=job_title,
            email=email,
            is_role=is_role,
            organisation=organisation,
            sign_in_subject=sign_in_subject,
        )

        officer_read.additional_properties = d
        return officer_read

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
