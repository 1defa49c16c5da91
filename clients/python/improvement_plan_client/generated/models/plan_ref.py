from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanRef")


@_attrs_define
class PlanRef:
    """The plan a report is about.

    Attributes:
        id (str): The plan's id.
        title (str): Its title.
        organisation (str): Its organisation.
        version_label (None | str): Its version label.
        key (None | str): The plan's key (`stockton-2023`), which names its report downloads; null when it has none
            (downloads are then named by its id).
    """

    id: str
    title: str
    organisation: str
    version_label: None | str
    key: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        organisation = self.organisation

        version_label: None | str
        version_label = self.version_label

        key: None | str
        key = self.key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "organisation": organisation,
                "version_label": version_label,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        organisation = d.pop("organisation")

        def _parse_version_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version_label = _parse_version_label(d.pop("version_label"))

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        plan_ref = cls(
            id=id,
            title=title,
            organisation=organisation,
            version_label=version_label,
            key=key,
        )

        plan_ref.additional_properties = d
        return plan_ref

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
