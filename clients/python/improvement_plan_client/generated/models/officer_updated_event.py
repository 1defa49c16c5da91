from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_resource import EventResource
    from ..models.officer_read import OfficerRead


T = TypeVar("T", bound="OfficerUpdatedEvent")


@_attrs_define
class OfficerUpdatedEvent:
    """A lead officer was changed.

    Attributes:
        id (str): Opaque identifier; the same in every delivery of the event.
        type_ (Literal['officer.updated']):
        occurred_at (datetime.datetime): When the change was made (RFC 3339, UTC).
        actor (str): The API key's name, or `system` for the service itself.
        plan_id (None | str): The plan the resource belongs to, if any.
        resource (EventResource): The resource an event is about.
        data (OfficerRead): A lead officer: a named person, or a role such as "DCS".
    """

    id: str
    type_: Literal["officer.updated"]
    occurred_at: datetime.datetime
    actor: str
    plan_id: None | str
    resource: EventResource
    data: OfficerRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        actor = self.actor

        plan_id: None | str
        plan_id = self.plan_id

        resource = self.resource.to_dict()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "actor": actor,
                "plan_id": plan_id,
                "resource": resource,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.event_resource import EventResource
        from ..models.officer_read import OfficerRead

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["officer.updated"], d.pop("type"))
        if type_ != "officer.updated":
            raise ValueError(f"type must match const 'officer.updated', got '{type_}'")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = d.pop("actor")

        def _parse_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        resource = EventResource.from_dict(d.pop("resource"))

        data = OfficerRead.from_dict(d.pop("data"))

        officer_updated_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            actor=actor,
            plan_id=plan_id,
            resource=resource,
            data=data,
        )

        officer_updated_event.additional_properties = d
        return officer_updated_event

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
