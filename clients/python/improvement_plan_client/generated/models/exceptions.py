from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exception_item import ExceptionItem
    from ..models.plan_ref import PlanRef
    from ..models.reason_counts import ReasonCounts


T = TypeVar("T", bound="Exceptions")


@_attrs_define
class Exceptions:
    """What the board must see on a day: red, overdue, slipped, or without updates.

    Attributes:
        plan (PlanRef): The plan a report is about.
        as_of (datetime.date): The day (end of day).
        items (list[ExceptionItem]): Exceptions, in document order.
        counts (ReasonCounts): How many exceptions give each reason.
    """

    plan: PlanRef
    as_of: datetime.date
    items: list[ExceptionItem]
    counts: ReasonCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan.to_dict()

        as_of = self.as_of.isoformat()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        counts = self.counts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "as_of": as_of,
                "items": items,
                "counts": counts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.exception_item import ExceptionItem
        from ..models.plan_ref import PlanRef
        from ..models.reason_counts import ReasonCounts

        d = dict(src_dict)
        plan = PlanRef.from_dict(d.pop("plan"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ExceptionItem.from_dict(items_item_data)

            items.append(items_item)

        counts = ReasonCounts.from_dict(d.pop("counts"))

        exceptions = cls(
            plan=plan,
            as_of=as_of,
            items=items,
            counts=counts,
        )

        exceptions.additional_properties = d
        return exceptions

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
