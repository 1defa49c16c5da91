from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.exception_reason import ExceptionReason
from ..models.rag import Rag

T = TypeVar("T", bound="ExceptionItem")


@_attrs_define
class ExceptionItem:
    """An action the board must see, and why.

    Attributes:
        action_id (str): The action's id.
        ref (str): Its ref.
        title (str): Its title.
        rag (None | Rag): Its rating on the report's day; null when not rated.
        status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
        due_date (datetime.date | None): Its due date on the report's day.
        lead_officers (list[str]): Its lead officers' names.
        reasons (list[ExceptionReason]): Every reason it is an exception.
        days_overdue (int | None): Days past its due date, when overdue.
        last_update_date (datetime.date | None): Its latest update's effective date.
    """

    action_id: str
    ref: str
    title: str
    rag: None | Rag
    status: DeliveryStatus
    due_date: datetime.date | None
    lead_officers: list[str]
    reasons: list[ExceptionReason]
    days_overdue: int | None
    last_update_date: datetime.date | None
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

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        days_overdue: int | None
        days_overdue = self.days_overdue

        last_update_date: None | str
        if isinstance(self.last_update_date, datetime.date):
            last_update_date = self.last_update_date.isoformat()
        else:
            last_update_date = self.last_update_date

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
                "reasons": reasons,
                "days_overdue": days_overdue,
                "last_update_date": last_update_date,
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

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = ExceptionReason(reasons_item_data)

            reasons.append(reasons_item)

        def _parse_days_overdue(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        days_overdue = _parse_days_overdue(d.pop("days_overdue"))

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

        exception_item = cls(
            action_id=action_id,
            ref=ref,
            title=title,
            rag=rag,
            status=status,
            due_date=due_date,
            lead_officers=lead_officers,
            reasons=reasons,
            days_overdue=days_overdue,
            last_update_date=last_update_date,
        )

        exception_item.additional_properties = d
        return exception_item

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
