from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiKeyRotate")


@_attrs_define
class ApiKeyRotate:
    """How to retire the key being replaced.

    Attributes:
        grace_seconds (int | Unset): How long the old key keeps working, in seconds (up to 7 days), so its users can
            switch; 0 revokes it at once. Never extends an earlier expiry. Default: 0.
    """

    grace_seconds: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        grace_seconds = self.grace_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if grace_seconds is not UNSET:
            field_dict["grace_seconds"] = grace_seconds

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grace_seconds = d.pop("grace_seconds", UNSET)

        api_key_rotate = cls(
            grace_seconds=grace_seconds,
        )

        return api_key_rotate
