from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.delivery_status import DeliveryStatus
from ..models.rag import Rag

T = TypeVar("T", bound="ActionSummary")


@_attrs_define
class ActionSummary:
    """A sub-action, as listed under its parent.

    Attributes:
        id (str): Opaque identifier.
        created_at (datetime.datetime): When it was created (RFC 3339, UTC).
        updated_at (datetime.datetime): When it last changed (RFC 3339, UTC).
        archived_at (datetime.datetime | None): When it was archived; null while it is live.
        ref (str): A short reference, unique in the plan (`A1.3`; sub-actions `A4.5.2`).
        title (str): What will be done.
        timescale (None | str): The timescale as written in the plan: `May 23`, `Every Q`, `Ongoing`.
        due_date (datetime.date | None): When it is due.
        rag (None | Rag): Current rating; null when not rated.
        status (DeliveryStatus): Where delivery of an action stands, separate from the RAG judgement.
    """

    id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    archived_at: datetime.datetime | None
    ref: str
    title: str
    timescale: None | str
    due_date: datetime.date | None
    rag: None | Rag
    status: DeliveryStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        ref = self.ref

        title = self.title

        timescale: None | str
        timescale = self.timescale

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        rag: None | str
        if isinstance(self.rag, Rag):
            rag = self.rag.value
        else:
            rag = self.rag

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "archived_at": archived_at,
                "ref": ref,
                "title": title,
                "timescale": timescale,
                "due_date": due_date,
                "rag": rag,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

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

        action_summary = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            archived_at=archived_at,
            ref=ref,
            title=title,
            timescale=timescale,
            due_date=due_date,
            rag=rag,
            status=status,
        )

        action_summary.additional_properties = d
        return action_summary

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
