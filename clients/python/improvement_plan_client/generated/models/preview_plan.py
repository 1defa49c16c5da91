from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PreviewPlan")


@_attrs_define
class PreviewPlan:
    """
    Attributes:
        key (str):
        title (str):
        organisation (str):
        version_label (None | str):
        status (str):
    """

    key: str
    title: str
    organisation: str
    version_label: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        title = self.title

        organisation = self.organisation

        version_label: None | str
        version_label = self.version_label

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "title": title,
                "organisation": organisation,
                "version_label": version_label,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key = d.pop("key")

        title = d.pop("title")

        organisation = d.pop("organisation")

        def _parse_version_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version_label = _parse_version_label(d.pop("version_label"))

        status = d.pop("status")

        preview_plan = cls(
            key=key,
            title=title,
            organisation=organisation,
            version_label=version_label,
            status=status,
        )

        preview_plan.additional_properties = d
        return preview_plan

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
