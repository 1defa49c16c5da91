from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_read_changes import AuditEventReadChanges


T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """One write: who did what to which item, and what changed.

    Attributes:
        id (str): Opaque identifier.
        occurred_at (datetime.datetime): When (RFC 3339, UTC).
        actor (str): The API key's name, the signed-in person's or system's name, or `system` for the service itself.
        actor_key_id (None | str): The API key that made the change.
        actor_subject (None | str): The signed-in person's subject at the sign-in provider (a system's client id); null
            for an API key.
        actor_officer_id (None | str): The officer the caller acts for.
        entity_type (str): What kind of item.
        entity_id (str): Which item.
        operation (str): `create`, `update`, `archive`, `restore`, `link`, `unlink`, `status_update`, `correct`,
            `revoke`, or `read` for personal data.
        changes (AuditEventReadChanges): Each changed field as `{"before": …, "after": …}`.
        request_id (None | str): The request's `X-Request-ID`.
    """

    id: str
    occurred_at: datetime.datetime
    actor: str
    actor_key_id: None | str
    actor_subject: None | str
    actor_officer_id: None | str
    entity_type: str
    entity_id: str
    operation: str
    changes: AuditEventReadChanges
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        actor = self.actor

        actor_key_id: None | str
        actor_key_id = self.actor_key_id

        actor_subject: None | str
        actor_subject = self.actor_subject

        actor_officer_id: None | str
        actor_officer_id = self.actor_officer_id

        entity_type = self.entity_type

        entity_id = self.entity_id

        operation = self.operation

        changes = self.changes.to_dict()

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor": actor,
                "actor_key_id": actor_key_id,
                "actor_subject": actor_subject,
                "actor_officer_id": actor_officer_id,
                "entity_type": entity_type,
                "entity_id": entity_id,
                "operation": operation,
                "changes": changes,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_event_read_changes import AuditEventReadChanges

        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor = d.pop("actor")

        def _parse_actor_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_key_id = _parse_actor_key_id(d.pop("actor_key_id"))

        def _parse_actor_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_subject = _parse_actor_subject(d.pop("actor_subject"))

        def _parse_actor_officer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_officer_id = _parse_actor_officer_id(d.pop("actor_officer_id"))

        entity_type = d.pop("entity_type")

        entity_id = d.pop("entity_id")

        operation = d.pop("operation")

        changes = AuditEventReadChanges.from_dict(d.pop("changes"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        audit_event_read = cls(
            id=id,
            occurred_at=occurred_at,
            actor=actor,
            actor_key_id=actor_key_id,
            actor_subject=actor_subject,
            actor_officer_id=actor_officer_id,
            entity_type=entity_type,
            entity_id=entity_id,
            operation=operation,
            changes=changes,
            request_id=request_id,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
