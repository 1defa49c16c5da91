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
    from ..models.area_read import AreaRead
    from ..models.event_resource import EventResource


T = TypeVar("T", bound="AreaArchivedEvent")


@_attrs_define
class AreaArchivedEvent:
    """A improvement area was archived.

    Attributes:
        id (str): Opaque identifier; the same in every delivery of the event.
        type_ (Literal['area.archived']):
        occurred_at (datetime.datetime): When the change was made (RFC 3339, UTC).
        actor (str): The API key's name, or `system` for the service itself.
        plan_id (None | str): The plan the resource belongs to, if any.
        resource (EventResource): The resource an event is about.
        data (AreaRead): An improvement area.
    """

    id: str
    type_: Literal["area.archived"]
    occurred_at: datetime.datetime
    actor: str
    plan_id: None | str
    resource: EventResource
    data: AreaRead
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
        from ..models.area_read import AreaRead
        from ..models.event_resource import EventResource

        d = dict(src_dict)
        id = d.pop("id")

        type_ = cast(Literal["area.archived"], d.pop("type"))
        if type_ != "area.archived":
            raise ValueError(f"type must match const 'area.archived', got '{type_}'")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = d.pop("actor")

        def _parse_plan_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        plan_id = _parse_plan_id(d.pop("plan_id"))

        resource = EventResource.from_dict(d.pop("resource"))

        data = AreaRead.from_dict(d.pop("data"))

        area_archived_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            actor=actor,
            plan_id=plan_id,
            resource=resource,
            data=data,
        )

        area_archived_event.additional_properties = d
        return area_archived_event

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
