from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..types import UNSET, Unset

T = TypeVar("T", bound="BodyCreatePlanImport")


@_attrs_define
class BodyCreatePlanImport:
    """
    Attributes:
        file (str): A Word document (.docx) with the plan's table, an Excel workbook (.xlsx) in the plan template, or a
            plan in the YAML or JSON plan format. The whole request may be at most `IPA_MAX_REQUEST_BODY_BYTES` (1 MiB by
            default).
        key (None | str | Unset): The plan's key, when the file does not give one (or to replace it).
        organisation (None | str | Unset): The council's name, when the file does not give it.
    """

    file: str
    key: None | str | Unset = UNSET
    organisation: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        organisation: None | str | Unset
        if isinstance(self.organisation, Unset):
            organisation = UNSET
        else:
            organisation = self.organisation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key
        if organisation is not UNSET:
            field_dict["organisation"] = organisation

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", (None, str(self.file).encode(), "text/plain")))

        if not isinstance(self.key, Unset):
            if isinstance(self.key, str):
                files.append(("key", (None, str(self.key).encode(), "text/plain")))
            else:
                files.append(("key", (None, str(self.key).encode(), "text/plain")))

        if not isinstance(self.organisation, Unset):
            if isinstance(self.organisation, str):
                files.append(
                    (
                        "organisation",
                        (None, str(self.organisation).encode(), "text/plain"),
                    )
                )
            else:
                files.append(
                    (
                        "organisation",
                        (None, str(self.organisation).encode(), "text/plain"),
                    )
                )

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        file = d.pop("file")

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

        def _parse_organisation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organisation = _parse_organisation(d.pop("organisation", UNSET))

        body_create_plan_import = cls(
            file=file,
            key=key,
            organisation=organisation,
        )

        body_create_plan_import.additional_properties = d
        return body_create_plan_import

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
