from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatusCounts")


@_attrs_define
class StatusCounts:
    """Actions counted by delivery status.

    Attributes:
        not_started (int): Not started.
        in_progress (int): In progress.
        complete (int): Complete.
        deferred (int): Deferred.
        cancelled (int): Cancelled.
    """

    not_started: int
    in_progress: int
    complete: int
    deferred: int
    cancelled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        not_started = self.not_started

        in_progress = self.in_progress

        complete = self.complete

        deferred = self.deferred

        cancelled = self.cancelled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "not_started": not_started,
                "in_progress": in_progress,
                "complete": complete,
                "deferred": deferred,
                "cancelled": cancelled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        not_started = d.pop("not_started")

        in_progress = d.pop("in_progress")

        complete = d.pop("complete")

        deferred = d.pop("deferred")

        cancelled = d.pop("cancelled")

        status_counts = cls(
            not_started=not_started,
            in_progress=in_progress,
            complete=complete,
            deferred=deferred,
            cancelled=cancelled,
        )

        status_counts.additional_properties = d
        return status_counts

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
