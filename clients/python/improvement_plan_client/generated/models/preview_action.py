from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recurrence import Recurrence

T = TypeVar("T", bound="PreviewAction")


@_attrs_define
class PreviewAction:
    """
    Attributes:
        ref (str):
        title (str):
        timescale (None | str):
        due_date (datetime.date | None):
        recurrence (Recurrence): How an action repeats: a one-off with a due date, ongoing, quarterly or monthly.
        timescale_readable (bool): False when the timescale could not be read.
        lead_officers (list[str]): The lead officers' names.
        success_criteria (int): How many success criteria the action is linked to.
        strategies (list[str]): The titles of the strategies it links to.
        inspection_actions (list[int]):
        sub_actions (list[PreviewAction]):
    """

    ref: str
    title: str
    timescale: None | str
    due_date: datetime.date | None
    recurrence: Recurrence
    timescale_readable: bool
    lead_officers: list[str]
    success_criteria: int
    strategies: list[str]
    inspection_actions: list[int]
    sub_actions: list[PreviewAction]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ref = self.ref

        title = self.title

        timescale: None | str
        timescale = self.timescale

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        recurrence = self.recurrence.value

        timescale_readable = self.timescale_readable

        lead_officers = self.lead_officers

        success_criteria = self.success_criteria

        strategies = self.strategies

        inspection_actions = self.inspection_actions

        sub_actions = []
        for sub_actions_item_data in self.sub_actions:
            sub_actions_item = sub_actions_item_data.to_dict()
            sub_actions.append(sub_actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ref": ref,
                "title": title,
                "timescale": timescale,
                "due_date": due_date,
                "recurrence": recurrence,
                "timescale_readable": timescale_readable,
                "lead_officers": lead_officers,
                "success_criteria": success_criteria,
                "strategies": strategies,
                "inspection_actions": inspection_actions,
                "sub_actions": sub_actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_timescale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timescale = _parse_timescale(d.pop("timescale"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        recurrence = Recurrence(d.pop("recurrence"))

        timescale_readable = d.pop("timescale_readable")

        lead_officers = cast(list[str], d.pop("lead_officers"))

        success_criteria = d.pop("success_criteria")

        strategies = cast(list[str], d.pop("strategies"))

        inspection_actions = cast(list[int], d.pop("inspection_actions"))

        sub_actions = []
        _sub_actions = d.pop("sub_actions")
        for sub_actions_item_data in _sub_actions:
            sub_actions_item = PreviewAction.from_dict(sub_actions_item_data)

            sub_actions.append(sub_actions_item)

        preview_action = cls(
            ref=ref,
            title=title,
            timescale=timescale,
            due_date=due_date,
            recurrence=recurrence,
            timescale_readable=timescale_readable,
            lead_officers=lead_officers,
            success_criteria=success_criteria,
            strategies=strategies,
            inspection_actions=inspection_actions,
            sub_actions=sub_actions,
        )

        preview_action.additional_properties = d
        return preview_action

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
