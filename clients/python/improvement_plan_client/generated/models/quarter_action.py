from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.exception_reason import ExceptionReason
from ..models.movement import Movement
from ..models.rag import Rag

T = TypeVar("T", bound="QuarterAction")


@_attrs_define
class QuarterAction:
    """One action's line in the quarterly report (the CSV and the XLSX actions sheet).

    Attributes:
        action_id (str): The action's id.
        ref (str): Its ref.
        title (str): Its title.
        rag (None | Rag): Its rating on the report's day; null when not rated.
        status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
        due_date (datetime.date | None): Its due date on the report's day.
        lead_officers (list[str]): Its lead officers' names.
        area_ref (str): Its area's ref.
        parent_ref (None | str): Its parent action's ref, for sub-actions.
        timescale (None | str): Its timescale as written.
        previous_rag (None | Rag): Its rating at the previous quarter's end.
        movement (Movement): How an action's rating moved between two quarter ends (red < amber < green < blue).
        last_update_date (datetime.date | None): Its latest update's effective date.
        completed_date (datetime.date | None): When it was completed.
        days_overdue (int | None): Days past due at the quarter's end.
        due_next_quarter (bool): Due in the next quarter and still open.
        updates_in_quarter (int): Status updates effective in the quarter.
        latest_narrative (None | str): Its latest narrative in the quarter.
        latest_next_steps (None | str): Its latest next steps in the quarter, as the update giving them says.
        exceptions (list[ExceptionReason]): Why the board must see it, if so.
    """

    action_id: str
    ref: str
    title: str
    rag: None | Rag
    status: DeliveryStatus
    due_date: datetime.date | None
    lead_officers: list[str]
    area_ref: str
    parent_ref: None | str
    timescale: None | str
    previous_rag: None | Rag
    movement: Movement
    last_update_date: datetime.date | None
    completed_date: datetime.date | None
    days_overdue: int | None
    due_next_quarter: bool
    updates_in_quarter: int
    latest_narrative: None | str
    latest_next_steps: None | str
    exceptions: list[ExceptionReason]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = self.action_id

        ref = self.ref

        title = self.title

        rag: None | str
        if isinstance(self.rag, Rag):
            rag = self.rag.value
        else:
            rag = self.rag

        status = self.status.value

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        lead_officers = self.lead_officers

        area_ref = self.area_ref

        parent_ref: None | str
        parent_ref = self.parent_ref

        timescale: None | str
        timescale = self.timescale

        previous_rag: None | str
        if isinstance(self.previous_rag, Rag):
            previous_rag = self.previous_rag.value
        else:
            previous_rag = self.previous_rag

        movement = self.movement.value

        last_update_date: None | str
        if isinstance(self.last_update_date, datetime.date):
            last_update_date = self.last_update_date.isoformat()
        else:
            last_update_date = self.last_update_date

        completed_date: None | str
        if isinstance(self.completed_date, datetime.date):
            completed_date = self.completed_date.isoformat()
        else:
            completed_date = self.completed_date

        days_overdue: int | None
        days_overdue = self.days_overdue

        due_next_quarter = self.due_next_quarter

        updates_in_quarter = self.updates_in_quarter

        latest_narrative: None | str
        latest_narrative = self.latest_narrative

        latest_next_steps: None | str
        latest_next_steps = self.latest_next_steps

        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.value
            exceptions.append(exceptions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "ref": ref,
                "title": title,
                "rag": rag,
                "status": status,
                "due_date": due_date,
                "lead_officers": lead_officers,
                "area_ref": area_ref,
                "parent_ref": parent_ref,
                "timescale": timescale,
                "previous_rag": previous_rag,
                "movement": movement,
                "last_update_date": last_update_date,
                "completed_date": completed_date,
                "days_overdue": days_overdue,
                "due_next_quarter": due_next_quarter,
                "updates_in_quarter": updates_in_quarter,
                "latest_narrative": latest_narrative,
                "latest_next_steps": latest_next_steps,
                "exceptions": exceptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action_id = d.pop("action_id")

        ref = d.pop("ref")

        title = d.pop("title")

        def _parse_rag(data: object) -> None | Rag:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rag_type_0 = Rag(data)

                return rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag, data)

        rag = _parse_rag(d.pop("rag"))

        status = DeliveryStatus(d.pop("status"))

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

        lead_officers = cast(list[str], d.pop("lead_officers"))

        area_ref = d.pop("area_ref")

        def _parse_parent_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_ref = _parse_parent_ref(d.pop("parent_ref"))

        def _parse_timescale(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timescale = _parse_timescale(d.pop("timescale"))

        def _parse_previous_rag(data: object) -> None | Rag:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_rag_type_0 = Rag(data)

                return previous_rag_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Rag, data)

        previous_rag = _parse_previous_rag(d.pop("previous_rag"))

        movement = Movement(d.pop("movement"))

        def _parse_last_update_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_update_date_type_0 = datetime.date.fromisoformat(data)

                return last_update_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_update_date = _parse_last_update_date(d.pop("last_update_date"))

        def _parse_completed_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_date_type_0 = datetime.date.fromisoformat(data)

                return completed_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        completed_date = _parse_completed_date(d.pop("completed_date"))

        def _parse_days_overdue(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_overdue = _parse_days_overdue(d.pop("days_overdue"))

        due_next_quarter = d.pop("due_next_quarter")

        updates_in_quarter = d.pop("updates_in_quarter")

        def _parse_latest_narrative(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_narrative = _parse_latest_narrative(d.pop("latest_narrative"))

        def _parse_latest_next_steps(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        latest_next_steps = _parse_latest_next_steps(d.pop("latest_next_steps"))

        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = ExceptionReason(exceptions_item_data)

            exceptions.append(exceptions_item)

        quarter_action = cls(
            action_id=action_id,
            ref=ref,
            title=title,
            rag=rag,
            status=status,
            due_date=due_date,
            lead_officers=lead_officers,
            area_ref=area_ref,
            parent_ref=parent_ref,
            timescale=timescale,
            previous_rag=previous_rag,
            movement=movement,
            last_update_date=last_update_date,
            completed_date=completed_date,
            days_overdue=days_overdue,
            due_next_quarter=due_next_quarter,
            updates_in_quarter=updates_in_quarter,
            latest_narrative=latest_narrative,
            latest_next_steps=latest_next_steps,
            exceptions=exceptions,
        )

        quarter_action.additional_properties = d
        return quarter_action

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
