from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_by import GroupBy

if TYPE_CHECKING:
    from ..models.counts import Counts
    from ..models.plan_ref import PlanRef
    from ..models.summary_group import SummaryGroup


T = TypeVar("T", bound="Summary")


@_attrs_define
class Summary:
    """Counts by rating and status on a day, grouped.

    Attributes:
        plan (PlanRef): The plan a report is about.
        as_of (datetime.date): The day the counts describe (end of day).
        group_by (GroupBy): What a summary groups actions by.
        totals (Counts): Actions counted by rating and by delivery status.
        groups (list[SummaryGroup]): One per group, in document or name order. An action with two lead officers or two
            inspection actions counts in each of its groups.
    """

    plan: PlanRef
    as_of: datetime.date
    group_by: GroupBy
    totals: Counts
    groups: list[SummaryGroup]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan.to_dict()

        as_of = self.as_of.isoformat()

        group_by = self.group_by.value

        totals = self.totals.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "plan": plan,
                "as_of": as_of,
                "group_by": group_by,
                "totals": totals,
                "groups": groups,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.counts import Counts
        from ..models.plan_ref import PlanRef
        from ..models.summary_group import SummaryGroup

        d = dict(src_dict)
        plan = PlanRef.from_dict(d.pop("plan"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        group_by = GroupBy(d.pop("group_by"))

        totals = Counts.from_dict(d.pop("totals"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = SummaryGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        summary = cls(
            plan=plan,
            as_of=as_of,
            group_by=group_by,
            totals=totals,
            groups=groups,
        )

        summary.additional_properties = d
        return summary

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
