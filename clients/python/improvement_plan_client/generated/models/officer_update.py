from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfficerUpdate")


@_attrs_define
class OfficerUpdate:
    """Changes to an officer: only the fields sent change.

    Attributes:
        name (str | Unset): New name.
        job_title (None | str | Unset): New job title; null clears it.
        email (None | str | Unset): New email address; null clears it.
        is_role (bool | Unset): Whether this is a role or group rather than a person.
        organisation (None | str | Unset): New organisation; null clears it.
        sign_in_subject (None | str | Unset): The person's subject at the sign-in provider (Entra ID's object id,
            `oid`), so that signing in acts as this officer; null clears it. No two officers share one.
    """

    name: str | Unset = UNSET
    job_title: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    is_role: bool | Unset = UNSET
    organisation: None | str | Unset = UNSET
    sign_in_subject: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        is_role = self.is_role

        organisation: None | str | Unset
        if isinstance(self.organisation, Unset):
            organisation = UNSET
        else:
            organisation = self.organisation

        sign_in_subject: None | str | Unset
        if isinstance(self.sign_in_subject, Unset):
            sign_in_subject = UNSET
        else:
            sign_in_subject = self.sign_in_subject

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if email is not UNSET:
            field_dict["email"] = email
        if is_role is not UNSET:
            field_dict["is_role"] = is_role
        if organisation is not UNSET:
            field_dict["organisation"] = organisation
        if sign_in_subject is not UNSET:
            field_dict["sign_in_subject"] = sign_in_subject

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        is_role = d.pop("is_role", UNSET)

        def _parse_organisation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organisation = _parse_organisation(d.pop("organisation", UNSET))

        def _parse_sign_in_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sign_in_subject = _parse_sign_in_subject(d.pop("sign_in_subject", UNSET))

        officer_update = cls(
            name=name,
            job_title=job_title,
            email=email,
            is_role=is_role,
            organisation=organisation,
            sign_in_subject=sign_in_subject,
        )

        return officer_update
